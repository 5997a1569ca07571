"""Occupations a role title is matched to, and the tasks they usually contain.

The list is the project's own (``data/starter_occupations.yaml``): common entry-level occupations in
fi/sv/en, each with starter-vocabulary tasks and the English preferred label of the matching ESCO
occupation. A role title ("Varastotyöntekijä", "lagerbiträde", "warehouse worker") is matched by its
words; Finnish and Swedish compounds match by their parts ("kylmävarastotyöntekijä" → warehouse
worker). When ESCO is imported, the ESCO occupation's skills that are linked to starter skills extend
the suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kohtaanto.core.language import LANGUAGES
from kohtaanto.taxonomy.vocabulary import DATA, AltLabels, LabelTexts, load_model, starter

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class StarterOccupation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    esco: str = Field(min_length=1, description="English preferred label of the ESCO occupation")
    labels: LabelTexts
    alt_labels: AltLabels = AltLabels()
    tasks: list[str] = Field(min_length=1)

    def names(self) -> list[str]:
        out = [self.labels.fi, self.labels.sv, self.labels.en, self.esco]
        for language in LANGUAGES:
            out.extend(getattr(self.alt_labels, language))
        return out


class OccupationList(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    occupations: list[StarterOccupation]

    @model_validator(mode="after")
    def _known(self) -> OccupationList:
        known = {s.id for s in starter().skills}
        ids = [o.id for o in self.occupations]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate occupation id")
        for occupation in self.occupations:
            unknown = [t for t in occupation.tasks if t not in known]
            if unknown:
                raise ValueError(f"{occupation.id}: unknown starter skill {unknown[0]!r}")
        return self


def load_occupations(path: Path | None = None) -> OccupationList:
    return load_model(path or DATA / "starter_occupations.yaml", OccupationList)  # type: ignore[return-value]


@cache
def occupations() -> OccupationList:
    return load_occupations()


class CommonTitle(BaseModel):
    """Job titles in Finnish and Swedish that name one ESCO occupation (by its English preferred label)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    esco: str = Field(min_length=1)
    fi: list[str] = Field(default_factory=list)
    sv: list[str] = Field(default_factory=list)

    def in_language(self, language: str) -> list[str]:
        return list(getattr(self, language, []))


class CommonTitles(BaseModel):
    """``data/occupation_titles.yaml``: the titles of job ads that ESCO's labels miss or misplace."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    titles: list[CommonTitle]

    @model_validator(mode="after")
    def _unique(self) -> CommonTitles:
        for language in ("fi", "sv"):
            seen: dict[str, str] = {}
            for title in self.titles:
                for text in title.in_language(language):
                    key = text.casefold()
                    if key in seen and seen[key] != title.esco:
                        raise ValueError(f"{text!r} ({language}) names both {seen[key]!r} and {title.esco!r}")
                    seen[key] = title.esco
        return self


def load_common_titles(path: Path | None = None) -> CommonTitles:
    return load_model(path or DATA / "occupation_titles.yaml", CommonTitles)  # type: ignore[return-value]


@cache
def common_titles() -> CommonTitles:
    return load_common_titles()


@dataclass(frozen=True, slots=True)
class OccupationGuess:
    occupation: StarterOccupation
    score: float  # 1.0 for the whole title, lower for a word or a compound part
    matched: str


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _score(title: str, words: Sequence[str], name: str) -> float:
    name = name.casefold().strip()
    if not name:
        return 0.0
    if name == title:
        return 1.0
    name_words = _words(name)
    if name_words and _contains(words, name_words):
        return 0.8 * len(" ".join(name_words)) / max(len(title), 1) + 0.15
    if len(name_words) == 1 and len(name) >= 5:
        # compounds: the name is the head (end) or the first part of a word in the title
        for word in words:
            if word != name and (word.endswith(name) or word.startswith(name)):
                return 0.55 * len(name) / len(word) + 0.1
    return 0.0


@cache
def _common_names() -> dict[str, tuple[str, ...]]:
    """The common job-ad titles (fi, sv) of each ESCO occupation, by its English preferred label."""
    names: dict[str, tuple[str, ...]] = {}
    for title in common_titles().titles:
        names[title.esco.casefold()] = (*names.get(title.esco.casefold(), ()), *title.fi, *title.sv)
    return names


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(list(words[i : i + n]) == list(part) for i in range(len(words) - n + 1))


def guess(title: str, choices: OccupationList | None = None, limit: int = 3) -> list[OccupationGuess]:
    """Occupations for a role title, best first (none when nothing matches)."""
    source = choices or occupations()
    clean = " ".join(_words(title))
    words = clean.split()
    found = []
    for occupation in source.occupations:
        best, matched = 0.0, ""
        for name in [*occupation.names(), *_common_names().get(occupation.esco.casefold(), ())]:
            score = _score(clean, words, name)
            if score > best:
                best, matched = score, name
        if best > 0:
            found.append(OccupationGuess(occupation, round(min(best, 1.0), 3), matched))
    found.sort(key=lambda g: (-g.score, g.occupation.id))
    return found[:limit]


def for_skills(skills: Sequence[str], choices: OccupationList | None = None) -> StarterOccupation | None:
    """The occupation whose usual tasks share the most of ``skills`` (starter skill ids), or None when
    none shares any; a tie goes to the occupation listed first.

    >>> for_skills(["food_production.pack_food", "food_production.bakery_work"]).id
    'baker'
    """
    wanted = set(skills)
    best: tuple[int, StarterOccupation] | None = None
    for occupation in (choices or occupations()).occupations:
        shared = len(wanted & set(occupation.tasks))
        if shared and (best is None or shared > best[0]):
            best = (shared, occupation)
    return best[1] if best else None


def by_id(occupation_id: str, choices: OccupationList | None = None) -> StarterOccupation | None:
    return next((o for o in (choices or occupations()).occupations if o.id == occupation_id), None)


def linked_starter_skills(
    esco_skills: Iterable[str], links: Mapping[str, Sequence[tuple[str, float]]]
) -> list[str]:
    """Starter skills whose ESCO link is one of ``esco_skills``, in the order of ``esco_skills``."""
    to_starter: dict[str, str] = {}
    for starter_id, ranked in sorted(links.items()):
        for uri, _score in ranked[:1]:
            to_starter.setdefault(uri, starter_id)
    return list(dict.fromkeys(to_starter[u] for u in esco_skills if u in to_starter))


class OccupationSkills(Protocol):
    """What the ESCO extension needs from a taxonomy store."""

    def find(self, label: str, lang: str, kind: str) -> str | None: ...

    def related(self, uri: str, relation: str) -> list[str]: ...


def esco_tasks(
    occupation: StarterOccupation,
    store: OccupationSkills,
    links: Mapping[str, Sequence[tuple[str, float]]],
) -> list[str]:
    """Starter skills linked to the ESCO occupation's essential skills, then its optional ones."""
    uri = store.find(occupation.esco, "en", "occupation")
    if uri is None:
        return []
    skills = [*store.related(uri, "essential_skill"), *store.related(uri, "optional_skill")]
    return linked_starter_skills(skills, links)


def task_suggestions(
    occupation: StarterOccupation,
    have: Iterable[str] = (),
    extra: Iterable[str] = (),
    limit: int = 12,
) -> list[str]:
    """The occupation's usual tasks (then ESCO-linked extras) that the role does not have yet."""
    present = set(have)
    ordered = dict.fromkeys([*occupation.tasks, *extra])
    return [sid for sid in ordered if sid not in present][:limit]
