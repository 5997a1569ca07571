"""Skill suggester: what a person has typed so far in the profile form becomes skill names to pick.

It works on labels only (no model), so it answers while the person types. A label matches when
it starts with the input, when every typed word begins a word of the label, or when a typed word
appears inside a word (Finnish compounds: "kassa" in "itsepalvelukassa"). Small typos are
forgiven by a fuzzy comparison (rapidfuzz). The starter vocabulary comes first; ESCO labels in the
same language follow once a taxonomy is imported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kohtaanto.core.language import resolve
from kohtaanto.skills.text import normalise
from kohtaanto.taxonomy.vocabulary import StarterSkill

SOURCE_ORDER = {"starter": 0, "esco": 1}
MIN_FUZZY = 80.0  # rapidfuzz partial ratio (0-100) for a typo-tolerant match


@dataclass(frozen=True)
class SuggestEntry:
    """One label a concept can be found by; ``name`` is the concept's display name."""

    id: str
    name: str
    label: str
    source: str  # "starter" or "esco"


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str
    matched: str
    score: float
    source: str


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class SkillSuggester:
    """Answers from an inverted index of label words, so 100,000 ESCO labels stay interactive."""

    def __init__(self, entries: Iterable[SuggestEntry]) -> None:
        self.entries = list(entries)
        self.labels = [normalise(entry.label) for entry in self.entries]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, label in enumerate(self.labels):
            for word in set(_WORD.findall(label)):
                postings[word].append(index)
        self.vocabulary = sorted(postings)
        self.postings = dict(postings)

    def _labels_for(self, word: str) -> dict[int, float]:
        """Label index -> how well ``word`` (as typed) meets one of the label's words."""
        quality: dict[str, float] = {}
        for known in self.vocabulary:
            if known.startswith(word):
                quality[known] = 0.9
            elif len(word) >= 3 and word in known:
                quality[known] = 0.75
        if len(word) >= 4:  # a typo: compare with each word's beginning of the same length
            prefixes = [known[: len(word)] for known in self.vocabulary]
            for _, ratio, at in process.extract(
                word, prefixes, scorer=fuzz.ratio, score_cutoff=MIN_FUZZY, limit=None
            ):
                known = self.vocabulary[at]
                quality[known] = max(quality.get(known, 0.0), 0.7 * ratio / 100)
        out: dict[int, float] = {}
        for known, value in quality.items():
            for index in self.postings[known]:
                if value > out.get(index, 0.0):
                    out[index] = value
        return out

    def suggest(self, partial: str, k: int = 10) -> list[Suggestion]:
        query = " ".join(normalise(partial).split())
        words = _WORD.findall(query)
        if len(query) < 2 or not words:
            return []
        scores = self._labels_for(words[0])
        for word in words[1:]:
            more = self._labels_for(word)
            scores = {i: min(v, more[i]) for i, v in scores.items() if i in more}
        best: dict[str, Suggestion] = {}
        for index, value in scores.items():
            entry = self.entries[index]
            score = 1.0 if self.labels[index].startswith(query) else value
            known = best.get(entry.id)
            if known is None or score > known.score:
                best[entry.id] = Suggestion(entry.id, entry.name, entry.label, round(score, 4), entry.source)
        ranked = sorted(
            best.values(),
            key=lambda s: (
                -s.score,
                SOURCE_ORDER.get(s.source, 9),
                normalise(s.matched) != normalise(s.name),  # found by its own name rather than a synonym
                len(s.matched),
                s.name,
            ),
        )
        return ranked[:k]


def starter_entries(skills: Iterable[StarterSkill], language: str) -> list[SuggestEntry]:
    """The starter vocabulary's labels and synonyms in ``language`` (fi, sv or en)."""
    out: list[SuggestEntry] = []
    for skill in skills:
        name = skill.labels.get(language)
        for label in (name, *getattr(skill.alt_labels, resolve(language))):
            out.append(SuggestEntry(skill.uri, name, label, "starter"))
    return out


def taxonomy_entries(labels: Iterable[tuple[str, str, str]]) -> list[SuggestEntry]:
    """ESCO ``(uri, role, label)`` rows; each concept is named by its preferred label."""
    rows = list(labels)
    preferred = {uri: label for uri, role, label in rows if role == "preferred"}
    return [SuggestEntry(uri, preferred.get(uri, label), label, "esco") for uri, _role, label in rows]


def starter_suggester(language: str) -> SkillSuggester:
    """Suggestions before any taxonomy is imported: the starter vocabulary alone."""
    from kohtaanto.taxonomy.vocabulary import starter

    return SkillSuggester(starter_entries(starter().skills, language))
