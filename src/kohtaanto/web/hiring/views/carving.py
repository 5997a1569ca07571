"""Step 3: carving a new job, and step 4: the supports (page and PDF)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.core.language import pick
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.http import download
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.forms import (
    NewJobWageForm,
    SupportFactsForm,
)
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.views.common import case_of, hirer_only, render_step
from kohtaanto.web.hiring.views.inventory import roles_of


def session_key(case: HiringCase) -> str:
    return f"hiring:{case.pk}:proposals"


def _carve_for(
    request: AuthenticatedRequest,
    case: HiringCase,
    profile: Any,
    facts: dict[str, Any] | None,
    hourly_wage: Any = None,
) -> hiring.Carved:
    """Carve for one person and remember the answer in the session (the page can be reloaded)."""
    found = hiring.carve(
        request.user,
        case,
        profile=profile,
        language=ui_language(),
        on=timezone.localdate(),
        facts=facts,
        hourly_wage=hourly_wage,
    )
    request.session[session_key(case)] = found.proposals
    request.session[session_key(case) + ":person"] = profile.pseudonym
    request.session[session_key(case) + ":reasons"] = found.reasons
    request.session[session_key(case) + ":gaps"] = found.gaps
    return found


def _carve_action(
    request: AuthenticatedRequest, case: HiringCase, chosen: Any, wage_form: Any, facts_form: Any
) -> tuple[hiring.Carved | None, str]:
    """The employer's "make proposals": the person, the new job's wage and the facts, checked in turn."""
    if chosen is None:
        return None, pgettext("hiring", "Choose a person from the list.")
    if not wage_form.is_valid():
        return None, pgettext("hiring", "Give the new job's hourly wage.")
    if not facts_form.is_valid():
        return None, pgettext("hiring", "Check the facts for the supports.")
    return _carve_for(request, case, chosen, facts_form.facts(), wage_form.cleaned_data["hourly_wage"]), ""


def _fixes(case: HiringCase, gaps: dict[str, int], language: str) -> list[dict[str, Any]]:
    """For each attribute where a task asks too much: the adjustments the work-arrangement support can
    pay, already added or not, to offer on the spot."""
    from kohtaanto.taxonomy.vocabulary import attribute_label

    added = {a["id"] for a in case.inventory.get("accommodations", [])}
    out = []
    for attribute, levels in sorted(gaps.items()):
        key = attribute.split(".")[-1]
        options = [
            {
                "index": i,
                "text": m.text.get(language),
                "help": m.support == "work_arrangement_help",
                "added": f"{key}_{i}" in added,
            }
            for i, m in hiring.adjustment_choices(attribute)
        ]
        if options:
            out.append(
                {
                    "attribute": attribute,
                    "label": attribute_label(attribute, language),
                    "levels": levels,
                    "options": options,
                }
            )
    return out


@hirer_only
@require_http_methods(["GET", "POST"])
def carve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from decimal import Decimal, InvalidOperation

    case = case_of(request, pk)
    language = ui_language()
    pool = hiring.pool_for(request.user, case)
    key = session_key(case)
    proposals: list[dict[str, Any]] = request.session.get(key, [])
    person = request.session.get(key + ":person", "")
    reasons: list[dict[str, Any]] = request.session.get(key + ":reasons", [])
    gaps: dict[str, int] = request.session.get(key + ":gaps", {})
    error = ""
    action = request.POST.get("action") if request.method == "POST" else None
    carving = action in ("carve", "next")
    facts_form = SupportFactsForm(
        request.POST if action == "carve" else None, initial=SupportFactsForm.initial_from(case.support_facts)
    )
    saved_wage = case.inventory.get("workplace", {}).get("new_job_hourly_wage")
    wage_form = NewJobWageForm(
        request.POST if action == "carve" else None,
        initial={"hourly_wage": Decimal(str(saved_wage)) if saved_wage else None},
    )
    by_name = {p.pseudonym: p for p in pool}
    try:
        if action == "carve":
            chosen = by_name.get(request.POST.get("person", ""))
            found, error = _carve_action(request, case, chosen, wage_form, facts_form)
            if found is not None and chosen is not None:
                proposals, person, reasons, gaps = (
                    found.proposals,
                    chosen.pseudonym,
                    found.reasons,
                    found.gaps,
                )
        elif action == "next" and pool:
            names = [p.pseudonym for p in pool]
            after = names[(names.index(person) + 1) % len(names)] if person in names else names[0]
            found = _carve_for(request, case, by_name[after], case.support_facts or None)
            proposals, person, reasons, gaps = found.proposals, after, found.reasons, found.gaps
        elif action == "adjust" and person in by_name:
            attribute = request.POST.get("attribute", "")
            try:
                cost = Decimal(request.POST.get("one_off_cost", "").replace(",", ".").replace(" ", "") or "0")
                help_hours = Decimal(request.POST.get("help_hours", "").replace(",", ".") or "0")
                measure = int(request.POST.get("measure", ""))
            except (InvalidOperation, ValueError):
                error = pgettext("hiring", "Choose an adjustment and give its cost as a number of euros.")
            else:
                hiring.add_adjustment(
                    request.user,
                    case,
                    attribute=attribute,
                    measure=measure,
                    raises_by=int(gaps.get(attribute, 1)),
                    one_off_cost=cost,
                    help_hours=help_hours,
                )
                found = _carve_for(request, case, by_name[person], case.support_facts or None)
                proposals, reasons, gaps = found.proposals, found.reasons, found.gaps
                messages.success(
                    request, pgettext("hiring", "The adjustment was added and the proposals made again.")
                )
        elif action == "choose":
            index = request.POST.get("index", "")
            if index.isdigit() and int(index) < len(proposals):
                hiring.choose(request.user, case, proposals[int(index)], person)
                messages.success(
                    request, pgettext("hiring", "The new job was chosen. Next, see the supports.")
                )
                return redirect("hiring:supports", pk=case.pk)
            error = pgettext("hiring", "Choose one of the proposals.")
    except hiring.CaseError as exc:
        error = " ".join(m for ms in exc.errors.values() for m in ms)
    roles = {r["id"]: r["title_text"] for r in roles_of(case, language)}
    from kohtaanto.rules.months import add_months
    from kohtaanto.web.supports.services import decided_supports, employer_profile

    profile_start = case.planned_start or add_months(timezone.localdate().replace(day=1), 1)
    for proposal in proposals:
        profile = employer_profile(
            wage_month=proposal.get("monthly_wage"),
            start=profile_start,
            supports=decided_supports(proposal.get("supports", [])),
            language=language,
        )
        proposal["cost_24"] = profile["total"]["net_cost"] if profile else None
        proposal["cost_steps"] = [r for r in (profile or {}).get("reasons", [])[1:] if r]
        freed = proposal.get("freed_hours_by_role", {})
        top = max([float(v) for v in freed.values()] + [1.0])
        # widths in steps of 5 %, drawn by CSS classes: the CSP allows no inline styles
        proposal["freed_bars"] = [
            (roles.get(k, k), v, 5 * round(20 * float(v) / top)) for k, v in freed.items()
        ]
    context = {
        "pool": pool,
        "cards": hiring.pool_cards(request.user, case, language),
        "proposals": proposals,
        "reasons": [] if proposals else reasons,
        "fixes": [] if proposals else _fixes(case, gaps, language),
        "short_of_hours": any(r["code"] in ("hours_short", "time_short") for r in reasons),
        "added": [pick(a["name"], language) for a in case.inventory.get("accommodations", [])],
        "person": request.POST.get("person", person) if action == "carve" else person,
        "carved_for": person,
        "error": error,
        "facts_form": facts_form,
        "wage_form": wage_form,
        "carving": carving,
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
        except hiring.CaseError as exc:  # before ValueError: a refused day is not a badly written one
            error = " ".join(m for ms in exc.errors.values() for m in ms)
        except ValueError:
            error = pgettext("hiring", "Give the dates as YYYY-MM-DD.")
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
    return download(body, f"kohtaanto-supports-{case.pk}.pdf", inline=True)
