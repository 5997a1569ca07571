"""Step 3: carving a new job, and step 4: the supports (page and PDF)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.forms import (
    SupportFactsForm,
)
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.views.common import case_of, hirer_only, render_step
from kohtaanto.web.hiring.views.inventory import roles_of


def session_key(case: HiringCase) -> str:
    return f"hiring:{case.pk}:proposals"


@hirer_only
@require_http_methods(["GET", "POST"])
def carve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_of(request, pk)
    pool = hiring.pool_for(request.user, case)
    proposals: list[dict[str, Any]] = request.session.get(session_key(case), [])
    person = request.session.get(session_key(case) + ":person", "")
    error = ""
    carving = request.method == "POST" and request.POST.get("action") == "carve"
    facts_form = SupportFactsForm(
        request.POST if carving else None, initial=SupportFactsForm.initial_from(case.support_facts)
    )
    if carving:
        chosen = next((p for p in pool if p.pseudonym == request.POST.get("person")), None)
        if chosen is None:
            error = pgettext("hiring", "Choose a person from the list.")
        elif not facts_form.is_valid():
            error = pgettext("hiring", "Check the facts for the supports.")
        else:
            try:
                proposals = hiring.carve(
                    request.user,
                    case,
                    profile=chosen,
                    language=ui_language(),
                    on=timezone.localdate(),
                    facts=facts_form.facts(),
                )
            except hiring.CaseError as exc:
                error = " ".join(m for ms in exc.errors.values() for m in ms)
            else:
                person = chosen.pseudonym
                request.session[session_key(case)] = proposals
                request.session[session_key(case) + ":person"] = person
    elif request.method == "POST" and request.POST.get("action") == "choose":
        index = request.POST.get("index", "")
        if index.isdigit() and int(index) < len(proposals):
            hiring.choose(request.user, case, proposals[int(index)], person)
            messages.success(request, pgettext("hiring", "The new job was chosen. Next, see the supports."))
            return redirect("hiring:supports", pk=case.pk)
        error = pgettext("hiring", "Choose one of the proposals.")
    roles = {r["id"]: r["title_text"] for r in roles_of(case, ui_language())}
    for proposal in proposals:
        freed = proposal.get("freed_hours_by_role", {})
        top = max([float(v) for v in freed.values()] + [1.0])
        # widths in steps of 5 %, drawn by CSS classes: the CSP allows no inline styles
        proposal["freed_bars"] = [
            (roles.get(k, k), v, 5 * round(20 * float(v) / top)) for k, v in freed.items()
        ]
    context = {
        "pool": pool,
        "proposals": proposals,
        "person": request.POST.get("person", person) if carving else person,
        "error": error,
        "facts_form": facts_form,
    }
    return render_step(request, case, "carve", "carve.html", context, 400 if error else 200)


@hirer_only
@require_http_methods(["GET", "POST"])
def supports(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """What to apply for, from whom, by when (counted from the planned start), the net cost, and a PDF."""
    import datetime as dt

    from kohtaanto.web.hiring import summary

    case = case_of(request, pk)
    today = timezone.localdate()
    typed = request.POST.get("starts_on", "") if request.method == "POST" else ""
    error = ""
    if request.method == "POST":
        try:
            hiring.plan_start(request.user, case, dt.date.fromisoformat(typed), today)
        except ValueError:
            error = pgettext("hiring", "Give the dates as YYYY-MM-DD.")
        except hiring.CaseError as exc:
            error = " ".join(m for ms in exc.errors.values() for m in ms)
        else:
            messages.success(request, pgettext("hiring", "The deadlines are counted from the planned start."))
            return redirect("hiring:supports", pk=case.pk)
    context = {
        "chosen": case.chosen,
        "summary": summary.build(case, today) if case.chosen else None,
        "typed_start": typed if error else (case.planned_start.isoformat() if case.planned_start else ""),
        "error": error,
    }
    return render_step(request, case, "supports", "supports.html", context, 400 if error else 200)


@hirer_only
@require_http_methods(["GET"])
def supports_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from kohtaanto.web.hiring import summary

    case = case_of(request, pk)
    if not case.chosen:
        raise Http404
    body = summary.pdf(summary.build(case, timezone.localdate()), ui_language())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kohtaanto-supports-{case.pk}.pdf"'
    return response
