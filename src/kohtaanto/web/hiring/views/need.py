"""The case list and step 1, the need."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.errors import Conflict
from kohtaanto.web.core.forms import changed_elsewhere, posted_version
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.forms import (
    CaseForm,
    HiringNeedForm,
)
from kohtaanto.web.hiring.views.common import case_of, errors_to, hirer_only, render_step


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
    case = case_of(request, pk)
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
            errors_to(form, exc)
        except Conflict:
            form.add_error(None, changed_elsewhere())
            case.refresh_from_db()
        else:
            messages.success(
                request, pgettext("hiring", "Saved. Next, list the tasks of the overloaded roles.")
            )
            return redirect("hiring:tasks", pk=case.pk)
    status = 409 if form.non_field_errors() else 400 if form.errors else 200
    return render_step(request, case, "need", "need.html", {"form": form}, status)
