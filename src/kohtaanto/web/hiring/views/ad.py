"""Step 5: the job ad, and schema.org JobPosting."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.plainlang.check import check
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.errors import Conflict
from kohtaanto.web.core.forms import changed_elsewhere, posted_version
from kohtaanto.web.core.http import json_download
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.forms import (
    AdForm,
)
from kohtaanto.web.hiring.views.common import case_of, errors_to, hirer_only, render_step
from kohtaanto.web.plainlang.views import report_context


@hirer_only
@require_http_methods(["GET", "POST"])
def ad(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_of(request, pk)
    language = ui_language()
    generated = case.chosen.get("job_description", {}).get(language, "") if case.chosen else ""
    details = case.ad_details or {}
    user = request.user
    form = AdForm(
        request.POST or None,
        initial={
            "text": case.ad_text or generated,
            "hourly_wage": Decimal(  # a Decimal, so the field shows it as the reader writes it (13,50)
                str(
                    details.get("hourly_wage")
                    or case.inventory.get("workplace", {}).get("new_job_hourly_wage")
                    or 0
                )
            )
            or None,
            "contact": details.get("contact")
            or ", ".join(x for x in (user.get_full_name(), user.email) if x),
            "how_to_apply": details.get("how_to_apply", ""),
            "apply_by": details.get("apply_by") or None,
        },
    )
    report = None
    status = 200
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        action = request.POST.get("action")
        try:
            hiring.save_ad(
                request.user,
                case,
                text,
                posted_version(request),
                details=form.details(),
                today=timezone.localdate(),
            )
            if action == "publish":
                hiring.publish(request.user, case)
                messages.success(request, pgettext("hiring", "The job is published in the area's pool."))
                return redirect("hiring:ad", pk=case.pk)
        except hiring.CaseError as exc:
            errors_to(form, exc)
            status = 400
        except Conflict:
            form.add_error(None, changed_elsewhere())
            case.refresh_from_db()
            status = 409
        report = check(text, "job-ad", "auto", "auto", (), language)
    elif request.method == "POST":
        status = 400
    context: dict[str, Any] = {"form": form, "report": report, "facts": hiring.ad_facts(case, language)}
    if report is not None:
        context.update(report_context(report, form.cleaned_data["text"]))
    return render_step(request, case, "ad", "ad.html", context, status)


@hirer_only
@require_http_methods(["GET"])
def job_posting_json_ld(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_of(request, pk)
    try:
        body = hiring.json_ld(case)
    except hiring.CaseError:
        raise Http404 from None
    return JsonResponse(
        body, json_dumps_params={"ensure_ascii": False, "indent": 2}, content_type="application/ld+json"
    )


@hirer_only
@require_http_methods(["GET"])
def tyomarkkinatori_posting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The published job mapped to Työmarkkinatori's job-posting interface, with the mapping behind it."""
    from django.urls import reverse

    from kohtaanto.web.hiring import tyomarkkinatori

    case = case_of(request, pk)
    if case.job is None:
        raise Http404
    url = request.build_absolute_uri(reverse("hiring:public_job", args=[case.job_id]))
    return json_download(
        tyomarkkinatori.posting(case, public_url=url), f"tyomarkkinatori-job-{case.job_id}.json"
    )
