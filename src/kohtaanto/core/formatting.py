"""Numbers, money and dates as a reader of each language expects them.

Finnish and Swedish write a decimal comma and group thousands with a no-break space; English
writes a decimal point and no grouping in running text; dates are ``6.12.2026`` in Finnish and
Swedish and ISO in English.

>>> number(20.0, "fi"), number(2.5, "sv"), number(2.5, "en")
('20', '2,5', '2.5')
>>> amount(Decimal("1234.5"), "fi"), amount(Decimal("1234"), "en")
('1\\xa0234,50', '1,234')
>>> date(dt.date(2026, 12, 6), "sv"), date(dt.date(2026, 12, 6), "en")
('6.12.2026', '2026-12-06')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kohtaanto.core.language import resolve

NBSP = "\u00a0"


def _comma(language: str) -> bool:
    return resolve(language) in ("fi", "sv")


def number(value: Any, language: str) -> str:
    """A plain number without trailing zeros (``20``, ``2,5``)."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text.replace(".", ",") if _comma(language) else text


def amount(value: Decimal, language: str) -> str:
    """An amount of money: two decimals unless whole, thousands grouped."""
    text = f"{value:,.2f}" if value != value.to_integral_value() else f"{value:,.0f}"
    if _comma(language):
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def date(value: dt.date, language: str) -> str:
    return f"{value.day}.{value.month}.{value.year}" if _comma(language) else value.isoformat()


def value(item: Any, language: str) -> str:
    """Any parameter of a sentence: money-like decimals, dates, the rest as they print."""
    if isinstance(item, Decimal):
        return amount(item, language)
    if isinstance(item, dt.date):
        return date(item, language)
    return str(item)


_WEEKDAYS = {
    "fi": ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday(day: str, language: str) -> str:
    """A weekday code (``mon`` … ``sun``) as a word: ``weekday("tue", "sv") == "tisdag"``."""
    return _WEEKDAYS[resolve(language)][_DAY_CODES.index(day)]
