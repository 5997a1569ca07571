"""Skill extraction: free text in fi, sv or en becomes ranked skill concepts with evidence.

Three signals are fused per concept:
- an exact label phrase in the text (lemma sequence), which also gives the evidence span;
- label coverage: the share of a label's content lemmas found in the text, weighted by how rare
  each lemma is among labels (handles reordering and partial phrases);
- dense similarity of the whole text to the concept's preferred label (cross-lingual).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from kohtaanto.core.language import LANGUAGES
from kohtaanto.skills.embeddings import Encoder, Vectors, default_encoder, label_vectors
from kohtaanto.skills.lexical import LexicalIndex
from kohtaanto.skills.text import STOPWORDS, affirmed, clauses, tokens

# Calibrated on shared/data/dev/skill_extraction_{tech,house}_validation_annotations.csv; "description"
# (the starter vocabulary's first-person descriptions, ESCO's skills have none here) on own-words sentences
# written for kohtaanto (docs/decisions/0015-own-words-descriptions.md).
WEIGHTS = {"dense": 1.0, "coverage": 0.6, "exact": 0.4, "min_score": 0.0, "description": 2.0}
# Finnish and Swedish derivations share a stem but not a lemma ("tiskata" ~ "tiskaus", "siivota" ~
# "siivous", "diska" ~ "disk"): a lemma of the text counts, at this share of their weight, for label
# lemmas with the same first PREFIX[language] letters.
PREFIX = {"fi": 5, "sv": 4}
PREFIX_SHARE = 0.8


# How much closer in meaning (cosine) the clause shown as evidence must be to a skill than the text's other
# clauses on average; below it no clause is shown. Set by looking at the demo's Arabic and Ukrainian stories.
MEANING_MARGIN = 0.025


@dataclass(frozen=True)
class Evidence:
    """Where the text shows a skill: its own words (``words``: the label's words were found), or, where
    no words of the label are found, the clause closest to the skill in meaning (``meaning``)."""

    start: int
    end: int
    text: str
    how: str = "words"


@dataclass(frozen=True)
class Extracted:
    uri: str
    score: float
    label: str
    evidence: Evidence | None


def description_inputs(
    cache_file: Path, preferred: dict[str, str], descriptions: dict[str, str]
) -> tuple[Path, list[str]]:
    """Where the descriptions' vectors of an extractor cached in ``cache_file`` are kept, and the texts
    they are computed from: one per concept in sorted order, the preferred label where a concept has no
    description."""
    texts = [descriptions.get(uri) or preferred[uri] for uri in sorted(preferred)]
    return cache_file.with_name(f"{cache_file.stem}-descriptions.npz"), texts


class SkillExtractor:
    def __init__(
        self,
        entries: list[tuple[str, str, str]],
        preferred: dict[str, str],
        language: str,
        cache_file: Path,
        encoder: Encoder | None = None,
        weights: dict[str, float] | None = None,
        descriptions: dict[str, str] | None = None,
    ) -> None:
        self.language = language
        self.weights = dict(weights or WEIGHTS)
        self.encoder = encoder
        self.lexical = LexicalIndex(
            sorted(entries),
            language,
            cache_file.with_name(f"{cache_file.stem}-{language}-{len(entries)}.lexical.npz"),
        )
        self.concepts = sorted(preferred)
        self.index = {uri: i for i, uri in enumerate(self.concepts)}
        self.preferred = preferred
        self.vectors = label_vectors(
            cache_file, self.concepts, [preferred[u] for u in self.concepts], encoder or default_encoder()
        )
        self.descriptions: Vectors | None = None
        if descriptions:
            where, texts = description_inputs(cache_file, preferred, descriptions)
            self.descriptions = label_vectors(
                where, self.concepts, texts, encoder or default_encoder()
            ).vectors
        label_count = len(self.lexical.entries)
        df: dict[str, int] = defaultdict(int)
        for entry in self.lexical.entries:
            for lemma in set(entry.lemmas):
                df[lemma] += 1
        self.idf = {lemma: math.log((1 + label_count) / (1 + n)) + 1.0 for lemma, n in df.items()}
        self.stems: dict[str, list[str]] = defaultdict(list)
        self.prefix = PREFIX.get(language, 0)
        if self.prefix:
            for lemma in df:
                if len(lemma) >= self.prefix:
                    self.stems[lemma[: self.prefix]].append(lemma)
        self._index_lemmas()

    def _index_lemmas(self) -> None:
        """The labels' lemmas as a sparse matrix (lemma x label, idf-weighted), so a text's coverage of
        every label is one sparse product instead of a walk over each lemma's postings."""
        self.vocabulary = {lemma: i for i, lemma in enumerate(sorted(self.idf))}
        rows: list[int] = []
        columns: list[int] = []
        for column, entry in enumerate(self.lexical.entries):
            for lemma in set(entry.lemmas):
                rows.append(self.vocabulary[lemma])
                columns.append(column)
        idf = np.array([self.idf[lemma] for lemma in sorted(self.idf)], dtype=np.float32)
        shape = (len(self.vocabulary), len(self.lexical.entries))
        self.weighted = sparse.csr_matrix((idf[rows], (rows, columns)), shape=shape, dtype=np.float32)
        self.present = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=shape, dtype=np.float32
        )
        self.label_mass = np.maximum(np.asarray(self.weighted.sum(axis=0)).ravel(), 1e-9)
        self.label_size = np.asarray(self.present.sum(axis=0)).ravel()
        self.entry_concept = np.array(
            [self.index.get(entry.uri, -1) for entry in self.lexical.entries], dtype=np.int64
        )

    def _encoder(self) -> Encoder:
        return self.encoder or default_encoder()

    def extract(
        self, text: str, k: int = 10, use: tuple[str, ...] = ("dense", "coverage", "exact")
    ) -> list[Extracted]:
        text = affirmed(text, self.language)  # what the person says they cannot do is no evidence
        if not any(ch.isalnum() for ch in text):
            return []
        toks = [t for t in tokens(text, self.language) if t.lemma not in STOPWORDS.get(self.language, ())]
        lemmas = [t.lemma for t in toks]
        scores = np.zeros(len(self.concepts), dtype=np.float32)
        evidence: dict[int, Evidence] = {}
        if "dense" in use:
            vector = self._encoder().queries([text])[0]
            scores += self.weights["dense"] * (self.vectors.vectors @ vector)
            if self.descriptions is not None:
                # a skill described in the first person ("Vien paketit asiakkaille …") is close to how a
                # person writes it. E5's cosines lie close together, hence the weight; they are centred on
                # the text's mean, so only how much better a description fits counts and the scores keep
                # their scale (the skills page pre-ticks the suggestions near the best one)
                fit = self.descriptions @ vector
                scores += np.float32(self.weights["description"]) * (fit - fit.mean())
        covered: list[tuple[int, int, int]] = []  # (entry, first token, end token) of whole labels
        if "coverage" in use and lemmas:
            shares, covered = self._coverage(lemmas)
            scores += np.float32(self.weights["coverage"]) * shares
        if "exact" in use:
            for entry, start, end in self._unambiguous([*self.lexical.exact_spans(lemmas), *covered], scores):
                found = self.index.get(self.lexical.entries[entry].uri)
                if found is None:
                    continue
                if found not in evidence:
                    scores[found] += self.weights["exact"]
                first, last = toks[start], toks[end - 1]
                evidence[found] = Evidence(first.start, last.end, text[first.start : last.end])
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        top = top[np.argsort(-scores[top])]
        if "dense" in use and self.language not in LANGUAGES:
            # a journey language (Arabic, Ukrainian …) has no lemmatiser or synonyms to find a label's
            # words with: the evidence shown is the clause whose meaning is closest to the skill
            evidence.update(self._closest_clauses(text, [int(i) for i in top if int(i) not in evidence]))
        return [
            Extracted(
                self.concepts[i], float(scores[i]), self.preferred[self.concepts[i]], evidence.get(int(i))
            )
            for i in top
            if scores[i] > self.weights["min_score"]
        ]

    def _closest_clauses(self, text: str, concepts: list[int]) -> dict[int, Evidence]:
        spans = clauses(text)
        if not concepts or len(spans) < 2:  # one clause is the whole text: it shows nothing more
            return {}
        vectors = self._encoder().queries([text[a:b] for a, b in spans])
        similarity = self.vectors.vectors[concepts] @ vectors.T  # concept x clause
        found = {}
        for row, concept in enumerate(concepts):
            best = int(np.argmax(similarity[row]))
            others = float(np.delete(similarity[row], best).mean())
            if float(similarity[row, best]) - others < MEANING_MARGIN:
                continue  # no clause stands out: the skill is suggested by the text as a whole
            a, b = spans[best]
            found[concept] = Evidence(a, b, text[a:b], how="meaning")
        return found

    def _coverage(self, lemmas: list[str]) -> tuple[npt.NDArray[np.float32], list[tuple[int, int, int]]]:
        """Each concept's best idf-weighted share of a label's lemmas found in the text, and the labels
        found whole (every lemma, in any order or derivation, close together) with their token span.

        A label lemma counts in full when the text has it, and at ``PREFIX_SHARE`` when the text has only
        a lemma with its stem (a derivation); its place is the first token that has it, or that stem."""
        place: dict[str, int] = {}  # label lemma -> the token that shows it
        weight: dict[str, float] = {}
        for at, lemma in enumerate(lemmas):
            if lemma in self.vocabulary and weight.get(lemma) != 1.0:
                weight[lemma], place[lemma] = 1.0, at
            for near in self._near(lemma):
                if near not in weight:
                    weight[near], place[near] = PREFIX_SHARE, at
        best = np.zeros(len(self.concepts), dtype=np.float32)
        if not weight:
            return best, []
        rows = np.array([self.vocabulary[lemma] for lemma in weight], dtype=np.int64)
        shares = np.array(list(weight.values()), dtype=np.float32)
        matched = np.asarray(self.weighted[rows].T @ shares).ravel()
        found = np.flatnonzero(matched)
        concepts = self.entry_concept[found]
        known = concepts >= 0
        np.maximum.at(best, concepts[known], (matched[found] / self.label_mass[found])[known])
        hits = np.asarray(self.present[rows].sum(axis=0)).ravel()[found]
        whole = found[(hits == self.label_size[found]) & (self.label_size[found] >= 2)]
        covered: list[tuple[int, int, int]] = []
        for entry in whole:
            spots = [place[lemma] for lemma in set(self.lexical.entries[int(entry)].lemmas)]
            first, last = min(spots), max(spots)
            if last - first < 2 * len(spots):
                covered.append((int(entry), first, last + 1))
        return best, covered

    def _near(self, lemma: str) -> list[str]:
        """Label lemmas that share the stem of ``lemma`` (Finnish and Swedish derivations)."""
        if not self.prefix or len(lemma) < self.prefix:
            return []
        return [near for near in self.stems.get(lemma[: self.prefix], ()) if near != lemma]

    def _unambiguous(
        self, spans: list[tuple[int, int, int]], scores: npt.NDArray[np.float32]
    ) -> list[tuple[int, int, int]]:
        """The found labels, where one wording names several concepts ("drive forklifts" is a label of
        both "operate forklift" and "drive agricultural machines") only for the best of them so far."""
        by_words: dict[tuple[tuple[str, ...], int, int], list[tuple[int, int, int]]] = defaultdict(list)
        # (the same words in any order, at the same place)
        for span in spans:
            entry, start, end = span
            by_words[(tuple(sorted(set(self.lexical.entries[entry].lemmas))), start, end)].append(span)
        kept = []
        for group in by_words.values():
            concepts = {self.index.get(self.lexical.entries[e].uri) for e, _, _ in group} - {None}
            if len(concepts) <= 1:
                kept.extend(group)
                continue
            best = max(concepts, key=lambda c: float(scores[c]))
            kept.extend(s for s in group if self.index.get(self.lexical.entries[s[0]].uri) == best)
        return kept
