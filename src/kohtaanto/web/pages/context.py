from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language

from kohtaanto import __version__
from kohtaanto.core.language import resolve
from kohtaanto.web.accounts import permissions


def ui_language() -> str:
    """The active interface language as fi, sv or en (Finnish when it is anything else)."""
    return resolve(get_language())


def practitioner_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pages for professionals and administrators; anyone else gets a plain 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.is_practitioner(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "kohtaanto_version": __version__,
        "languages": settings.LANGUAGES,
        "current_language": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "can_view_audit": permissions.can_view_audit_trail(user),
        "can_view_organisations": bool(
            user and getattr(user, "role", None) in ("professional", "administrator")
        ),
        "is_production": settings.CONFIG.production,
    }
