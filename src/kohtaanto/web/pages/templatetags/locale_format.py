"""Numbers, money and hours in templates as the page's language writes them (``core.formatting``).

Loaded as a template builtin, so every template can write ``{{ p.hours_per_week|num }} h`` and
``{{ p.net_monthly_cost|money }} €`` without a ``{% load %}``: no "20.0", no "8400,00" beside
"1 414,61".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.translation import get_language

from kohtaanto.core import formatting
from kohtaanto.core.language import resolve

register = template.Library()


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def num(value: Any) -> str:
    """A plain number without trailing zeros: ``10.0`` → ``10``, ``2.5`` → ``2,5`` in Finnish."""
    number = _decimal(value)
    return (
        ""
        if value in (None, "")
        else (formatting.number(number, get_language() or "fi") if number is not None else str(value))
    )


@register.filter
def money(value: Any) -> str:
    """Euros: two decimals unless whole, thousands grouped (``1 267,06``)."""
    number = _decimal(value)
    return (
        ""
        if value in (None, "")
        else (formatting.amount(number, get_language() or "fi") if number is not None else str(value))
    )


@register.filter
def day(value: Any) -> str:
    """A date (or an ISO date string) in the page's language (``7.12.2026``)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return formatting.date(value, get_language() or "fi") if hasattr(value, "year") else str(value or "")


@register.filter
def action_text(code: str) -> str:
    """An audit action code as the reader says it (``session.signed_in`` → "Kirjautui sisään")."""
    from kohtaanto.web.audit.labels import action_text as label

    return label(code)


@register.filter
def role_label(code: str) -> str:
    """A role code (``job_seeker``) as the reader says it ("Työnhakija"); an unknown code reads as a dash."""
    from kohtaanto.web.core.roles import Role

    try:
        return str(Role(code).label)
    except ValueError:
        return "–"


@register.filter
def month_label(value: str) -> str:
    """A month ``2026-03`` as the reader writes it: ``3/2026`` in Finnish and Swedish, else ``2026-03``."""
    try:
        year, month = str(value).split("-")[:2]
        return f"{int(month)}/{year}" if resolve(get_language()) in ("fi", "sv") else f"{year}-{month}"
    except ValueError:
        return str(value)


@register.filter
def in_its_language(value: Any) -> str:
    """Words someone else wrote (an employer's job title) marked with their own language when it is not the
    page's, so a screen reader reads a Finnish title on an Arabic page in Finnish."""
    from django.utils.html import format_html

    text = str(value or "")
    if not text:
        return ""
    language = language_of(text)
    if language == (get_language() or "fi"):
        return text
    return format_html('<span lang="{}" dir="ltr">{}</span>', language, text)


@register.filter
def language_of(value: Any) -> str:
    """The language someone wrote ``value`` in (fi, sv or en; Finnish when unsure), for ``lang``."""
    from kohtaanto.skills.text import detect_language

    return detect_language(str(value or ""), default="fi")
