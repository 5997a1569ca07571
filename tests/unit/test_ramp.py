"""The productivity ramp from a work trial's pace observations, against hand-worked figures."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kohtaanto.carving.ramp import CARRY_WEEKS, PaceObservation, ramp

pytestmark = pytest.mark.unit


def seen(task: str, week: int, percent: int) -> PaceObservation:
    return PaceObservation(task=task, week=week, percent=percent)


def test_the_trend_is_carried_on_and_stops_at_the_usual_pace() -> None:
    # packing: 40 % in week 1, 55 % in week 2, 70 % in week 3: +15 points a week
    r = ramp([seen("pack", 1, 40), seen("pack", 2, 55), seen("pack", 3, 70)], {"pack": 10.0})
    task = r.tasks[0]
    assert task.slope == pytest.approx(15.0)
    assert [round(p) for p in task.weeks[:6]] == [40, 55, 70, 85, 100, 100]
    assert task.full_at == 5  # 85 in week 4 is below 90, 100 in week 5
    assert r.covered == 1.0 and r.unobserved == ()


def test_the_trend_is_carried_at_most_eight_weeks_past_the_trial() -> None:
    r = ramp([seen("a", 1, 10), seen("a", 2, 12)], {"a": 5.0})
    # +2 points a week: week 2 + 8 weeks = week 10 at 28 %, then level
    assert r.tasks[0].weeks[9] == pytest.approx(28.0)
    assert r.tasks[0].weeks[20] == pytest.approx(28.0)
    assert CARRY_WEEKS == 8
    assert r.tasks[0].full_at is None


def test_a_falling_pace_is_held_at_the_last_observation_not_projected_down() -> None:
    r = ramp([seen("a", 1, 80), seen("a", 2, 60)], {"a": 5.0})
    assert r.tasks[0].slope == 0.0
    assert r.tasks[0].weeks[5] == pytest.approx(60.0)


def test_the_job_pace_weighs_tasks_by_hours_and_does_not_guess_unobserved_tasks() -> None:
    # 10 h packing at 60 %, 5 h dough at 90 %, 5 h cleaning not observed
    r = ramp([seen("pack", 1, 60), seen("dough", 1, 90)], {"pack": 10.0, "dough": 5.0, "clean": 5.0})
    assert r.at_week(1) == pytest.approx((10 * 60 + 5 * 90) / 15)  # 70 %
    assert r.covered == pytest.approx(0.75)
    assert r.unobserved == ("clean",)


def test_between_observed_weeks_the_pace_is_a_straight_line() -> None:
    r = ramp([seen("a", 1, 40), seen("a", 5, 80)], {"a": 5.0})
    assert r.tasks[0].weeks[2] == pytest.approx(60.0)  # week 3, halfway


def test_nothing_observed_gives_no_pace_and_observations_of_other_tasks_are_ignored() -> None:
    r = ramp([seen("elsewhere", 1, 50)], {"a": 5.0})
    assert r.tasks == () and r.at_week(1) is None and r.covered == 0.0


def test_an_observation_is_refused_outside_its_scale() -> None:
    with pytest.raises(ValidationError):
        PaceObservation(task="a", week=0, percent=50)
    with pytest.raises(ValidationError):
        PaceObservation(task="a", week=1, percent=201)


@given(st.lists(st.tuples(st.integers(1, 26), st.integers(0, 200)), min_size=1, max_size=10))
def test_the_ramp_never_falls_after_the_trial_and_never_exceeds_the_best_seen_or_usual(points) -> None:
    r = ramp([seen("a", w, p) for w, p in points], {"a": 1.0})
    task = r.tasks[0]
    last = task.last_observed_week
    after = task.weeks[last - 1 :]
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(after))
    best = max(100, max(p for _, p in task.observed))
    assert max(task.weeks) <= best + 1e-9
