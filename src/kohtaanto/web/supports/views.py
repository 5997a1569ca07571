"""The supports pages: "Mitä tukea voin saada?" for employers and "Jos teen osa-aikatyötä…" for job seekers.

Situations may hold health-related facts, so they travel by POST and are neither stored nor logged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.rules import InputError, RulesNotInForce
from kohtaanto.rules.report import support_label
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.chart import income_chart, month_chart
from kohtaanto.web.core.concurrency import parse_version
from kohtaanto.web.core.errors import Conflict, InvalidInput, PermissionDenied
from kohtaanto.web.core.http import download, json_download
from kohtaanto.web.core.rules import engine, field_errors
from kohtaanto.web.matching import seeker
from kohtaanto.web.supports import ledger as ledgers
from kohtaanto.web.supports import register
from kohtaanto.web.supports.forms import (
    EmployerCostForm,
    FiscalYearForm,
    GrantForm,
    HireSupportForm,
    IncomeYearForm,
    LinkedForm,
    PartTimeForm,
    PensionEarningsForm,
    RightToWorkForm,
    RoomForm,
    StudyForm,
)
from kohtaanto.web.supports.services import links
from kohtaanto.web.supports.study_answer import study_answer

FORM_FIELD = {
    "employer.legal_form": "legal_form",
    "job.monthly_wage": "monthly_wage",
    "job.hours_per_week": "hours_per_week",
    "benefit": "benefit",
    "full_daily_allowance": "full_daily_allowance",
    "earnings_in_period": "earnings",
    "municipality": "municipality",
    "rent": "rent",
    "children": "children",
    "work.start": "work_start",
    "work.end": "work_end",
    "work.hourly_wage": "hourly_wage",
    "work.hours_per_week": "hours_per_week",
    "work.wage_month": "wage_month",
    "benefit.wage_basis_month": "wage_basis_month",
    "partner.wage_month": "partner_wage",
    "child_benefit_month": "child_benefit",
    "gigs": "gigs",
    "wage_month": "wage_month",
    "start": "start",
}


def ask_question(form: Any, question: str, situation: dict[str, Any]) -> dict[str, Any] | None:
    data = form.cleaned_data
    on = data.get("on") or data.get("start")  # the cost of a hire is asked as of its first day
    try:
        return engine().ask(question, situation, on).as_dict(get_language() or "fi")
    except InputError as exc:
        for field, messages in field_errors(exc.in_language(get_language() or "fi")).items():
            form.add_error(FORM_FIELD.get(field) if FORM_FIELD.get(field) in form.fields else None, messages)
    except RulesNotInForce as exc:
        form.add_error("on" if "on" in form.fields else None, exc.in_language(get_language() or "fi"))
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
    answer = None
    ledger = ledgers.find_ledger(organisation) if organisation is not None else None
    if request.method == "POST" and form.is_valid():
        situation = form.situation()
        if ledger is not None:  # the employer's own de minimis ledger counts, not a number typed in
            situation["de_minimis_received"] = ledgers.grants_as_input(ledger)
            situation["fiscal_year_start_month"] = ledger.fiscal_year_start_month
        answer = ask_question(form, "hire", situation)
    eligible: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    if answer:
        for support in answer["supports"]:
            support["label"] = support_label(support["id"], get_language() or "fi")
            support["links"] = links(support["sources"])
            # the engine's notes (how the amount is counted, the de minimis room) are shown, not dropped
            support["notes_text"] = support["reasons"][len(support["conditions"]) :]
            (eligible if support["eligible"] else other).append(support)
    ok = request.method == "GET" or answer is not None
    context = {
        "form": form,
        "answer": answer,
        "eligible": eligible,
        "other": other,
        "ledger": ledger,
        "te_office": answer is not None and answer["on"] < "2025-01-01",  # ISO dates compare as text
    }
    return _render(request, "hire", context, ok)


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


@login_required
@require_http_methods(["GET", "POST"])
def right_to_work(request: AuthenticatedRequest) -> HttpResponse:
    """ "Saako hän tehdä töitä?": what a permit situation allows, what the employer checks and keeps."""
    form = RightToWorkForm(request.POST or None)
    answer = (
        ask_question(form, "right_to_work", form.situation())
        if request.method == "POST" and form.is_valid()
        else None
    )
    if answer:  # the conditions are listed with their marks; the reasons below are the rest
        answer["notes_text"] = answer["reasons"][len(answer["conditions"]) :]
    ok = request.method == "GET" or answer is not None
    return _render(request, "right_to_work", {"form": form, "answer": answer}, ok)


@login_required
@require_http_methods(["GET", "POST"])
def pension(request: AuthenticatedRequest) -> HttpResponse:
    """ "Paljonko voin ansaita?": the earnings limit on a disability pension, with and without the work."""
    form = PensionEarningsForm(request.POST or None)
    answer = (
        ask_question(form, "pension", form.situation())
        if request.method == "POST" and form.is_valid()
        else None
    )
    context: dict[str, Any] = {"form": form, "answer": answer}
    if answer and answer.get("within_limit") is not None:
        pay = form.cleaned_data["offered_pay"]
        limit = Decimal(str(answer["earnings_limit"]))
        context["room"] = limit - pay if pay <= limit else None
        context["over"] = pay - limit if pay > limit else None
    ok = request.method == "GET" or answer is not None
    return _render(request, "pension", context, ok)


@login_required
@require_http_methods(["GET", "POST"])
def de_minimis(request: AuthenticatedRequest) -> HttpResponse:
    """The employer's de minimis ledger: grants, the room left on a day, and whether a new grant fits."""
    if getattr(request.user, "role", "") != "employer":
        raise DjangoPermissionDenied  # the ledger is the employer's own
    organisation = getattr(request.user, "organisation", None)
    if organisation is None or not ledgers.may_keep(request.user, organisation):
        return render(request, "supports/de_minimis.html", {"no_ledger": True})
    ledger = ledgers.ledger_of(organisation)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    companies = [(organisation.business_id, organisation.name)] + [
        (c.business_id, c.name) for c in ledger.linked.all()
    ]
    grant_form = GrantForm(
        request.POST if action == "add" else None,
        initial={"version": ledger.version, "recipient_business_id": organisation.business_id},
        companies=[(bid, f"{name} ({bid})") for bid, name in companies],
    )
    linked_form = LinkedForm(request.POST if action == "link" else None, initial={"version": ledger.version})
    fiscal_form = FiscalYearForm(
        request.POST if action == "fiscal" else None,
        initial={"version": ledger.version, "fiscal_year_start_month": ledger.fiscal_year_start_month},
    )
    room_form = RoomForm(request.POST if action == "room" else None)
    ok = _write(
        request,
        organisation=organisation,
        action=action,
        grant_form=grant_form,
        linked_form=linked_form,
        fiscal_form=fiscal_form,
    )
    if ok is None:
        messages.success(request, pgettext("de minimis", "Saved."))
        return redirect("supports:de_minimis")
    ledger.refresh_from_db()
    room = None
    on = timezone.localdate()
    new_amount = Decimal(0)
    if action == "room":
        if room_form.is_valid():
            on = room_form.cleaned_data["decision_on"]
            new_amount = room_form.cleaned_data.get("new_amount") or Decimal(0)
        else:
            ok = False
    if ok or action != "room":
        try:
            room = ledgers.room(ledger, on=on, new_amount=new_amount, language=get_language() or "fi")
            room["new_amount"] = new_amount
        except RulesNotInForce as exc:
            room_form.add_error("decision_on", exc.in_language(get_language() or "fi"))
            ok = False
    context = {
        "ledger": ledger,
        "grants": list(ledger.grants.all()),
        "grant_form": grant_form,
        "linked_form": linked_form,
        "linked": list(ledger.linked.all()),
        "names": dict(companies),
        "fiscal_form": fiscal_form,
        "room_form": room_form,
        "room": room,
    }
    return render(request, "supports/de_minimis.html", context, status=200 if ok else 400)


def _write(
    request: AuthenticatedRequest,
    *,
    organisation: Any,
    action: str,
    grant_form: GrantForm,
    linked_form: LinkedForm,
    fiscal_form: FiscalYearForm,
) -> bool | None:
    """Carry out the posted action: None when it was saved, else whether the page is fine as it is
    (False keeps the form with what was typed and its error)."""
    user, post = request.user, request.POST
    try:
        if action == "add" and grant_form.is_valid():
            d = dict(grant_form.cleaned_data)
            version = d.pop("version", None)
            d = {k: ("" if v is None else v) for k, v in d.items()}
            ledgers.add_grant(
                actor=user, organisation=organisation, version=version, grant=ledgers.NewGrant(**d)
            )
        elif action == "link" and linked_form.is_valid():
            d = linked_form.cleaned_data
            ledgers.add_linked(
                actor=user,
                organisation=organisation,
                version=d.get("version"),
                name=d["name"],
                business_id=d["business_id"],
                links=set(d["links"]),
                through_other=d["through_other"],
            )
        elif action in ("unlink", "remove"):
            version = parse_version(post.get("version"))
            if action == "unlink":
                ledgers.remove_linked(
                    actor=user,
                    organisation=organisation,
                    version=version,
                    linked_id=int(post.get("linked", "0") or 0),
                )
            else:
                ledgers.remove_grant(
                    actor=user,
                    organisation=organisation,
                    version=version,
                    grant_id=int(post.get("grant", "0") or 0),
                )
        elif action == "fiscal" and fiscal_form.is_valid():
            ledgers.set_fiscal_year(
                actor=user,
                organisation=organisation,
                version=fiscal_form.cleaned_data.get("version"),
                month=fiscal_form.cleaned_data["fiscal_year_start_month"],
            )
        else:
            return action in ("", "room")  # an invalid form stays on the page with its input
        return None
    except Conflict:
        message = pgettext(
            "de minimis", "Someone changed the ledger while you were editing. Check it and save again."
        )
        form: Any = {"add": grant_form, "link": linked_form}.get(action, fiscal_form)
        if action in ("unlink", "remove"):
            messages.error(request, message)
        else:
            form.add_error(None, message)
    except (InvalidInput, PermissionDenied, ValueError) as exc:
        if action == "link":
            linked_form.add_error(None, _linked_error(exc))
        elif action == "unlink":  # a button, not a form: the reason goes at the top of the page
            messages.error(request, _linked_error(exc))
        elif action == "add":
            grant_form.add_error(
                "recipient_business_id",
                pgettext("de minimis", "Choose a company of your single undertaking."),
            )
        else:
            grant_form.add_error(None, pgettext("de minimis", "That grant is no longer in the ledger."))
    return False


def _linked_error(exc: Exception) -> str:
    fields = getattr(exc, "errors", {}) or {}
    if "business_id" in fields:
        return pgettext(
            "de minimis", "That company is already in your single undertaking, or it is your own."
        )
    if "grants" in fields:
        return pgettext("de minimis", "Remove the grants this company received first.")
    return pgettext("de minimis", "That company is no longer in your single undertaking.")


def _own_ledger(request: AuthenticatedRequest) -> Any:
    organisation = getattr(request.user, "organisation", None)
    if organisation is None or not ledgers.may_keep(request.user, organisation):
        raise DjangoPermissionDenied
    return ledgers.ledger_of(organisation)


@login_required
@require_http_methods(["GET"])
def de_minimis_record(request: AuthenticatedRequest, fmt: str) -> HttpResponse:
    """The single undertaking and its grants as JSON or as CSV (one row per grant)."""
    if fmt not in ("csv", "json"):
        raise Http404
    ledger = _own_ledger(request)
    on = timezone.localdate()
    answer = ledgers.room(ledger, on=on)
    room = {
        "window_start": answer.get("window_start"),
        "window_end": answer.get("window_end"),
        **{
            f"{key}_eur": str(Decimal(str(answer[key])).quantize(Decimal("0.01")))
            for key in ("received_in_window", "ceiling", "room_left")
        },
    }
    body = register.build(ledger, on=on, room=room)
    name = f"de-minimis-{ledger.organisation.business_id}-{on.isoformat()}"
    if fmt == "csv":
        return download(register.as_csv(body), f"{name}.csv")
    return json_download(body, f"{name}.json")


def _month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{int(number)}/{year[2:]}"


def what_ifs(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """As entered, then the engine's other choices (hours, pay, start), side by side."""
    rows = [
        {
            "label": pgettext("year what-if", "As you entered"),
            "difference": answer["difference"],
            "per_hour": answer["difference_per_hour"],
            "wage": answer["with_work"]["total"]["wage"],
        }
    ]
    rows += [
        {
            "label": r["choice"],
            "difference": r["difference"],
            "per_hour": r["difference_per_hour"],
            "wage": r["wage"],
        }
        for r in answer.get("what_if", [])
    ]
    return rows if len(rows) > 1 else []


def _year_initial(request: AuthenticatedRequest) -> dict[str, Any]:
    """What the platform already knows of a job seeker: their municipality, benefit and hours."""
    if getattr(request.user, "role", "") != "job_seeker":
        return {}
    profile = seeker.my_profile(request.user)
    if profile is None:
        return {}
    from kohtaanto.web.matching.mappers import profile_spec

    initial: dict[str, Any] = {}
    spec = profile_spec(profile)
    code = spec.municipality
    if code:
        from kohtaanto.core.municipalities import find

        place = find(code)
        if place is not None:
            initial["municipality"] = place.name(get_language() or "fi")
    saved = profile.benefit or {}
    if saved.get("benefit") == "earnings_related":
        initial["benefit"] = "earnings_related"
    elif saved.get("benefit") in ("labour_market_support", "general_support", "basic"):
        initial["benefit"] = "labour_market_support"
    if spec.hours_max:
        initial["hours_per_week"] = spec.hours_max
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def year(request: AuthenticatedRequest) -> HttpResponse:
    """ "Kannattaako työ?": the household's months with and without the work on offer."""
    from kohtaanto.core.municipalities import all_municipalities

    form = IncomeYearForm(request.POST or None, initial=_year_initial(request))
    answer = (
        ask_question(form, "income_year", {**form.situation(), "what_if": True})
        if request.method == "POST" and form.is_valid()
        else None
    )
    language = get_language() or "fi"
    context: dict[str, Any] = {
        "form": form,
        "answer": answer,
        "municipalities": [m.name(language) for m in all_municipalities() if not m.aland],
    }
    if answer:
        rows = list(zip(answer["with_work"]["months"], answer["without_work"]["months"], strict=True))
        labels = [_month_label(w["month"]) for w, _ in rows]
        context["rows"] = [(label, w, n) for label, (w, n) in zip(labels, rows, strict=True)]
        context["chart"] = month_chart(
            [w["disposable"] for w, _ in rows], [n["disposable"] for _, n in rows], labels
        )
        context["what_ifs"] = what_ifs(answer)
        context["loss"] = -answer["difference"]
    ok = request.method == "GET" or answer is not None
    return _render(request, "year", context, ok)


@login_required
@require_http_methods(["GET", "POST"])
def employer_cost(request: AuthenticatedRequest) -> HttpResponse:
    """What a hire costs month by month (24 months by default) after the decided supports."""
    form = EmployerCostForm(request.POST or None)
    answer = (
        ask_question(form, "employer_cost", form.situation())
        if request.method == "POST" and form.is_valid()
        else None
    )
    ok = request.method == "GET" or answer is not None
    return _render(request, "employer_cost", {"form": form, "answer": answer}, ok)
