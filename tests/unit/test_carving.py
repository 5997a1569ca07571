"""CarvedJob carving: hand-computed optima, the independent checker on solver output, and properties."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kohtaanto.carving.check import check_job, check_pool
from kohtaanto.carving.generate import instance
from kohtaanto.carving.greedy import greedy
from kohtaanto.carving.model import analyse
from kohtaanto.carving.pool import carve_pool, greedy_pool
from kohtaanto.carving.proposal import job_of
from kohtaanto.carving.schema import CarvingPersonIn, SettingsIn, WorkplaceFile
from kohtaanto.carving.service import carve_talent_pool, carve_workplace, reachable
from kohtaanto.carving.solution import objective
from kohtaanto.carving.solver import SolverSettings, carve_one
from kohtaanto.rules.engine import build_engine

pytestmark = pytest.mark.unit

SETTINGS = SettingsIn()
SOLVER = SolverSettings(time_limit=10)
ON = dt.date(2026, 11, 27)


def workplace(tasks: list[dict], catalogue: list[dict] | None = None, cost: int = 30) -> WorkplaceFile:
    return WorkplaceFile.model_validate(
        {
            "workplace": {
                "id": "shop",
                "name": "Kauppa Oy",
                "legal_form": "company",
                "new_job_hourly_wage": "14",
                "roles": [
                    {"id": "clerk", "title": {"fi": "Myyjä"}, "hourly_cost": str(cost), "tasks": tasks}
                ],
            },
            "accommodations": catalogue or [],
        }
    )


def task(key: str, hours: float, **more: object) -> dict:
    return {"id": key, "name": {"fi": key, "sv": key, "en": key}, "hours": str(hours), **more}


def named(key: str, names: dict, hours: float, **more: object) -> dict:
    return {**task(key, hours, **more), "name": names}


def person(**more: object) -> CarvingPersonIn:
    data = {"id": "p", "hours": {"min": 4, "max": 10}, **more}
    return CarvingPersonIn.model_validate(data)


LIFT_AID = {
    "id": "lift",
    "name": {"fi": "Nostin"},
    "type": "T",
    "attribute": "physical.lifting_carrying",
    "raises_by": 2,
    "one_off_cost": "600",
    "support": "work_arrangement_tools",
}


def solve(place: WorkplaceFile, who: CarvingPersonIn, alternatives: int = 1):
    option = analyse(who, place.workplace, place.accommodations, SETTINGS)
    return option, carve_one(option, SETTINGS, SOLVER, alternatives)


def test_hand_computed_optimum_buys_the_aid_that_opens_a_task():
    # Value of a quarter hour a week: 30 EUR/h x 4.33 / 4 = 32.475 -> 32; below the holder's level
    # x 1.5 -> 48.71 -> 49. Fit: 20 / 4 = 5 per quarter hour (no skills asked). Lift aid: 600 / 12 = 50.
    place = workplace(
        [
            task("a", 4, below_holder_level=True),
            task("b", 6),
            task("c", 3, demands={"physical.lifting_carrying": 4}),
            task("d", 5, separable=False),
        ],
        [LIFT_AID],
    )
    who = person(hours={"min": 4, "max": 13}, capacities={"physical.lifting_carrying": 2})
    option, [solution] = solve(place, who)
    choice = solution.choices[0]
    assert choice.tasks == {"a": 16, "b": 24, "c": 12}
    assert choice.accommodations == ("lift",)
    expected = 16 * (49 + 5) + 24 * (32 + 5) + 12 * (32 + 5) - 50
    assert solution.objective == objective(choice, SETTINGS) == expected == 2146
    assert solution.optimal and solution.gap == 0
    assert [e.reason.code for e in option.excluded] == ["not_separable"]

    # Without room for "c" the aid is not worth buying.
    option, [solution] = solve(
        place, person(hours={"min": 4, "max": 10}, capacities={"physical.lifting_carrying": 2})
    )
    assert solution.choices[0].tasks == {"a": 16, "b": 24} and solution.choices[0].accommodations == ()
    assert solution.objective == 16 * 54 + 24 * 37 == 1752


def test_cp_sat_beats_greedy_where_density_misleads():
    # Greedy takes the densest task (6 h below level) and then nothing else fits in 10 h;
    # the optimum takes the two 5-hour tasks.
    place = workplace([task("x", 6, below_holder_level=True), task("y", 5), task("z", 5)])
    option, [solution] = solve(place, person(hours={"min": 1, "max": 10}))
    start = greedy(option, SETTINGS)
    assert start is not None and start.tasks == {"x": 24}
    assert solution.choices[0].tasks == {"y": 20, "z": 20}
    assert solution.objective == 40 * 37 > objective(start, SETTINGS) == 24 * 54


def test_reasons_name_the_demand_capacity_and_missing_aid_in_three_languages():
    names = {"fi": "Lavojen siirto", "sv": "Flytta pallar", "en": "Moving pallets"}
    place = workplace([named("pallets", names, 4, demands={"physical.lifting_carrying": 4}), task("b", 4)])
    option, _ = solve(place, person(capacities={"physical.lifting_carrying": 2}))
    [excluded] = option.excluded
    assert excluded.reason.text("fi", {"pallets": "Lavojen siirto"}) == (
        "Lavojen siirto: nostaminen ja kantaminen: tehtävä vaatii »enintään 20 kg, esimerkiksi painava"
        " pahvilaatikko«, henkilö pystyy »enintään 5 kg, esimerkiksi kauppakassi«, eikä sopivaa apuvälinettä"
        " tai järjestelyä ole lisätty"
    )
    assert "lyfta och bära: uppgiften kräver »högst 20 kg" in excluded.reason.text("sv").lower()
    assert "the person can do “up to 5 kg" in excluded.reason.text("en").lower()


def test_undisclosed_capacities_and_support_facts_never_change_the_carve():
    place = workplace([task("a", 4, demands={"physical.lifting_carrying": 5}), task("b", 6)])
    plain = solve(place, person())[1][0]
    older = solve(place, person(support_facts={"age": 60, "unemployment_months": 30}))[1][0]
    assert plain.choices[0].tasks == older.choices[0].tasks == {"a": 16, "b": 24}
    assert plain.objective == older.objective


def test_divisible_tasks_schedules_and_links_are_respected():
    place = workplace(
        [
            task("big", 20, divisible=True, min_chunk="3"),
            task(
                "early",
                2,
                schedule={"fixed": [{"day": "mon", "start": "06:00", "end": "08:00"}], "flexible_days": []},
            ),
            task(
                "clash",
                2,
                schedule={"fixed": [{"day": "tue", "start": "09:00", "end": "11:00"}], "flexible_days": []},
            ),
            task(
                "clash2",
                1,
                schedule={"fixed": [{"day": "tue", "start": "10:00", "end": "11:00"}], "flexible_days": []},
            ),
            task("pair1", 1, goes_with=["pair2"]),
            task("pair2", 1),
        ]
    )
    option, [solution] = solve(place, person(hours={"min": 5, "max": 12}))
    assert {e.task: e.reason.code for e in option.excluded} == {"early": "fixed_time"}
    assert ("clash", "clash2") in option.conflicts
    tasks = solution.choices[0].tasks
    assert not ("clash" in tasks and "clash2" in tasks)
    assert ("pair1" in tasks) == ("pair2" in tasks)
    assert 12 <= tasks.get("big", 12) <= 80
    assert check_job(job_of(solution.choices[0]), place.accommodations, SETTINGS) == []


def test_no_bundle_when_the_minimum_hours_cannot_be_reached():
    place = workplace([task("a", 2), task("b", 3, separable=False)])
    results = carve_workplace(place, [person(hours={"min": 10, "max": 20})], [], SETTINGS, build_engine(), ON)
    assert results[0].proposals == []
    assert "10" in results[0].message


def test_alternatives_differ_in_at_least_a_third_of_their_tasks():
    place = workplace([task(f"t{i}", 2 + i % 3) for i in range(12)])
    _option, solutions = solve(place, person(hours={"min": 4, "max": 12}), alternatives=3)
    assert len(solutions) == 3
    assert solutions[0].objective >= solutions[1].objective >= solutions[2].objective
    for i, first in enumerate(solutions):
        for later in solutions[i + 1 :]:
            a, b = set(first.choices[0].tasks), set(later.choices[0].tasks)
            assert len(a ^ b) >= math.ceil(len(a) / 3)


def test_the_proposal_has_supports_net_cost_training_and_a_description_in_three_languages():
    place = workplace(
        [task("a", 10, skills=[{"id": "retail.stock_shelves", "level": 2}]), task("b", 10)], [LIFT_AID]
    )
    who = person(
        hours={"min": 10, "max": 20},
        skills=[{"id": "retail.stock_shelves", "level": 1}],
        support_facts={"reduced_work_ability": True, "unemployment_months": 14},
    )
    [result] = carve_workplace(place, [who], place.accommodations, SETTINGS, build_engine(), ON, SOLVER)
    [proposal] = result.proposals
    assert proposal["hours_per_week"] == Decimal("20.00")
    assert proposal["freed_hours_by_role"] == {"clerk": Decimal("20.00")}
    assert proposal["monthly_wage"] == Decimal("1212.40")  # 20 h x 4.33 x 14 EUR
    assert proposal["employer_monthly_cost"] == Decimal("1467.00")  # + 21 % side costs
    assert any(s["id"].startswith("pay_subsidy") for s in proposal["supports"])
    assert Decimal(0) <= proposal["net_monthly_cost"] < proposal["employer_monthly_cost"]
    assert (
        proposal["net_monthly_cost"] == proposal["employer_monthly_cost"] - proposal["pay_support_per_month"]
    )
    assert proposal["skill_gaps"] == [
        {"skill": "retail.stock_shelves", "name": "Hyllyjen täyttäminen", "levels": 1}
    ]
    assert proposal["training_path"]["kind"] == "accreditation"
    assert set(proposal["job_description"]) == {"fi", "sv", "en"}
    assert "20 tuntia viikossa" in proposal["job_description"]["fi"]
    assert "20 hours a week" in proposal["job_description"]["en"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_every_answer_passes_the_independent_checker(seed):
    places, people = instance(seed, 1, 25, 1)
    place, who = places[0], people.people[0]
    option = analyse(who, place.workplace, place.accommodations, SETTINGS)
    for solution in carve_one(option, SETTINGS, SOLVER, alternatives=2):
        assert check_job(job_of(solution.choices[0]), place.accommodations, SETTINGS) == []
        assert solution.objective == objective(solution.choices[0], SETTINGS)
    start = greedy(option, SETTINGS)
    if start is not None:
        assert check_job(job_of(start), place.accommodations, SETTINGS) == []
        assert carve_one(option, SETTINGS, SOLVER)[0].objective >= objective(start, SETTINGS)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10_000), more=st.integers(min_value=1, max_value=3))
def test_more_capacity_never_lowers_the_optimum(seed, more):
    places, people = instance(seed, 1, 20, 1)
    place, who = places[0], people.people[0]
    stronger = who.model_copy(update={"capacities": {k: min(5, v + more) for k, v in who.capacities.items()}})
    before = carve_one(analyse(who, place.workplace, place.accommodations, SETTINGS), SETTINGS, SOLVER)
    after = carve_one(analyse(stronger, place.workplace, place.accommodations, SETTINGS), SETTINGS, SOLVER)
    assert all(s.optimal for s in before + after)
    assert (after[0].objective if after else 0) >= (before[0].objective if before else 0)
    assert len(after) >= len(before)


def test_pool_gives_each_task_at_most_one_holder_and_each_person_one_job():
    places, people = instance(3, 3, 45, 6)
    options = [
        analyse(p, w.workplace, w.accommodations, SETTINGS)
        for p in people.people
        for w in places
        if reachable(p, w)
    ]
    assert len(options) < len(people.people) * len(places)  # not everyone reaches every workplace
    solution = carve_pool(options, SETTINGS, SOLVER)
    jobs = [job_of(c) for c in solution.choices]
    assert jobs
    assert check_pool(jobs, {w.workplace.id: w.accommodations for w in places}, SETTINGS) == []
    start = greedy_pool(options, SETTINGS)
    assert solution.objective >= sum(objective(c, SETTINGS) for c in start)
    result = carve_talent_pool(places, people.people, SETTINGS, build_engine(), ON, SOLVER)
    assert {r.person for r in result.results} == {p.id for p in people.people}
    assert result.objective == solution.objective


def test_the_checker_catches_broken_jobs():
    place = workplace([task("a", 4, demands={"physical.lifting_carrying": 4}), task("b", 6, separable=False)])
    who = person(capacities={"physical.lifting_carrying": 2})
    from kohtaanto.carving.check import CarvedJob

    bad = CarvedJob(who, place.workplace, {"a": Decimal(4), "b": Decimal(6), "x": Decimal(1)}, ("nope",))
    problems = check_job(bad, place.accommodations, SETTINGS)
    assert "a: physical.lifting_carrying 4 > 2" in problems
    assert "b: not separable" in problems
    assert "x: no such task" in problems
    assert "an accommodation is not in the catalogue" in problems
    assert any("outside 4-10" in p for p in problems)


def test_the_training_window_decides_which_skill_gaps_are_learnable():
    place = workplace([task("a", 6, skills=[{"id": "retail.stock_shelves", "level": 3}]), task("b", 4)])
    who = person(trainable_levels=1)  # one level in 12 weeks; the task needs three
    short = analyse(who, place.workplace, [], SETTINGS)
    assert [e.task for e in short.excluded] == ["a"] and short.excluded[0].reason.code == "skill_gap"
    longer = SettingsIn(training_weeks=36)
    assert not analyse(who, place.workplace, [], longer).excluded
    [solution] = carve_one(analyse(who, place.workplace, [], longer), longer, SOLVER)
    assert dict(solution.choices[0].training) == {"retail.stock_shelves": 3}
    assert check_job(job_of(solution.choices[0]), [], longer) == []
    assert check_job(job_of(solution.choices[0]), [], SETTINGS) == [
        "a: skill retail.stock_shelves not learnable in time"
    ]


def test_a_pool_solve_out_of_time_still_returns_the_greedy_pool_with_its_status_and_gap(monkeypatch):
    """When neither the pricing nor the master finds an answer within the limit (as with 4 000 tasks
    and 200 people), the greedy pool computed first is the answer, never "no bundle for anyone"."""
    from ortools.sat.python import cp_model

    from kohtaanto.carving import pool

    class OutOfTime(cp_model.CpSolver):
        def solve(self, model, *args, **kwargs):
            return cp_model.UNKNOWN

    monkeypatch.setattr(pool.cp_model, "CpSolver", OutOfTime)
    places, people = instance(5, 3, 45, 6)
    options = [
        analyse(p, w.workplace, w.accommodations, SETTINGS)
        for p in people.people
        for w in places
        if reachable(p, w)
    ]
    start = greedy_pool(options, SETTINGS)
    assert start
    solution = carve_pool(options, SETTINGS, SOLVER)
    assert solution.status == "GREEDY" and not solution.optimal
    assert solution.choices == tuple(start)
    assert solution.objective == sum(objective(c, SETTINGS) for c in start)
    assert solution.bound >= solution.objective and 0 <= solution.gap < 1  # a real bound, from the relaxation
    jobs = [job_of(c) for c in solution.choices]
    assert check_pool(jobs, {w.workplace.id: w.accommodations for w in places}, SETTINGS) == []


def test_a_job_whose_wage_rounds_to_zero_gets_a_note_instead_of_a_crash():
    """Found by the API fuzzer once the document described decimals right: a new job's hourly wage of
    a tenth of a cent made the supports question refuse the job and the carve answer 500."""
    built = workplace([task("a", 10)])
    place = built.model_copy(
        update={"workplace": built.workplace.model_copy(update={"new_job_hourly_wage": Decimal("0.0001")})}
    )
    [result] = carve_workplace(
        place, [person(hours={"min": 10, "max": 20})], [], SETTINGS, build_engine(), ON, SOLVER
    )
    [proposal] = result.proposals
    assert proposal["supports"] == [] and "Tukia ei voitu laskea" in " ".join(proposal["support_notes"])
