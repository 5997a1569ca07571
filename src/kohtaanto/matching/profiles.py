"""What the scorer sees of a person and of a job, and nothing more.

These are the scorer's only input types. They have no field for name, age, gender, nationality,
mother tongue, photo or diagnoses, so such data cannot reach a score (a test checks the fields
against :data:`kohtaanto.matching.PROTECTED_FEATURES`). A person's capacities hold only what the
person chose to disclose; the working-language level is a skill level (CEFR), not a mother tongue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Remote = Literal["no", "prefer", "only"]
WEEKDAYS = frozenset(range(5))


def _frozen(mapping: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class SkillNeed:
    """A skill a job asks for: taxonomy or starter id, level 1-5, essential or optional."""

    skill: str
    level: int = 1
    essential: bool = True


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person in the pool, pseudonymised: ``ref`` is a pseudonym, never a name."""

    ref: str
    skills: Mapping[str, int] = field(default_factory=dict)  # skill -> level
    capacities: Mapping[str, int] = field(default_factory=dict)  # disclosed functional capacities 0-5
    hours_min: float = 0.0
    hours_max: float = 40.0
    days: frozenset[int] = WEEKDAYS  # 0 = Monday
    municipality: str = ""
    remote: Remote = "no"
    max_commute_km: float | None = None
    working_language: int = 5  # CEFR as 1-5 (A1 ... C1-C2) in the workplace language
    trainable_levels: int = 1
    preferred_occupations: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "skills", _frozen(self.skills))
        object.__setattr__(self, "capacities", _frozen(self.capacities))
        if self.hours_min > self.hours_max:
            raise ValueError(f"{self.ref}: minimum hours exceed maximum hours")


@dataclass(frozen=True, slots=True)
class Job:
    """A vacancy or a carved job, as the scorer sees it."""

    ref: str
    skills: tuple[SkillNeed, ...] = ()
    demands: Mapping[str, int] = field(default_factory=dict)  # functional demand 0-5
    accommodations: Mapping[str, int] = field(default_factory=dict)  # levels the employer will close
    hours_min: float = 0.0
    hours_max: float = 40.0
    days: frozenset[int] = WEEKDAYS
    municipality: str = ""
    remote_possible: bool = False
    working_language: int = 0  # required level, 0 = none
    plain_language_onboarding: bool = False
    occupation: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "demands", _frozen(self.demands))
        object.__setattr__(self, "accommodations", _frozen(self.accommodations))
        if self.hours_min > self.hours_max:
            raise ValueError(f"{self.ref}: minimum hours exceed maximum hours")


CANDIDATE_FIELDS = (
    "skills",
    "capacities",
    "hours_min",
    "hours_max",
    "days",
    "municipality",
    "remote",
    "max_commute_km",
    "working_language",
    "trainable_levels",
    "preferred_occupations",
)


def candidate_from(ref: str, record: Mapping[str, Any]) -> Candidate:
    """A scorer input from a stored profile: only the listed fields are read, whatever else it holds."""
    values: dict[str, Any] = {key: record[key] for key in CANDIDATE_FIELDS if key in record}
    for key in ("days", "preferred_occupations"):
        if key in values:
            values[key] = frozenset(values[key])
    return Candidate(ref, **values)
