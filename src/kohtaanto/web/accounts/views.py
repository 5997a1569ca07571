"""Organisations: the list professionals keep, and the form (an employer sees theirs read-only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from kohtaanto.web.accounts import permissions, services
from kohtaanto.web.accounts.forms import OrganisationForm
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.accounts.models import Municipality, Organisation
from kohtaanto.web.core.errors import PermissionDenied
from kohtaanto.web.core.roles import Role


@login_required
def organisation_list(request: AuthenticatedRequest) -> HttpResponse:
    organisations = permissions.organisations_for(request.user).order_by("name")
    if request.user.role == Role.EMPLOYER:
        return redirect("pages:dashboard")
    if request.user.role not in (Role.PROFESSIONAL, Role.ADMINISTRATOR):
        raise Http404
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "organisations": organisations,
            "can_create": request.user.role in (Role.PROFESSIONAL, Role.ADMINISTRATOR),
        },
    )


def _municipalities_for(user: Any) -> Any:
    qs = Municipality.objects.select_related("area")
    if user.role == Role.PROFESSIONAL:
        return qs.filter(area_id=user.employment_area_id)
    return qs


def _save_form(
    request: AuthenticatedRequest, form: OrganisationForm, organisation: Organisation | None
) -> Organisation | None:
    if not form.is_valid():
        return None
    values = {field: form.cleaned_data[field] for field in OrganisationForm.Meta.fields}
    try:
        if organisation is None:
            return services.create_organisation(request.user, **values)
        return services.update_organisation(request.user, organisation, **values)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    except PermissionDenied:
        form.add_error(
            "municipality", pgettext("validation", "Choose a municipality in your own employment area.")
        )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    if pk is None:
        if user.role not in (Role.PROFESSIONAL, Role.ADMINISTRATOR):
            raise Http404
        organisation = None
    else:
        organisation = get_object_or_404(permissions.organisations_for(user), pk=pk)
        if not permissions.can_change_organisation(user, organisation):
            raise Http404
    municipalities = _municipalities_for(user)
    locked = user.role == Role.EMPLOYER
    if request.method == "POST":
        form = OrganisationForm(
            request.POST, instance=organisation, municipalities=municipalities, identity_locked=locked
        )
        saved = _save_form(request, form, organisation)
        if saved is not None:
            messages.success(request, pgettext("organisation", "Saved."))
            target = reverse(
                "pages:dashboard" if user.role == Role.EMPLOYER else "accounts:organisation_list"
            )
            return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
        # htmx swaps only 2xx responses, so the partial with field errors comes back as 200.
        status = 200 if request.htmx else 400
    else:
        form = OrganisationForm(instance=organisation, municipalities=municipalities, identity_locked=locked)
        status = 200
    template = (
        "accounts/partials/organisation_form.html" if request.htmx else "accounts/organisation_form.html"
    )
    return render(request, template, {"form": form, "organisation": organisation}, status=status)
