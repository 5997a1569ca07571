"""The batch year engine agrees with the per-person engine, household by household."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pytest

from kohtaanto.rules.engine import build_engine, national_parameters
from kohtaanto.rules.months import add_months
from kohtaanto.rules.year_batch import random_households, year_batch

NAMES = {1: "Helsinki", 2: "Tampere", 3: "Pori"}  # one municipality of each housing allowance group


def situation(h, row: int, start: dt.date) -> dict:
    wages = h.wages[row]
    data = {
        "start": start.isoformat(),
        "months": len(wages),
        "municipality": NAMES[int(h.group[row])],
        "municipal_tax_rate": float(h.municipal_rate[row]),
        "adults": int(h.adults[row]),
        "children": [12] * int(h.children_10_17[row]) + [5] * int(h.children_under_10[row]),
        "rent": float(h.rent[row]),
        "age": int(h.age[row]),
        "benefit": {"kind": "labour_market_support" if h.kela_benefit[row] else "none"},
        "break_even": False,
    }
    worked = np.flatnonzero(wages)
    if len(worked):
        first, last = add_months(start, int(worked[0])), add_months(start, int(worked[-1]))
        work_start = add_months(start, -1) if h.work_before[row] else first
        end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
        data["work"] = {"start": work_start.isoformat(), "wage_month": float(wages[worked[0]])}
        if not h.work_before[row]:
            data["work"]["end"] = end.isoformat()
    return data


@pytest.mark.parametrize("start", [dt.date(2025, 7, 1), dt.date(2026, 1, 1)])
def test_batch_matches_the_engine(start):
    h = random_households(40, seed=7)
    batch = year_batch(h, start, national_parameters())
    engine = build_engine()
    for row in range(len(h)):
        answer = engine.ask("income_year", situation(h, row, start), start).as_dict("en")
        months = answer["with_work"]["months"]
        for m, month in enumerate(months):
            assert abs(batch.benefit[row, m] - month["benefit"]) <= 0.011, (row, m)
            assert abs(batch.housing_allowance[row, m] - month["housing_allowance"]) <= 0.011, (row, m)
            assert abs(batch.disposable[row, m] - month["disposable"]) <= 0.05, (row, m, "disposable")
        assert abs(batch.difference[row] - answer["difference"]) <= 0.5, row


def test_many_children_all_count():
    h = random_households(3, seed=3)
    big = type(h)(**{**h.__dict__, "children_under_10": np.array([8, 0, 0]), "adults": np.array([2, 1, 1])})
    batch = year_batch(big, dt.date(2026, 6, 1), national_parameters())
    answer = build_engine().ask("income_year", situation(big, 0, dt.date(2026, 6, 1)), dt.date(2026, 6, 1))
    months = answer.as_dict("en")["with_work"]["months"]
    assert abs(batch.social_assistance[0, 0] - months[0]["social_assistance"]) <= 0.011
