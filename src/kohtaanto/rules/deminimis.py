"""De minimis: aid to a single undertaking adds up over a rolling window of three years,
counted from the day each grant was decided (the legal right), not from payment.

>>> from kohtaanto.rules.situations import DeMinimisGrant
>>> g = DeMinimisGrant(decided_on=dt.date(2023, 1, 2), amount=Decimal(100))
>>> in_window(g.decided_on, dt.date(2026, 1, 1), 3), in_window(g.decided_on, dt.date(2026, 1, 2), 3)
(True, False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from kohtaanto.rules.answers import Answer
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


def de_minimis_total(received: Iterable[DeMinimisGrant], decision_on: dt.date, years: int) -> Decimal:
    return sum((g.amount for g in received if in_window(g.decided_on, decision_on, years)), Decimal(0))


def check_de_minimis(check: DeMinimisCheck, on: dt.date, parameters: ParameterSet) -> Answer:
    law = Law(parameters, on)
    decision_on = check.decision_on or on
    ceiling = law("de_minimis.ceiling")
    years = int(law("de_minimis.window_years"))
    counted = [g for g in check.received if in_window(g.decided_on, decision_on, years)]
    left_out = [g for g in check.received if g not in counted]
    received = sum((g.amount for g in counted), Decimal(0))
    total = received + check.new_amount
    fits = total <= ceiling
    start = _years_before(decision_on, years) + dt.timedelta(days=1)
    notes = [Message("note.de_minimis_window", {"start": start, "end": decision_on})]
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
    )
