"""Plain-language (selkokieli) checking of job ads, instructions and onboarding texts.

:func:`kohtaanto.plainlang.check.check` masks markup, splits the text, runs the rules of a profile
and scores it 0-100. It suggests; it never rewrites, and it never claims that a text *is*
selkokieli (that needs an expert).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    SUGGESTION = "suggestion"
    WARNING = "warning"
    PROBLEM = "problem"


SEVERITY_ORDER = {Severity.SUGGESTION: 0, Severity.WARNING: 1, Severity.PROBLEM: 2}


@dataclass(frozen=True, slots=True)
class TextFinding:
    """One observation about a span of the original text, with a suggestion where there is one."""

    rule: str
    start: int
    end: int
    severity: Severity
    message: str
    suggestion: str | None = None
    source: str = ""
    category: str = ""
    text: str = ""  # the original characters of the span

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError("a finding's span must satisfy 0 <= start <= end")


@dataclass(frozen=True, slots=True)
class TextReport:
    """The findings, the score and its reasons for one text in one language."""

    language: str
    findings: tuple[TextFinding, ...]
    score: int = 100
    band: str = "easy"
    band_label: str = ""
    reasons: tuple[str, ...] = ()
    mode: str = "heuristic"
    profile: str = "instructions"
    format: str = "text"
    lix: float = 0.0
    stats: dict[str, float] = field(default_factory=dict)
    disclaimer: str = ""

    def top(self, n: int = 5) -> tuple[TextFinding, ...]:
        """The fixes to show first: the most serious, then in text order."""
        ranked = sorted(self.findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.start))
        return tuple(ranked[:n])
