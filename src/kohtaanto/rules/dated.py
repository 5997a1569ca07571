"""Formulas named by the date they take effect (OpenFisca's ``formula_YYYY_MM``).

A change in the law adds a version and keeps the old one, so an answer for any date uses the
rules of that date.

>>> fee = Dated("fee")
>>> @fee.since("2020-01-01")
... def fee_2020_01(x: int) -> int:
...     return x
>>> @fee.since("2024-04-01")
... def fee_2024_04(x: int) -> int:
...     return 2 * x
>>> fee.at(dt.date(2024, 3, 31))(5), fee.at(dt.date(2024, 4, 1))(5)
(5, 10)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Generic, TypeVar

F = TypeVar("F", bound=Callable[..., object])


class RulesNotInForce(ValueError):
    """No version of a formula covers the asked date. ``code`` and ``params`` name a message in
    ``messages.yaml`` so the reader sees the refusal in their language (:meth:`in_language`)."""

    def __init__(self, text: str, code: str = "", params: dict[str, object] | None = None) -> None:
        super().__init__(text)
        self.code = code
        self.params = params or {}

    def in_language(self, language: str) -> str:
        if not self.code:
            return str(self)
        from kohtaanto.rules.explain import render  # explain is the one place that renders messages

        return render(self.code, self.params, language)


class Dated(Generic[F]):
    def __init__(self, name: str) -> None:
        self.name = name
        self.versions: list[tuple[dt.date, F]] = []

    def since(self, start: str) -> Callable[[F], F]:
        day = dt.date.fromisoformat(start)

        def register(function: F) -> F:
            self.versions.append((day, function))
            self.versions.sort(key=lambda pair: pair[0])
            return function

        return register

    def at(self, on: dt.date) -> F:
        chosen: F | None = None
        for start, function in self.versions:
            if start <= on:
                chosen = function
        if chosen is None:
            first = self.versions[0][0].isoformat() if self.versions else "-"
            raise RulesNotInForce(
                f"{self.name}: the engine models the rules in force from {first}, not {on}",
                "refused.not_modelled",
                {"first": self.versions[0][0] if self.versions else on, "on": on},
            )
        return chosen

    def version_at(self, on: dt.date) -> str:
        return self.at(on).__name__
