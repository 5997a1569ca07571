"""What the rules answer: supports and results with their explanation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kohtaanto.rules.explain import Condition, Message, UsedParameter, money, unverified_warnings
from kohtaanto.rules.provisions import cited


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(money(value))


def _plain(value: Any, language: str) -> Any:
    """A result value as JSON: money as a number, a message as a sentence in ``language``."""
    if isinstance(value, Decimal):
        return _num(value)
    if isinstance(value, Message):
        return value.text(language)
    if isinstance(value, list | tuple):
        return [_plain(item, language) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item, language) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class Support:
    id: str
    eligible: bool
    discretionary: bool
    rate: Decimal | None = None
    monthly_amount: Decimal | None = None
    max_months: int | None = None
    total_max: Decimal | None = None
    basis: str = "none"
    pay_cost_base: Decimal | None = None
    conditions: tuple[Condition, ...] = ()
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()
    used: tuple[UsedParameter, ...] = ()
    rules: tuple[str, ...] = ()  # the rules applied; cited as provisions on the answer's day

    def as_dict(self, language: str = "fi", on: dt.date | None = None) -> dict[str, Any]:
        sources = list(dict.fromkeys(u.source for u in self.used))
        warnings = [*self.warnings, *unverified_warnings({u.name: u for u in self.used})]
        return {
            "id": self.id,
            "eligible": self.eligible,
            "discretionary": self.discretionary,
            "rate": _num(self.rate),
            "monthly_amount": _num(self.monthly_amount),
            "max_months": self.max_months,
            "total_max": _num(self.total_max),
            "basis": self.basis,
            "reasons": [c.text(language) for c in self.conditions] + [n.text(language) for n in self.notes],
            "conditions": [
                {"text": c.message.text(language), "met": c.met, "code": c.message.code}
                for c in self.conditions
            ],
            "sources": sources,
            "provisions": cited(self.rules, on, language) if on else [],
            "parameters": [u.as_dict() for u in self.used],
            "warnings": [w.text(language) for w in warnings],
            "uses_unverified": any(not u.verified for u in self.used),
        }


@dataclass(frozen=True)
class Answer:
    """A whole answer: the question, the date, results and top-level warnings."""

    question: str
    on: dt.date
    results: dict[str, Any]
    supports: tuple[Support, ...] = ()
    conditions: tuple[Condition, ...] = ()
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()
    used: tuple[UsedParameter, ...] = ()
    formula_versions: dict[str, str] = field(default_factory=dict)
    rules: tuple[str, ...] = ()  # the rules applied, cited as provisions
    rules_on: dt.date | None = None  # the day whose law applied, when not ``on`` (a claim period's start)

    def as_dict(self, language: str = "fi") -> dict[str, Any]:
        used = {u.name: u for u in self.used}
        for support in self.supports:
            used.update({u.name: u for u in support.used})
        warnings = [*self.warnings, *unverified_warnings({u.name: u for u in self.used})]
        body: dict[str, Any] = {
            "question": self.question,
            "on": self.on.isoformat(),
            **{key: _plain(value, language) for key, value in self.results.items()},
        }
        rules_on = self.rules_on or self.on
        if self.supports:
            body["supports"] = [s.as_dict(language, rules_on) for s in self.supports]
        body["reasons"] = [c.text(language) for c in self.conditions] + [n.text(language) for n in self.notes]
        body["conditions"] = [
            {"text": c.message.text(language), "met": c.met, "code": c.message.code} for c in self.conditions
        ]
        body["warnings"] = [w.text(language) for w in warnings]
        body["sources"] = list(dict.fromkeys(u.source for u in used.values()))
        rules = (*self.rules, *(r for s in self.supports if s.eligible for r in s.rules))
        body["provisions"] = cited(rules, rules_on, language)
        body["parameters"] = [u.as_dict() for u in used.values()]
        body["uses_unverified"] = any(not u.verified for u in used.values())
        body["formula_versions"] = self.formula_versions
        return body
