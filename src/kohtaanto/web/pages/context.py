"""The template context every page gets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kohtaanto import __version__
from kohtaanto.web.audit import selectors as audit_selectors


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "kohtaanto_version": __version__,
        "languages": settings.LANGUAGES,
        "current_language": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "can_view_audit": audit_selectors.can_view_trail(user),
        "can_view_organisations": bool(
            user and getattr(user, "role", None) in ("professional", "administrator")
        ),
        "is_production": settings.CONFIG.production,
    }
