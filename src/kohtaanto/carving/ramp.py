"""The expected productivity ramp of a new worker, from a work trial's pace observations.

A work trial's supervisor writes down, task by task and week by week, the pace the person kept as a share
of the usual pace of the work (100 = as fast as an experienced worker). The ramp

- uses the observed weeks as they are (between two observed weeks the pace is drawn as a straight line);
- after the last observed week, continues the task's trend (the least-squares slope of its observations,
  in percentage points a week) for at most ``CARRY_WEEKS`` weeks, never above the usual pace (or the best
  pace seen, if faster) and never below the last observed pace; then holds it level;
- weighs the tasks by their weekly hours into one pace for the whole job, over the tasks that have
  observations (``covered`` says which share of the hours that is: tasks without observations are not
  guessed).

Nothing here is a judgement of the person; it is arithmetic on what was observed, for the first follow-ups
to check. The domain never reads the clock: weeks count from the first working day.

>>> r = ramp([PaceObservation(task="a", week=1, percent=50), PaceObservation(task="a", week=3, percent=70)],
...          {"a": 10.0, "b": 10.0})
>>> [round(p) for p in r.tasks[0].weeks[:6]]
[50, 60, 70, 80, 90, 100]
>>> r.covered, r.tasks[0].full_at
(0.5, 5)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from pydantic import Field

from kohtaanto.core.vocabulary import StrictModel

USUAL = 100.0
"""The usual pace of the work: an experienced worker's, in per cent."""
FULL = 90.0
"""A task is counted as "at full pace" from the first week the ramp reaches this share of the usual pace."""
CARRY_WEEKS = 8
"""How many weeks past the trial the observed trend is carried on; after that the ramp is held level."""
HORIZON = 26
"""Weeks the ramp covers: the first six months, up to the 6-month follow-up."""


class PaceObservation(StrictModel):
    """One task's pace in one week of a work trial, as a share of the usual pace."""

    task: str = Field(min_length=1, max_length=200)
    week: int = Field(ge=1, le=HORIZON)
    percent: int = Field(ge=0, le=200)


@dataclass(frozen=True)
class TaskRamp:
    """One task's ramp: what was observed, the trend carried on, and the pace in each week 1..horizon."""

    task: str
    hours: float
    observed: tuple[tuple[int, int], ...]  # (week, percent), by week; the last of a week counts
    slope: float  # percentage points a week, 0 when fewer than two weeks were observed or the pace fell
    weeks: tuple[float, ...]  # index 0 is week 1

    @property
    def full_at(self) -> int | None:
        """The first week at full pace (``FULL``), or None within the horizon."""
        for index, pace in enumerate(self.weeks):
            if pace >= FULL:
                return index + 1
        return None

    @property
    def last_observed_week(self) -> int:
        return self.observed[-1][0]


@dataclass(frozen=True)
class Ramp:
    """The job's ramp: the tasks with observations, the pace of the whole job each week, the covered share."""

    tasks: tuple[TaskRamp, ...]
    unobserved: tuple[str, ...]  # tasks of the job with no observation
    overall: tuple[float, ...]  # weighted by hours over the observed tasks; empty when nothing was observed
    covered: float  # share of the job's weekly hours that the observed tasks take, 0..1

    def at_week(self, week: int) -> float | None:
        """The whole job's pace in ``week`` (1-based), or None when nothing was observed."""
        if not self.overall:
            return None
        return self.overall[min(max(week, 1), len(self.overall)) - 1]


def _task_ramp(task: str, hours: float, points: dict[int, int], horizon: int) -> TaskRamp:
    observed = tuple(sorted(points.items()))
    weeks_seen = np.array([w for w, _ in observed], dtype=float)
    paces = np.array([p for _, p in observed], dtype=float)
    slope = 0.0
    if len(observed) >= 2:
        slope = max(float(np.polyfit(weeks_seen, paces, 1)[0]), 0.0)
    last_week, last_pace = observed[-1]
    ceiling = max(USUAL, float(paces.max()))
    weeks = []
    for week in range(1, horizon + 1):
        if week <= last_week:
            pace = float(np.interp(week, weeks_seen, paces))
        else:
            carried = min(week - last_week, CARRY_WEEKS)
            pace = max(float(last_pace), min(ceiling, last_pace + slope * carried))
        weeks.append(pace)
    return TaskRamp(task=task, hours=hours, observed=observed, slope=slope, weeks=tuple(weeks))


def ramp(
    observations: Iterable[PaceObservation], task_hours: Mapping[str, float], horizon: int = HORIZON
) -> Ramp:
    """The ramp of a job whose tasks take ``task_hours`` (name -> hours a week), from the observations.

    Observations of tasks that are not in the job are ignored; the last observation of a task in a week
    counts."""
    by_task: dict[str, dict[int, int]] = {}
    for seen in observations:
        if seen.task in task_hours:
            by_task.setdefault(seen.task, {})[seen.week] = seen.percent
    tasks = tuple(
        _task_ramp(task, float(hours), by_task[task], horizon)
        for task, hours in task_hours.items()
        if task in by_task
    )
    total = sum(float(h) for h in task_hours.values())
    observed_hours = sum(t.hours for t in tasks)
    overall: tuple[float, ...] = ()
    if tasks and observed_hours > 0:
        weights = np.array([t.hours for t in tasks]) / observed_hours
        overall = tuple(float(v) for v in weights @ np.array([t.weeks for t in tasks]))
    return Ramp(
        tasks=tasks,
        unobserved=tuple(t for t in task_hours if t not in by_task),
        overall=overall,
        covered=observed_hours / total if total > 0 else 0.0,
    )
