"""Step 6: candidates, meetings, work trials and the decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.views.common import case_of, hirer_only, render_step
from kohtaanto.web.matching import seeker
from kohtaanto.web.matching import services as matching_services
from kohtaanto.web.matching.models import IdentityReveal, SeekerProfile
from kohtaanto.web.matching.probes import ProbeLimit
from kohtaanto.web.matching.runs import decision_support_notice


def shared_items(reveal: IdentityReveal) -> list[tuple[str, list[str]]]:
    """What the person chose to show this employer besides their name (never limitations)."""

    details = reveal.profile.details or {}
    out = []
    for key, label in seeker.share_items():
        if key not in reveal.items:
            continue
        if key == "languages":
            levels = details.get("languages", {})
            names = {
                "finnish": pgettext("seeker", "Finnish"),
                "swedish": pgettext("seeker", "Swedish"),
                "english": pgettext("seeker", "English"),
            }
            lines = [f"{names[k]}: {v}" for k, v in levels.items() if k in names]
            if details.get("other_languages"):
                lines.append(details["other_languages"])
        else:
            lines = list(details.get(key, []))
        out.append((label, lines))
    return out


def _observe(request: AuthenticatedRequest, case: HiringCase) -> None:
    """Record a trial's observations from the form: one level (or nothing) per attribute."""
    from kohtaanto.web.hiring.models import WorkTrial

    trial = get_object_or_404(WorkTrial, case=case, pk=request.POST.get("trial") or 0)
    observed = {}
    for attribute in hiring.trial_attributes(case):
        value = request.POST.get(f"obs_{attribute}", "")
        if value.isdigit():
            observed[attribute] = int(value)
        elif value:
            raise hiring.CaseError(
                {"observations": [pgettext("hiring", "Choose a level from 0 to 5 for each.")]}
            )
    hiring.record_observations(
        request.user,
        case,
        trial=trial,
        observed=observed,
        on=timezone.localdate(),
        propose=request.POST.get("propose") == "on",
    )


def trial_levels(case: HiringCase, language: str) -> list[dict[str, Any]]:
    """The attributes a trial is observed on, with their level texts, for the form."""
    from kohtaanto.taxonomy.vocabulary import demands

    out = []
    for attribute_id in hiring.trial_attributes(case):
        attribute = demands().attribute(attribute_id)
        out.append(
            {
                "id": attribute_id,
                "label": attribute.labels.get(language),
                "levels": [(level, text.get(language)) for level, text in sorted(attribute.levels.items())],
            }
        )
    return out


@hirer_only
@require_http_methods(["GET", "POST"])
def candidates(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The shortlist (pseudonyms), requests to meet, work trials and the hiring decision."""
    import datetime as dt

    from kohtaanto.web.hiring.models import MeetingRequest

    case = case_of(request, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    error = ""
    meetings = {
        m.profile.pseudonym: m
        for m in MeetingRequest.objects.filter(case=case).select_related("profile__person")
    }
    try:
        if action == "shortlist":
            hiring.shortlist(request.user, case, ui_language())
            return redirect("hiring:candidates", pk=case.pk)
        if action == "ask":
            hiring.ask_to_meet(request.user, case, request.POST.get("person", ""))
            messages.success(
                request, pgettext("hiring", "The person was asked. Their name shows here if they agree.")
            )
            return redirect("hiring:candidates", pk=case.pk)
        if action == "observe":
            _observe(request, case)
            messages.success(request, pgettext("hiring", "The observations were saved."))
            return redirect("hiring:candidates", pk=case.pk)
        if action in ("trial", "decide"):
            meeting = meetings.get(request.POST.get("person", ""))
            if (
                meeting is None
                or meeting.status != "accepted"
                or not IdentityReveal.objects.filter(
                    profile=meeting.profile, organisation=case.organisation
                ).exists()
            ):
                raise hiring.CaseError(
                    {"person": [pgettext("hiring", "Choose a person who agreed to meet.")]}
                )
            if action == "trial":
                try:
                    starts = dt.date.fromisoformat(request.POST.get("starts_on", ""))
                    ends = dt.date.fromisoformat(request.POST.get("ends_on", ""))
                except ValueError:
                    raise hiring.CaseError(
                        {"starts_on": [pgettext("hiring", "Give the dates as YYYY-MM-DD.")]}
                    ) from None
                hiring.plan_trial(
                    request.user,
                    case,
                    request=meeting,
                    starts_on=starts,
                    ends_on=ends,
                    notes=request.POST.get("notes", ""),
                    supervisor=request.POST.get("supervisor", ""),
                    tasks=request.POST.getlist("trial_tasks"),
                )
                messages.success(request, pgettext("hiring", "The work trial was planned."))
            else:
                hiring.decide(
                    request.user, case, meeting, request.POST.get("hired") == "yes", timezone.localdate()
                )
                messages.success(request, pgettext("hiring", "The decision was recorded."))
            return redirect("hiring:candidates", pk=case.pk)
    except hiring.CaseError as exc:
        error = " ".join(m for ms in exc.errors.values() for m in ms)
    except ProbeLimit:
        from kohtaanto.web.matching.views import probe_limit_text

        error = probe_limit_text()
    interested = set()
    if case.job_id:
        from kohtaanto.web.matching.models import Interest

        interested = set(
            Interest.objects.filter(job_id=case.job_id).values_list("profile__pseudonym", flat=True)
        )
    reveals = {
        r.profile.pseudonym: r
        for r in IdentityReveal.objects.filter(organisation=case.organisation).select_related(
            "profile__person"
        )
    }
    rows = []
    from kohtaanto.web.matching.redaction import present

    for row in present(case.shortlist, request.user) if case.shortlist else []:
        meeting = meetings.get(row["person"])
        reveal = reveals.get(row["person"])
        rows.append(
            {
                **row,
                "meeting": meeting,
                "interested": row["person"] in interested,
                "name": reveal.profile.person.get_full_name() if reveal else "",
                "shared": shared_items(reveal) if reveal else [],
            }
        )
    adjustments_only = [r["person"] for r in rows if r.get("accommodations") and r["person"] not in reveals]
    seen = [reveals[r["person"]].profile for r in rows if r["person"] in reveals]
    seen += list(SeekerProfile.objects.filter(pseudonym__in=adjustments_only))
    matching_services.log_views(request.user, seen, "candidates")  # names, shared items or adjustments
    context = {
        "rows": rows,
        "error": error,
        "accepted": [
            m for m in meetings.values() if m.status == "accepted" and m.profile.pseudonym in reveals
        ],
        "trials": list(case.trials.select_related("profile__person")),
        "trial_levels": trial_levels(case, ui_language()),
        "trial_task_names": [t.get("name", "") for t in (case.chosen or {}).get("tasks", [])],
        "typed": request.POST if request.method == "POST" else {},
        "notice_text": decision_support_notice(),
    }
    return render_step(request, case, "candidates", "candidates.html", context, 400 if error else 200)
