"""Outcome figures for an employment area (or all areas) and a period, from the records themselves.

Every figure is a count or a sum over rows a professional created while working: outreach contacts and
needs, hiring cases, carved jobs, hires, work trials, follow-ups. Groups under ``SMALL`` people are never
shown as a rate or a count, so no single person's outcome can be read from a report.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kohtaanto.web.accounts.models import EmploymentArea, Organisation
from kohtaanto.web.core.roles import Role
from kohtaanto.web.hiring.models import FollowUp, HiringCase, WorkTrial
from kohtaanto.web.matching.models import JobKind, JobPosting
from kohtaanto.web.outreach.models import Activity, Need

SMALL = 5  # groups smaller than this are suppressed
RETENTION_MONTHS = (3, 6, 12)
METHODS = (
    "job_modification",
    "matching",
    "recruitment_support",
    "hidden_jobs",
    "work_trial",
    "apprenticeship",
    "plain_onboarding",
)


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def months(self) -> list[dt.date]:
        out, day = [], self.start.replace(day=1)
        while day <= self.end:
            out.append(day)
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return out


@dataclass(frozen=True, slots=True)
class Rate:
    n: int
    yes: int

    @property
    def suppressed(self) -> bool:
        return 0 < self.n < SMALL

    @property
    def value(self) -> float | None:
        return None if self.n == 0 or self.suppressed else round(self.yes / self.n, 3)


def cell(value: int) -> int | None:
    """A count as it may be published: 0 or at least ``SMALL``, else None (primary suppression)."""
    return value if value == 0 or value >= SMALL else None


def additive(
    total: int, parts: list[int], withheld: frozenset[int] = frozenset()
) -> tuple[int | None, list[int | None]]:
    """Cells of a total and the parts that add up to it, so that no hidden part can be worked out by
    subtraction: when exactly one part is hidden and the total is shown, the smallest other non-zero
    part is hidden too (secondary suppression); when no other part can be hidden, the total is. The parts
    at the indexes in ``withheld`` are hidden whatever their value, zeros too."""
    shown_total = cell(total)
    shown = [None if i in withheld else cell(p) for i, p in enumerate(parts)]
    if shown_total is not None:
        hidden = [i for i, v in enumerate(shown) if v is None]
        if len(hidden) == 1:
            others = sorted((p, i) for i, p in enumerate(parts) if shown[i] is not None and p > 0)
            if others:
                shown[others[0][1]] = None
            else:
                shown_total = None
    return shown_total, shown


@dataclass
class Published:
    """The figures as they may be shown on a page, in a CSV or a PDF: None is "fewer than SMALL"."""

    counts: dict[str, int | None]
    monthly: list[dict[str, Any]]
    supports: dict[str, tuple[int | None, Decimal | None]]
    skilled_hours_freed_per_week: Decimal | None
    days_need_to_hire: float | None


def publishable(f: Figures) -> Published:
    hires, (carved, ordinary) = additive(f.hires, [f.hires_carved, f.hires_ordinary])
    counts: dict[str, int | None] = {
        "employers_contacted": cell(f.employers_contacted),
        "needs_found": cell(f.needs_found),
        "task_inventories": cell(f.task_inventories),
        "carved_jobs": cell(f.carved_jobs),
        "hires": hires,
        "hires_carved": carved,
        "hires_ordinary": ordinary,
        "work_trials": cell(f.work_trials),
    }
    monthly = [dict(m) for m in f.monthly]
    for key in ("needs_found", "hires"):
        _, parts = additive(sum(int(m[key]) for m in f.monthly), [int(m[key]) for m in f.monthly])
        for row, value in zip(monthly, parts, strict=True):
            row[key] = value
    for row in monthly:
        row["employers_contacted"] = cell(int(row["employers_contacted"]))
    supports = {
        key: (cell(n), total if cell(n) else None) if n else (0, Decimal(0))
        for key, (n, total) in f.supports.items()
    }
    enough = f.hires >= SMALL
    return Published(
        counts=counts,
        monthly=monthly,
        supports=supports,
        skilled_hours_freed_per_week=f.skilled_hours_freed_per_week if enough else None,
        days_need_to_hire=f.days_need_to_hire if enough else None,
    )


@dataclass
class Figures:
    area: str
    period: Period
    employers_contacted: int = 0
    needs_found: int = 0
    task_inventories: int = 0
    carved_jobs: int = 0
    hires_carved: int = 0
    hires_ordinary: int = 0
    work_trials: int = 0
    retention: dict[int, Rate] = field(default_factory=dict)
    skilled_hours_freed_per_week: Decimal = Decimal(0)
    supports: dict[str, tuple[int, Decimal]] = field(default_factory=dict)  # id -> (hires, € a month)
    days_need_to_hire: float | None = None
    monthly: list[dict[str, Any]] = field(default_factory=list)
    combinations: list[dict[str, Any]] = field(default_factory=list)
    methods: dict[str, int] = field(default_factory=dict)  # cases decided in the period that used each

    @property
    def hires(self) -> int:
        return self.hires_carved + self.hires_ordinary


def _organisations(area: EmploymentArea | None) -> Any:
    orgs = Organisation.objects.all()
    return orgs if area is None else orgs.filter(municipality__area=area)


def _has_tasks(case: HiringCase) -> bool:
    return any(r.get("tasks") for r in (case.inventory or {}).get("workplace", {}).get("roles", []))


def methods_of(case: HiringCase, from_need: set[int], with_trials: set[int]) -> tuple[str, ...]:
    """The methods a case used, read from what was done (not from a form)."""
    chosen = case.chosen or {}
    used = {
        "job_modification": bool(chosen),
        "matching": case.shortlist_id is not None,
        "recruitment_support": getattr(case.created_by, "role", None) == Role.PROFESSIONAL,
        "hidden_jobs": case.pk in from_need,
        "work_trial": case.pk in with_trials,
        "apprenticeship": chosen.get("training_path", {}).get("kind") == "apprenticeship",
        "plain_onboarding": bool(getattr(getattr(case, "onboarding", None), "instructions", "")),
    }
    return tuple(m for m in METHODS if used[m])


def _in(period: Period, day: dt.date | None) -> bool:
    return day is not None and period.start <= day <= period.end


def compute(area: EmploymentArea | None, period: Period) -> Figures:
    orgs = _organisations(area)
    figures = Figures(area=area.name if area else "", period=period)
    activities = list(
        Activity.objects.filter(
            organisation__in=orgs, happened_on__range=(period.start, period.end)
        ).values_list("organisation_id", "happened_on")
    )
    figures.employers_contacted = len({org for org, _ in activities})
    needs = list(Need.objects.filter(organisation__in=orgs).values_list("found_on", "case_id"))
    figures.needs_found = sum(1 for day, _ in needs if _in(period, day))
    need_day = {case: day for day, case in needs if case is not None}
    cases = list(
        HiringCase.objects.filter(organisation__in=orgs)
        .select_related("created_by", "job", "onboarding")
        .order_by("pk")
    )
    with_trials = set(WorkTrial.objects.filter(case__in=cases).values_list("case_id", flat=True))
    figures.task_inventories = sum(1 for c in cases if _in(period, c.created_at.date()) and _has_tasks(c))
    figures.carved_jobs = JobPosting.objects.filter(
        organisation__in=orgs, kind=JobKind.CARVED, created_at__date__range=(period.start, period.end)
    ).count()
    figures.work_trials = WorkTrial.objects.filter(
        case__in=cases, starts_on__range=(period.start, period.end)
    ).count()
    hired = [c for c in cases if c.decision == "hired" and _in(period, c.decided_on)]
    figures.hires_carved = sum(1 for c in hired if c.job is not None and c.job.kind == JobKind.CARVED)
    figures.hires_ordinary = len(hired) - figures.hires_carved
    follow: dict[int, dict[int, bool]] = defaultdict(dict)
    for f in FollowUp.objects.filter(case__in=hired, done_on__isnull=False, still_employed__isnull=False):
        follow[f.case_id][f.months] = f.still_employed
    for months in RETENTION_MONTHS:
        answered = [follow[c.pk][months] for c in hired if months in follow[c.pk]]
        figures.retention[months] = Rate(len(answered), sum(1 for a in answered if a))
    freed = Decimal(0)
    supports: dict[str, list[Decimal]] = defaultdict(list)
    for case in hired:
        chosen = case.chosen or {}
        freed += sum((Decimal(str(v)) for v in chosen.get("freed_hours_by_role", {}).values()), Decimal(0))
        for support in chosen.get("supports", []):
            monthly = support.get("monthly_amount") or (
                (support.get("total_max") or 0) / 12 if support.get("total_max") else 0
            )
            supports[support.get("id", "")].append(Decimal(str(monthly)))
    figures.skilled_hours_freed_per_week = freed
    figures.supports = {
        k: (len(v), sum(v, Decimal(0)).quantize(Decimal("0.01"))) for k, v in sorted(supports.items())
    }
    waits = [(c.decided_on - need_day.get(c.pk, c.created_at.date())).days for c in hired if c.decided_on]
    figures.days_need_to_hire = statistics.median(waits) if waits else None
    figures.monthly = _monthly(period, activities, needs, hired)
    from_need = set(need_day)
    decided = [c for c in cases if c.decision and _in(period, c.decided_on)]
    figures.combinations = _combinations(decided, from_need, with_trials, follow)
    used = Counter(m for c in decided for m in methods_of(c, from_need, with_trials))
    figures.methods = {m: used[m] for m in METHODS}
    return figures


def complete_quarters(today: dt.date, count: int = 4) -> list[Period]:
    """The last ``count`` calendar quarters that ended before ``today``, oldest first. Published figures
    use fixed quarters, never a chosen range, so that two overlapping periods cannot be subtracted to
    reveal a group smaller than ``SMALL``."""
    start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    out = []
    for _ in range(count):
        end = start - dt.timedelta(days=1)
        start = dt.date(end.year, end.month - 2, 1)
        out.append(Period(start, end))
    return out[::-1]


def _monthly(
    period: Period,
    activities: list[tuple[int, dt.date]],
    needs: Sequence[tuple[dt.date, int | None]],
    hired: list[Any],
) -> list[dict[str, Any]]:
    rows = []
    for month in period.months():

        def same(day: dt.date | None, m: dt.date = month) -> bool:
            return day is not None and (day.year, day.month) == (m.year, m.month) and _in(period, day)

        rows.append(
            {
                "month": month,
                "employers_contacted": len({org for org, day in activities if same(day)}),
                "needs_found": sum(1 for day, _ in needs if same(day)),
                "hires": sum(1 for c in hired if same(c.decided_on)),
            }
        )
    return rows


def _combinations(
    decided: list[HiringCase], from_need: set[int], with_trials: set[int], follow: dict[int, dict[int, bool]]
) -> list[dict[str, Any]]:
    groups: dict[tuple[str, ...], list[HiringCase]] = defaultdict(list)
    for case in decided:
        groups[methods_of(case, from_need, with_trials)].append(case)
    out = []
    for combo, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        hires = [c for c in members if c.decision == "hired"]
        kept = [follow[c.pk][6] for c in hires if 6 in follow.get(c.pk, {})]
        small = len(members) < SMALL
        out.append(
            {
                "methods": combo,
                "cases": None if small else len(members),
                "hire_rate": None if small else Rate(len(members), len(hires)).value,
                "retained_6": None if small else Rate(len(kept), sum(kept)).value,
                "suppressed": small,
            }
        )
    return out


def counts_by_method(combinations: list[dict[str, Any]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for row in combinations:
        if not row["suppressed"]:
            for method in row["methods"]:
                total[method] += row["cases"]
    return total
