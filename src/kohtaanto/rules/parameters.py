"""Dated legal parameters, in the manner of OpenFisca's parameter files.

A parameter file looks like this::

    description: Pay subsidy rate for a person with reduced work ability
    unit: percent
    reference: https://www.finlex.fi/fi/laki/alkup/2023/20230371
    values:
      2023-07-01:
        value: 70
        source: https://tyomarkkinatori.fi/...
        verified: true

The folder path under the root is the parameter's dotted name, e.g.
``pay_subsidy/rate/reduced_work_ability.yaml`` → ``pay_subsidy.rate.reduced_work_ability``.
A value of ``null`` closes the parameter from that date on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

UNITS = frozenset(
    {
        "EUR",
        "EUR/month",
        "EUR/day",
        "EUR/year",
        "percent",
        "months",
        "days",
        "hours/week",
        "years",
        "ratio",
        "count",
    }
)


class ParameterError(ValueError):
    """A parameter file is malformed or a parameter has no value on the asked date."""


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter and the day it takes effect."""

    start: dt.date
    value: Decimal | None
    source: str
    verified: bool


@dataclass(frozen=True, slots=True)
class Parameter:
    """A legal number with its history.

    >>> p = Parameter("x", "Example", "percent", "https://example.org", (
    ...     DatedValue(dt.date(2023, 7, 1), Decimal("70"), "https://example.org/a", True),
    ...     DatedValue(dt.date(2020, 1, 1), Decimal("50"), "https://example.org/b", False),
    ... ))
    >>> p.at(dt.date(2024, 1, 1))
    Decimal('70')
    >>> p.at(dt.date(2023, 6, 30))
    Decimal('50')
    """

    name: str
    description: str
    unit: str
    reference: str
    values: tuple[DatedValue, ...]  # newest first

    def value_at(self, on: dt.date) -> DatedValue:
        """The dated value in force on ``on``; raises :class:`ParameterError` if none is."""
        for dated in self.values:
            if dated.start <= on:
                if dated.value is None:
                    raise ParameterError(f"{self.name} was closed on {dated.start.isoformat()}")
                return dated
        raise ParameterError(f"{self.name} has no value before {self.values[-1].start.isoformat()}")

    def at(self, on: dt.date) -> Decimal:
        value = self.value_at(on).value
        if value is None:  # pragma: no cover - value_at never returns a closing entry
            raise ParameterError(f"{self.name} is closed on {on.isoformat()}")
        return value


@dataclass(frozen=True, slots=True)
class ParameterSet(Mapping[str, Parameter]):
    """All parameters under one root, by dotted name."""

    parameters: Mapping[str, Parameter]

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise ParameterError(f"no parameter named {name!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.parameters))

    def __len__(self) -> int:
        return len(self.parameters)


def _as_date(key: Any, where: str) -> dt.date:
    if isinstance(key, dt.date):
        return key
    try:
        return dt.date.fromisoformat(str(key))
    except ValueError:
        raise ParameterError(f"{where}: {key!r} is not a date (YYYY-MM-DD)") from None


def _as_decimal(raw: Any, where: str) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ParameterError(f"{where}: a value must be a number, not {raw!r}")
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        raise ParameterError(f"{where}: {raw!r} is not a number") from None


def load_parameter_file(path: Path, name: str) -> Parameter:
    """Read one parameter file; every problem names the file and the field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: not valid YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ParameterError(f"{path}: a parameter file is a mapping")
    missing = [key for key in ("description", "unit", "reference", "values") if key not in data]
    if missing:
        raise ParameterError(f"{path}: missing {', '.join(missing)}")
    if data["unit"] not in UNITS:
        raise ParameterError(f"{path}: unknown unit {data['unit']!r}")
    raw_values = data["values"]
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterError(f"{path}: values must map dates to entries")
    values = []
    for key, entry in raw_values.items():
        where = f"{path} [{key}]"
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterError(f"{where}: an entry needs a value")
        source = entry.get("source") or data["reference"]
        values.append(
            DatedValue(
                start=_as_date(key, where),
                value=_as_decimal(entry["value"], where),
                source=str(source),
                verified=bool(entry.get("verified", True)),
            )
        )
    values.sort(key=lambda v: v.start, reverse=True)
    return Parameter(name, str(data["description"]), str(data["unit"]), str(data["reference"]), tuple(values))


def load_parameters(root: Path) -> ParameterSet:
    """Load every ``*.yaml`` under ``root``; the relative path is the dotted name."""
    found: dict[str, Parameter] = {}
    for path in sorted(root.rglob("*.yaml")):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        found[name] = load_parameter_file(path, name)
    return ParameterSet(found)
