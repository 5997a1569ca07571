"""Scenario tests a domain expert can read: YAML files of situations and expected answers.

Each file holds a list of scenarios::

    - name: A1 palkkatuki 50 % below the cap
      question: hire
      date: 2025-03-01        # the day the question is asked about
      source: supports-fi.md A1 (DERIVED)
      input: {...}
      expect:
        supports:
          pay_subsidy_disadvantaged: {eligible: true, monthly_amount: 1000.00}
      margin: 0.005            # absolute error allowed for numbers (default 0.005)

``expect`` is matched as a subset of the JSON answer; ``supports`` is matched by id; a mapping with
whole-number keys matches items of a list by position (``months: {0: {...}, 11: {...}}``). A scenario
with ``expect_error: text`` expects the question to be refused with a message containing the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.rules.dated import RulesNotInForce
from kohtaanto.rules.engine import InputError, RulesEngine
from kohtaanto.rules.parameters import ParameterError

SCENARIO_DIR = Path(__file__).parent / "scenarios"


@dataclass(frozen=True)
class Scenario:
    name: str
    question: str
    on: dt.date
    input: dict[str, Any]
    expect: dict[str, Any] = field(default_factory=dict)
    expect_error: str | None = None
    margin: float = 0.005
    where: str = ""
    enact: tuple[str, ...] = ()  # draft parameters switched on from the scenario's date (what-if)


def load_scenarios(folder: Path = SCENARIO_DIR) -> list[Scenario]:
    found: list[Scenario] = []
    for path in sorted(Path(folder).rglob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        nodes = yaml.compose(path.read_text(encoding="utf-8"))
        lines = [item.start_mark.line + 1 for item in nodes.value] if nodes is not None else []
        if not isinstance(document, list):
            raise ParameterError(f"{path}:1: a scenario file is a list of scenarios")
        for index, raw in enumerate(document):
            where = f"{path.name}:{lines[index] if index < len(lines) else '?'}"
            missing = [key for key in ("name", "question", "date", "input") if key not in raw]
            if missing:
                raise ParameterError(f"{where}: scenario is missing {', '.join(missing)}")
            on = raw["date"] if isinstance(raw["date"], dt.date) else dt.date.fromisoformat(str(raw["date"]))
            found.append(
                Scenario(
                    str(raw["name"]),
                    str(raw["question"]),
                    on,
                    dict(raw["input"]),
                    dict(raw.get("expect") or {}),
                    raw.get("expect_error"),
                    float(raw.get("margin", 0.005)),
                    where,
                    tuple(str(name) for name in raw.get("enact") or ()),
                )
            )
    return found


def _compare_items(expected: dict[Any, Any], actual: list[Any], path: str, margin: float) -> Iterator[str]:
    """``{0: {...}, 7: {...}}`` matches chosen items of a list (months of a year) by position."""
    for key, value in expected.items():
        if not isinstance(key, int) or not -len(actual) <= key < len(actual):
            yield f"{path}[{key}]: no such item (the answer has {len(actual)})"
        else:
            yield from _compare(value, actual[key], f"{path}[{key}]", margin)


def _compare(expected: Any, actual: Any, path: str, margin: float) -> Iterator[str]:
    if isinstance(expected, dict) and isinstance(actual, list):
        yield from _compare_items(expected, actual, path, margin)
    elif isinstance(expected, dict):
        if not isinstance(actual, dict):
            yield f"{path}: expected a mapping, got {actual!r}"
            return
        for key, value in expected.items():
            if key not in actual:
                yield f"{path}.{key}: missing from the answer"
            else:
                yield from _compare(value, actual[key], f"{path}.{key}", margin)
    elif isinstance(expected, bool) or expected is None or isinstance(expected, str):
        if expected != actual:
            yield f"{path}: expected {expected!r}, got {actual!r}"
    elif isinstance(expected, int | float):
        if (
            not isinstance(actual, int | float)
            or isinstance(actual, bool)
            or abs(float(actual) - expected) > margin
        ):
            yield f"{path}: expected {expected!r}, got {actual!r}"
    elif isinstance(expected, list):
        if list(expected) != list(actual):
            yield f"{path}: expected {expected!r}, got {actual!r}"
    else:
        yield f"{path}: cannot compare {expected!r}"


def check(scenario: Scenario, engine: RulesEngine) -> list[str]:
    """The mismatches between a scenario's expectation and the engine's answer (empty: it passes)."""
    for name in scenario.enact:
        engine = RulesEngine(engine.parameters.enact(name, scenario.on))
    try:
        answer = engine.ask(scenario.question, scenario.input, scenario.on).as_dict("en")
    except (InputError, RulesNotInForce, ParameterError) as exc:
        if scenario.expect_error and scenario.expect_error in str(exc):
            return []
        return [f"refused: {exc}"]
    if scenario.expect_error:
        return [f"expected an error containing {scenario.expect_error!r}, got an answer"]
    expected = dict(scenario.expect)
    problems: list[str] = []
    if "supports" in expected:
        by_id = {s["id"]: s for s in answer.get("supports", [])}
        for support_id, fields in expected.pop("supports").items():
            if support_id not in by_id:
                problems.append(f"supports.{support_id}: not in the answer")
            else:
                problems.extend(
                    _compare(fields, by_id[support_id], f"supports.{support_id}", scenario.margin)
                )
    problems.extend(_compare(expected, answer, "answer", scenario.margin))
    return problems
