from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Min
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from kohtaanto.web.accounts import permissions, services
from kohtaanto.web.accounts.models import Language, Municipality, Organisation, Role
from kohtaanto.web.audit import services as audit
from kohtaanto.web.pages import dashboards
from kohtaanto.web.pages.forms import AuditFilterForm, OrganisationForm


class LoginView(auth_views.LoginView):
    template_name = "kohtaanto/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.KOHTAANTO_OIDC_ENABLED:
            context["oidc_name"] = settings.KOHTAANTO_OIDC_NAME or "OpenID Connect"
            context["oidc_failed"] = self.request.GET.get("oidc") == "failed"
        return context


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. It does not touch the database (see ``readyz``)."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers a query, and the job queue's table can be read (for a signed-in
    administrator also how many jobs wait and how long the oldest has waited). 503 when either fails."""
    checks: dict[str, Any] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        checks["database"] = "unavailable"
    if checks["database"] == "ok":
        try:
            from django_q.models import OrmQ

            waiting = OrmQ.objects.aggregate(n=Count("id"), oldest=Min("lock"))
            oldest = waiting["oldest"]
            checks["queue"] = {
                "status": "ok",
                "waiting": waiting["n"],
                "oldest_wait_seconds": max(0, int((timezone.now() - oldest).total_seconds()))
                if oldest
                else 0,
            }
        except Exception:  # noqa: BLE001
            checks["queue"] = {"status": "unavailable"}
    else:
        checks["queue"] = {"status": "unknown"}
    ready = checks["database"] == "ok" and checks["queue"]["status"] == "ok"
    if getattr(request.user, "role", None) != Role.ADMINISTRATOR:  # how busy the queue is: operators only
        checks["queue"] = {"status": checks["queue"]["status"]}
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )
    if not ready:
        response["Retry-After"] = "5"
    return response


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    builder = dashboards.BUILDERS.get(user.role)  # type: ignore[union-attr]
    if builder is None:
        raise Http404
    context = {"role": user.role, "recent_actions": dashboards.recent_actions(user), **builder(user)}  # type: ignore[arg-type]
    return render(request, f"kohtaanto/dashboard_{user.role}.html", context)  # type: ignore[union-attr]


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    if language not in Language.values:
        return HttpResponseBadRequest(pgettext("language", "Unknown language."))
    if request.user.is_authenticated:
        services.set_language(request.user, language)  # type: ignore[arg-type]
    response = redirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = permissions.organisations_for(request.user).order_by("name")
    if request.user.role == Role.EMPLOYER:  # type: ignore[union-attr]
        return redirect("pages:dashboard")
    if request.user.role not in (Role.PROFESSIONAL, Role.ADMINISTRATOR):  # type: ignore[union-attr]
        raise Http404
    return render(
        request,
        "kohtaanto/organisation_list.html",
        {
            "organisations": organisations,
            "can_create": request.user.role in (Role.PROFESSIONAL, Role.ADMINISTRATOR),  # type: ignore[union-attr]
        },
    )


def _municipalities_for(user: Any) -> Any:
    qs = Municipality.objects.select_related("area")
    if user.role == Role.PROFESSIONAL:
        return qs.filter(area_id=user.employment_area_id)
    return qs


def _save_form(
    request: HttpRequest, form: OrganisationForm, organisation: Organisation | None
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
    except permissions.PermissionDenied:
        form.add_error(
            "municipality", pgettext("validation", "Choose a municipality in your own employment area.")
        )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    if pk is None:
        if user.role not in (Role.PROFESSIONAL, Role.ADMINISTRATOR):  # type: ignore[union-attr]
            raise Http404
        organisation = None
    else:
        organisation = get_object_or_404(permissions.organisations_for(user), pk=pk)
        if not permissions.can_change_organisation(user, organisation):
            raise Http404
    municipalities = _municipalities_for(user)
    locked = user.role == Role.EMPLOYER  # type: ignore[union-attr]
    if request.method == "POST":
        form = OrganisationForm(
            request.POST, instance=organisation, municipalities=municipalities, identity_locked=locked
        )
        saved = _save_form(request, form, organisation)
        if saved is not None:
            messages.success(request, pgettext("organisation", "Saved."))
            target = reverse("pages:dashboard" if user.role == Role.EMPLOYER else "pages:organisation_list")  # type: ignore[union-attr]
            return HttpResponseClientRedirect(target) if request.htmx else redirect(target)  # type: ignore[attr-defined]
        # htmx swaps only 2xx responses, so the partial with field errors comes back as 200.
        status = 200 if request.htmx else 400  # type: ignore[attr-defined]
    else:
        form = OrganisationForm(instance=organisation, municipalities=municipalities, identity_locked=locked)
        status = 200
    template = (
        "kohtaanto/partials/organisation_form.html" if request.htmx else "kohtaanto/organisation_form.html"
    )  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "organisation": organisation}, status=status)


@login_required
@require_GET
def audit_trail(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_audit_trail(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    events = permissions.audit_events_for(request.user).order_by("-sequence")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["actor"]:
            events = events.filter(actor_username__iexact=data["actor"])
        if data["object_type"]:
            events = events.filter(object_type=data["object_type"])
        tz = timezone.get_current_timezone()
        if data["since"]:
            events = events.filter(timestamp__gte=dt.datetime.combine(data["since"], dt.time(), tz))
        if data["until"]:
            events = events.filter(
                timestamp__lt=dt.datetime.combine(data["until"] + dt.timedelta(days=1), dt.time(), tz)
            )
    elif form.is_bound:
        events = events.none()
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = "kohtaanto/partials/audit_results.html" if request.htmx else "kohtaanto/audit.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
@require_POST
def audit_verify(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_audit_trail(request.user):
        raise Http404
    result = audit.verify()
    template = (
        "kohtaanto/partials/audit_verification.html" if request.htmx else "kohtaanto/audit_verification.html"
    )  # type: ignore[attr-defined]
    return render(request, template, {"result": result})
