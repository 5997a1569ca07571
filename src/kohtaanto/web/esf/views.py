"""ESF+ projects: import, the list, one project's classification (with evidence and override), its
participant and outcome report as a page, CSV and PDF; the coach's participant details and the common
indicators of a project and period as a page, CSV and PDF."""

from __future__ import annotations

import io
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods

from kohtaanto.core.userdata import csv_writer
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.coaching.models import Method
from kohtaanto.web.core.errors import Conflict, InvalidInput
from kohtaanto.web.core.http import download
from kohtaanto.web.esf import classify, indicators, participants
from kohtaanto.web.esf import services as esf
from kohtaanto.web.esf.models import ParticipantRecord, Project
from kohtaanto.web.esf.sources import SourceError
from kohtaanto.web.outcomes.figures import SMALL


def _labels() -> dict[str, str]:
    groups = {
        "partial_work_ability": pgettext("esf", "People with partial work ability"),
        "immigrants": pgettext("esf", "Immigrants"),
        "long_term_unemployed": pgettext("esf", "Long-term unemployed"),
        "young": pgettext("esf", "Young people"),
        "older": pgettext("esf", "People aged 55 or more"),
    }
    return {**{str(k): str(v) for k, v in Method.choices}, **groups}


def _viewer(request: AuthenticatedRequest) -> None:
    if not request.user.is_authenticated or not esf.may_view(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def projects(request: AuthenticatedRequest) -> HttpResponse:
    _viewer(request)
    report = None
    error = ""
    if request.method == "POST":
        if not esf.may_edit(request.user):
            raise Http404
        upload = request.FILES.get("file")
        if upload is None:
            error = pgettext("esf", "Choose a file.")
        elif upload.size > 20 * 1024 * 1024:
            error = pgettext("esf", "The file is larger than 20 MB: split it.")
        else:
            try:
                from kohtaanto.skills.embeddings import default_encoder

                report = esf.import_projects(request.user, upload.read(), default_encoder())
            except SourceError as exc:
                error = str(exc)
    labels = _labels()
    rows = [
        {"project": p, "labels": [labels[x] for x in (*p.methods, *p.target_groups) if x in labels]}
        for p in Project.objects.all()[:1000]
    ]
    context = {"rows": rows, "report": report, "error": error, "can_edit": esf.may_edit(request.user)}
    failed = bool(error or (report and report.rejected))
    return render(request, "esf/projects.html", context, status=400 if failed else 200)


@login_required
@require_http_methods(["GET", "POST"])
def project(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _viewer(request)
    found = get_object_or_404(Project, pk=pk)
    error = ""
    if request.method == "POST":
        if not esf.may_edit(request.user):
            raise Http404
        try:
            esf.override(request.user, found, request.POST.getlist("methods"), request.POST.getlist("groups"))
        except InvalidInput as exc:
            error = " ".join(m for ms in exc.errors.values() for m in ms)
        else:
            messages.success(request, pgettext("esf", "The classification was saved."))
            return redirect("esf:project", pk=pk)
    labels = _labels()
    evidence = [
        {"label": labels.get(name, name), "name": name, **found.evidence.get(name, {})}
        for name in (*classify.METHODS, *classify.TARGET_GROUPS)
    ]
    context = {
        "project": found,
        "evidence": evidence,
        "methods": [(m, labels[m], m in found.methods) for m in classify.METHODS],
        "groups": [(g, labels[g], g in found.target_groups) for g in classify.TARGET_GROUPS],
        "report": esf.report(found),
        "error": error,
        "can_edit": esf.may_edit(request.user),
    }
    return render(request, "esf/project.html", context, status=400 if error else 200)


def _report_rows(found: Project) -> list[tuple[str, Any]]:
    shown = esf.report(found)["shown"]
    small = pgettext("outcomes", "fewer than %(n)s people") % {"n": SMALL}
    names = {
        "participants": pgettext("esf", "Participants"),
        "in_work_trial": pgettext("esf", "In a work trial now"),
        "employed": pgettext("esf", "Employed"),
        "hired_through_kohtaanto": pgettext("esf", "Hired through kohtaanto"),
    }
    return [(names[k], small if v is None else v) for k, v in shown.items()]


@login_required
@require_http_methods(["GET"])
def project_csv(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _viewer(request)
    found = get_object_or_404(Project, pk=pk)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["project", "name", "indicator", "value"])
    for label, value in _report_rows(found):
        writer.writerow([found.code, found.name, label, value])
    return download(out.getvalue(), f"kohtaanto-esf-{found.pk}.csv")


@login_required
@require_http_methods(["GET"])
def project_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from kohtaanto.web.core.ui import ui_language

    _viewer(request)
    found = get_object_or_404(Project, pk=pk)
    styles = getSampleStyleSheet()
    title = pgettext("esf", "Participants and outcomes")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, title=f"{found.code} {title}", author="kohtaanto", lang=ui_language()
    )
    story = [
        Paragraph(escape(f"{found.code} {found.name}"), styles["Title"]),
        Paragraph(escape(title), styles["Heading2"]),
        Table([[escape(str(label)), escape(str(value))] for label, value in _report_rows(found)]),
        Paragraph(
            escape(
                pgettext("esf", "Counts under %(n)s are not shown, so no person can be recognised.")
                % {"n": SMALL}
            ),
            styles["Italic"],
        ),
    ]
    doc.build(story)
    return download(out.getvalue(), f"kohtaanto-esf-{found.pk}.pdf", inline=True)


RADIOS = (
    "gender", "age_group", "status_at_entry", "education", "disability", "third_country_national",
    "foreign_background", "minority", "homeless", "rural", "leaving_status",
)  # fmt: skip


class ParticipantForm(forms.ModelForm):
    """The participant record with every choice as radio buttons; a date as a date field."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ParticipantRecord
        fields = participants.FIELDS
        widgets = {
            **dict.fromkeys(RADIOS, forms.RadioSelect),
            **{
                name: forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
                for name in ("entered_on", "left_on")
            },
            **dict.fromkeys(
                ("qualification_gained", "employed_after_6_months", "improved_after_6_months"),
                forms.NullBooleanSelect,
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in RADIOS:  # a radio group needs no empty choice: nothing ticked is "not recorded"
            field: Any = self.fields[name]
            field.choices = [c for c in field.choices if c[0] != ""]


@login_required
@require_http_methods(["GET", "POST"])
def participant(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The coach records what the ESF+ indicators need of one person the project funds."""
    from kohtaanto.web.coaching.services import caseload_of

    entry = get_object_or_404(caseload_of(request.user).select_related("project"), pk=pk)
    if entry.project_id is None:
        raise Http404
    current = ParticipantRecord.objects.filter(entry=entry).first() or ParticipantRecord(entry=entry)
    back = request.POST.get("next") or request.GET.get("next") or ""  # e.g. the indicators' list of gaps
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = ""
    form = ParticipantForm(
        request.POST if request.method == "POST" else None,
        instance=current,
        initial={"version": current.version},
    )
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k in participants.FIELDS}
        try:
            participants.save_record(
                actor=request.user, entry=entry, version=form.cleaned_data.get("version"), values=values
            )
        except Conflict:
            form.add_error(
                None,
                pgettext(
                    "esf", "Someone saved these details while you were editing. Check them and save again."
                ),
            )
        except InvalidInput as exc:
            for name in exc.errors:
                form.add_error(
                    name if name in form.fields else None,
                    pgettext("esf", "The day of leaving must be on or after the start."),
                )
        else:
            messages.success(request, pgettext("esf", "The ESF+ details were saved."))
            return redirect(back) if back else redirect("coaching:person", pk=pk)
    status = 400 if request.method == "POST" else 200
    context = {"entry": entry, "form": form, "back": back}
    return render(request, "esf/participant.html", context, status=status)


class IndicatorPeriod(forms.Form):
    start = forms.DateField(
        label=pgettext_lazy("outcomes", "From"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=pgettext_lazy("outcomes", "To"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", pgettext("esf", "The end is on or after the start."))
        return data


def _indicator_report(request: AuthenticatedRequest, pk: int) -> tuple[Project, IndicatorPeriod, Any]:
    _viewer(request)
    found = get_object_or_404(Project, pk=pk)
    today = timezone.localdate()
    default = {
        "start": str(found.starts_on or today.replace(month=1, day=1)),
        "end": str(min(found.ends_on or today, today)),
    }
    form = IndicatorPeriod(request.GET if "start" in request.GET else default)
    if not form.is_valid():
        return found, form, None
    return found, form, indicators.compute(found, form.cleaned_data["start"], form.cleaned_data["end"])


def _cell(count: int, shown: int | None) -> str:
    if shown is not None:
        return str(shown)
    if 0 < count < SMALL:
        return pgettext("esf", "fewer than %(n)s") % {"n": SMALL}
    return pgettext("esf", "not shown")


def _heads() -> list[str]:
    return [
        pgettext("esf", "Women"),
        pgettext("esf", "Men"),
        pgettext("esf", "Non-binary"),
        pgettext("esf", "Gender not recorded"),
        pgettext("esf", "Total"),
    ]


def _table(report: Any) -> list[dict[str, Any]]:
    keys = ("woman", "man", "non_binary", "", "total")
    return [
        {
            "row": row,
            "cells": list(zip(_heads(), [_cell(row.counts[k], row.shown[k]) for k in keys], strict=True)),
        }
        for row in report.rows
    ]


def _gaps(request: AuthenticatedRequest, report: Any) -> list[dict[str, Any]]:
    """The records that lack a field, for completion: a coach sees their own, analysts all."""
    labels = {
        f.name: str(f.verbose_name)
        for f in ParticipantRecord._meta.get_fields()
        if hasattr(f, "verbose_name")
    }
    everyone = esf.may_edit(request.user)
    return [
        {
            "alias": gap.record.entry.profile.pseudonym,
            "coach": gap.record.entry.professional.get_full_name() or gap.record.entry.professional.username,
            "fields": [labels.get(name, name) for name in gap.fields],
            "entry": gap.record.entry_id if gap.record.entry.professional_id == request.user.pk else None,
        }
        for gap in report.gaps
        if everyone or gap.record.entry.professional_id == request.user.pk
    ]


@login_required
@require_http_methods(["GET"])
def indicators_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found, form, report = _indicator_report(request, pk)
    context: dict[str, Any] = {"project": found, "form": form, "report": report, "small": SMALL}
    if report is not None:
        table = _table(report)
        context["heads"] = _heads()
        context["tables"] = [
            (
                pgettext("esf", "Participants (outputs)"),
                [t for t in table if t["row"].kind == "output"],
                pgettext(
                    "esf", "People who started in the project in the period, as they were at the start."
                ),
            ),
            (
                pgettext("esf", "On leaving"),
                [t for t in table if t["row"].kind == "result"],
                pgettext("esf", "People who left the project in the period, as they were within four weeks."),
            ),
            (
                pgettext("esf", "Six months after leaving"),
                [t for t in table if t["row"].kind == "longer_term"],
                pgettext("esf", "People who left in the period and whose six months had passed by its end."),
            ),
        ]
        context["gaps"] = _gaps(request, report)
        context["query"] = request.GET.urlencode() or f"start={report.start}&end={report.end}"
    return render(request, "esf/indicators.html", context, status=200 if report else 400)


@login_required
@require_http_methods(["GET"])
def indicators_csv(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found, form, report = _indicator_report(request, pk)
    if report is None:
        body = "; ".join(f"{k}: {' '.join(str(m) for m in v)}" for k, v in form.errors.items())
        return HttpResponse(body, status=400, content_type="text/plain; charset=utf-8")
    rows = indicators.as_rows(report)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(list(rows[0]))
    for row in rows:
        writer.writerow(["" if v is None else v for v in row.values()])
    return download(
        out.getvalue(), f"esf-indicators-{found.code}-{report.start}-{report.end}.csv", spreadsheet=True
    )


@login_required
@require_http_methods(["GET"])
def indicators_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from kohtaanto.web.core.ui import ui_language

    found, _, report = _indicator_report(request, pk)
    if report is None:
        raise Http404
    styles = getSampleStyleSheet()
    title = pgettext("esf", "ESF+ common indicators")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), title=f"{found.code} {title}", author="kohtaanto", lang=ui_language()
    )
    head = [pgettext("esf", "Code"), pgettext("esf", "Indicator"), *_heads()]

    def p(text: Any) -> Any:
        return Paragraph(escape(str(text)), styles["BodyText"])

    rows = [[p(h) for h in head]] + [
        [p(t["row"].code), p(t["row"].name), *[p(c) for _, c in t["cells"]]] for t in _table(report)
    ]
    table = Table(rows, repeatRows=1, colWidths=[60, 300, 70, 70, 70, 80, 70])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    from kohtaanto.core.formatting import date

    period = f"{date(report.start, ui_language())}–{date(report.end, ui_language())}"
    doc.build(
        [
            p(f"{found.code} {found.name}"),
            Paragraph(escape(f"{title}, {period}"), styles["Heading2"]),
            table,
            Paragraph(
                escape(
                    pgettext("esf", "Counts under %(n)s are not shown, so no person can be recognised.")
                    % {"n": SMALL}
                ),
                styles["Italic"],
            ),
        ]
    )
    return download(out.getvalue(), f"esf-indicators-{found.code}.pdf", inline=True)
