"""The supports pages: "Mitä tukea voin saada?" for employers and "Jos teen osa-aikatyötä…" for job seekers.

Situations may hold health-related facts, so they travel by POST and are neither stored nor logged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from kohtaanto.rules import InputError, RulesNotInForce
from kohtaanto.rules.report import support_label
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.chart import income_chart
from kohtaanto.web.core.rules import engine, field_errors
from kohtaanto.web.matching import seeker
from kohtaanto.web.supports.forms import HireSupportForm, PartTimeForm, StudyForm
from kohtaanto.web.supports.services import links
from kohtaanto.web.supports.study_answer import study_answer

FORM_FIELD = {
    "employer.legal_form": "legal_form",
    "job.monthly_wage": "monthly_wage",
    "job.hours_per_week": "hours_per_week",
    "benefit": "benefit",
    "full_daily_allowance": "full_daily_allowance",
    "earnings_in_period": "earnings",
}


def ask_question(form: Any, question: str, situation: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return engine().ask(question, situation, form.cleaned_data["on"]).as_dict(get_language() or "fi")
    except InputError as exc:
        for field, messages in field_errors(exc.in_language(get_language() or "fi")).items():
            form.add_error(FORM_FIELD.get(field) if FORM_FIELD.get(field) in form.fields else None, messages)
    except RulesNotInForce as exc:
        form.add_error("on", exc.in_language(get_language() or "fi"))
    return None


def _render(request: AuthenticatedRequest, template: str, context: dict[str, Any], ok: bool) -> HttpResponse:
    partial = bool(getattr(request, "htmx", False))
    name = f"supports/{template}{'_results' if partial else ''}.html"
    # htmx swaps only 2xx responses, so a partial with errors is 200; a full page with errors is 400.
    return render(request, name, context, status=200 if ok or partial else 400)


@login_required
@require_http_methods(["GET", "POST"])
def hire(request: AuthenticatedRequest) -> HttpResponse:
    organisation = getattr(request.user, "organisation", None)
    initial = {"legal_form": organisation.legal_form} if organisation else {}
    form = HireSupportForm(request.POST or None, initial=initial)
    answer = (
        ask_question(form, "hire", form.situation()) if request.method == "POST" and form.is_valid() else None
    )
    eligible: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    if answer:
        for support in answer["supports"]:
            support["label"] = support_label(support["id"], get_language() or "fi")
            support["links"] = links(support["sources"])
            (eligible if support["eligible"] else other).append(support)
    ok = request.method == "GET" or answer is not None
    return _render(
        request, "hire", {"form": form, "answer": answer, "eligible": eligible, "other": other}, ok
    )


def income_series(form: PartTimeForm, earnings: Decimal) -> list[tuple[Decimal, float, float]]:
    top = max(Decimal(2000), (earnings * 2).quantize(Decimal(100)))
    step = (top / 20).quantize(Decimal(1))
    points = []
    for i in range(21):
        amount = step * i
        result = engine().ask("part_time", form.situation(amount), form.cleaned_data["on"]).as_dict("en")
        points.append((amount, result["income_with_work"], result["income_without_work"]))
    return points


@login_required
@require_http_methods(["GET", "POST"])
def part_time(request: AuthenticatedRequest) -> HttpResponse:
    form = PartTimeForm(request.POST or None)
    answer = (
        ask_question(form, "part_time", form.situation())
        if request.method == "POST" and form.is_valid()
        else None
    )
    context: dict[str, Any] = {"form": form, "answer": answer}
    if answer:
        points = income_series(form, form.cleaned_data["earnings"])
        context["chart"] = income_chart(points, form.cleaned_data["earnings"])
        context["points"] = points
    ok = request.method == "GET" or answer is not None
    return _render(request, "part_time", context, ok)


@login_required
@require_http_methods(["GET", "POST"])
def study(request: AuthenticatedRequest) -> HttpResponse:
    """ "Voinko opiskella työttömänä?": can I study and keep my unemployment benefit?"""
    job_seeker = getattr(request.user, "role", "") == "job_seeker"
    profile = seeker.my_profile(request.user) if job_seeker else None
    plan = (profile.study_plan if profile else {}) or {}
    form = StudyForm(request.POST or None, job_seeker=job_seeker, initial=StudyForm.initial_from(plan))
    answer = None
    if request.method == "POST" and form.is_valid():
        try:
            situation, on = form.situation(), form.cleaned_data["on"]
            answer = study_answer(situation, on, get_language() or "fi")
            if job_seeker and form.cleaned_data.get("keep"):
                mine = seeker.ensure_profile(request.user)
                seeker.save_study_plan(request.user, mine, situation, on, form.cleaned_data["show_coach"])
        except InputError as exc:
            for messages in field_errors(exc.in_language(get_language() or "fi")).values():
                form.add_error(None, messages)
        except RulesNotInForce as exc:
            form.add_error("starts_on", exc.in_language(get_language() or "fi"))
    area = getattr(request.user, "employment_area", None)
    context = {"form": form, "answer": answer, "area": area}
    return _render(request, "study", context, request.method == "GET" or answer is not None)
