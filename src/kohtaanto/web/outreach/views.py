"""The professional's employer outreach: the area's employers by stage, reminders, an employer's page with
contacts, visits and calls, needs found (one click to a task inventory), and the business-register import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts.decorators import practitioner_only
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.outreach import services as outreach
from kohtaanto.web.outreach.forms import (
    ActivityForm,
    ContactForm,
    OutreachNeedForm,
    RegisterImportForm,
    StageForm,
)
from kohtaanto.web.outreach.models import EmployerRelation, Need, Stage
from kohtaanto.web.outreach.register import RegisterFormatError

MAX_UPLOAD = 5 * 1024 * 1024


def _errors_to(form: Any, exc: InvalidInput) -> None:
    for field, problems in exc.errors.items():
        form.add_error(field if field in form.fields else None, problems)


@practitioner_only
@require_http_methods(["GET"])
def employers(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    stage = request.GET.get("stage", "")
    query = request.GET.get("q", "").strip()
    organisations = (
        outreach.organisations_for(request.user)
        .select_related("relation__owner")
        .annotate(needs_found=Count("needs", distinct=True), last_contact=Max("activities__happened_on"))
        .order_by("name")
    )
    if stage == Stage.FIRST_CONTACT:
        organisations = organisations.filter(Q(relation__isnull=True) | Q(relation__stage=stage))
    elif stage in Stage.values:
        organisations = organisations.filter(relation__stage=stage)
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(business_id=query))
    rows = list(organisations[:500])
    due = [
        o
        for o in rows
        if getattr(o, "relation", None) and o.relation.next_contact_on and o.relation.next_contact_on <= today
    ]
    counts = dict(
        EmployerRelation.objects.filter(organisation__in=outreach.organisations_for(request.user))
        .values_list("stage")
        .annotate(n=Count("id"))
    )
    context = {
        "rows": rows,
        "due": sorted(due, key=lambda o: o.relation.next_contact_on),
        "stages": [(value, label, counts.get(value, 0)) for value, label in Stage.choices],
        "stage": stage,
        "q": query,
        "today": today,
    }
    return render(request, "outreach/list.html", context)


@practitioner_only
@require_http_methods(["GET", "POST"])
def employer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(outreach.organisations_for(request.user), pk=pk)
    relation = outreach.relation_of(request.user, organisation)
    today = timezone.localdate()
    action = request.POST.get("action") if request.method == "POST" else None
    stage_form = StageForm(
        request.POST if action == "stage" else None,
        initial={
            "stage": relation.stage,
            "next_contact_on": relation.next_contact_on,
            "strategic": relation.strategic,
        },
    )
    activity_form = ActivityForm(request.POST if action == "activity" else None)
    contact_form = ContactForm(request.POST if action == "contact" else None)
    need_form = OutreachNeedForm(request.POST if action == "need" else None)
    try:
        if action == "stage" and stage_form.is_valid():
            d = stage_form.cleaned_data
            outreach.set_stage(
                request.user, organisation, d["stage"], d["next_contact_on"], d["strategic"], today
            )
            messages.success(request, pgettext("outreach", "Saved."))
            return redirect("outreach:employer", pk=pk)
        if action == "activity" and activity_form.is_valid():
            d = activity_form.cleaned_data
            outreach.record_activity(
                request.user,
                organisation,
                d["kind"],
                d["happened_on"],
                d["notes"],
                d["next_contact_on"],
                today,
            )
            messages.success(request, pgettext("outreach", "The contact was recorded."))
            return redirect("outreach:employer", pk=pk)
        if action == "contact" and contact_form.is_valid():
            outreach.add_contact(request.user, organisation, contact_form.cleaned_data)
            messages.success(request, pgettext("outreach", "The contact person was added."))
            return redirect("outreach:employer", pk=pk)
        if action == "need" and need_form.is_valid():
            d = need_form.cleaned_data
            outreach.add_need(
                request.user, organisation, d["text"], d["roles"], d["hours_per_week"], d["found_on"], today
            )
            messages.success(request, pgettext("outreach", "The need was recorded."))
            return redirect("outreach:employer", pk=pk)
        if action == "to_case":
            need = get_object_or_404(Need, pk=request.POST.get("need") or 0, organisation=organisation)
            case = outreach.need_to_case(request.user, need)
            messages.success(
                request, pgettext("outreach", "A hiring case was started from the need. List the tasks.")
            )
            return redirect("hiring:tasks", pk=case.pk)
    except InvalidInput as exc:
        form = {"stage": stage_form, "activity": activity_form, "contact": contact_form, "need": need_form}[
            str(action)
        ]
        _errors_to(form, exc)
    failed = any(f.errors for f in (stage_form, activity_form, contact_form, need_form))
    context = {
        "organisation": organisation,
        "relation": relation,
        "stage_form": stage_form,
        "activity_form": activity_form,
        "contact_form": contact_form,
        "need_form": need_form,
        "activities": list(organisation.activities.select_related("by")[:50]),
        "contacts": list(organisation.contacts.all()),
        "needs": list(organisation.needs.select_related("case")),
        "open_action": action if failed else "",
    }
    return render(request, "outreach/employer.html", context, status=400 if failed else 200)


@practitioner_only
@require_http_methods(["GET", "POST"])
def register_import(request: AuthenticatedRequest) -> HttpResponse:
    form = RegisterImportForm(request.POST or None, request.FILES or None)
    report = None
    error = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", pgettext("outreach", "The file is larger than 5 MB: split it."))
        else:
            try:
                report = outreach.import_register(
                    request.user,
                    upload.read(),
                    dry_run=request.POST.get("action") == "check",
                    language=ui_language(),
                )
            except RegisterFormatError as exc:
                form.add_error("file", str(exc))
    status = 400 if form.errors or (report and report.rejected) else 200
    context = {
        "form": form,
        "report": report,
        "error": error,
        "checked": request.POST.get("action") == "check",
    }
    return render(request, "outreach/import.html", context, status=status)


# -- talent pools (osaajapoolit) ------------------------------------------------------------------
@practitioner_only
@require_http_methods(["GET", "POST"])
def talent_pools(request: AuthenticatedRequest) -> HttpResponse:
    from kohtaanto.web.outreach import pools

    employers = list(outreach.organisations_for(request.user).order_by("name"))
    errors: dict[str, list[str]] = {}
    typed = {"name": request.POST.get("name", ""), "members": request.POST.getlist("members")}
    if request.method == "POST":
        chosen = [o for o in employers if str(o.pk) in typed["members"]]
        try:
            pool = pools.create_pool(request.user, typed["name"], chosen)
        except InvalidInput as exc:
            errors = exc.errors
        else:
            messages.success(request, pgettext("pools", "The talent pool was made."))
            return redirect("outreach:pool", pk=pool.pk)
    context = {
        "pools": list(pools.pools_for(request.user)),
        "employers": employers,
        "typed": typed,
        "errors": errors,
    }
    return render(request, "outreach/pools.html", context, status=400 if errors else 200)


@practitioner_only
@require_http_methods(["GET", "POST"])
def talent_pool(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from kohtaanto.web.matching.services import profiles_for
    from kohtaanto.web.outreach import pools

    pool = get_object_or_404(pools.pools_for(request.user), pk=pk)
    people = list(profiles_for(request.user).filter(looking=True).order_by("pseudonym"))
    errors: dict[str, list[str]] = {}
    proposals: list[dict[str, Any]] = []
    typed = {"members": request.POST.getlist("members"), "person": request.POST.get("person", "")}
    key = f"pool:{pool.pk}:proposals"
    if request.method == "POST" and request.POST.get("action") == "start":
        kept = request.session.get(key, {})
        index = request.POST.get("index", "")
        if kept and index.isdigit() and int(index) < len(kept["proposals"]):
            members = [m for m in pool.members.all() if m.pk in kept["members"]]
            case = pools.start_case(
                request.user, pool, kept["proposals"][int(index)], members, kept["person"]
            )
            messages.success(request, pgettext("pools", "A hiring case was started for the shared job."))
            return redirect("hiring:supports", pk=case.pk)
        errors = {"index": [pgettext("hiring", "Choose one of the proposals.")]}
    elif request.method == "POST":
        members = [m for m in pool.members.all() if str(m.pk) in typed["members"]]
        person = next((p for p in people if p.pseudonym == typed["person"]), None)
        if person is None:
            errors = {"person": [pgettext("hiring", "Choose a person from the list.")]}
        else:
            try:
                proposals = pools.carve_shared(
                    request.user, pool, members, person, ui_language(), timezone.localdate()
                )
            except InvalidInput as exc:
                errors = exc.errors
            else:
                request.session[key] = {
                    "proposals": proposals,
                    "members": [m.pk for m in members],
                    "person": person.pseudonym,
                }
    context = {
        "pool": pool,
        "pipeline": pools.pipeline(pool),
        "people": people,
        "typed": typed,
        "errors": errors,
        "proposals": proposals,
        "carved": request.method == "POST" and not errors,
    }
    return render(request, "outreach/pool.html", context, status=400 if errors else 200)
