"""The year engine against the official and worked figures of income-year-fi.md, and its invariants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.rules.engine import build_engine, national_parameters
from kohtaanto.rules.explain import Law
from kohtaanto.rules.housing import housing_allowance, municipality_group
from kohtaanto.rules.tax import TaxPerson, income_tax

D = Decimal
HELSINKI = TaxPerson(municipal_rate=D("5.30"), church_rate=D("1.00"))


def law(day: str) -> Law:
    return Law(national_parameters(), dt.date.fromisoformat(day))


# vero.fi's 2026 example table (income-year-fi.md 1.10): total taxes without TyEL and TVR.
@pytest.mark.parametrize(
    ("wage", "taxes"),
    [(10000, "0.00"), (16000, "2.50"), (20000, "278.50"), (30000, "2530.49"), (40000, "5511.99"),
     (50000, "9361.96"), (60000, "13244.84"), (70000, "17415.60")],
)  # fmt: skip
def test_wage_taxes_reproduce_vero_fi_2026(wage, taxes):
    assert income_tax(law("2026-01-01"), wages=D(wage), benefits=D(0), person=HELSINKI).taxes == D(taxes)


@pytest.mark.parametrize(
    ("benefit", "taxes"),
    [(10000, "1382.56"), (16000, "2850.25"), (20000, "3914.55"), (30000, "6797.80"), (40000, "10309.30"),
     (50000, "14410.30")],
)  # fmt: skip
def test_benefit_taxes_reproduce_vero_fi_2026(benefit, taxes):
    assert income_tax(law("2026-01-01"), wages=D(0), benefits=D(benefit), person=HELSINKI).taxes == D(taxes)


@pytest.mark.parametrize(
    ("year", "rate", "allowance", "deductions", "net"),
    [("2025", "7.50", "6696.72", "3101.08", "21595.64"), ("2026", "7.60", "6665.76", "3112.20", "21553.56")],
)
def test_t3_wage_and_adjusted_allowance(year, rate, allowance, deductions, net):
    """T3 (income-year-fi.md 1.12): 18 000 wage and the adjusted allowance, to within a cent of rounding."""
    result = income_tax(
        law(f"{year}-01-01"), wages=D(18000), benefits=D(allowance), person=TaxPerson(municipal_rate=D(rate))
    )
    assert abs(result.all_deductions - D(deductions)) <= D("0.02")
    assert abs(result.net - D(net)) <= D("0.02")


def test_the_2026_scale_has_five_brackets_and_2025_six():
    # the top bracket of 2025 (44.25 % above 150 000) is gone in 2026: 37.5 % is the top rate
    rich = D(200000)
    t25 = income_tax(law("2025-06-01"), wages=rich, benefits=D(0), person=HELSINKI)
    t26 = income_tax(law("2026-06-01"), wages=rich, benefits=D(0), person=HELSINKI)
    assert t26.state_tax_before_credit < t25.state_tax_before_credit


def test_kela_housing_allowance_examples():
    """T2: Kela's own worked examples in Turku (group II)."""
    turku = municipality_group("853")
    assert turku == 2 and municipality_group("091") == 1 and municipality_group("608") == 3
    one = housing_allowance(law("2026-01-01"), income=D(800), adults=1, children=0, costs=D(700), group=turku)
    two = housing_allowance(
        law("2026-01-01"), income=D(1800), adults=2, children=0, costs=D(950), group=turku
    )
    assert (one.amount, one.own_share) == (D("299.25"), D("19.50"))
    assert (two.amount, two.own_share) == (D("125.65"), D("472.50"))


def test_housing_allowance_ends_at_kelas_income_limit():
    # group I, one adult: the allowance ends at about 1 844 a month (income-year-fi.md 2.5)
    at = housing_allowance(law("2026-01-01"), income=D(1844), adults=1, children=0, costs=D(700), group=1)
    above = housing_allowance(law("2026-01-01"), income=D(1845), adults=1, children=0, costs=D(700), group=1)
    assert at.amount > 0 and above.amount == 0


def _year(data: dict) -> dict:
    return build_engine().ask("income_year", data, dt.date(2026, 3, 1)).as_dict("fi")


@settings(max_examples=25, deadline=None)
@given(
    wage=st.integers(min_value=0, max_value=4000),
    rent=st.integers(min_value=0, max_value=1500),
    children=st.lists(st.integers(min_value=0, max_value=17), max_size=3),
)
def test_social_assistance_is_the_last_resort(wage, rent, children):
    """Whatever the wage, what is left after rent never falls below the household's basic amounts
    while social assistance is counted: it tops up the rest."""
    data = {"municipality": "Tampere", "rent": rent, "children": children, "start": "2026-03-01", "months": 2,
            "break_even": False}  # fmt: skip
    if wage:
        data["work"] = {"start": "2026-03-01", "wage_month": wage}
    answer = _year(data)
    for month in answer["with_work"]["months"]:
        if month["social_assistance"] > 0:
            assert month["disposable"] >= 578.43 - 0.01  # the smallest basic amount in the household


@settings(max_examples=20, deadline=None)
@given(low=st.integers(min_value=0, max_value=60000), more=st.integers(min_value=1, max_value=20000))
def test_more_wage_never_lowers_net_income_after_tax(low, more):
    a = income_tax(law("2026-01-01"), wages=D(low), benefits=D(0), person=TaxPerson())
    b = income_tax(law("2026-01-01"), wages=D(low + more), benefits=D(0), person=TaxPerson())
    assert b.net > a.net


def test_the_window_uses_each_months_law():
    """T10: the basic amount falls and the disregard ends in March 2026."""
    answer = _year({"municipality": "Tampere", "rent": 600, "start": "2026-01-01", "months": 3,
                    "work": {"start": "2025-12-01", "wage_month": 500}, "break_even": False})  # fmt: skip
    months = answer["with_work"]["months"]
    assert [m["disposable"] for m in months] == [746.32, 746.32, 578.43]
    assert months[0]["earned_income_disregard"] == 150 and months[2]["earned_income_disregard"] == 0


def _cost(data: dict) -> dict:
    return build_engine().ask("employer_cost", data, dt.date.fromisoformat(data["start"])).as_dict("fi")


def test_a_gig_is_not_a_lasting_income_change_for_the_housing_allowance():
    """A 600 € gig cuts that month's benefit once; Kela averages the gig over 12 months, so whether it
    is paid on the 1st or the 2nd of the month changes nothing."""
    base = {"municipality": "Tampere", "rent": 600, "start": "2026-03-01", "break_even": False}
    first = _year({**base, "gigs": [{"date": "2026-03-01", "amount": 600}]})
    second = _year({**base, "gigs": [{"date": "2026-03-02", "amount": 600}]})
    assert first["difference"] == second["difference"]
    assert [m["housing_allowance"] for m in first["with_work"]["months"]] == [299.25] * 12


def test_the_earnings_related_allowance_ends_at_its_maximum_and_kelas_benefit_follows():
    answer = _year(
        {
            "municipality": "Tampere",
            "rent": 0,
            "start": "2026-06-01",
            "social_assistance": False,
            "benefit": {"kind": "earnings_related", "wage_basis_month": 2500, "paid_days_before": 380},
            "break_even": False,
        }
    )
    months = answer["without_work"]["months"]
    assert months[0]["benefit_kind"] == "earnings_related" and months[0]["benefit"] > 1500
    assert months[1]["benefit_kind"] == "general_support" and months[1]["benefit"] == 800.02
    assert any("maksupäivää on käytetty" in reason for reason in answer["reasons"])


def test_a_short_job_at_the_end_of_a_year_is_taxed_with_the_rest_of_that_year():
    """Two months at 3 000 in November-December 2025 are not taxed as 36 000 a year: the year's other
    months are the person's months before (Kela's benefit)."""
    late = _year(
        {
            "municipality": "Tampere",
            "rent": 0,
            "start": "2025-11-01",
            "months": 4,
            "social_assistance": False,
            "work": {"start": "2025-11-01", "end": "2025-12-31", "wage_month": 3000, "hours_per_week": 37.5},
            "break_even": False,
        }
    )
    year = late["with_work"]["tax_years"][0]
    assert year["year"] == 2025 and year["wages"] == 6000 and abs(year["benefits"] - 10 * 800.02) < 0.01


def test_huge_or_odd_pay_is_answered_not_a_crash():
    answer = _year(
        {
            "municipality": "Tampere",
            "rent": 600,
            "start": "2026-01-01",
            "work": {"start": "2026-01-01", "hourly_wage": 1000, "hours_per_week": 60, "full_time_hours": 80},
            "gigs": [{"date": "2026-02-02", "amount": 60000}, {"date": "2026-02-03", "amount": 60000}],
        }
    )
    assert answer["with_work"]["months"][1]["benefit"] == 0


def test_employer_cost_edge_cases():
    # a support that ended before the hire: no support and no crash
    early = _cost(
        {
            "start": "2025-01-01",
            "wage_month": 2000,
            "supports": [{"kind": "pay_subsidy", "months": 10, "start": "2024-03-01"}],
        }
    )
    assert early["total"]["supports"] == 0
    # a bonus paid in March is for the credit year that ended a year before
    march = _cost({"start": "2025-01-01", "wage_month": 2000, "holiday_bonus_month": 3})
    assert march["total"]["holiday_bonus"] == 240
    # ten months from 15.1. run to 14.11.: the last month in part
    mid = _cost(
        {"start": "2025-01-15", "wage_month": 2000, "supports": [{"kind": "pay_subsidy", "months": 10}]}
    )
    assert mid["months"][10]["supports"] == round(1000 * 14 / 30, 2) and mid["months"][11]["supports"] == 0
    # the 100 % subsidy counts the pay of 65 % of full time, times 1.23 (corrections C1)
    third = _cost(
        {
            "start": "2026-01-01",
            "wage_month": 1500,
            "supports": [{"kind": "pay_subsidy", "variant": "third_sector", "months": 12}],
        }
    )
    assert third["months"][0]["supports"] == 1199.25
    # ending in May 2026: the 30 days of 2025-26 are still due with their June bonus
    may = _cost({"start": "2025-01-01", "wage_month": 2000, "months": 17})
    assert may["holiday_days_unpaid_at_end"] == 35
