"""Explanations: the parameters an answer used, the conditions it checked, and messages in fi/sv/en.

Messages are ids with parameters; :func:`render` turns them into a sentence in one language, from
``messages.yaml``. The domain stays free of any web framework's translation machinery.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from kohtaanto.core import formatting, messages
from kohtaanto.core.language import resolve
from kohtaanto.core.messages import Catalogue
from kohtaanto.rules.parameters import ParameterSet

CENT = Decimal("0.01")
NINE = Decimal("1e-9")


def money(value: Decimal) -> Decimal:
    """Round half up to cents, as benefit and subsidy amounts are printed.

    Arithmetic with a repeating fraction (550 / 21.5 x 21.5) may leave a last-digit error; the value
    is first settled at nine decimals, so 800.015 - 550 stays 250.015 and rounds up.

    >>> money(Decimal("800.015")), money(Decimal("250.0149999999999999999999999"))
    (Decimal('800.02'), Decimal('250.02'))
    """
    return value.quantize(NINE, rounding=ROUND_HALF_UP).quantize(CENT, rounding=ROUND_HALF_UP)


MESSAGES = Path(__file__).parent / "messages.yaml"


def catalogue() -> Catalogue:
    return messages.load(MESSAGES)


def render(code: str, params: Mapping[str, Any], language: str) -> str:
    """One message in one language; unknown ids are a programming error.

    >>> render("condition.started_before_decision", {}, "en")
    'The work must not start before the decision on the support.'
    """
    template = catalogue().template(code, language)
    return template.format(
        **{
            key: value.text(language) if isinstance(value, Message) else formatting.value(value, language)
            for key, value in params.items()
        }
    )


@dataclass(frozen=True, slots=True)
class Message:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, language: str) -> str:
        return render(self.code, self.params, language)


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition the rules checked, and whether it was met."""

    message: Message
    met: bool

    def text(self, language: str) -> str:
        mark = {"fi": ("täyttyy", "ei täyty"), "sv": ("uppfyllt", "inte uppfyllt"), "en": ("met", "not met")}
        yes, no = mark[resolve(language)]
        return f"{self.message.text(language)} ({yes if self.met else no})"


@dataclass(frozen=True, slots=True)
class UsedParameter:
    name: str
    value: Decimal
    unit: str
    start: dt.date
    source: str
    verified: bool
    carried_from: int | None = None  # a yearly value read in a later year that has no row of its own
    year: int | None = None  # the year it was read for, when carried

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": float(self.value),
            "unit": self.unit,
            "since": self.start.isoformat(),
            "source": self.source,
            "verified": self.verified,
            "carried_from": self.carried_from,
        }


class Law:
    """Parameters as of one date, recording every value an answer reads."""

    def __init__(self, parameters: ParameterSet, on: dt.date) -> None:
        self.parameters = parameters
        self.on = on
        self.used: dict[str, UsedParameter] = {}

    def __call__(self, name: str) -> Decimal:
        seen = self.used.get(name)
        if seen is not None:  # the same date and parameters: the value read before
            return seen.value
        parameter = self.parameters[name]
        dated = parameter.value_at(self.on)
        assert dated.value is not None  # noqa: S101 - value_at never returns a closing entry
        carried = parameter.carried_from(self.on)
        self.used[name] = UsedParameter(
            name,
            dated.value,
            parameter.unit,
            dated.start,
            dated.source,
            dated.verified and carried is None,
            carried,
            self.on.year if carried is not None else None,
        )
        return dated.value

    def has(self, name: str) -> bool:
        return name in self.parameters and self.parameters[name].in_force(self.on)

    def fork(self) -> Law:
        """A fresh recorder on the same date, for one support's own list of parameters."""
        return Law(self.parameters, self.on)


def parameter_label(name: str) -> Message:
    """A legal parameter as a reader names it ("the 50 % pay subsidy's monthly maximum"), not its id."""
    code = f"parameter.{name}"
    return Message(code) if code in catalogue() else Message("parameter.other")


def unverified_warnings(used: Mapping[str, UsedParameter]) -> list[Message]:
    """One warning per unverified value; a value carried from an earlier year says from which."""
    out = []
    for u in used.values():
        if u.carried_from is not None:
            params = {"name": parameter_label(u.name), "year": u.year, "carried_from": u.carried_from}
            out.append(Message("warning.carried_parameter", params))
        elif not u.verified:
            out.append(
                Message("warning.unverified_parameter", {"name": parameter_label(u.name), "source": u.source})
            )
    return out
