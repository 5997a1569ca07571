"""Evaluation on the public development sets, each run with simple baselines measured alongside.

- Job-title normalisation (JobBERT validation titles → ESCO occupations): MRR@10, R@1, R@5, R@10.
- Skill extraction (Decorte et al. TECH / HOUSE sentences → ESCO skills): R-Precision@5 and @10.
"""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

NOT_SKILLS = {"LABEL NOT PRESENT", "UNDERSPECIFIED", ""}


@dataclass(frozen=True)
class RankingScores:
    name: str
    queries: int
    mrr10: float
    r1: float
    r5: float
    r10: float
    per_second: float

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "method": self.name,
            "queries": self.queries,
            "mrr@10": round(self.mrr10, 4),
            "r@1": round(self.r1, 4),
            "r@5": round(self.r5, 4),
            "r@10": round(self.r10, 4),
            "per_second": round(self.per_second, 1),
        }


def read_titles(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = [(row["vacancyTitle"].strip(), row["conceptUri"].strip()) for row in csv.DictReader(handle)]
    rows = [(title, uri) for title, uri in rows if title and uri]
    return rows[:limit] if limit else rows


def score_ranking(
    name: str, queries: Sequence[tuple[str, str]], rank: Callable[[str], list[str]]
) -> RankingScores:
    mrr = r1 = r5 = r10 = 0.0
    started = time.perf_counter()
    for text, gold in queries:
        ranked = rank(text)[:10]
        if gold in ranked:
            position = ranked.index(gold) + 1
            mrr += 1.0 / position
            r1 += position == 1
            r5 += position <= 5
            r10 += 1
    elapsed = time.perf_counter() - started
    n = max(len(queries), 1)
    return RankingScores(
        name, len(queries), mrr / n, r1 / n, r5 / n, r10 / n, len(queries) / max(elapsed, 1e-9)
    )


@dataclass(frozen=True)
class ExtractionScores:
    name: str
    sentences: int
    rp5: float
    rp10: float
    per_second: float

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "method": self.name,
            "sentences": self.sentences,
            "rp@5": round(self.rp5, 4),
            "rp@10": round(self.rp10, 4),
            "per_second": round(self.per_second, 1),
        }


def read_annotations(path: Path, label_to_uri: dict[str, str]) -> list[tuple[str, set[str]]]:
    """Sentences with their gold skill URIs (labels not in the taxonomy are dropped and counted out)."""
    gold: dict[str, set[str]] = defaultdict(set)
    order: list[str] = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            sentence = row["sentence"].strip()
            if sentence not in gold:
                order.append(sentence)
                gold[sentence] = set()
            label = row["label"].strip()
            if label not in NOT_SKILLS and label.casefold() in label_to_uri:
                gold[sentence].add(label_to_uri[label.casefold()])
    return [(sentence, gold[sentence]) for sentence in order if gold[sentence]]


def r_precision(ranked: Iterable[str], gold: set[str], k: int) -> float:
    top = list(ranked)[:k]
    return sum(1 for uri in top if uri in gold) / min(k, len(gold))


def score_extraction(
    name: str, data: Sequence[tuple[str, set[str]]], extract: Callable[[str], list[str]]
) -> ExtractionScores:
    started = time.perf_counter()
    rp5 = rp10 = 0.0
    for sentence, gold in data:
        ranked = extract(sentence)
        rp5 += r_precision(ranked, gold, 5)
        rp10 += r_precision(ranked, gold, 10)
    elapsed = time.perf_counter() - started
    n = max(len(data), 1)
    return ExtractionScores(name, len(data), rp5 / n, rp10 / n, len(data) / max(elapsed, 1e-9))


def fuzzy_ranker(entries: Sequence[tuple[str, str, str]]) -> Callable[[str], list[str]]:
    """Baseline: the best rapidfuzz WRatio over all labels, one score per concept."""
    import numpy as np
    from rapidfuzz import fuzz, process

    texts = [text.casefold() for _, _, text in entries]
    uris = [uri for uri, _, _ in entries]
    starts = [i for i, uri in enumerate(uris) if i == 0 or uris[i - 1] != uri]
    concepts = [uris[i] for i in starts]

    def rank(query: str) -> list[str]:
        scores = process.cdist([query.casefold()], texts, scorer=fuzz.WRatio, workers=-1, dtype=np.uint8)[0]
        best = np.maximum.reduceat(scores, starts)
        top = np.argsort(-best.astype(np.int16), kind="stable")[:10]
        return [concepts[i] for i in top]

    return rank
