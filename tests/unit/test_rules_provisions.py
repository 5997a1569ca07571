"""Every answer names the provision (act and section, or regulation and article) of each rule it applied."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from kohtaanto.rules import build_engine
from kohtaanto.rules.provisions import cite, registry

pytestmark = pytest.mark.unit
ENGINE = build_engine()


def test_every_provision_has_three_languages_and_a_source():
    for rule, versions in registry().items():
        for v in versions:
            assert all(v.texts[lang] for lang in ("fi", "sv", "en")), rule
            assert v.source.startswith("http"), rule


def test_versions_do_not_overlap():
    for rule, versions in registry().items():
        spans = sorted((v.start, v.end or dt.date.max) for v in versions)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end < start, rule


CASES = {
    "hire": {
        "employer": {"legal_form": "company"},
        "person": {"age": 58, "unemployment_months": 14, "reduced_work_ability": True, "disadvantaged": True},
        "job": {"monthly_wage": 2200, "hours_per_week": 30},
        "arrangements": {"tools_cost": 500, "help_hours_per_month": 5},
    },
    "part_time": {"benefit": "labour_market_support", "earnings_in_period": 500},
    "pension": {"pre_pension_earnings_month": 2000, "kela": {"earnings_related_pensions_month": 300}},
    "right_to_work": {"status": "asylum_seeker", "applied_on": "2022-10-31", "travel_document": True},
    "de_minimis": {"received": [], "new_amount": 1000},
    "employment_condition": {"subsidy_basis": "none", "started_on": "2022-01-01", "months_worked": 12},
}


@pytest.mark.parametrize("question", sorted(CASES))
@pytest.mark.parametrize(
    "on",
    [
        dt.date(2023, 1, 1),
        dt.date(2024, 3, 31),
        dt.date(2024, 12, 31),
        dt.date(2025, 1, 1),
        dt.date(2026, 5, 1),
    ],
)
def test_each_answer_cites_a_provision_on_each_date(question: str, on: dt.date):
    if question == "hire" and on < dt.date(2023, 7, 1):
        on = dt.date(2023, 7, 1)  # the pay-subsidy rules before the 1.7.2023 reform are not modelled
    answer = ENGINE.ask(question, CASES[question], on)
    rules = {r.partition("@")[0] for r in (*answer.rules, *(r for s in answer.supports for r in s.rules))}
    assert rules <= set(registry()), rules - set(registry())
    body = answer.as_dict("fi")
    assert body["provisions"], (question, on)
    for p in body["provisions"]:
        assert re.search(r"\d+/\d{4}|HE \d+/\d{4}", p["text"]), p  # an act or a regulation by number


def test_the_provision_follows_the_date():
    before, after = cite("pay_subsidy", dt.date(2024, 12, 31)), cite("pay_subsidy", dt.date(2025, 1, 1))
    assert before is not None and "916/2012" in before.text("fi")
    assert after is not None and "380/2023" in after.text("fi")
    part = ENGINE.ask("part_time", CASES["part_time"], dt.date(2026, 5, 1)).as_dict("en")
    assert any("general support" in p["text"] for p in part["provisions"])
    old = ENGINE.ask("part_time", CASES["part_time"], dt.date(2026, 4, 30)).as_dict("en")
    assert not any("general support" in p["text"] for p in old["provisions"])
