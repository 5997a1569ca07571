"""What every hiring page shares: the steps, who may open them, the case, rendering a step."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.roles import Role
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase

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


def case_of(request: AuthenticatedRequest, pk: int) -> HiringCase:
    return get_object_or_404(hiring.cases_for(request.user), pk=pk)


def steps_done(case: HiringCase) -> dict[str, bool]:
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


def render_step(
    request: AuthenticatedRequest,
    case: HiringCase,
    step: str,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    done = steps_done(case)
    context.update(
        {
            "case": case,
            "steps": [(key, label, url, done[key], key == step) for key, label, url in STEPS],
        }
    )
    return render(request, f"hiring/{template}", context, status=status)


def errors_to(form: Any, exc: hiring.CaseError) -> None:
    for field, problems in exc.errors.items():
        form.add_error(field if field in form.fields else None, problems)
