"""The public results of an employment area (no sign-in): plain sentences, a chart with its table, the
methods used, and the same figures as open data (CSV). Only aggregates that :mod:`results` allows."""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from kohtaanto.core.userdata import csv_writer
from kohtaanto.web.accounts.models import EmploymentArea
from kohtaanto.web.coaching.models import Method
from kohtaanto.web.core.chart import bar_chart
from kohtaanto.web.core.http import download
from kohtaanto.web.outcomes import figures as outcome
from kohtaanto.web.outcomes import results


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    areas = EmploymentArea.objects.order_by("name_fi")
    return render(request, "outcomes/public_index.html", {"areas": areas, "small": outcome.SMALL})


def _methods(r: results.Results) -> list[tuple[str, int | None]]:
    labels = {str(k): str(v) for k, v in Method.choices}
    return [(labels[m], n) for m, n in r.methods.items()]


@require_GET
def area(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(EmploymentArea, pk=pk)
    r = results.compute(found, today=timezone.localdate())
    rows = [{"label": q.label, "hires": q.hires, "carved_jobs": q.carved_jobs} for q in r.quarters]
    return render(
        request,
        "outcomes/public_area.html",
        {
            "r": r,
            "chart": bar_chart(rows, ["hires", "carved_jobs"], "label"),
            "drawn": any(q.hires or q.carved_jobs for q in r.quarters),
            "methods": _methods(r),
            "small": outcome.SMALL,
        },
    )


@require_GET
def area_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """One row per figure: the period, the figure's key and name, its value (empty when too few to
    show) and whether it was withheld."""
    found = get_object_or_404(EmploymentArea, pk=pk)
    r = results.compute(found, today=timezone.localdate())
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["area", "start", "end", "figure", "name", "value", "unit", "withheld"])

    def row(period: outcome.Period, key: str, name: str, value: Any, unit: str) -> None:
        withheld = value is None
        writer.writerow(
            [r.area.name, period.start, period.end, key, name, "" if withheld else value, unit, withheld]
        )

    people, jobs = pgettext("open data", "people"), pgettext("open data", "jobs")
    row(r.period, "hires", pgettext("outcomes", "Hires"), r.hires, people)
    row(r.period, "hires_carved", pgettext("outcomes", "Hires into carved jobs"), r.hires_carved, people)
    row(r.period, "carved_jobs", pgettext("outcomes", "Carved jobs published"), r.carved_jobs, jobs)
    row(
        r.period,
        "work_trials",
        pgettext("outcomes", "Work trials started"),
        r.work_trials,
        pgettext("open data", "trials"),
    )
    row(
        r.period,
        "employers_contacted",
        pgettext("outcomes", "Employers contacted"),
        r.employers_contacted,
        pgettext("open data", "employers"),
    )
    row(r.period, "retained_6", pgettext("outcomes", "Still employed after 6 months"), r.retained_6, "%")
    row(
        r.period,
        "hours_freed",
        pgettext("outcomes", "Skilled staff's hours freed a week"),
        r.hours_freed,
        pgettext("open data", "hours a week"),
    )
    for (key, n), (label, _) in zip(r.methods.items(), _methods(r), strict=True):
        row(r.period, f"method:{key}", label, n, pgettext("open data", "cases"))
    for q in r.quarters:
        row(q.period, "hires", pgettext("outcomes", "Hires"), q.hires, people)
        row(q.period, "carved_jobs", pgettext("outcomes", "Carved jobs published"), q.carved_jobs, jobs)
    return download(
        out.getvalue(), f"kohtaanto-results-{found.pk}-{r.period.start}-{r.period.end}.csv", spreadsheet=True
    )
