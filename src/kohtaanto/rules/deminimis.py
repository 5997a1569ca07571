"""De minimis: aid to a single undertaking adds up over three years, counted from the day each grant
was decided (the legal right), not from payment.

Which three years depends on the regulation in force on the day of the new decision
(supports-fi-corrections C6):

- Regulation 1407/2013 (decisions until 31.12.2023): the current and the two previous **fiscal years**
  of the undertaking, ceiling 200 000 EUR; the fiscal year is an input (calendar year by default).
- Regulation 2023/2831 (decisions from 1.1.2024): a **rolling** three years, ceiling 300 000 EUR.

>>> from kohtaanto.rules.situations import DeMinimisGrant
>>> g = DeMinimisGrant(decided_on=dt.date(2023, 1, 2), amount=Decimal(100))
>>> in_window(g.decided_on, dt.date(2026, 1, 1), 3), in_window(g.decided_on, dt.date(2026, 1, 2), 3)
(True, False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.dated import Dated
from kohtaanto.rules.explain import Condition, Law, Message, money
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import DeMinimisCheck, DeMinimisGrant


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def in_window(decided_on: dt.date, decision_on: dt.date, years: int) -> bool:
    """A grant counts if decided after the same day ``years`` years earlier, and not after ``decision_on``."""
    return _years_before(decision_on, years) < decided_on <= decision_on


Window = tuple[dt.date, dt.date]
window: Dated[Callable[[dt.date, int, int], Window]] = Dated("de_minimis.window")


@window.since("2014-01-01")
def window_2014_01(decision_on: dt.date, years: int, fiscal_year_start_month: int) -> Window:
    """Regulation 1407/2013 art. 3(2): the current fiscal year and the two before it.

    >>> window_2014_01(dt.date(2023, 5, 10), 3, 1)[0], window_2014_01(dt.date(2023, 5, 10), 3, 7)[0]
    (datetime.date(2021, 1, 1), datetime.date(2020, 7, 1))
    """
    start_year = decision_on.year if decision_on.month >= fiscal_year_start_month else decision_on.year - 1
    return dt.date(start_year - (years - 1), fiscal_year_start_month, 1), decision_on


@window.since("2024-01-01")
def window_2024_01(decision_on: dt.date, years: int, fiscal_year_start_month: int) -> Window:
    """Regulation 2023/2831 art. 3(2): any period of three years, rolling back from the decision."""
    return _years_before(decision_on, years) + dt.timedelta(days=1), decision_on


def counts(decided_on: dt.date, span: Window) -> bool:
    return span[0] <= decided_on <= span[1]


def de_minimis_window(decision_on: dt.date, years: int, fiscal_year_start_month: int = 1) -> Window:
    return window.at(decision_on)(decision_on, years, fiscal_year_start_month)


def de_minimis_total(
    received: Iterable[DeMinimisGrant], decision_on: dt.date, years: int, fiscal_year_start_month: int = 1
) -> Decimal:
    span = de_minimis_window(decision_on, years, fiscal_year_start_month)
    return sum((g.amount for g in received if counts(g.decided_on, span)), Decimal(0))


def check_de_minimis(check: DeMinimisCheck, on: dt.date, parameters: ParameterSet) -> Answer:
    decision_on = check.decision_on or on
    law = Law(parameters, decision_on)  # the regulation in force on the day of the new decision
    ceiling = law("de_minimis.ceiling")
    years = int(law("de_minimis.window_years"))
    rule = window.at(decision_on)
    start, _end = span = rule(decision_on, years, check.fiscal_year_start_month)
    counted = [g for g in check.received if counts(g.decided_on, span)]
    left_out = [g for g in check.received if g not in counted]
    received = sum((g.amount for g in counted), Decimal(0))
    total = received + check.new_amount
    fits = total <= ceiling
    notes = [Message("note.de_minimis_window", {"start": start, "end": decision_on})]
    if rule is window_2014_01:
        notes.append(Message("note.de_minimis_fiscal_years", {"ceiling": ceiling}))
    notes += [
        Message("note.de_minimis_not_counted", {"amount": g.amount, "date": g.decided_on}) for g in left_out
    ]
    notes.append(Message("note.de_minimis_single_undertaking"))
    return Answer(
        question="de_minimis",
        on=on,
        results={
            "received_in_window": money(received),
            "total_with_new": money(total),
            "ceiling": ceiling,
            "fits": fits,
            "room_left": money(max(ceiling - received, Decimal(0))),
            "counted_grants": [g.decided_on.isoformat() for g in counted],
            "window_start": start.isoformat(),
            "window_end": decision_on.isoformat(),
        },
        conditions=(
            Condition(
                Message("condition.de_minimis_within_ceiling", {"ceiling": ceiling, "years": years}), fits
            ),
        ),
        notes=tuple(notes),
        warnings=()
        if fits
        else (
            Message(
                "warning.de_minimis_exceeded",
                {"received": money(received), "new": check.new_amount, "ceiling": ceiling, "years": years},
            ),
        ),
        used=tuple(law.used.values()),
        formula_versions={"de_minimis.window": window.version_at(decision_on)},
        rules=("de_minimis",),
        rules_on=decision_on,
    )
