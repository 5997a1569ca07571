"""Lexical matching of text against taxonomy labels: exact lemma phrases and character n-grams.

Character n-grams (3-5, inside word boundaries) make inflected and compound Finnish words meet
their base forms: "trukinkuljettajana" shares most n-grams with "trukinkuljettaja".
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from kohtaanto.skills.text import STOPWORDS, content_lemmas

_LETTER = re.compile(r"(?<![^\W\d_])[^\W\d_](?![^\W\d_])")  # a letter standing alone, as in "t.b.m."
ROLE_WEIGHT = {"preferred": 1.0, "alternative": 0.95, "hidden": 0.8, "starter": 1.0, "curated": 1.0}


def char_ngrams(text: str, low: int = 3, high: int = 5) -> list[str]:
    grams: list[str] = []
    for word in text.split():
        padded = f"<{word}>"
        for n in range(low, high + 1):
            grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


@dataclass(frozen=True)
class Entry:
    uri: str
    role: str
    text: str
    lemmas: tuple[str, ...]


_US, _RS = "\x1f", "\x1e"  # unit and record separators for the cached lemma lists


def _key(entries: Sequence[tuple[str, str, str]], language: str) -> str:
    digest = hashlib.sha256(language.encode())
    for uri, role, text in entries:
        digest.update(f"\x1e{uri}\x1f{role}\x1f{text}".encode())
    return digest.hexdigest()[:16]


class LexicalIndex:
    """Labels of one language: exact lemma phrases and a TF-IDF matrix of character n-grams."""

    def __init__(
        self, entries: Sequence[tuple[str, str, str]], language: str, cache_file: Path | None = None
    ) -> None:
        self.language = language
        key = _key(entries, language)
        if cache_file is not None and self._load(cache_file, entries, key):
            return
        self.entries = [
            Entry(uri, role, text, tuple(content_lemmas(text, language))) for uri, role, text in entries
        ]
        self._index_phrases()
        self._build_matrix()
        if cache_file is not None:
            self._save(cache_file, key)

    def _index_phrases(self) -> None:
        self.phrases: dict[tuple[str, ...], list[int]] = defaultdict(list)
        stop = STOPWORDS.get(self.language, frozenset())
        for i, entry in enumerate(self.entries):
            # a label that lost a letter token ("driving t.b.m." → "drive") is no longer itself
            lost = any(w.casefold() not in stop for w in _LETTER.findall(entry.text))
            if entry.lemmas and not lost:
                self.phrases[entry.lemmas].append(i)
        self.max_phrase = max((len(k) for k in self.phrases), default=1)

    def _save(self, cache_file: Path, key: str) -> None:
        """Lemmas and the n-gram matrix, so the next start skips the slow build (~9 s for ESCO EN skills)."""
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(f"{cache_file.stem}.{os.getpid()}.{time.monotonic_ns()}.tmp.npz")
        lemmas = _RS.join(_US.join(entry.lemmas) for entry in self.entries)
        np.savez(
            tmp,
            key=np.array(key),
            data=self.matrix.data,
            indices=self.matrix.indices,
            indptr=self.matrix.indptr,
            shape=np.array(self.matrix.shape),
            idf=self.idf,
            vocabulary=np.array(sorted(self.vocabulary, key=self.vocabulary.__getitem__)),
            lemmas=np.array(lemmas),
        )
        os.replace(tmp, cache_file)

    def _load(self, cache_file: Path, entries: Sequence[tuple[str, str, str]], key: str) -> bool:
        if not cache_file.exists():
            return False
        with np.load(cache_file, allow_pickle=False) as data:
            if str(data["key"]) != key:
                return False
            lemmas = str(data["lemmas"]).split(_RS) if entries else []
            self.entries = [
                Entry(uri, role, text, tuple(x for x in found.split(_US) if x))
                for (uri, role, text), found in zip(entries, lemmas, strict=True)
            ]
            self.matrix = sparse.csr_matrix(
                (data["data"], data["indices"], data["indptr"]), shape=tuple(data["shape"])
            )
            self.idf = data["idf"]
            self.vocabulary = {gram: i for i, gram in enumerate(data["vocabulary"].tolist())}
        self.matrix_t = self.matrix.T.tocsr()
        self._index_phrases()
        return True

    def _build_matrix(self) -> None:
        vocabulary: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, entry in enumerate(self.entries):
            counts: dict[int, int] = defaultdict(int)
            for gram in char_ngrams(" ".join(entry.lemmas)):
                counts[vocabulary.setdefault(gram, len(vocabulary))] += 1
            for col, count in counts.items():
                rows.append(i)
                cols.append(col)
                vals.append(float(count))
        self.vocabulary = vocabulary
        matrix = sparse.csr_matrix(
            (vals, (rows, cols)), shape=(len(self.entries), len(vocabulary)), dtype=np.float32
        )
        df = np.bincount(matrix.indices, minlength=len(vocabulary))
        self.idf = np.log((1 + len(self.entries)) / (1 + df)).astype(np.float32) + 1.0
        matrix = matrix.multiply(self.idf).tocsr()
        norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
        norms[norms == 0] = 1.0
        self.matrix = sparse.diags(1.0 / norms).dot(matrix).tocsr().astype(np.float32)
        self.matrix_t = self.matrix.T.tocsr()

    def ngram_scores(self, text_lemmas: Sequence[str]) -> npt.NDArray[np.float32]:
        """Cosine of the text's character n-grams with every label (0 where nothing is shared)."""
        counts: dict[int, float] = defaultdict(float)
        for gram in char_ngrams(" ".join(text_lemmas)):
            col = self.vocabulary.get(gram)
            if col is not None:
                counts[col] += 1.0
        if not counts:
            return np.zeros(len(self.entries), dtype=np.float32)
        cols = np.fromiter(counts, dtype=np.int64)
        weights = np.fromiter(counts.values(), dtype=np.float32) * self.idf[cols]
        weights /= math.sqrt(float(np.dot(weights, weights))) or 1.0
        return np.asarray(self.matrix_t[cols].T.dot(weights), dtype=np.float32).ravel()

    def exact_spans(self, text_lemmas: Sequence[str]) -> list[tuple[int, int, int]]:
        """(entry index, start, end) for every label phrase found in the lemma sequence."""
        found = []
        for start in range(len(text_lemmas)):
            for length in range(1, min(self.max_phrase, len(text_lemmas) - start) + 1):
                for entry in self.phrases.get(tuple(text_lemmas[start : start + length]), ()):
                    found.append((entry, start, start + length))
        return found
