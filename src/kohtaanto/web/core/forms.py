"""What every form page shares: the row version a form was opened with, and the words for a conflict."""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext


def posted_version(request: Any) -> int | None:
    """The row version a form was opened with (its hidden ``version``), or None."""
    from kohtaanto.web.core.concurrency import parse_version

    try:
        return parse_version(request.POST.get("version"))
    except ValueError:
        return None


def changed_elsewhere() -> str:
    """What a person reads when their form was opened before someone else saved the same thing."""
    return pgettext(
        "form",
        "Someone changed this (perhaps you, in another window) after you opened it. Check the values "
        "and save again.",
    )
