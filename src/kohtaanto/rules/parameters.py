"""Dated legal parameters, in the manner of OpenFisca's parameter files.

A parameter file looks like this::

    description: Pay subsidy rate for a person with reduced work ability
    unit: percent
    reference: https://www.finlex.fi/fi/laki/alkup/2023/20230371 (Act 371/2023)
    last_checked: 2026-11-27
    values:
      2023-07-01:
        value: 70
        source: https://tyomarkkinatori.fi/lisatietoa-palveluista/palkkatuki
      2026-01-01:
        value: 70
        verified: false
        note: no source prints the 2026 value

The folder path under the root is the parameter's dotted name, e.g.
``pay_subsidy/rate/reduced_work_ability.yaml`` → ``pay_subsidy.rate.reduced_work_ability``.
Dates must be in increasing order. A value of ``null`` closes the parameter from that date on.
A draft reform whose entry into force is not known is kept apart, never applied on its own::

    draft:
      value: 1
      proposed_on: 2026-02-20
      source: https://tem.fi/...
      note: consultation until 2.4.2026

Drafts are always unverified; ``ParameterSet.enact`` switches one on from a date, for what-if answers.

A parameter that is set anew every calendar year (index-linked amounts, yearly contribution rates) says
``indexed: yearly``. A date in a year without its own row then still reads the newest older value, but
the value is marked unverified and names the year it was carried from: an old value is never silent.
Every error names the file and the line.
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
        "EUR/hour",
        "EUR/year",
        "percent",
        "ratio",
        "months",
        "days",
        "hours/week",
        "hours/month",
        "hours/year",
        "years",
        "count",
    }
)
REQUIRED = ("description", "unit", "reference", "last_checked", "values")


class ParameterError(ValueError):
    """A parameter file is malformed or a parameter has no value on the asked date."""


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter and the day it takes effect."""

    start: dt.date
    value: Decimal | None
    source: str
    verified: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class Parameter:
    """A legal number with its history.

    >>> p = Parameter("x", "Example", "percent", "https://example.org", dt.date(2026, 1, 1), (
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
    last_checked: dt.date
    values: tuple[DatedValue, ...]  # newest first
    draft: DatedValue | None = None  # a proposed change not in force; ``start`` is the day it was proposed
    yearly: bool = False  # set anew each calendar year: a value from an earlier year is carried, not known

    def value_at(self, on: dt.date) -> DatedValue:
        """The dated value in force on ``on``; raises :class:`ParameterError` if none is."""
        for dated in self.values:
            if dated.start <= on:
                if dated.value is None:
                    raise ParameterError(f"{self.name} was closed on {dated.start.isoformat()}")
                return dated
        raise ParameterError(f"{self.name} has no value before {self.values[-1].start.isoformat()}")

    def carried_from(self, on: dt.date) -> int | None:
        """For a yearly parameter, the year of the row read on ``on`` when that year has no row of its own.

        >>> p = Parameter("x", "d", "EUR", "r", dt.date(2026, 1, 1),
        ...     (DatedValue(dt.date(2024, 1, 1), Decimal(1), "r", True),), yearly=True)
        >>> p.carried_from(dt.date(2024, 12, 31)), p.carried_from(dt.date(2026, 3, 1))
        (None, 2024)
        """
        start = self.value_at(on).start
        return start.year if self.yearly and start.year < on.year else None

    def at(self, on: dt.date) -> Decimal:
        value = self.value_at(on).value
        if value is None:  # pragma: no cover - value_at never returns a closing entry
            raise ParameterError(f"{self.name} is closed on {on.isoformat()}")
        return value

    def in_force(self, on: dt.date) -> bool:
        try:
            self.value_at(on)
        except ParameterError:
            return False
        return True


@dataclass(frozen=True, slots=True)
class ParameterSet(Mapping[str, Parameter]):
    """All parameters under one or more roots, by dotted name."""

    parameters: Mapping[str, Parameter]

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise ParameterError(f"no parameter named {name!r}") from None

    def __contains__(self, name: object) -> bool:
        return name in self.parameters

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.parameters))

    def __len__(self) -> int:
        return len(self.parameters)

    def enact(self, name: str, start: dt.date) -> ParameterSet:
        """A copy in which the parameter's draft is in force from ``start`` (a what-if: unverified)."""
        draft = self[name].draft
        if draft is None or draft.value is None:
            raise ParameterError(f"{name} has no draft to enact")
        return self.what_if(name, start, draft.value, f"draft proposed {draft.start.isoformat()}")

    def what_if(self, name: str, start: dt.date, value: Decimal, note: str = "what-if") -> ParameterSet:
        """A copy with one more dated value, for reforms and planning; the original is untouched.

        >>> base = ParameterSet({"x": Parameter("x", "d", "EUR", "r", dt.date(2026, 1, 1),
        ...     (DatedValue(dt.date(2020, 1, 1), Decimal(1), "r", True),))})
        >>> reform = base.what_if("x", dt.date(2027, 1, 1), Decimal(2))
        >>> day = dt.date(2028, 1, 1)
        >>> base["x"].at(day), reform["x"].at(day), reform["x"].at(dt.date(2026, 1, 1))
        (Decimal('1'), Decimal('2'), Decimal('1'))
        """
        old = self[name]
        kept = tuple(v for v in old.values if v.start < start)
        new = DatedValue(start, value, "what-if", False, note)
        changed = Parameter(
            old.name,
            old.description,
            old.unit,
            old.reference,
            old.last_checked,
            (new, *kept),
            old.draft,
            old.yearly,
        )
        return ParameterSet({**self.parameters, name: changed})

    def merged(self, other: ParameterSet) -> ParameterSet:
        clash = sorted(set(self.parameters) & set(other.parameters))
        if clash:
            raise ParameterError(f"parameter defined twice: {clash[0]}")
        return ParameterSet({**self.parameters, **other.parameters})


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


def _key_lines(path: Path, text: str) -> dict[str, int]:
    """Line numbers (1-based) of the top-level keys and of each date under ``values``."""
    lines: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ParameterError(f"{path}{line}: not valid YAML") from None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            lines[str(key.value)] = key.start_mark.line + 1
            if key.value == "values" and isinstance(value, yaml.MappingNode):
                for date_key, _entry in value.value:
                    lines[f"values.{date_key.value}"] = date_key.start_mark.line + 1
    return lines


def load_parameter_file(path: Path, name: str) -> Parameter:
    """Read one parameter file; every problem names the file, the line and the field."""
    text = path.read_text(encoding="utf-8")
    lines = _key_lines(path, text)
    data = yaml.safe_load(text)

    def where(key: str) -> str:
        return f"{path}:{lines[key]}" if key in lines else str(path)

    if not isinstance(data, dict):
        raise ParameterError(f"{path}:1: a parameter file is a mapping")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise ParameterError(f"{path}:1: missing {', '.join(missing)}")
    if data["unit"] not in UNITS:
        raise ParameterError(f"{where('unit')}: unknown unit {data['unit']!r}")
    last_checked = _as_date(data["last_checked"], where("last_checked"))
    indexed = data.get("indexed")
    if indexed not in (None, "yearly"):
        raise ParameterError(f"{where('indexed')}: indexed must be 'yearly' or left out, not {indexed!r}")
    raw_values = data["values"]
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterError(f"{where('values')}: values must map dates to entries")
    values: list[DatedValue] = []
    for key, entry in raw_values.items():
        here = where(f"values.{key}")
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterError(f"{here}: an entry needs a value")
        _refuse_unknown(entry, {"value", "source", "verified", "note"}, here)
        verified = entry.get("verified", True)
        if not isinstance(verified, bool):
            raise ParameterError(f"{here}: verified must be true or false")
        start = _as_date(key, here)
        if values and start <= values[-1].start:
            raise ParameterError(f"{here}: dates must increase ({start} comes after {values[-1].start})")
        values.append(
            DatedValue(
                start=start,
                value=_as_decimal(entry["value"], here),
                source=str(entry.get("source") or data["reference"]),
                verified=verified,
                note=str(entry.get("note", "")),
            )
        )
    return Parameter(
        name,
        str(data["description"]),
        str(data["unit"]),
        str(data["reference"]),
        last_checked,
        tuple(reversed(values)),
        _draft(data.get("draft"), where("draft"), str(data["reference"])),
        yearly=indexed == "yearly",
    )


def _refuse_unknown(raw: dict[str, Any], allowed: set[str], here: str) -> None:
    unknown = set(raw) - allowed
    if unknown:
        raise ParameterError(f"{here}: unknown field {sorted(unknown)[0]!r}")


def _draft(raw: Any, here: str, reference: str) -> DatedValue | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "value" not in raw or "proposed_on" not in raw:
        raise ParameterError(f"{here}: a draft needs a value and proposed_on")
    _refuse_unknown(raw, {"value", "proposed_on", "source", "note"}, here)
    return DatedValue(
        start=_as_date(raw["proposed_on"], here),
        value=_as_decimal(raw["value"], here),
        source=str(raw.get("source") or reference),
        verified=False,
        note=str(raw.get("note", "")),
    )


def load_parameters(root: Path, prefix: str = "") -> ParameterSet:
    """Load every ``*.yaml`` under ``root``; the relative path is the dotted name."""
    found: dict[str, Parameter] = {}
    for path in sorted(root.rglob("*.yaml")):
        name = prefix + ".".join(path.relative_to(root).with_suffix("").parts)
        found[name] = load_parameter_file(path, name)
    return ParameterSet(found)
