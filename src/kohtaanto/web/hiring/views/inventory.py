"""Step 2: roles and tasks."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.core.formatting import number
from kohtaanto.core.text import Written
from kohtaanto.taxonomy.vocabulary import demands
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.forms import (
    HOW_OFTEN,
    InventoryImportForm,
    RoleForm,
    TaskForm,
)
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.views.common import case_of, errors_to, hirer_only, render_step
from kohtaanto.web.matching import seeker


def roles_of(case: HiringCase, language: str = "fi") -> list[dict[str, Any]]:
    """The case's roles as pages show them: each role's title and each task's name in ``language`` (the
    words as written when there is no translation)."""
    return [
        {
            **role,
            "title_text": Written.from_stored(role["title"]).get(language),
            "cost_text": number(role.get("hourly_cost", "30"), language),
            "tasks": [
                {
                    **task,
                    "name_text": Written.from_stored(task["name"]).get(language),
                    "hours_text": number(task["hours"], language),
                    "answers": hiring.task_answers(task),
                }
                for task in role.get("tasks", [])
            ],
        }
        for role in case.inventory.get("workplace", {}).get("roles", [])
    ]


def _save_hours(request: AuthenticatedRequest, case: HiringCase) -> dict[str, str]:
    """A task's new hours; on an error, what to show beside that task's field (nothing is lost)."""
    typed = request.POST.get("hours", "").strip()
    task_id = request.POST.get("task", "")
    try:
        hours = Decimal(typed.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        hours = Decimal(-1)
    try:
        hiring.set_task_hours(request.user, case, task_id=task_id, hours=hours)
    except hiring.CaseError as exc:
        return {
            "task": task_id,
            "typed": typed,
            "text": " ".join(m for ms in exc.errors.values() for m in ms),
        }
    return {}


def _add_picked(
    request: AuthenticatedRequest, case: HiringCase, first_role: str, names: dict[str, str]
) -> int:
    """A suggested task, or the tasks picked from a job description: 2 h a week each to start with (the
    page asks the employer to check the hours)."""
    role = request.POST.get("role") or first_role
    if request.POST.get("action") == "suggested":
        sid = request.POST.get("skill", "")
        picked = [(names[sid], sid)] if sid in names else []
    else:
        picked = [
            (name, sid) for name, _, sid in (raw.partition("|") for raw in request.POST.getlist("pick"))
        ]
    for name, sid in picked:
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
    return len(picked)


def _place_errors(exc: hiring.CaseError, form: Any, action: str | None) -> list[str]:
    """A form's errors go to its fields; a change to a task in the table is told at the top of the page."""
    if action in ("add_task", "add_role"):
        errors_to(form, exc)
        return []
    return [m for ms in exc.errors.values() for m in ms]


def _change_task(request: AuthenticatedRequest, case: HiringCase, action: str) -> None:
    """Answer a task's plain questions again, change a role's size and hourly cost, or remove a task."""
    task_id = request.POST.get("task", "")
    if action == "role":
        try:
            holders = int(request.POST.get("holders", ""))
            cost = Decimal(request.POST.get("hourly_cost", "").replace(",", ".").replace(" ", ""))
        except (ValueError, InvalidOperation):
            raise hiring.CaseError(
                {
                    "hourly_cost": [
                        pgettext("hiring", "Give the number of people and the euros an hour as numbers.")
                    ]
                }
            ) from None
        hiring.set_role(
            request.user, case, role_id=request.POST.get("role", ""), holders=holders, hourly_cost=cost
        )
        messages.success(request, pgettext("hiring", "The role was saved."))
        return
    if action == "remove":
        hiring.remove_task(request.user, case, task_id)
        return
    answers = {q.id: request.POST.get(f"q_{q.id}", "never") for q in demands().task_questions}
    hiring.set_task_answers(request.user, case, task_id=task_id, answers=answers)
    messages.success(request, pgettext("hiring", "The answers were saved."))


@hirer_only
@require_http_methods(["GET", "POST"])
def tasks(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_of(request, pk)
    language = ui_language()
    action = request.POST.get("action") if request.method == "POST" else None
    names = seeker.skill_names(language)
    role_choices = [(r["id"], r["title_text"]) for r in roles_of(case, language)]
    role_form = RoleForm(request.POST if action == "add_role" else None)
    task_form = TaskForm(request.POST if action == "add_task" else None, roles=role_choices)
    import_form = InventoryImportForm(request.POST if action in ("import", "import_add") else None)
    imported: list[dict[str, Any]] = []
    hours_error: dict[str, str] = {}
    page_errors: list[str] = []
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
        if action in ("suggested", "import_add") and role_choices:
            if _add_picked(request, case, role_choices[0][0], names):
                messages.success(request, pgettext("hiring", "The tasks were added. Check their hours."))
            return redirect("hiring:tasks", pk=case.pk)
        if action == "hours":
            hours_error = _save_hours(request, case)
            if not hours_error:
                messages.success(request, pgettext("hiring", "The hours were saved."))
                return redirect("hiring:tasks", pk=case.pk)
        if action in ("answers", "remove", "role"):
            _change_task(request, case, action)
            return redirect("hiring:tasks", pk=case.pk)
        if action == "import" and import_form.is_valid():
            imported = hiring.tasks_from_text(import_form.cleaned_data["text"], language)
    except hiring.CaseError as exc:
        page_errors = _place_errors(exc, task_form if action == "add_task" else role_form, action)
    if action and (role_form.errors or task_form.errors or import_form.errors or hours_error or page_errors):
        status = 400
    context = {
        "roles": roles_of(case, language),
        "names": names,
        "role_form": role_form,
        "task_form": task_form,
        "import_form": import_form,
        "imported": imported,
        "suggested": hiring.suggestions(case, language),
        "by_role": hiring.role_suggestions(case, language),
        "all_skills": sorted(names.values()),
        "role_choices": role_choices,
        "hours_error": hours_error,
        "page_errors": page_errors,
        "questions": [(q.id, q.text.get(language)) for q in demands().task_questions],
        "how_often": HOW_OFTEN,
    }
    return render_step(request, case, "tasks", "tasks.html", context, status)
