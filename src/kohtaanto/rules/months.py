"""Calendar months: adding them to a day, and counting them in a run of days.

>>> add_months(dt.date(2027, 1, 31), 1), add_months(dt.date(2027, 11, 15), 3)
(datetime.date(2027, 2, 28), datetime.date(2028, 2, 15))
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has no such day.

    This is how a time limit of months runs (Act 150/1930 on computing statutory time limits, 3 §):
    31.7. + 3 months = 31.10.; 31.1. + 3 months = 30.4. (never clamped to the 28th).
    """
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month.

    >>> month_end(dt.date(2028, 2, 10))
    datetime.date(2028, 2, 29)
    """
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def days_inside(start: dt.date, end: dt.date, month: dt.date) -> int:
    """Days of the period ``start``-``end`` (both included) that fall in ``month``'s calendar month.

    >>> days_inside(dt.date(2025, 1, 15), dt.date(2025, 11, 14), dt.date(2025, 11, 1))
    14
    """
    first = month.replace(day=1)
    return max((min(end, month_end(first)) - max(start, first)).days + 1, 0)


def calendar_months(start: dt.date, days: int) -> Decimal:
    """Calendar months in ``days`` days from ``start``: 1.10. + 92 days (to 31.12.) is exactly 3.

    >>> calendar_months(dt.date(2025, 10, 1), 92), calendar_months(dt.date(2025, 3, 1), 184)
    (Decimal('3'), Decimal('6'))
    """
    end = start + dt.timedelta(days=days)  # the day after the last day
    whole = 0
    while add_months(start, whole + 1) <= end:
        whole += 1
    base, following = add_months(start, whole), add_months(start, whole + 1)
    return Decimal(whole) + Decimal((end - base).days) / Decimal((following - base).days)
