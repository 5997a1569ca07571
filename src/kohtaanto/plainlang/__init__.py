"""Plain-language (selkokieli) checking of job ads, instructions and onboarding texts.

The checker arrives with the plain-language capability; these are the shapes of its report.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    INFO = "info"
    ADVICE = "advice"
    PROBLEM = "problem"


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about a span of text, with a suggestion where there is one."""

    rule: str
    start: int
    end: int
    severity: Severity
    message: str
    suggestion: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError("a finding's span must satisfy 0 <= start <= end")


@dataclass(frozen=True, slots=True)
class Report:
    """The findings for one text in one language."""

    language: str
    findings: tuple[Finding, ...]

    @property
    def problems(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.PROBLEM)


__all__ = ["Finding", "Report", "Severity"]
