"""No answer uses a value older than its own year without saying so (issue 22).

A parameter set anew each year (``indexed: yearly``) read on a day in a year that has no row of its own
must come out unverified, name the year it was carried from, and raise a warning the reader sees.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.rules import build_engine, national_parameters
from kohtaanto.rules.dated import RulesNotInForce

pytestmark = pytest.mark.unit
ENGINE = build_engine()
PARAMS = national_parameters()

SITUATIONS = {
    "pension": {
        "kind": "partial",
        "pre_pension_earnings_month": 1500,
        "kela": {"earnings_related_pensions_month": 400},
    },
    "part_time": {"benefit": "earnings_related", "wage_before_month": 2400, "earnings_in_period": 600},
    "employment_condition": {
        "subsidy_basis": "none",
        "started_on": "2024-10-01",
        "months_worked": 14,
        "monthly_wage": 700,
    },
    "study": {
        "age": 30,
        "benefit": "earnings_related",
        "monthly_wage": 2500,
        "studies": {
            "kind": "vocational_qualification",
            "starts_on": "2025-01-08",
            "months": 12,
            "agreed_in_plan": True,
        },
    },
}


def test_some_parameters_are_yearly():
    yearly = {name for name in PARAMS if PARAMS[name].yearly}
    assert {"disability_pension.guarantee_pension_full", "unemployment.basic_daily"} <= yearly


@settings(max_examples=60, deadline=None)
@given(
    question=st.sampled_from(sorted(SITUATIONS)),
    on=st.dates(min_value=dt.date(2025, 1, 8), max_value=dt.date(2029, 12, 31)),
)
def test_a_value_from_an_earlier_year_is_marked_and_warned(question: str, on: dt.date):
    try:
        body = ENGINE.ask(question, SITUATIONS[question], on).as_dict("fi")
    except RulesNotInForce:
        return
    for used in body["parameters"]:
        parameter = PARAMS[used["name"]]
        since = dt.date.fromisoformat(used["since"])
        if parameter.yearly and since.year < on.year:
            assert used["carried_from"] == since.year, used
            assert used["verified"] is False, used
            assert body["uses_unverified"] is True
            assert any(f"vuoden {since.year} arvo" in w for w in body["warnings"]), body["warnings"]
        else:
            assert used["carried_from"] is None, used


def test_a_year_with_its_own_row_is_not_carried():
    on = dt.date(2025, 6, 1)
    body = ENGINE.ask("pension", SITUATIONS["pension"], on).as_dict("en")
    floor = next(p for p in body["parameters"] if p["name"] == "disability_pension.guarantee_pension_full")
    assert floor["since"] == "2025-01-01" and floor["carried_from"] is None and floor["verified"] is True


def test_the_warning_names_the_years_in_plain_words():
    body = ENGINE.ask("pension", SITUATIONS["pension"], dt.date(2027, 3, 1)).as_dict("fi")
    assert any(
        "Vuodelle 2027 ei ole vahvistettua arvoa" in w and "vuoden 2026 arvo" in w for w in body["warnings"]
    )
    assert not any("guarantee_pension" in w for w in body["warnings"])  # the label, not the parameter id


def test_every_value_that_can_be_unverified_has_a_name_a_reader_understands():
    from kohtaanto.rules.explain import catalogue

    names = catalogue()
    for name in PARAMS:
        parameter = PARAMS[name]
        if parameter.yearly or any(not v.verified for v in parameter.values):
            assert f"parameter.{name}" in names, name
