"""An independent check of carved jobs against every hard constraint, from the input files alone.

It does not reuse the analysis the solver starts from (``model.analyse``): it reads the tasks,
the person and the catalogue again, so a bug in the analysis or the model shows up here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.carving.schema import (
    AccommodationIn,
    CarvingPersonIn,
    RoleIn,
    SettingsIn,
    TaskIn,
    WorkplaceIn,
)
from kohtaanto.core.vocabulary import CEFR, DAYS

QUARTER = Decimal("0.25")


@dataclass(frozen=True)
class CarvedJob:
    """A carved job as the checker sees it: hours per task and the accommodations bought."""

    person: CarvingPersonIn
    workplace: WorkplaceIn
    hours: dict[str, Decimal]
    accommodations: tuple[str, ...]


def _free(person: CarvingPersonIn) -> dict[str, list[tuple[int, int]]]:
    if not person.availability:
        return {day: [(480, 960)] for day in DAYS[:5]}
    out: dict[str, list[tuple[int, int]]] = {}
    for w in person.availability:
        out.setdefault(w.day, []).append(w.minutes)
    return out


def check_job(job: CarvedJob, catalogue: Sequence[AccommodationIn], settings: SettingsIn) -> list[str]:
    """Every broken hard constraint of one job, as a short English line (empty: the job is valid)."""
    person = job.person
    tasks = {t.id: (r, t) for r in job.workplace.roles for t in r.tasks}
    bought = {a.id: a for a in catalogue if a.id in job.accommodations}
    problems: list[str] = []
    if len(bought) != len(set(job.accommodations)):
        problems.append("an accommodation is not in the catalogue")
    capacity = dict(person.capacities)
    if person.working_language and "sensory_communication.working_language" not in capacity:
        capacity["sensory_communication.working_language"] = CEFR[person.working_language]
    for item in bought.values():
        if item.attribute in capacity:
            capacity[item.attribute] += item.raises_by
    free = _free(person)
    total = sum(job.hours.values(), Decimal(0))
    if not person.hours.min <= total <= person.hours.max:
        problems.append(f"{total} hours is outside {person.hours.min}-{person.hours.max}")
    if total * 60 > sum(b - a for spans in free.values() for a, b in spans):
        problems.append("more hours than the person's available time")
    for key, hours in job.hours.items():
        if key not in tasks:
            problems.append(f"{key}: no such task")
            continue
        task = tasks[key][1]
        problems += [
            f"{key}: {p}"
            for p in _task_problems(task, hours, person, capacity, free, settings.training_weeks)
        ]
        problems += [f"{key}: goes with {o}, which is missing" for o in task.goes_with if o not in job.hours]
    problems += _schedule_problems(job, tasks)
    roles = {tasks[k][0].id for k in job.hours if k in tasks}
    if len(roles) > settings.max_source_roles:
        problems.append(f"{len(roles)} source roles > {settings.max_source_roles}")
    remote = person.remote in ("prefer", "only")
    places = {
        tasks[k][1].location for k in job.hours if k in tasks and not (remote and tasks[k][1].remote_possible)
    }
    if len(places) > settings.max_locations:
        problems.append(f"{len(places)} locations > {settings.max_locations}")
    return problems


def _task_problems(
    task: TaskIn,
    hours: Decimal,
    person: CarvingPersonIn,
    capacity: dict[str, int],
    free: dict[str, list[tuple[int, int]]],
    training_weeks: int,
) -> list[str]:
    out = _share_problems(task, hours)
    if not task.separable:
        out.append("not separable")
    if person.remote == "only" and not task.remote_possible:
        out.append("needs presence, person works remotely only")
    for attribute, demand in task.demands.items():
        level = demand if isinstance(demand, int) else demand.level
        if attribute in capacity and level > capacity[attribute]:
            out.append(f"{attribute} {level} > {capacity[attribute]}")
    skills = {s.id: s.level for s in person.skills}
    out += [
        f"skill {n.id} not learnable in time"
        for n in task.skills
        if n.level - skills.get(n.id, 0) > person.learnable_levels(training_weeks)
    ]
    for w in task.schedule.fixed:
        start, end = w.minutes
        if not any(a <= start and end <= b for a, b in free.get(w.day, [])):
            out.append(f"fixed time {w.day} {w.start} outside availability")
    if not task.schedule.fixed:
        days = [d for d in task.schedule.flexible_days if d in free]
        if not days or hours * 60 > sum(b - a for d in days for a, b in free[d]):
            out.append("does not fit the person's days")
    return out


def _share_problems(task: TaskIn, hours: Decimal) -> list[str]:
    if hours <= 0 or hours % QUARTER:
        return [f"{hours} is not a positive number of quarter hours"]
    if task.divisible:
        low = task.min_chunk or QUARTER
        if not min(low, task.weekly_hours) <= hours <= task.weekly_hours + QUARTER / 2:
            return [f"{hours} h outside the allowed share"]
    elif abs(hours - task.weekly_hours) > QUARTER / 2:
        return ["an indivisible task must be taken whole"]
    return []


def _schedule_problems(job: CarvedJob, tasks: dict[str, tuple[RoleIn, TaskIn]]) -> list[str]:
    """Fixed windows must not overlap, and a task must not start before a task it comes after ends."""
    out: list[str] = []
    windows = [(k, w.day, *w.minutes) for k in job.hours if k in tasks for w in tasks[k][1].schedule.fixed]
    for i, (k1, d1, s1, e1) in enumerate(windows):
        for k2, d2, s2, e2 in windows[i + 1 :]:
            if k1 != k2 and d1 == d2 and s1 < e2 and s2 < e1:
                out.append(f"{k1} and {k2}: fixed times overlap")
    for key in job.hours:
        if key not in tasks:
            continue
        for other in tasks[key][1].after:
            if other not in job.hours:
                continue
            mine = [(d, s) for k, d, s, _e in windows if k == key]
            theirs = [(d, e) for k, d, _s, e in windows if k == other]
            if any(d1 == d2 and e > s for d1, s in mine for d2, e in theirs):
                out.append(f"{key}: starts before {other} ends")
    return out


def check_pool(
    jobs: Iterable[CarvedJob], catalogues: dict[str, Sequence[AccommodationIn]], settings: SettingsIn
) -> list[str]:
    """Each job's problems, plus: one job per person, one new holder per task."""
    problems: list[str] = []
    people: set[str] = set()
    holders: set[tuple[str, str]] = set()
    for job in jobs:
        if job.person.id in people:
            problems.append(f"{job.person.id}: more than one carved job")
        people.add(job.person.id)
        for key in job.hours:
            if (job.workplace.id, key) in holders:
                problems.append(f"{job.workplace.id}/{key}: given twice")
            holders.add((job.workplace.id, key))
        problems.extend(
            f"{job.person.id}@{job.workplace.id}: {p}"
            for p in check_job(job, catalogues.get(job.workplace.id, ()), settings)
        )
    return problems
