"""An employment area's results as the public may read them: the last four complete quarters, every count
0 or at least ``SMALL``, the quarters hidden so that none can be worked out from the total, rates only of
groups of at least ``SMALL`` people. Nothing here names a person, an employer or a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.web.accounts.models import EmploymentArea
from kohtaanto.web.outcomes import figures as outcome


@dataclass(frozen=True, slots=True)
class Quarter:
    period: outcome.Period
    hires: int | None
    carved_jobs: int | None

    @property
    def label(self) -> str:
        return f"{(self.period.start.month + 2) // 3}/{self.period.start.year}"


@dataclass(frozen=True, slots=True)
class Results:
    area: EmploymentArea
    period: outcome.Period
    hires: int | None
    hires_carved: int | None
    carved_jobs: int | None
    employers_contacted: int | None
    work_trials: int | None
    retained_6: int | None  # per cent of the followed hires, None when fewer than SMALL were followed
    followed_6: int  # how many hires had their six-month follow-up (0 or at least SMALL when shown)
    hours_freed: Decimal | None
    methods: dict[str, int | None]
    quarters: list[Quarter]


def compute(area: EmploymentArea, *, today: dt.date) -> Results:
    quarters = outcome.complete_quarters(today)
    period = outcome.Period(quarters[0].start, quarters[-1].end)
    whole = outcome.compute(area, period)
    shown = outcome.publishable(whole)
    parts = [outcome.compute(area, q) for q in quarters]
    hires, quarter_hires = outcome.additive(whole.hires, [p.hires for p in parts])
    carved, quarter_carved = outcome.additive(whole.carved_jobs, [p.carved_jobs for p in parts])
    six = whole.retention[6]
    return Results(
        area=area,
        period=period,
        hires=hires if shown.counts["hires"] is not None else None,
        hires_carved=shown.counts["hires_carved"] if hires is not None else None,
        carved_jobs=carved,
        employers_contacted=shown.counts["employers_contacted"],
        work_trials=shown.counts["work_trials"],
        retained_6=None if six.value is None else round(100 * six.value),
        followed_6=six.n if six.value is not None else 0,
        hours_freed=shown.skilled_hours_freed_per_week,
        methods={m: outcome.cell(n) for m, n in whole.methods.items()},
        quarters=[Quarter(q, h, c) for q, h, c in zip(quarters, quarter_hires, quarter_carved, strict=True)],
    )
