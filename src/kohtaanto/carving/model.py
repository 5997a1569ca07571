"""What each task asks of one person: feasible with which accommodations and training, or why not.

Hours are counted in quarter hours (``UNIT``) and money in whole euros a month, so the optimiser
works with integers. Everything here is derived from the input files and the settings; nothing
reads a clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.carving.reasons import Reason
from kohtaanto.carving.schema import (
    WEEKS_PER_MONTH,
    AccommodationIn,
    CarvingPersonIn,
    Demand,
    SettingsIn,
    TaskIn,
    Window,
    WorkplaceIn,
)
from kohtaanto.core.vocabulary import CEFR, DAYS

UNITS_PER_HOUR = 4
LANGUAGE_ATTRIBUTE = "sensory_communication.working_language"
DEFAULT_DAY = (8 * 60, 16 * 60)  # availability left empty: weekdays 08-16


def units(hours: Decimal | float) -> int:
    return round(Decimal(str(hours)) * UNITS_PER_HOUR)


def hours_of(count: int) -> Decimal:
    return (Decimal(count) / UNITS_PER_HOUR).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Gap:
    """A demand above the person's capacity that accommodations on the attribute may close."""

    attribute: str
    demand: int
    capacity: int
    options: tuple[str, ...]  # accommodation ids raising this attribute

    @property
    def missing(self) -> int:
        return self.demand - self.capacity


@dataclass(frozen=True)
class SkillGap:
    skill: str
    need: int
    have: int

    @property
    def levels(self) -> int:
        return self.need - self.have


@dataclass(frozen=True)
class TaskCandidate:
    """A task the person can take, possibly with accommodations and training."""

    task: str
    role: str
    location: str
    units: int
    min_units: int
    divisible: bool
    value_per_unit: int  # euros a month that one quarter hour a week frees, weighted
    fit_per_unit: int
    gaps: tuple[Gap, ...]
    skill_gaps: tuple[SkillGap, ...]
    fixed: tuple[tuple[int, int, int], ...]  # (day index, start minute, end minute)
    allowed_units: int  # most quarter hours the person's available time on the task's days allows


@dataclass(frozen=True)
class Exclusion:
    task: str
    reason: Reason


@dataclass(frozen=True)
class Option:
    """One person at one workplace: what can be carved, what cannot and why."""

    person: CarvingPersonIn
    workplace: WorkplaceIn
    candidates: tuple[TaskCandidate, ...]
    excluded: tuple[Exclusion, ...]
    accommodations: dict[str, AccommodationIn]
    accommodation_cost: dict[str, int]  # euros a month, one-off costs spread
    together: tuple[tuple[str, str], ...]  # goes_with pairs among candidates
    conflicts: tuple[tuple[str, str], ...]  # fixed windows that overlap or break an order
    min_units: int
    max_units: int
    available_units: int


def availability(person: CarvingPersonIn) -> dict[int, list[tuple[int, int]]]:
    if not person.availability:
        return {day: [DEFAULT_DAY] for day in range(5)}
    out: dict[int, list[tuple[int, int]]] = {}
    for window in person.availability:
        out.setdefault(DAYS.index(window.day), []).append(window.minutes)
    return out


def _inside(window: Window, free: dict[int, list[tuple[int, int]]]) -> bool:
    start, end = window.minutes
    return any(a <= start and end <= b for a, b in free.get(DAYS.index(window.day), []))


def capacities(person: CarvingPersonIn) -> dict[str, int]:
    out = dict(person.capacities)
    if person.working_language and LANGUAGE_ATTRIBUTE not in out:
        out[LANGUAGE_ATTRIBUTE] = CEFR[person.working_language]
    return out


def _demand(value: int | Demand) -> int:
    return value if isinstance(value, int) else value.level


def accommodation_cost(item: AccommodationIn, settings: SettingsIn) -> int:
    return math.ceil(item.monthly_cost + item.one_off_cost / settings.amortisation_months)


def analyse(
    person: CarvingPersonIn,
    workplace: WorkplaceIn,
    catalogue: list[AccommodationIn],
    settings: SettingsIn,
) -> Option:
    """Sort the workplace's tasks for ``person`` into candidates and exclusions with reasons."""
    caps = capacities(person)
    skills = {s.id: s.level for s in person.skills}
    free = availability(person)
    by_attribute: dict[str, list[AccommodationIn]] = {}
    for item in catalogue:
        by_attribute.setdefault(item.attribute, []).append(item)
    remote_ok = person.remote in ("prefer", "only")
    candidates: list[TaskCandidate] = []
    excluded: list[Exclusion] = []
    tasks: dict[str, TaskIn] = {}
    for role in workplace.roles:
        weight = settings.freed_value_weight
        for task in role.tasks:
            tasks[task.id] = task
            reason = _blocker(task, person, caps, skills, free, by_attribute, settings.training_weeks)
            if reason is not None:
                excluded.append(Exclusion(task.id, reason))
                continue
            gaps = tuple(
                Gap(a, _demand(d), caps[a], tuple(x.id for x in by_attribute.get(a, [])))
                for a, d in sorted(task.demands.items())
                if a in caps and _demand(d) > caps[a]
            )
            skill_gaps = tuple(
                SkillGap(s.id, s.level, skills.get(s.id, 0))
                for s in task.skills
                if skills.get(s.id, 0) < s.level
            )
            have = sum(1 for s in task.skills if skills.get(s.id, 0) >= s.level)
            fit = Decimal(have + (0 if task.skills else 1)) / max(1, len(task.skills))
            bonus = settings.below_level_bonus if task.below_holder_level else Decimal(0)
            monthly_per_unit = role.hourly_cost * WEEKS_PER_MONTH / UNITS_PER_HOUR
            total = units(task.weekly_hours)
            chunk = (
                units(task.min_chunk)
                if task.divisible and task.min_chunk
                else (1 if task.divisible else total)
            )
            candidates.append(
                TaskCandidate(
                    task=task.id,
                    role=role.id,
                    location="" if (remote_ok and task.remote_possible) else task.location,
                    units=total,
                    min_units=min(chunk, total),
                    divisible=task.divisible,
                    value_per_unit=round(monthly_per_unit * (weight + bonus)),
                    fit_per_unit=round(settings.fit_weight * fit / UNITS_PER_HOUR),
                    gaps=gaps,
                    skill_gaps=skill_gaps,
                    fixed=tuple((DAYS.index(w.day), *w.minutes) for w in task.schedule.fixed),
                    allowed_units=_allowed_units(task, free),
                )
            )
    candidates, more = _close_links(candidates, tasks)
    excluded.extend(more)
    return Option(
        person=person,
        workplace=workplace,
        candidates=tuple(candidates),
        excluded=tuple(excluded),
        accommodations={item.id: item for item in catalogue},
        accommodation_cost={item.id: accommodation_cost(item, settings) for item in catalogue},
        together=tuple(_pairs(candidates, tasks, "goes_with")),
        conflicts=tuple(_conflicts(candidates, tasks)),
        min_units=units(person.hours.min),
        max_units=units(person.hours.max),
        available_units=sum(b - a for spans in free.values() for a, b in spans) * UNITS_PER_HOUR // 60,
    )


def _blocker(
    task: TaskIn,
    person: CarvingPersonIn,
    caps: dict[str, int],
    skills: dict[str, int],
    free: dict[int, list[tuple[int, int]]],
    by_attribute: dict[str, list[AccommodationIn]],
    training_weeks: int,
) -> Reason | None:
    if not task.separable:
        return Reason("not_separable", task=task.id)
    if person.remote == "only" and not task.remote_possible:
        return Reason("needs_presence", task=task.id)
    for attribute, value in sorted(task.demands.items()):
        demand = _demand(value)
        if attribute in caps and demand > caps[attribute]:
            reach = sum(item.raises_by for item in by_attribute.get(attribute, []))
            if caps[attribute] + reach < demand:
                code = "demand_exceeds_no_aid" if reach == 0 else "demand_exceeds_aid_short"
                return Reason(
                    code, task=task.id, attribute=attribute, demand=demand, capacity=caps[attribute]
                )
    for need in task.skills:
        have = skills.get(need.id, 0)
        if need.level - have > person.learnable_levels(training_weeks):
            return Reason("skill_gap", task=task.id, skill=need.id, need=need.level, have=have)
    for window in task.schedule.fixed:
        if not _inside(window, free):
            return Reason("fixed_time", task=task.id, day=window.day, start=window.start, end=window.end)
    if not task.schedule.fixed and not any(DAYS.index(d) in free for d in task.schedule.flexible_days):
        return Reason("no_common_day", task=task.id)
    return None


def _allowed_units(task: TaskIn, free: dict[int, list[tuple[int, int]]]) -> int:
    if task.schedule.fixed:
        return units(task.weekly_hours)
    days = {DAYS.index(d) for d in task.schedule.flexible_days}
    minutes = sum(b - a for day, spans in free.items() if day in days for a, b in spans)
    return minutes * UNITS_PER_HOUR // 60


def _close_links(
    candidates: list[TaskCandidate], tasks: dict[str, TaskIn]
) -> tuple[list[TaskCandidate], list[Exclusion]]:
    """A task that must go with an excluded task is excluded too (repeated until nothing changes)."""
    excluded: list[Exclusion] = []
    keep = {c.task: c for c in candidates}
    changed = True
    while changed:
        changed = False
        for key in list(keep):
            task = tasks[key]
            partners = set(task.goes_with) | {k for k, t in tasks.items() if key in t.goes_with}
            missing = sorted(p for p in partners if p not in keep)
            if missing:
                del keep[key]
                excluded.append(Exclusion(key, Reason("goes_with_excluded", task=key, other=missing[0])))
                changed = True
    return [c for c in candidates if c.task in keep], excluded


def _pairs(candidates: list[TaskCandidate], tasks: dict[str, TaskIn], link: str) -> list[tuple[str, str]]:
    keys = {c.task for c in candidates}
    pairs = {(min(k, o), max(k, o)) for k in keys for o in getattr(tasks[k], link) if o in keys}
    return sorted(pairs)


def _conflicts(candidates: list[TaskCandidate], tasks: dict[str, TaskIn]) -> list[tuple[str, str]]:
    """Pairs that cannot both be in one job: overlapping fixed windows, or an order the times break."""
    fixed = [c for c in candidates if c.fixed]
    out: set[tuple[str, str]] = set()
    for i, a in enumerate(fixed):
        for b in fixed[i + 1 :]:
            overlap = any(
                da == db and sa < eb and sb < ea for da, sa, ea in a.fixed for db, sb, eb in b.fixed
            )
            order = _breaks_order(a, b, tasks) or _breaks_order(b, a, tasks)
            if overlap or order:
                out.add((min(a.task, b.task), max(a.task, b.task)))
    return sorted(out)


def _breaks_order(first: TaskCandidate, then: TaskCandidate, tasks: dict[str, TaskIn]) -> bool:
    """``then`` comes after ``first``; on a shared day ``first`` must end before ``then`` starts."""
    if first.task not in tasks[then.task].after:
        return False
    return any(df == dt_ and ef > st for df, _sf, ef in first.fixed for dt_, st, _et in then.fixed)
