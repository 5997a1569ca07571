"""What every page's view needs from the interface language."""

from __future__ import annotations

from django.utils.translation import get_language

from kohtaanto.core.language import LANGUAGES, Language, ReaderLanguage, reader, resolve


def ui_language() -> Language:
    """The active interface language as fi, sv or en (Finnish when it is anything else)."""
    return resolve(get_language())


def reader_language() -> ReaderLanguage:
    """The active interface language as a reader reads it: a job seeker's journey language too (ar, uk …).
    Texts a person reads come in it; numbers, dates and records stay in ``ui_language``."""
    return reader(get_language())


def languages_for(user: object) -> list[tuple[str, str]]:
    """The interface languages ``user`` may choose: the journey languages are offered to job seekers and
    before signing in, the rest of the service speaks fi, sv and en."""
    from django.conf import settings

    if getattr(user, "is_authenticated", False) and getattr(user, "role", None) != "job_seeker":
        return [(code, name) for code, name in settings.LANGUAGES if code in LANGUAGES]
    return list(settings.LANGUAGES)
