"""ESF+ projects: import, the list, one project's classification (with evidence and override) and its
participant and outcome report as a page, CSV and PDF."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.core.userdata import csv_writer
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.coaching.models import Method
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.esf import classify
from kohtaanto.web.esf import services as esf
from kohtaanto.web.esf.models import Project
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
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kohtaanto-esf-{found.pk}.csv"'
    return response


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
    response = HttpResponse(out.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kohtaanto-esf-{found.pk}.pdf"'
    return response
