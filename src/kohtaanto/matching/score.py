"""The match score: documented components, hard constraints, and the reasons behind each number.

A pair either breaks a hard constraint (then it is not a match, and the reason says which) or gets
a score in [0, 1] that is the weighted mean of six components, each in [0, 1]:

- **skills**: essential needs weigh ``essential`` (2), optional ones ``optional`` (1). A need is met
  when the person's level reaches it (credit 1); a gap the person can learn in the training window
  earns ``trainable`` (0.3); otherwise the closest related skill earns its taxonomy similarity
  (same group, broader/narrower, related) times ``partial`` (0.6). No needs: 1.
- **functional**: every disclosed capacity must reach the demand after the accommodations the
  employer accepts (hard); each attribute that needs an accommodation costs ``per_accommodation``.
- **hours**: the hour ranges and the days must overlap (hard); 1 when the person's range covers the
  job's minimum, else the share of it.
- **place**: remote work when both allow it, or the same municipality, gives 1; otherwise the
  commuting distance decays linearly from ``commute_full_km`` (1) to ``commute_zero_km`` (0). A
  person who works only remotely, or beyond their own maximum commute, is a hard miss.
- **language**: meeting the required level gives 1; one level short gives ``plain_language`` (0.7)
  when onboarding is in plain language, else ``one_level_short`` (0.3); two or more short is a hard miss.
- **preferences**: 1 when the job's occupation is one the person prefers, 0.5 when they stated none, 0
  otherwise.

Skills gate the rest (issue 23): a person who lacks an **essential** skill they cannot learn at work (more
levels missing than they can train) is not a match, and neither is a person with **no credit at all** for a
job's skills. So place, hours and language can never lift a person without the job's skills into the list.

Weights live in :class:`Weights` and can be set per employment area.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Protocol, overload

import numpy as np
import numpy.typing as npt

from kohtaanto.matching.profiles import Candidate, Job, SkillNeed


@dataclass(frozen=True, slots=True)
class Weights:
    skills: float = 0.40
    functional: float = 0.15
    hours: float = 0.15
    place: float = 0.15
    language: float = 0.10
    preferences: float = 0.05
    essential: float = 2.0
    optional: float = 1.0
    trainable: float = 0.3
    partial: float = 0.6
    per_accommodation: float = 0.1
    commute_full_km: float = 10.0
    commute_zero_km: float = 60.0
    plain_language: float = 0.7
    one_level_short: float = 0.3

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < 0:
                raise ValueError(f"weight {f.name} must not be negative")
        if self.commute_zero_km <= self.commute_full_km:
            raise ValueError("commute_zero_km must be above commute_full_km")

    @property
    def components(self) -> dict[str, float]:
        return {
            "skills": self.skills,
            "functional": self.functional,
            "hours": self.hours,
            "place": self.place,
            "language": self.language,
            "preferences": self.preferences,
        }


class SkillRelations(Protocol):
    def similarity(self, have: str, need: str) -> float:
        """0 (unrelated) to 1 (the same concept), from the taxonomy's structure."""
        ...


class NoRelations:
    def similarity(self, have: str, need: str) -> float:
        return 1.0 if have == need else 0.0


Distance = Callable[[str, str], float | None]  # km between municipality centres, None if unknown


@dataclass(frozen=True, slots=True)
class Finding:
    """One fact behind a score: ``code`` names a message, ``params`` fill it."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **params: object) -> Finding:
        return cls(code, tuple(sorted(params.items())))


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: str
    job: str
    score: float
    components: tuple[tuple[str, float], ...]
    matched: tuple[str, ...]
    partial: tuple[tuple[str, str, float], ...]  # (need, the related skill the person has, credit)
    gaps: tuple[tuple[str, int, bool], ...]  # (skill, levels missing, trainable)
    accommodations: tuple[tuple[str, int], ...]  # (attribute, levels to close)
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class Miss:
    """A pair that breaks a hard constraint."""

    candidate: str
    job: str
    finding: Finding


def _skills(
    person: Candidate, needs: tuple[SkillNeed, ...], weights: Weights, relations: SkillRelations
) -> tuple[float, list[str], list[tuple[str, str, float]], list[tuple[str, int, bool]]]:
    if not needs:
        return 1.0, [], [], []
    total = earned = 0.0
    matched: list[str] = []
    partial: list[tuple[str, str, float]] = []
    gaps: list[tuple[str, int, bool]] = []
    for need in needs:
        weight = weights.essential if need.essential else weights.optional
        total += weight
        have = person.skills.get(need.skill, 0)
        if have >= need.level:
            earned += weight
            matched.append(need.skill)
            continue
        missing = need.level - have
        trainable = missing <= person.trainable_levels
        credit = weights.trainable if trainable else 0.0
        best, near = 0.0, ""
        for skill in person.skills:
            value = relations.similarity(skill, need.skill)
            if skill != need.skill and value > best:
                best, near = value, skill
        if best * weights.partial > credit:
            credit = best * weights.partial
            partial.append((need.skill, near, round(credit, 4)))
        gaps.append((need.skill, missing, trainable))
        earned += weight * credit
    return earned / total, matched, partial, gaps


@overload
def banded(value: float, relevant: bool) -> float: ...
@overload
def banded(value: npt.NDArray[np.float64], relevant: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]: ...
def banded(value: Any, relevant: Any) -> Any:
    """People with a relevant skill (one the job needs, or one close to it) rank above everyone who
    has none, whatever their place, hours or language: the first get the upper half of the scale.
    Works on one score and on the pool index's arrays alike."""
    return 0.5 * value + 0.5 * relevant


class _Missed(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _essential(person: Candidate, needs: tuple[SkillNeed, ...]) -> None:
    """An essential skill the person lacks and cannot learn at work rules the pair out."""
    for need in needs:
        if not need.essential:
            continue
        missing = need.level - person.skills.get(need.skill, 0)
        if missing > 0 and missing > person.trainable_levels:
            raise _Missed(Finding.of("essential", skill=need.skill))


def _functional(person: Candidate, job: Job, w: Weights) -> tuple[float, list[tuple[str, int]]]:
    """Every disclosed capacity must reach the demand after the accommodations the employer accepts."""
    needed: list[tuple[str, int]] = []
    for attribute, demand in sorted(job.demands.items()):
        capacity = person.capacities.get(attribute)
        if capacity is None or demand <= capacity:
            continue  # not disclosed (not used), or enough
        if demand - capacity > job.accommodations.get(attribute, 0):
            raise _Missed(Finding.of("demand", attribute=attribute, demand=demand, capacity=capacity))
        needed.append((attribute, demand - capacity))
    return max(0.0, 1.0 - w.per_accommodation * len(needed)), needed


def _hours(person: Candidate, job: Job) -> float:
    if not person.days & job.days:
        raise _Missed(Finding.of("days"))
    if person.hours_max < job.hours_min:
        raise _Missed(Finding.of("hours", person=person.hours_max, job=job.hours_min))
    if person.hours_min > job.hours_max:
        raise _Missed(Finding.of("hours_over", person=person.hours_min, job=job.hours_max))
    return 1.0 if person.hours_max >= job.hours_min else person.hours_max / max(job.hours_min, 1e-9)


def _place(person: Candidate, job: Job, w: Weights, distance: Distance | None) -> tuple[float, Finding]:
    if person.remote == "only" and not job.remote_possible:
        raise _Missed(Finding.of("remote_only"))
    if job.remote_possible and person.remote in ("prefer", "only"):
        return 1.0, Finding.of("remote")
    if person.municipality and person.municipality == job.municipality:
        return 1.0, Finding.of("same_municipality")
    km = distance(person.municipality, job.municipality) if distance else None
    if km is None:
        return 0.5, Finding.of("distance_unknown")
    if person.max_commute_km is not None and km > person.max_commute_km:
        raise _Missed(Finding.of("commute", km=round(km), limit=round(person.max_commute_km)))
    span = w.commute_zero_km - w.commute_full_km
    return min(1.0, max(0.0, (w.commute_zero_km - km) / span)), Finding.of("commute_km", km=round(km))


def _language(person: Candidate, job: Job, w: Weights) -> tuple[float, list[Finding]]:
    short = job.working_language - person.working_language
    if short >= 2:
        raise _Missed(Finding.of("language", need=job.working_language, have=person.working_language))
    if short <= 0:
        return 1.0, []
    if job.plain_language_onboarding:
        return w.plain_language, [Finding.of("language_plain")]
    return w.one_level_short, [Finding.of("language_short")]


def score(
    person: Candidate,
    job: Job,
    weights: Weights | None = None,
    relations: SkillRelations | None = None,
    distance: Distance | None = None,
) -> Scored | Miss:
    """Score one pair, or say which hard constraint it breaks."""
    w = weights or Weights()
    try:
        functional, accommodations = _functional(person, job, w)
        hours = _hours(person, job)
        place, where = _place(person, job, w, distance)
        language, spoken = _language(person, job, w)
        _essential(person, job.skills)
    except _Missed as missed:
        return Miss(person.ref, job.ref, missed.finding)
    if not person.preferred_occupations:
        preferences = 0.5
    else:
        preferences = 1.0 if job.occupation in person.preferred_occupations else 0.0
    skills, matched, partial, gaps = _skills(person, job.skills, w, relations or NoRelations())
    if job.skills and skills <= 0.0:
        return Miss(person.ref, job.ref, Finding.of("no_skills"))
    parts = {
        "skills": skills,
        "functional": functional,
        "hours": hours,
        "place": place,
        "language": language,
        "preferences": preferences,
    }
    total_weight = sum(w.components.values()) or 1.0
    value = sum(w.components[name] * part for name, part in parts.items()) / total_weight
    value = banded(value, relevant=not job.skills or bool(matched or partial))
    findings: list[Finding] = [where, *spoken]
    essentials = [need.skill for need in job.skills if need.essential]
    if essentials:
        held = sum(1 for skill in essentials if skill in matched)
        findings.insert(0, Finding.of("essential_covered", have=held, of=len(essentials)))
    return Scored(
        person.ref,
        job.ref,
        float(np.round(value, 6)),  # numpy's rounding, exactly as the pool index rounds
        tuple((name, round(part, 6)) for name, part in parts.items()),
        tuple(matched),
        tuple(partial),
        tuple(gaps),
        tuple(accommodations),
        tuple(findings),
    )
