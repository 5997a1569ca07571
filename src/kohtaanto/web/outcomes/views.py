"""Outcome dashboard per employment area and period, with server-rendered charts, a data table beside each
chart, and every figure as CSV. Analysts and administrators choose any area (or all); professionals see
their own area."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods

from kohtaanto.core.userdata import csv_writer
from kohtaanto.rules.report import support_label
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.accounts.models import EmploymentArea
from kohtaanto.web.coaching.models import Method
from kohtaanto.web.core.chart import bar_chart
from kohtaanto.web.core.http import download
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.outcomes import figures as outcome

VIEWERS = (Role.ANALYST, Role.ADMINISTRATOR, Role.PROFESSIONAL)


class PeriodForm(forms.Form):
    area = forms.ChoiceField(label=pgettext_lazy("outcomes", "Employment area"), required=False)
    start = forms.DateField(
        label=pgettext_lazy("outcomes", "From"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=pgettext_lazy("outcomes", "To"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, areas: list[EmploymentArea], everyone: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(a.pk), a.name) for a in areas]
        self.fields["area"].choices = (  # type: ignore[attr-defined]  # a ChoiceField
            [("", pgettext("outcomes", "All areas"))] if everyone else []
        ) + choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and not start <= end <= start + dt.timedelta(days=3 * 366):
            self.add_error(
                "end", pgettext("outcomes", "The end is after the start, at most three years later.")
            )
        return data


def _period_query(request: AuthenticatedRequest, area: str) -> Any:
    """The GET query, or by default the last twelve months up to today."""
    if "start" in request.GET:
        return request.GET
    today = timezone.localdate()
    return {"start": str(today.replace(day=1) - dt.timedelta(days=335)), "end": str(today), "area": area}


def _scope(request: AuthenticatedRequest) -> tuple[PeriodForm, EmploymentArea | None, outcome.Period | None]:
    user = request.user
    if getattr(user, "role", None) not in VIEWERS:
        raise Http404
    everyone = user.role in (Role.ANALYST, Role.ADMINISTRATOR)
    areas = list(EmploymentArea.objects.order_by("name_fi")) if everyone else [user.employment_area]
    data = _period_query(request, "" if everyone else str(user.employment_area_id))
    form = PeriodForm(data, areas=[a for a in areas if a], everyone=everyone)
    if not form.is_valid():
        return form, None, None
    chosen = form.cleaned_data["area"]
    area = next((a for a in areas if a and str(a.pk) == chosen), None)
    if area is None and not everyone:
        raise Http404
    return form, area, outcome.Period(form.cleaned_data["start"], form.cleaned_data["end"])


def _few() -> str:
    return pgettext("outcomes", "fewer than %(n)s people") % {"n": outcome.SMALL}


def _cell(value: Any) -> Any:
    return _few() if value is None else value


def _rows(f: outcome.Figures, p: outcome.Published) -> list[tuple[str, str, Any]]:
    """(key, label, value) for every headline figure; counts under five and rates of groups under five
    as 'fewer than 5', with the secondary suppression of :func:`outcome.publishable`."""

    def rate(r: outcome.Rate) -> Any:
        if r.n == 0:
            return "–"
        if r.suppressed:
            return _few()
        return f"{round(100 * (r.value or 0))} % ({r.yes}/{r.n})"

    c = p.counts
    rows: list[tuple[str, str, Any]] = [
        ("employers_contacted", pgettext("outcomes", "Employers contacted"), _cell(c["employers_contacted"])),
        ("needs_found", pgettext("outcomes", "Needs found"), _cell(c["needs_found"])),
        ("task_inventories", pgettext("outcomes", "Task inventories"), _cell(c["task_inventories"])),
        ("carved_jobs", pgettext("outcomes", "Carved jobs published"), _cell(c["carved_jobs"])),
        ("hires", pgettext("outcomes", "Hires"), _cell(c["hires"])),
        ("hires_carved", pgettext("outcomes", "Hires into carved jobs"), _cell(c["hires_carved"])),
        ("hires_ordinary", pgettext("outcomes", "Hires into ordinary jobs"), _cell(c["hires_ordinary"])),
        ("work_trials", pgettext("outcomes", "Work trials started"), _cell(c["work_trials"])),
    ]
    for months, r in f.retention.items():
        label = pgettext("outcomes", "Still employed after %(n)s months") % {"n": months}
        rows.append((f"retention_{months}", label, rate(r)))
    hires = f.hires
    rows += [
        (
            "skilled_hours_freed",
            pgettext("outcomes", "Skilled staff's hours freed a week"),
            p.skilled_hours_freed_per_week
            if hires == 0 or p.skilled_hours_freed_per_week is not None
            else _few(),
        ),
        (
            "days_need_to_hire",
            pgettext("outcomes", "Days from need to hire (median)"),
            "–" if f.days_need_to_hire is None else _cell(p.days_need_to_hire),
        ),
    ]
    return rows


def _method_labels() -> dict[str, str]:
    return {str(k): str(v) for k, v in Method.choices}


@login_required
@require_http_methods(["GET"])
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    form, area, period = _scope(request)
    context: dict[str, Any] = {"form": form}
    if period is not None:
        f = outcome.compute(area, period)
        p = outcome.publishable(f)
        labels = _method_labels()
        monthly = [{**m, "label": m["month"].strftime("%m/%y")} for m in p.monthly]
        context.update(
            {
                "figures": f,
                "rows": _rows(f, p),
                "monthly": [{k: _cell(v) for k, v in m.items()} for m in monthly],
                "chart": bar_chart(monthly, ["needs_found", "hires"], "label"),
                "supports": [
                    (support_label(k, ui_language()), _cell(n), _cell(total))
                    for k, (n, total) in p.supports.items()
                ],
                "combinations": [
                    {**c, "names": [labels.get(m, m) for m in c["methods"]]} for c in f.combinations
                ],
                "small": outcome.SMALL,
                "query": request.GET.urlencode(),
            }
        )
    return render(request, "outcomes/dashboard.html", context, status=200 if period else 400)


@login_required
@require_http_methods(["GET"])
def export_csv(request: AuthenticatedRequest) -> HttpResponse:
    form, area, period = _scope(request)
    if period is None:
        body = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        return HttpResponse(body, status=400, content_type="text/plain; charset=utf-8")
    f = outcome.compute(area, period)
    p = outcome.publishable(f)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["section", "key", "label", "value", "area", "start", "end"])
    scope = [f.area or "all", period.start.isoformat(), period.end.isoformat()]
    for key, label, value in _rows(f, p):
        writer.writerow(["figure", key, label, value, *scope])
    for m in p.monthly:
        for key in ("employers_contacted", "needs_found", "hires"):
            writer.writerow(["month", f"{m['month']:%Y-%m}:{key}", key, _cell(m[key]), *scope])
    for sid, (n, total) in p.supports.items():
        value = _few() if n is None else f"{n} hires; {total} € a month"
        writer.writerow(["support", sid, support_label(sid, ui_language()), value, *scope])
    for c in f.combinations:
        value = (
            "suppressed"
            if c["suppressed"]
            else f"cases={c['cases']} hire_rate={c['hire_rate']} retained_6={c['retained_6']}"
        )
        writer.writerow(["methods", "+".join(c["methods"]) or "none", "", value, *scope])
    return download(out.getvalue(), f"kohtaanto-outcomes-{period.start}-{period.end}.csv", spreadsheet=True)


@login_required
@require_http_methods(["GET"])
def regions(request: AuthenticatedRequest) -> HttpResponse:
    """The areas side by side on the same figures, urban, mixed and rural in turn (analysts and
    administrators)."""
    user = request.user
    if getattr(user, "role", None) not in (Role.ANALYST, Role.ADMINISTRATOR):
        raise Http404
    form = PeriodForm(_period_query(request, ""), areas=[], everyone=True)
    rows: list[dict[str, Any]] = []
    if form.is_valid():
        period = outcome.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        kinds = {"urban": 0, "mixed": 1, "rural": 2, "": 3}
        areas = sorted(EmploymentArea.objects.all(), key=lambda a: (kinds.get(a.kind, 3), a.name_fi))
        computed = [outcome.compute(area, period) for area in areas]
        shown: list[dict[str, Any]] = [{} for _ in areas]
        for key in ("employers_contacted", "needs_found", "hires", "hires_carved"):
            # the areas add up to the whole: a hidden area's figure must not follow by subtraction
            values = [int(getattr(f, key)) for f in computed]
            _, cells = outcome.additive(sum(values), values)
            for i, value in enumerate(cells):
                shown[i][key] = _cell(value)
        for area, f, figures in zip(areas, computed, shown, strict=True):
            six = f.retention[6]
            figures["days_need_to_hire"] = f.days_need_to_hire if f.hires >= outcome.SMALL else None
            if f.days_need_to_hire is not None and f.hires < outcome.SMALL:
                figures["days_need_to_hire"] = _few()
            rows.append(
                {
                    "area": area,
                    "kind": area.get_kind_display() if area.kind else pgettext("outcomes", "not described"),
                    "figures": figures,
                    "retention_6": "–"
                    if six.n == 0
                    else (_few() if six.suppressed else f"{round(100 * (six.value or 0))} %"),
                }
            )
    return render(
        request,
        "outcomes/regions.html",
        {"form": form, "rows": rows},
        status=200 if rows or form.is_valid() else 400,
    )
