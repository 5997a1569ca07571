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
