"""Anonymous, explainable matching of people and jobs.

Protected characteristics never enter a score: :func:`check_features` refuses them by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PROTECTED_FEATURES = frozenset(
    {
        "age",
        "birth_year",
        "gender",
        "sex",
        "origin",
        "nationality",
        "ethnicity",
        "mother_tongue",
        "native_language",
        "diagnosis",
        "disability",
        "religion",
        "health",
    }
)


class ProtectedFeatureError(ValueError):
    """A scoring feature names a protected characteristic."""


def check_features(names: Iterable[str]) -> None:
    """Raise if any feature name is a protected characteristic.

    >>> check_features(["skills", "hours"])
    >>> check_features(["skills", "Age"])
    Traceback (most recent call last):
    ...
    kohtaanto.matching.ProtectedFeatureError: protected characteristics cannot be scored: age
    """
    bad = sorted({name.lower() for name in names} & PROTECTED_FEATURES)
    if bad:
        raise ProtectedFeatureError(f"protected characteristics cannot be scored: {', '.join(bad)}")


@dataclass(frozen=True, slots=True)
class FactorReason:
    """One part of a match's explanation: which factor, how much it weighed, and why."""

    factor: str
    contribution: float
    detail: str


@dataclass(frozen=True, slots=True)
class Match:
    """A scored pair of a person and a job, with the reasons that add up to the score."""

    person_ref: str
    job_ref: str
    score: float
    reasons: tuple[FactorReason, ...]

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError("a match score lies between 0 and 1")


__all__ = ["PROTECTED_FEATURES", "FactorReason", "Match", "ProtectedFeatureError", "check_features"]
