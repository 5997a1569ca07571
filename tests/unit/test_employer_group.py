"""Pool mode: one job carved from tasks at two or three firms, with each firm's share of hours and cost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kohtaanto.carving.employer_group import GroupError, merge, shares
from kohtaanto.carving.schema import SettingsIn
from kohtaanto.carving.service import carve_workplace
from kohtaanto.carving.solver import SolverSettings
from kohtaanto.rules.engine import build_engine
from tests.unit.test_carving import person, task, workplace

pytestmark = pytest.mark.unit


def _firm(key: str, wage: str, tasks: list[dict], legal_form: str = "company"):
    place = workplace(tasks)
    return place.model_copy(
        update={
            "workplace": place.workplace.model_copy(
                update={"id": key, "new_job_hourly_wage": Decimal(wage), "legal_form": legal_form}
            )
        }
    )


CAFE = _firm("cafe", "13.50", [task("dishes", 6), task("tables", 4)])
YARD = _firm("yard", "14.20", [task("leaves", 5), task("snow", 3)])
LAUNDRY = _firm("laundry", "13.80", [task("folding", 7)])


def test_merging_keeps_each_firms_tasks_apart_and_pays_the_highest_wage():
    merged = merge([("c", "Kahvila", CAFE), ("y", "Piha", YARD)], "group", "Kahvila ja Piha")
    tasks = {t.id: t for r in merged.workplace.roles for t in r.tasks}
    assert set(tasks) == {"c--dishes", "c--tables", "y--leaves", "y--snow"}
    assert {t.location for t in tasks.values()} == {"c", "y"}
    assert merged.workplace.new_job_hourly_wage == Decimal("14.20")
    assert [r.title.fi for r in merged.workplace.roles] == ["Kahvila: Myyjä", "Piha: Myyjä"]


@pytest.mark.parametrize(
    "members",
    [[("c", "K", CAFE)], [("a", "A", CAFE), ("b", "B", YARD), ("c", "C", LAUNDRY), ("d", "D", CAFE)]],
)
def test_two_or_three_firms_only(members):
    with pytest.raises(GroupError, match="from 2 to 3 firms"):
        merge(members, "g", "G")


def test_keys_must_differ():
    with pytest.raises(GroupError, match="own key"):
        merge([("c", "K", CAFE), ("c", "K2", YARD)], "g", "G")


def test_a_job_too_big_for_one_firm_is_carved_across_two_with_shares_that_add_up():
    who = person(hours={"min": 12, "max": 15})  # neither firm alone has 12 hours of tasks
    alone = carve_workplace(CAFE, [who], [], SettingsIn(), build_engine(), dt.date(2026, 11, 28))[0]
    assert alone.proposals == []
    merged = merge([("c", "Kahvila", CAFE), ("y", "Piha", YARD)], "group", "Kahvila ja Piha")
    settings = SettingsIn(max_locations=2)
    [result] = carve_workplace(
        merged, [who], merged.accommodations, settings, build_engine(), dt.date(2026, 11, 28),
        SolverSettings(time_limit=10),
    )  # fmt: skip
    [proposal] = result.proposals
    parts = {s.firm: s for s in shares(proposal, ["c", "y"])}
    assert parts["c"].hours_per_week > 0 and parts["y"].hours_per_week > 0
    total = Decimal(str(proposal["hours_per_week"]))
    assert parts["c"].hours_per_week + parts["y"].hours_per_week == total
    assert abs(parts["c"].share + parts["y"].share - 1) <= Decimal("0.002")
    cost = Decimal(str(proposal["employer_monthly_cost"]))
    assert abs(parts["c"].monthly_cost + parts["y"].monthly_cost - cost) <= Decimal("0.02")


def test_shares_of_an_empty_proposal_are_zero():
    assert [s.share for s in shares({"tasks": []}, ["a", "b"])] == [0, 0]
