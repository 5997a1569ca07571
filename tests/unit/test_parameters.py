from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from kohtaanto.rules import ParameterError, load_parameters

pytestmark = pytest.mark.unit

RATE = """\
description: Example rate
unit: percent
reference: https://example.invalid/law
last_checked: 2026-11-27
values:
  2020-01-01:
    value: 50
    verified: false
  2023-07-01:
    value: 70
    source: https://example.invalid/2023
  2030-01-01:
    value: null
"""


HEAD = "description: x\nunit: percent\nreference: r\nlast_checked: 2026-01-01\n"


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_values_are_picked_by_the_date_they_take_effect(tmp_path: Path):
    write(tmp_path, "pay_subsidy/rate/example.yaml", RATE)
    params = load_parameters(tmp_path)
    rate = params["pay_subsidy.rate.example"]
    assert rate.at(dt.date(2023, 6, 30)) == Decimal("50")
    assert rate.at(dt.date(2023, 7, 1)) == Decimal("70")
    assert rate.value_at(dt.date(2024, 1, 1)).source == "https://example.invalid/2023"
    assert rate.value_at(dt.date(2021, 1, 1)).verified is False
    assert rate.value_at(dt.date(2021, 1, 1)).source == "https://example.invalid/law"
    assert list(params) == ["pay_subsidy.rate.example"]


def test_before_the_first_value_and_after_closing_there_is_no_value(tmp_path: Path):
    write(tmp_path, "x.yaml", RATE)
    rate = load_parameters(tmp_path)["x"]
    with pytest.raises(ParameterError, match="no value before 2020-01-01"):
        rate.at(dt.date(2019, 12, 31))
    with pytest.raises(ParameterError, match="closed on 2030-01-01"):
        rate.at(dt.date(2030, 1, 1))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list", "a parameter file is a mapping"),
        ("description: x\nunit: percent\nreference: r\nlast_checked: 2026-01-01\n", "missing values"),
        (
            HEAD.replace("percent", "furlongs") + "values: {2020-01-01: {value: 1}}",
            "unknown unit",
        ),
        (
            HEAD + "values: {not-a-date: {value: 1}}",
            "is not a date",
        ),
        (
            HEAD + "values: {2020-01-01: {value: abc}}",
            "is not a number",
        ),
        (
            HEAD + "values: {2020-01-01: {value: true}}",
            "must be a number",
        ),
        ("description: [unclosed", "not valid YAML"),
    ],
)
def test_malformed_files_name_the_problem(tmp_path: Path, text: str, message: str):
    write(tmp_path, "bad.yaml", text)
    with pytest.raises(ParameterError, match=message):
        load_parameters(tmp_path)


def test_unknown_parameter_name(tmp_path: Path):
    with pytest.raises(ParameterError, match="no parameter named"):
        load_parameters(tmp_path)["nothing.here"]
