"""The trial's pace by week, the risk card of a hire and the supervisor's guide."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.carving.ramp import HORIZON
from kohtaanto.core.language import is_language
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.concurrency import parse_version
from kohtaanto.web.core.errors import Conflict
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import risk_card as card_data
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.guide import draft
from kohtaanto.web.hiring.models import RiskCard, RiskCardState, WorkplaceGuide, WorkTrial
from kohtaanto.web.hiring.views.common import case_of, hirer_only, render_step

MAX_TRIAL_WEEKS = 8


def _trial_weeks(trial: WorkTrial) -> int:
    return max(1, min(MAX_TRIAL_WEEKS, (trial.ends_on - trial.starts_on).days // 7 + 1))


@hirer_only
@require_http_methods(["GET", "POST"])
def pace(request: AuthenticatedRequest, pk: int, trial: int) -> HttpResponse:
    """The pace the person kept in each task, week by week of the trial, as a share of the usual pace."""
    case = case_of(request, pk)
    found = get_object_or_404(WorkTrial, case=case, pk=trial)
    tasks = [t.get("name", "") for t in (case.chosen or {}).get("tasks", [])]
    weeks = list(range(1, _trial_weeks(found) + 1))
    typed = {(p["task"], p["week"]): str(p["percent"]) for p in found.pace}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        rows: list[dict[str, Any]] = []
        typed = {}
        for t_index, task in enumerate(tasks):
            for week in weeks:
                raw = request.POST.get(f"pace_{t_index}_{week}", "").strip().replace("%", "").strip()
                typed[(task, week)] = raw
                if raw:
                    if not raw.isdigit():
                        errors.setdefault("pace", []).append(
                            pgettext("hiring", "%(task)s, week %(week)s: give the pace as a whole number.")
                            % {"task": task, "week": week}
                        )
                        continue
                    rows.append({"task": task, "week": week, "percent": int(raw)})
        if not errors:
            try:
                hiring.record_pace(request.user, case, trial=found, rows=rows, on=timezone.localdate())
            except hiring.CaseError as exc:
                errors = exc.errors
            else:
                messages.success(request, pgettext("hiring", "The pace was saved."))
                return redirect("hiring:candidates", pk=case.pk)
    grid = [
        {
            "index": t_index,
            "task": task,
            "cells": [(week, typed.get((task, week), "")) for week in weeks],
        }
        for t_index, task in enumerate(tasks)
    ]
    context = {"trial": found, "grid": grid, "weeks": weeks, "errors": errors, "horizon": HORIZON}
    return render_step(request, case, "candidates", "pace.html", context, 400 if errors else 200)


@hirer_only
@require_http_methods(["GET", "POST"])
def risk(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Ask the person to look at the risk card first; once they have, read it."""
    case = case_of(request, pk)
    errors: dict[str, list[str]] = {}
    people = hiring.card_people(case)
    if request.method == "POST":
        chosen = next((p for p in people if p.pseudonym == request.POST.get("person")), None)
        if chosen is None:
            errors = {"person": [pgettext("hiring", "Choose a person from the list.")]}
        else:
            try:
                hiring.ask_risk_card(request.user, case, profile=chosen)
            except hiring.CaseError as exc:
                errors = exc.errors
            else:
                messages.success(
                    request,
                    pgettext(
                        "hiring", "The person was asked to look at the card first. You see it once they have."
                    ),
                )
                return redirect("hiring:risk", pk=case.pk)
    language = ui_language()
    cards = {c.profile_id: c for c in RiskCard.objects.filter(case=case)}
    rows = []
    for person in people:
        found = cards.get(person.pk)
        built = None
        if found is not None and found.state != RiskCardState.WAITING:
            built = card_data.build(
                case,
                person,
                language=language,
                today=timezone.localdate(),
                evidence=found.state == RiskCardState.SHARED,
            )
        rows.append({"profile": person, "card": found, "built": built})
    context = {"rows": rows, "errors": errors, "has_job": bool(case.chosen)}
    return render_step(request, case, "onboarding", "risk_card.html", context, 400 if errors else 200)


@hirer_only
@require_http_methods(["GET", "POST"])
def guide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The supervisor's and workplace instructor's guide: a draft from the carved job, edited and saved
    with the plain-language check; printable."""
    from kohtaanto.plainlang.check import check
    from kohtaanto.web.plainlang.views import report_context

    case = case_of(request, pk)
    saved = WorkplaceGuide.objects.filter(case=case).first()
    wanted = request.GET.get("language") or (saved.language if saved else ui_language())
    language: str = wanted if is_language(wanted) else ui_language()
    errors: dict[str, list[str]] = {}
    report = None
    if request.method == "POST":
        text = request.POST.get("text", "")
        language = request.POST.get("language", language)
        try:
            version = parse_version(request.POST.get("version"))
            saved, report = hiring.save_guide(
                request.user, case, text=text, language=language, version=version, reader=ui_language()
            )
        except hiring.CaseError as exc:  # before ValueError: a case error is one
            errors = exc.errors
        except ValueError:
            errors = {"text": [pgettext("hiring", "Reload the page and try again.")]}
        except Conflict:
            errors = {
                "text": [
                    pgettext(
                        "hiring",
                        "Someone else saved the guide meanwhile. Your text is below; copy it, reload and "
                        "save again.",
                    )
                ]
            }
        else:
            messages.success(request, pgettext("hiring", "The guide was saved and checked."))
        if report is None and text.strip() and is_language(language):  # refused: still show the check
            report = check(text, "instructions", language, "text", (), ui_language())
    else:
        text = (
            saved.text
            if saved is not None and saved.language == language
            else draft(case, language=language, today=timezone.localdate())
        )
    context: dict[str, Any] = {
        "text": text,
        "language": language,
        "saved": saved,
        "errors": errors,
        "report": report,
        "has_job": bool(case.chosen),
        "languages": [("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
    }
    if report is not None:
        context.update(report_context(report, text))
    return render_step(request, case, "onboarding", "guide.html", context, 400 if errors else 200)


@hirer_only
@require_http_methods(["GET"])
def language_kit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The carved job's language kit: core words with glosses, the first week in plain language, goals."""
    from kohtaanto.web.hiring import language_kit as kit_data

    case = case_of(request, pk)
    kit = None
    if case.chosen:
        kit = kit_data.build(
            case,
            language=request.GET.get("language") or ("sv" if ui_language() == "sv" else "fi"),
            gloss=request.GET.get("gloss", ""),
            ui=ui_language(),
        )
    return render_step(request, case, "onboarding", "language_kit.html", {"kit": kit})
