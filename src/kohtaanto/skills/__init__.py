"""A person's skills and functional capacity, in their own words and as taxonomy concepts.

The person decides what an employer sees: every limitation carries a disclosure level.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Proficiency(enum.IntEnum):
    BEGINNER = 1
    PRACTISED = 2
    INDEPENDENT = 3
    EXPERT = 4


class Disclosure(enum.StrEnum):
    """Who may see a limitation: only the person, their professional, or employers too."""

    PRIVATE = "private"
    PROFESSIONAL = "professional"
    EMPLOYER = "employer"


@dataclass(frozen=True, slots=True)
class SkillClaim:
    """A skill a person says they have, tied to a taxonomy concept.

    >>> claim = SkillClaim("esco:skill/x", Proficiency.INDEPENDENT, "Siivoan toimistoja", "fi")
    >>> claim.level
    <Proficiency.INDEPENDENT: 3>
    """

    concept_uri: str
    level: Proficiency
    own_words: str
    language: str


@dataclass(frozen=True, slots=True)
class WorkCapacity:
    """Hours a person can work and the functional demands they can meet.

    ``demands`` maps a functional-demand code to the highest level the person manages
    (0 = not at all, 3 = without limits).
    """

    hours_per_week_min: float
    hours_per_week_max: float
    demands: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.hours_per_week_min <= self.hours_per_week_max <= 60:
            raise ValueError("hours per week must satisfy 0 <= min <= max <= 60")
        for code, level in self.demands:
            if not 0 <= level <= 3:
                raise ValueError(f"demand {code}: level must be 0-3")


__all__ = ["Disclosure", "Proficiency", "SkillClaim", "WorkCapacity"]
