"""The template context every page gets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kohtaanto import __version__
from kohtaanto.core.language import JOURNEY_LANGUAGES
from kohtaanto.web.audit import selectors as audit_selectors
from kohtaanto.web.core.ui import languages_for


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "kohtaanto_version": __version__,
        "languages": languages_for(user),
        "journey_languages": JOURNEY_LANGUAGES,
        "current_language": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "can_view_audit": audit_selectors.can_view_trail(user),
        "can_view_organisations": bool(
            user and getattr(user, "role", None) in ("professional", "administrator")
        ),
        "is_production": settings.CONFIG.production,
    }
