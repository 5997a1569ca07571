"""The professional's caseload pages: the people they work with, and one person's page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts.decorators import practitioner_only
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.coaching import services as caseload
from kohtaanto.web.coaching.models import Method, Status
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.privacy import NO_DIAGNOSES
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.matching import services
from kohtaanto.web.matching.runs import decision_support_notice, match_person


class EntryForm(forms.Form):
    status = forms.ChoiceField(label=pgettext_lazy("caseload", "Status"), choices=Status.choices)
    next_action = forms.CharField(
        label=pgettext_lazy("caseload", "Next action"), max_length=200, required=False, help_text=NO_DIAGNOSES
    )
    next_action_on = forms.DateField(
        label=pgettext_lazy("caseload", "By"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    methods = forms.MultipleChoiceField(
        label=pgettext_lazy("caseload", "Methods used"),
        choices=Method.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _study(profile: Any) -> dict[str, Any] | None:
    """The answer to "can I study while unemployed?" for the studies the person shared, as of today."""
    from kohtaanto.rules import InputError, RulesNotInForce
    from kohtaanto.web.supports.study_answer import study_answer

    plan = caseload.study_plan_of(profile)
    if plan is None:
        return None
    try:
        return study_answer(plan["situation"], timezone.localdate(), ui_language())
    except (InputError, RulesNotInForce):
        return None


@practitioner_only
@require_http_methods(["GET", "POST"])
def caseload_list(request: AuthenticatedRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        profile = caseload.addable(request.user).filter(pk=request.POST.get("profile") or 0).first()
        if profile is None:
            error = pgettext("caseload", "Choose a person of your area.")
        else:
            entry = caseload.add(request.user, profile)
            return redirect("coaching:person", pk=entry.pk)
    entries = list(caseload.caseload_of(request.user))
    rows = [{"entry": e, "consent": caseload.consent_state(e.profile)} for e in entries]
    context = {
        "rows": rows,
        "addable": list(caseload.addable(request.user)[:500]),
        "error": error,
        "today": timezone.localdate(),
    }
    return render(request, "coaching/list.html", context, status=400 if error else 200)


@practitioner_only
@require_http_methods(["GET", "POST"])
def person(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(caseload.caseload_of(request.user), pk=pk)
    action = request.POST.get("action") if request.method == "POST" else None
    form = EntryForm(
        request.POST if action == "update" else None,
        initial={
            "status": entry.status,
            "next_action": entry.next_action,
            "next_action_on": entry.next_action_on,
            "methods": entry.methods,
        },
    )
    matches = None
    if action == "update" and form.is_valid():
        d = form.cleaned_data
        try:
            caseload.update(
                request.user,
                entry,
                d["status"],
                d["next_action"],
                d["next_action_on"],
                d["methods"],
                timezone.localdate(),
            )
        except InvalidInput as exc:
            for field, problems in exc.errors.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, pgettext("caseload", "Saved."))
            return redirect("coaching:person", pk=pk)
    elif action == "remove":
        caseload.remove(request.user, entry)
        messages.success(request, pgettext("caseload", "The person was taken off your caseload."))
        return redirect("coaching:caseload")
    elif action == "project":
        chosen = request.POST.get("project") or ""
        caseload.link_project(request.user, entry, int(chosen) if chosen.isdigit() else None)
        messages.success(request, pgettext("caseload", "Saved."))
        return redirect("coaching:person", pk=pk)
    elif action == "match":
        matches = match_person(request.user, entry.profile, 5, ui_language(), carving=False)
    services.log_views(request.user, [entry.profile], "caseload")
    context = {
        "entry": entry,
        "profile": entry.profile,
        "form": form,
        "consent": caseload.consent_state(entry.profile),
        "notes": caseload.shared_notes(entry.profile),
        "cases": caseload.hiring_cases_of(entry.profile),
        "study": _study(entry.profile),
        "matches": matches,
        "notice_text": decision_support_notice(),
        "projects": list(caseload.projects()[:500]),
    }
    return render(request, "coaching/person.html", context, status=400 if form.errors else 200)
