"""Evaluation on the public development sets, each run with simple baselines measured alongside.

- Job-title normalisation (JobBERT validation titles → ESCO occupations): MRR@10, R@1, R@5, R@10.
- Skill extraction (Decorte et al. TECH / HOUSE sentences → ESCO skills): R-Precision@5 and @10.
- Finnish and Swedish titles → ESCO occupations, scored by the ISCO-08 unit group of the first result
  (development titles held out from the index: :func:`title_queries`).
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    name: str,
    queries: Sequence[tuple[str, str]],
    rank: Callable[[str], list[str]] | None,
    *,
    rank_all: Callable[[list[str]], Sequence[list[str]]] | None = None,
) -> RankingScores:
    """MRR@10 and recall at 1, 5 and 10. ``rank`` ranks one text; ``rank_all`` the whole list at once."""
    mrr = r1 = r5 = r10 = 0.0
    started = time.perf_counter()
    rankings = _rank_each([text for text, _ in queries], rank, rank_all)
    elapsed = time.perf_counter() - started
    for (_, gold), ranking in zip(queries, rankings, strict=True):
        ranked = ranking[:10]
        if gold in ranked:
            position = ranked.index(gold) + 1
            mrr += 1.0 / position
            r1 += position == 1
            r5 += position <= 5
            r10 += 1
    n = max(len(queries), 1)
    return RankingScores(
        name, len(queries), mrr / n, r1 / n, r5 / n, r10 / n, len(queries) / max(elapsed, 1e-9)
    )


def _rank_each(
    texts: list[str],
    rank: Callable[[str], list[str]] | None,
    rank_all: Callable[[list[str]], Sequence[list[str]]] | None,
) -> list[list[str]]:
    if rank_all is not None:
        return list(rank_all(texts))
    if rank is None:
        raise ValueError("a ranking needs rank or rank_all")
    return [rank(text) for text in texts]


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


# --- Finnish and Swedish job titles → ISCO-08 unit group -------------------------------------------

DEV_DATA = Path(__file__).parent / "data"
HELD_OUT_SHARE = 4  # one ESCO alternative or hidden label in four is held out as a query


@dataclass(frozen=True)
class TitleQuery:
    title: str
    group: str  # ISCO-08 unit group the title belongs to
    source: str  # where the query comes from (a row of the report)


def _held_out(uri: str, label: str) -> bool:
    digest = hashlib.sha256(f"{uri}\x1f{label}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % HELD_OUT_SHARE == 0


def title_queries(
    language: str,
    esco_labels: Sequence[tuple[str, str, str]],
    groups: Mapping[str, str],
    starter: Sequence[tuple[str, str]],
    written: Path | None = None,
) -> list[TitleQuery]:
    """The development titles of one language, each with the unit group it belongs to.

    - ``esco``: every fourth ESCO alternative or hidden label in ``language`` (by a hash), when it is
      not also a kept label of the same occupation;
    - ``starter``: the starter occupations' names, as (title, ESCO concept);
    - ``written``: titles as job ads write them, in ``data/dev_titles_<language>.csv`` (title, isco).
    The normaliser under test must hide every query's text from its index (:func:`held_out_texts`).
    """
    out: list[TitleQuery] = []
    kept: dict[str, set[str]] = defaultdict(set)
    held: list[tuple[str, str]] = []
    for uri, role, label in esco_labels:
        if role in ("alternative", "hidden") and _held_out(uri, label):
            held.append((uri, label))
        else:
            kept[uri].add(label.casefold())
    out += [
        TitleQuery(label, groups[uri], "esco")
        for uri, label in held
        if uri in groups and label.casefold() not in kept[uri]
    ]
    seen: set[str] = set()
    for title, uri in starter:
        if uri in groups and title.casefold() not in seen:
            seen.add(title.casefold())
            out.append(TitleQuery(title, groups[uri], "starter"))
    path = written or DEV_DATA / f"dev_titles_{language}.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            out += [TitleQuery(row["title"], row["isco"], "written") for row in csv.DictReader(handle)]
    return out


def held_out_texts(queries: Iterable[TitleQuery], clean: Callable[[str], str]) -> set[str]:
    """Casefolded texts (as typed and cleaned) an index must not hold while these queries are asked."""
    texts: set[str] = set()
    for query in queries:
        texts.add(query.title.casefold())
        texts.add(clean(query.title).casefold())
    return texts


@dataclass(frozen=True)
class GroupScores:
    name: str
    source: str
    queries: int
    top1: float
    per_second: float

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "method": self.name,
            "set": self.source,
            "queries": self.queries,
            "top1_isco": round(self.top1, 4),
            "per_second": round(self.per_second, 1),
        }


def score_groups(
    name: str,
    queries: Sequence[TitleQuery],
    rank: Callable[[str], list[str]] | None,
    groups: Mapping[str, str],
    *,
    rank_all: Callable[[list[str]], Sequence[list[str]]] | None = None,
) -> list[GroupScores]:
    """Top-1 accuracy of the first result's unit group, per source and over all queries. ``rank`` ranks
    one title; ``rank_all`` ranks the whole list at once (a batched ranker), timed the same way."""
    hits: dict[str, list[bool]] = defaultdict(list)
    started = time.perf_counter()
    rankings = _rank_each([query.title for query in queries], rank, rank_all)
    elapsed = time.perf_counter() - started
    for query, ranked in zip(queries, rankings, strict=True):
        hits[query.source].append(bool(ranked) and groups.get(ranked[0]) == query.group)
    rate = len(queries) / max(elapsed, 1e-9)
    rows = [GroupScores(name, source, len(h), sum(h) / len(h), rate) for source, h in hits.items()]
    everything = [x for h in hits.values() for x in h]
    rows.append(GroupScores(name, "all", len(everything), sum(everything) / max(len(everything), 1), rate))
    return rows
