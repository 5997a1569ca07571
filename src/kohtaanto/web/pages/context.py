from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from kohtaanto import __version__
from kohtaanto.web.accounts import permissions


def ui_language() -> str:
    """The active interface language as fi, sv or en (Finnish when it is anything else)."""
    language = (get_language() or "fi")[:2]
    return language if language in ("fi", "sv", "en") else "fi"


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
