"""The vectorised palkkatuki gives the same answer as the one-at-a-time rules for every row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.rules import build_engine, national_parameters
from kohtaanto.rules.batch import KINDS, Hires, pay_subsidy_batch, random_hires

pytestmark = pytest.mark.unit
ENGINE = build_engine()


def single(h: Hires, i: int, on: dt.date) -> dict:
    legal = "municipality" if h.municipality[i] else "association" if h.third_sector[i] else "company"
    kind = KINDS[int(h.basis[i])]
    situation = {
        "employer": {"legal_form": legal, "business_activity": bool(h.business[i])},
        "person": {
            "age": int(h.age[i]),
            "unemployment_months": int(h.unemployment_months[i]),
            "reduced_work_ability": kind == "reduced_work_ability",
            "disadvantaged": True,
        },
        "job": {
            "monthly_wage": str(h.wage[i]),
            "hours_per_week": str(h.hours[i]),
            "sector_full_time_hours": str(h.sector_hours[i]),
        },
    }
    if h.contract_months[i] > 0:
        situation["job"]["contract_months"] = int(h.contract_months[i])
    answer = ENGINE.ask("hire", situation, on).as_dict("en")
    return next(s for s in answer["supports"] if s["id"] == f"pay_subsidy_{kind}")


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    on=st.sampled_from([dt.date(2024, 6, 1), dt.date(2025, 3, 1), dt.date(2026, 2, 1)]),
)
def test_batch_matches_single_evaluation(seed: int, on: dt.date):
    hires = random_hires(40, seed)
    result = pay_subsidy_batch(hires, on, national_parameters())
    for i in range(len(hires)):
        expected = single(hires, i, on)
        assert bool(result.eligible[i]) == expected["eligible"], i
        assert result.monthly[i] == pytest.approx(expected["monthly_amount"], abs=0.006)
        assert int(result.months[i]) == expected["max_months"]


def test_batch_amounts_are_within_caps():
    result = pay_subsidy_batch(random_hires(10_000), dt.date(2025, 3, 1), national_parameters())
    assert (result.monthly >= 0).all() and (result.monthly <= 2020).all()
    assert np.isclose(result.total, result.monthly * result.months).all()


def test_a_what_if_reform_changes_only_the_rows_it_should():
    params = national_parameters()
    reform = params.what_if(
        "pay_subsidy.monthly_cap.reduced_work_ability", dt.date(2027, 1, 1), Decimal(2000)
    )
    hires = random_hires(5_000, seed=3)
    before = pay_subsidy_batch(hires, dt.date(2027, 3, 1), params)
    after = pay_subsidy_batch(hires, dt.date(2027, 3, 1), reform)
    changed = before.monthly != after.monthly
    assert changed.any()
    assert (hires.basis[changed] == 1).all()  # only reduced-work-ability rows move
    assert (after.monthly >= before.monthly).all()
    assert params["pay_subsidy.monthly_cap.reduced_work_ability"].at(dt.date(2027, 3, 1)) == Decimal(1770)


def test_the_65_percent_rule_limits_the_pay_counted_not_the_job_in_both_paths():
    """Corrections C1: 30 h of 37.5 h at 2 000 € counts 2 000 x 24.375 / 30 x 1.23 = 1 998.75 €."""
    hires = Hires(
        basis=np.array([2, 2], dtype=np.int8),
        wage=np.array([2000, 2000], dtype=np.float32),
        hours=np.array([30, 20], dtype=np.float32),
        sector_hours=np.array([37.5, 37.5], dtype=np.float32),
        unemployment_months=np.array([26, 26], dtype=np.int16),
        age=np.array([45, 45], dtype=np.int16),
        contract_months=np.array([0, 0], dtype=np.int16),
        municipality=np.array([False, False]),
        third_sector=np.array([True, True]),
        business=np.array([False, False]),
    )
    on = dt.date(2025, 3, 1)
    result = pay_subsidy_batch(hires, on, national_parameters())
    assert result.eligible.all()
    assert result.monthly[0] == pytest.approx(1998.75, abs=0.006)
    assert result.monthly[1] == pytest.approx(2020, abs=0.006)  # 2 000 x 1.23 = 2 460, capped
    for i in range(2):
        assert single(hires, i, on)["monthly_amount"] == pytest.approx(float(result.monthly[i]), abs=0.006)


def test_random_hires_reach_the_65_percent_rule():
    """The row-by-row property above covers long third-sector jobs, not just short ones."""
    h = random_hires(40, 0)
    long_third = (h.basis == 2) & h.third_sector & ~h.business & (h.hours > 0.65 * h.sector_hours)
    assert long_third.any()
