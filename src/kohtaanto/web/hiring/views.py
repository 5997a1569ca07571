"""The employer's journey: need → tasks → carving → supports → job ad (→ candidates).

A professional can act for an employer in their area. Each step saves on the case and can be left
and resumed; every page works without JavaScript and keeps what was typed on an error.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods

from kohtaanto.core.text import Written
from kohtaanto.plainlang.check import check
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.errors import Conflict
from kohtaanto.web.core.forms import changed_elsewhere, posted_version
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.forms import (
    AdForm,
    CaseForm,
    HiringNeedForm,
    InventoryImportForm,
    RoleForm,
    SupportFactsForm,
    TaskForm,
)
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching import seeker
from kohtaanto.web.matching import services as matching_services
from kohtaanto.web.matching.models import IdentityReveal, SeekerProfile
from kohtaanto.web.matching.probes import ProbeLimit
from kohtaanto.web.matching.runs import decision_support_notice
from kohtaanto.web.plainlang.views import report_context

STEPS = [
    ("need", pgettext_lazy("hiring step", "The need"), "hiring:need"),
    ("tasks", pgettext_lazy("hiring step", "Tasks"), "hiring:tasks"),
    ("carve", pgettext_lazy("hiring step", "New job"), "hiring:carve"),
    ("supports", pgettext_lazy("hiring step", "Supports"), "hiring:supports"),
    ("ad", pgettext_lazy("hiring step", "Job ad"), "hiring:ad"),
    ("candidates", pgettext_lazy("hiring step", "Candidates"), "hiring:candidates"),
    ("onboarding", pgettext_lazy("hiring step", "Start and follow-up"), "hiring:onboarding"),
]
HIRERS = (Role.EMPLOYER, Role.PROFESSIONAL, Role.ADMINISTRATOR)


def hirer_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.role not in HIRERS:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _case(request: AuthenticatedRequest, pk: int) -> HiringCase:
    return get_object_or_404(hiring.cases_for(request.user), pk=pk)


def _done(case: HiringCase) -> dict[str, bool]:
    tasks = sum(len(r["tasks"]) for r in case.inventory.get("workplace", {}).get("roles", []))
    return {
        "need": bool(case.need),
        "tasks": tasks > 0,
        "carve": bool(case.chosen),
        "supports": bool(case.chosen),
        "ad": case.job_id is not None,
        "candidates": bool(case.decision),
        "onboarding": hasattr(case, "onboarding"),
    }


def _render(
    request: AuthenticatedRequest,
    case: HiringCase,
    step: str,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    done = _done(case)
    context.update(
        {
            "case": case,
            "steps": [(key, label, url, done[key], key == step) for key, label, url in STEPS],
        }
    )
    return render(request, f"hiring/{template}", context, status=status)


def _errors_to(form: Any, exc: hiring.CaseError) -> None:
    for field, problems in exc.errors.items():
        form.add_error(field if field in form.fields else None, problems)


@hirer_only
@require_http_methods(["GET", "POST"])
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    organisations = list(permissions.organisations_for(request.user).order_by("name"))
    form = CaseForm(request.POST or None)
    chosen_org = request.POST.get("organisation") or (str(organisations[0].pk) if organisations else "")
    if request.method == "POST" and form.is_valid():
        organisation = next((o for o in organisations if str(o.pk) == chosen_org), None)
        if organisation is None:
            form.add_error(None, pgettext("hiring", "Choose the employer."))
        else:
            case = hiring.create_case(request.user, organisation, form.cleaned_data["title"])
            return redirect("hiring:need", pk=case.pk)
    context = {
        "cases": hiring.cases_for(request.user),
        "form": form,
        "organisations": organisations,
        "chosen_org": chosen_org,
    }
    return render(request, "hiring/list.html", context, status=400 if form.errors else 200)


@hirer_only
@require_http_methods(["GET", "POST"])
def need(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    initial = {
        "reasons": case.need.get("reasons", []),
        "text": case.need.get("text", ""),
        "overloaded": "\n".join(case.need.get("overloaded", [])),
    }
    form = HiringNeedForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            hiring.save_need(
                request.user,
                case,
                reasons=data["reasons"],
                text=data["text"],
                overloaded=data["overloaded"].splitlines(),
                version=posted_version(request),
            )
        except hiring.CaseError as exc:
            _errors_to(form, exc)
        except Conflict:
            form.add_error(None, changed_elsewhere())
            case.refresh_from_db()
        else:
            messages.success(
                request, pgettext("hiring", "Saved. Next, list the tasks of the overloaded roles.")
            )
            return redirect("hiring:tasks", pk=case.pk)
    status = 409 if form.non_field_errors() else 400 if form.errors else 200
    return _render(request, case, "need", "need.html", {"form": form}, status)


def _roles(case: HiringCase, language: str = "fi") -> list[dict[str, Any]]:
    """The case's roles as pages show them: each role's title and each task's name in ``language`` (the
    words as written when there is no translation)."""
    return [
        {
            **role,
            "title_text": Written.from_stored(role["title"]).get(language),
            "tasks": [
                {**task, "name_text": Written.from_stored(task["name"]).get(language)}
                for task in role.get("tasks", [])
            ],
        }
        for role in case.inventory.get("workplace", {}).get("roles", [])
    ]


@hirer_only
@require_http_methods(["GET", "POST"])
def tasks(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    language = ui_language()
    action = request.POST.get("action") if request.method == "POST" else None
    names = seeker.skill_names(language)
    role_choices = [(r["id"], r["title_text"]) for r in _roles(case, language)]
    role_form = RoleForm(request.POST if action == "add_role" else None)
    task_form = TaskForm(request.POST if action == "add_task" else None, roles=role_choices)
    import_form = InventoryImportForm(request.POST if action in ("import", "import_add") else None)
    imported: list[dict[str, Any]] = []
    status = 200
    try:
        if action == "add_role" and role_form.is_valid():
            d = role_form.cleaned_data
            hiring.add_role(request.user, case, d["title"], d["holders"], d["hourly_cost"])
            return redirect("hiring:tasks", pk=case.pk)
        if action == "add_task" and task_form.is_valid():
            d = task_form.cleaned_data
            skill = seeker.skill_by_name(d["skill"], language) if d["skill"].strip() else None
            if d["skill"].strip() and skill is None:
                task_form.add_error(
                    "skill", pgettext("seeker", "We did not find this skill. Try another word.")
                )
            else:
                hiring.add_task(
                    request.user,
                    case,
                    role_id=d["role"],
                    name=d["name"],
                    hours=d["hours"],
                    skill=skill,
                    level=d["level"],
                    answers=task_form.answers(),
                    below_level=d["below_level"],
                )
                messages.success(request, pgettext("hiring", "The task was added."))
                return redirect("hiring:tasks", pk=case.pk)
        if action == "suggested" and role_choices:
            sid = request.POST.get("skill", "")
            if sid in names:
                hiring.add_task(
                    request.user,
                    case,
                    role_id=request.POST.get("role") or role_choices[0][0],
                    name=names[sid],
                    hours=Decimal(2),
                    skill=sid,
                    level=2,
                    answers={},
                )
                return redirect("hiring:tasks", pk=case.pk)
        if action == "remove":
            hiring.remove_task(request.user, case, request.POST.get("task", ""))
            return redirect("hiring:tasks", pk=case.pk)
        if action == "import" and import_form.is_valid():
            imported = hiring.tasks_from_text(import_form.cleaned_data["text"], language)
        if action == "import_add" and role_choices:
            role = request.POST.get("role") or role_choices[0][0]
            for raw in request.POST.getlist("pick"):
                name, _, sid = raw.partition("|")
                hiring.add_task(
                    request.user,
                    case,
                    role_id=role,
                    name=name,
                    hours=Decimal(2),
                    skill=sid or None,
                    level=2,
                    answers={},
                )
            return redirect("hiring:tasks", pk=case.pk)
    except hiring.CaseError as exc:
        _errors_to(task_form if action == "add_task" else role_form, exc)
    if action and (role_form.errors or task_form.errors or import_form.errors):
        status = 400
    context = {
        "roles": _roles(case, language),
        "names": names,
        "role_form": role_form,
        "task_form": task_form,
        "import_form": import_form,
        "imported": imported,
        "suggested": hiring.suggestions(case, language),
        "by_role": hiring.role_suggestions(case, language),
        "all_skills": sorted(names.values()),
        "role_choices": role_choices,
    }
    return _render(request, case, "tasks", "tasks.html", context, status)


def _session_key(case: HiringCase) -> str:
    return f"hiring:{case.pk}:proposals"


@hirer_only
@require_http_methods(["GET", "POST"])
def carve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    pool = hiring.pool_for(request.user, case)
    proposals: list[dict[str, Any]] = request.session.get(_session_key(case), [])
    person = request.session.get(_session_key(case) + ":person", "")
    error = ""
    carving = request.method == "POST" and request.POST.get("action") == "carve"
    facts_form = SupportFactsForm(
        request.POST if carving else None, initial=SupportFactsForm.initial_from(case.support_facts)
    )
    if carving:
        chosen = next((p for p in pool if p.pseudonym == request.POST.get("person")), None)
        if chosen is None:
            error = pgettext("hiring", "Choose a person from the list.")
        elif not facts_form.is_valid():
            error = pgettext("hiring", "Check the facts for the supports.")
        else:
            try:
                proposals = hiring.carve(
                    request.user,
                    case,
                    profile=chosen,
                    language=ui_language(),
                    on=timezone.localdate(),
                    facts=facts_form.facts(),
                )
            except hiring.CaseError as exc:
                error = " ".join(m for ms in exc.errors.values() for m in ms)
            else:
                person = chosen.pseudonym
                request.session[_session_key(case)] = proposals
                request.session[_session_key(case) + ":person"] = person
    elif request.method == "POST" and request.POST.get("action") == "choose":
        index = request.POST.get("index", "")
        if index.isdigit() and int(index) < len(proposals):
            hiring.choose(request.user, case, proposals[int(index)], person)
            messages.success(request, pgettext("hiring", "The new job was chosen. Next, see the supports."))
            return redirect("hiring:supports", pk=case.pk)
        error = pgettext("hiring", "Choose one of the proposals.")
    roles = {r["id"]: r["title_text"] for r in _roles(case, ui_language())}
    for proposal in proposals:
        freed = proposal.get("freed_hours_by_role", {})
        top = max([float(v) for v in freed.values()] + [1.0])
        # widths in steps of 5 %, drawn by CSS classes: the CSP allows no inline styles
        proposal["freed_bars"] = [
            (roles.get(k, k), v, 5 * round(20 * float(v) / top)) for k, v in freed.items()
        ]
    context = {
        "pool": pool,
        "proposals": proposals,
        "person": request.POST.get("person", person) if carving else person,
        "error": error,
        "facts_form": facts_form,
    }
    return _render(request, case, "carve", "carve.html", context, 400 if error else 200)


@hirer_only
@require_http_methods(["GET", "POST"])
def supports(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """What to apply for, from whom, by when (counted from the planned start), the net cost, and a PDF."""
    import datetime as dt

    from kohtaanto.web.hiring import summary

    case = _case(request, pk)
    today = timezone.localdate()
    typed = request.POST.get("starts_on", "") if request.method == "POST" else ""
    error = ""
    if request.method == "POST":
        try:
            hiring.plan_start(request.user, case, dt.date.fromisoformat(typed), today)
        except ValueError:
            error = pgettext("hiring", "Give the dates as YYYY-MM-DD.")
        except hiring.CaseError as exc:
            error = " ".join(m for ms in exc.errors.values() for m in ms)
        else:
            messages.success(request, pgettext("hiring", "The deadlines are counted from the planned start."))
            return redirect("hiring:supports", pk=case.pk)
    context = {
        "chosen": case.chosen,
        "summary": summary.build(case, today) if case.chosen else None,
        "typed_start": typed if error else (case.planned_start.isoformat() if case.planned_start else ""),
        "error": error,
    }
    return _render(request, case, "supports", "supports.html", context, 400 if error else 200)


@hirer_only
@require_http_methods(["GET"])
def supports_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from kohtaanto.web.hiring import summary

    case = _case(request, pk)
    if not case.chosen:
        raise Http404
    body = summary.pdf(summary.build(case, timezone.localdate()), ui_language())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kohtaanto-supports-{case.pk}.pdf"'
    return response


@hirer_only
@require_http_methods(["GET", "POST"])
def ad(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    language = ui_language()
    generated = case.chosen.get("job_description", {}).get(language, "") if case.chosen else ""
    form = AdForm(request.POST or None, initial={"text": case.ad_text or generated})
    report = None
    status = 200
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        action = request.POST.get("action")
        try:
            hiring.save_ad(request.user, case, text, posted_version(request))
            if action == "publish":
                hiring.publish(request.user, case)
                messages.success(request, pgettext("hiring", "The job is published in the area's pool."))
                return redirect("hiring:ad", pk=case.pk)
        except hiring.CaseError as exc:
            _errors_to(form, exc)
            status = 400
        except Conflict:
            form.add_error(None, changed_elsewhere())
            case.refresh_from_db()
            status = 409
        report = check(text, "job-ad", "auto", "auto", (), language)
    elif request.method == "POST":
        status = 400
    context: dict[str, Any] = {"form": form, "report": report}
    if report is not None:
        context.update(report_context(report, form.cleaned_data["text"]))
    return _render(request, case, "ad", "ad.html", context, status)


@hirer_only
@require_http_methods(["GET"])
def job_posting_json_ld(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    try:
        body = hiring.json_ld(case)
    except hiring.CaseError:
        raise Http404 from None
    return JsonResponse(
        body, json_dumps_params={"ensure_ascii": False, "indent": 2}, content_type="application/ld+json"
    )


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

    case = _case(request, pk)
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
    return _render(request, case, "candidates", "candidates.html", context, 400 if error else 200)


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


@hirer_only
@require_http_methods(["GET", "POST"])
def onboarding(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The first day, mentor, induction steps, plain-language instructions (checked), adjustments to
    arrange, and follow-ups at 1, 3, 6 and 12 months."""
    import datetime as dt

    from kohtaanto.web.hiring import summary
    from kohtaanto.web.hiring.models import FollowUp, OnboardingPlan

    case = _case(request, pk)
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
    elif action == "follow_up":
        errors = _record_follow_up(request, case)
        if not errors:
            messages.success(request, pgettext("hiring", "The follow-up was recorded."))
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
    }
    if report is not None:
        context.update(report_context(report, typed["instructions"]))
    return _render(request, case, "onboarding", "onboarding.html", context, 400 if errors else 200)
