from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from kohtaanto.web.accounts import services, signals
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.ui import languages_for
from kohtaanto.web.pages import dashboards


class LoginView(auth_views.LoginView):
    template_name = "pages/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.KOHTAANTO_OIDC_ENABLED:
            context["oidc_name"] = settings.KOHTAANTO_OIDC_NAME or "OpenID Connect"
            context["oidc_failed"] = self.request.GET.get("oidc") == "failed"
        return context


@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    builder = dashboards.BUILDERS.get(Role(user.role))
    if builder is None:
        raise Http404
    context = {"role": user.role, "recent_actions": dashboards.recent_actions(user), **builder(user)}
    return render(request, f"pages/dashboard_{user.role}.html", context)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    if language not in {code for code, _name in languages_for(request.user)}:
        return HttpResponseBadRequest(pgettext("language", "Unknown language."))
    if request.user.is_authenticated:
        services.set_language(request.user, language)
    else:  # chosen before signing in, in this browser session: the sign-in saves it to the account
        request.session[signals.CHOSEN_LANGUAGE] = language
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
