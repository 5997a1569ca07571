"""Step 7: the start and the follow-up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods

from kohtaanto.plainlang.check import check
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.concurrency import parse_version
from kohtaanto.web.core.errors import Conflict
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import claims
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.views.common import case_of, hirer_only, render_step
from kohtaanto.web.plainlang.views import report_context


def _record_follow_up(request: AuthenticatedRequest, case: HiringCase) -> dict[str, list[str]]:
    """Record one follow-up from the form; the field errors, or none when it was saved."""
    from kohtaanto.web.hiring.models import FollowUp

    found = FollowUp.objects.filter(case=case, pk=request.POST.get("follow_up", "0") or 0).first()
    if found is None:
        raise Http404
    typed_hours = request.POST.get("hours_per_week", "").strip().replace(",", ".")
    try:
        hiring.record_follow_up(
            request.user,
            case,
            follow_up=found,
            notes=request.POST.get("notes", ""),
            adjust=request.POST.get("adjust") == "on",
            on=timezone.localdate(),
            still_employed={"yes": True, "no": False}.get(request.POST.get("still_employed") or ""),
            hours=Decimal(typed_hours) if typed_hours else None,
        )
    except ArithmeticError:
        return {"hours_per_week": [pgettext("hiring", "Give the hours a week from 0 to 60.")]}
    except hiring.CaseError as exc:
        return exc.errors
    return {}


def _set_claim_period(request: AuthenticatedRequest, case: HiringCase) -> dict[str, list[str]]:
    """Save the payment period from the form; the field errors, or none when it was saved."""
    try:
        hiring.set_claim_period(
            request.user,
            case,
            months=int(request.POST.get("claim_period_months", "0") or 0),
            version=parse_version(request.POST.get("version")),
        )
    except hiring.CaseError as exc:  # before ValueError: a case error is one
        return exc.errors
    except (ValueError, Conflict):
        return {"claim_period_months": [pgettext("hiring", "Reload the page and try again.")]}
    return {}


SMALL_FORMS = {
    "follow_up": (_record_follow_up, pgettext_lazy("hiring", "The follow-up was recorded.")),
    "claim_period": (_set_claim_period, pgettext_lazy("hiring", "The payment period was saved.")),
}


@hirer_only
@require_http_methods(["GET", "POST"])
def onboarding(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The first day, mentor, induction steps, plain-language instructions (checked), adjustments to
    arrange, and follow-ups at 1, 3, 6 and 12 months."""
    import datetime as dt

    from kohtaanto.web.hiring import summary
    from kohtaanto.web.hiring.models import FollowUp, OnboardingPlan

    case = case_of(request, pk)
    plan = OnboardingPlan.objects.filter(case=case).first()
    action = request.POST.get("action") if request.method == "POST" else None
    typed: dict[str, Any] = {
        "mentor": plan.mentor if plan else "",
        "starts_on": plan.starts_on.isoformat()
        if plan
        else (case.planned_start.isoformat() if case.planned_start else ""),
        "steps": "\n".join(plan.steps) if plan else "",
        "instructions": plan.instructions if plan else "",
        "arranged": plan.arranged if plan else [],
    }
    errors: dict[str, list[str]] = {}
    report = None
    if action == "plan":
        typed = {
            "mentor": request.POST.get("mentor", ""),
            "starts_on": request.POST.get("starts_on", ""),
            "steps": request.POST.get("steps", ""),
            "instructions": request.POST.get("instructions", ""),
            "arranged": request.POST.getlist("arranged"),
        }
        try:
            starts = dt.date.fromisoformat(typed["starts_on"])
        except ValueError:
            errors["starts_on"] = [pgettext("hiring", "Give the dates as YYYY-MM-DD.")]
        else:
            try:
                hiring.save_onboarding(
                    request.user,
                    case,
                    mentor=typed["mentor"],
                    starts_on=starts,
                    steps=typed["steps"].splitlines(),
                    instructions=typed["instructions"],
                    arranged=typed["arranged"],
                )
            except hiring.CaseError as exc:
                errors = exc.errors
            else:
                messages.success(request, pgettext("hiring", "The plan was saved."))
                if not typed["instructions"].strip():
                    return redirect("hiring:onboarding", pk=case.pk)
        if typed["instructions"].strip():
            report = check(typed["instructions"], "instructions", "auto", "auto", (), ui_language())
    elif action in SMALL_FORMS:  # a follow-up, the payment period: save, or show the field errors
        save, done = SMALL_FORMS[action]
        errors = save(request, case)
        if not errors:
            messages.success(request, str(done))
            return redirect("hiring:onboarding", pk=case.pk)
    context: dict[str, Any] = {
        "plan": plan,
        "typed": typed,
        "errors": errors,
        "adjustments": case.chosen.get("accommodations", []) if case.chosen else [],
        "follow_ups": list(FollowUp.objects.filter(case=case)),
        "report": report,
        "summary": summary.build(case, timezone.localdate()) if case.chosen else None,
        "follow_typed": request.POST if action == "follow_up" else {},
        "claims": claims.calendar(case, language=ui_language(), today=timezone.localdate()),
    }
    if report is not None:
        context.update(report_context(report, typed["instructions"]))
    return render_step(request, case, "onboarding", "onboarding.html", context, 400 if errors else 200)
