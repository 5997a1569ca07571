"""What every page's view needs from the interface language."""

from __future__ import annotations

from django.utils.translation import get_language

from kohtaanto.core.language import Language, resolve


def ui_language() -> Language:
    """The active interface language as fi, sv or en (Finnish when it is anything else)."""
    return resolve(get_language())
