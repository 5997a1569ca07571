"""The supports pages: "Mitä tukea voin saada?" for employers and "Jos teen osa-aikatyötä…" for job seekers.

Situations may hold health-related facts, so they travel by POST and are neither stored nor logged.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.rules import InputError, RulesNotInForce
from kohtaanto.rules.report import support_label
from kohtaanto.web.matching import seeker
from kohtaanto.web.pages.chart import income_chart
from kohtaanto.web.pages.support_forms import HireSupportForm, PartTimeForm, StudyForm
from kohtaanto.web.rules_service import engine, field_errors

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
        for field, messages in field_errors(exc.problems).items():
            form.add_error(FORM_FIELD.get(field) if FORM_FIELD.get(field) in form.fields else None, messages)
    except RulesNotInForce as exc:
        form.add_error("on", str(exc))
    return None


def _render(request: HttpRequest, template: str, context: dict[str, Any], ok: bool) -> HttpResponse:
    partial = bool(getattr(request, "htmx", False))
    name = f"kohtaanto/supports/{template}{'_results' if partial else ''}.html"
    # htmx swaps only 2xx responses, so a partial with errors is 200; a full page with errors is 400.
    return render(request, name, context, status=200 if ok or partial else 400)


@login_required
@require_http_methods(["GET", "POST"])
def hire(request: HttpRequest) -> HttpResponse:
    organisation = getattr(request.user, "organisation", None)
    initial = {"legal_form": organisation.legal_form} if organisation else {}
    form = HireSupportForm(request.POST or None, initial=initial)
    answer = (
        ask_question(form, "hire", form.situation()) if request.method == "POST" and form.is_valid() else None
    )
    eligible, other = [], []
    if answer:
        for support in answer["supports"]:
            support["label"] = support_label(support["id"], get_language() or "fi")
            support["links"] = [(source.split()[0], source) for source in support["sources"]]
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
def part_time(request: HttpRequest) -> HttpResponse:
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


def _initial(plan: dict[str, Any]) -> dict[str, Any]:
    """The form filled from a kept study plan."""
    situation = plan.get("situation") or {}
    studies = situation.get("studies") or {}
    if not studies:
        return {}
    return {
        "age": situation.get("age"),
        "benefit": situation.get("benefit"),
        "kind": studies.get("kind"),
        "starts_on": studies.get("starts_on"),
        "months": studies.get("months"),
        "days": studies.get("days"),
        "hours_per_day": studies.get("hours_per_day"),
        "vocational": studies.get("vocational"),
        "agreed_in_plan": studies.get("agreed_in_plan"),
        "training_need_found": studies.get("training_need_found"),
        "established_work_months": situation.get("established_work_months"),
        "started_while_employed": situation.get("started_while_employed"),
        "resigned_to_study": situation.get("resigned_to_study"),
        "monthly_wage": situation.get("monthly_wage"),
        "benefit_days_left": situation.get("benefit_days_left"),
        "credits": studies.get("credits"),
        "courses_per_year": studies.get("courses_per_year"),
        "used_short_study": studies.get("first_short_study") is False,
        "keep": True,
        "show_coach": plan.get("show_coach"),
    }


def study_basis_text(basis: str) -> str:
    return {
        "not_full_time": pgettext("study result", "These studies do not affect your benefit."),
        "established_work": pgettext(
            "study result",
            "Your studies count as part-time because you have worked regularly alongside them.",
        ),
        "started_while_employed": pgettext(
            "study result", "You started the studies while employed, so they do not prevent the benefit."
        ),
        "short_term": pgettext(
            "study result", "You can take these as short studies (lyhytkestoinen opiskelu)."
        ),
        "self_motivated": pgettext(
            "study result",
            "You can study with your unemployment benefit (omaehtoinen opiskelu), as agreed in your plan.",
        ),
        "none": pgettext("study result", "Full-time studies stop the unemployment benefit."),
    }.get(basis, basis)


def study_obligations(codes: list[str]) -> list[str]:
    texts = {
        "seek_full_time_work": pgettext("study obligation", "Keep looking for full-time work."),
        "accept_full_time_work": pgettext("study obligation", "Accept full-time work if it is offered."),
        "take_part_in_services": pgettext("study obligation", "Take part in the services you are offered."),
        "adequate_progress": pgettext("study obligation", "Make progress in your studies as planned."),
        "report_before_start": pgettext(
            "study obligation", "Tell the employment services before the studies start."
        ),
    }
    return [texts.get(code, code) for code in codes]


def study_answer(situation: dict[str, Any], on: Any, language: str) -> dict[str, Any]:
    """The fifth question's answer with texts for people: the basis, the obligations, links to sources."""
    answer = engine().ask("study", situation, on).as_dict(language)
    answer["basis_text"] = study_basis_text(answer["basis"])
    answer["obligation_texts"] = study_obligations(answer["obligations"])
    answer["links"] = [(source.split()[0], source) for source in answer["sources"]]
    until = answer.get("increased_benefit_ends_earliest")
    answer["increased_until"] = dt.date.fromisoformat(until) if until else None
    return answer


@login_required
@require_http_methods(["GET", "POST"])
def study(request: HttpRequest) -> HttpResponse:
    """ "Voinko opiskella työttömänä?": can I study and keep my unemployment benefit?"""
    job_seeker = getattr(request.user, "role", "") == "job_seeker"
    profile = seeker.my_profile(request.user) if job_seeker else None
    plan = (profile.study_plan if profile else {}) or {}
    form = StudyForm(request.POST or None, job_seeker=job_seeker, initial=_initial(plan))
    answer = None
    if request.method == "POST" and form.is_valid():
        try:
            answer = study_answer(form.situation(), form.cleaned_data["on"], get_language() or "fi")
            if job_seeker and form.cleaned_data.get("keep"):
                mine = seeker.ensure_profile(request.user)
                seeker.save_study_plan(
                    request.user,
                    mine,
                    form.situation(),
                    form.cleaned_data["on"],
                    form.cleaned_data["show_coach"],
                )
        except InputError as exc:
            for messages in field_errors(exc.problems).values():
                form.add_error(None, messages)
        except RulesNotInForce as exc:
            form.add_error("starts_on", str(exc))
    area = getattr(request.user, "employment_area", None)
    context = {"form": form, "answer": answer, "area": area}
    return _render(request, "study", context, request.method == "GET" or answer is not None)
