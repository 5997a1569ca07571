"""When to claim the decided supports, claim by claim, and what each claim needs.

The pay subsidy (and the 55+ employment subsidy, paid the same way) is paid in arrears, on a payment claim
(maksatushakemus), for payment periods of one, two or three months that the employer chose in the
application and keeps for the whole support. A claim is due within ``pay_subsidy.claim.deadline_months``
months of the end of the calendar month in which its period ends; a late claim lapses and that period is not
paid. The first claim needs a copy of the employment contract; every claim is checked against the wages the
employer reported to the incomes register, and days without pay, or with Kela's sickness allowance paid to the
employer, are not paid. The subsidy is paid for at most ``pay_subsidy.claim.max_days_per_week`` days a
calendar week. Source: the employer's instructions for the payment claim (ohje.te-palvelut.fi), which cite
valtionavustuslaki 688/2001, 29 §.

Work-arrangement help (a co-worker's hours) is paid monthly in arrears (tem.fi); its claim deadline is not in
our sources, so none is computed. Tools and alterations are applied for within
``work_arrangement.application_window_months`` months of the purchase.

>>> import datetime as dt
>>> claim_deadline(dt.date(2026, 12, 31), 2), claim_deadline(dt.date(2027, 1, 14), 2)
(datetime.date(2027, 2, 28), datetime.date(2027, 3, 31))
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.explain import Law, Message, money
from kohtaanto.rules.months import add_months, days_inside, month_end
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import PaymentCalendarSituation

PAID_IN_ARREARS = ("pay_subsidy", "senior_subsidy")


def claim_deadline(period_end: dt.date, months: int) -> dt.date:
    """The last day to file a claim for a period ending ``period_end``: ``months`` months after the end of
    the calendar month the period ends in (a shorter month ends on its last day)."""
    return month_end(add_months(month_end(period_end).replace(day=1), months))


def _periods(start: dt.date, end: dt.date, length: int, calendar: bool) -> list[tuple[dt.date, dt.date]]:
    """The payment periods from ``start`` to ``end`` (inclusive): ``length`` months each, cut at calendar
    months when ``calendar`` (the first and last may be shorter), else counted from ``start``."""
    out: list[tuple[dt.date, dt.date]] = []
    begin = start
    while begin <= end:
        if calendar:
            stop = month_end(add_months(begin.replace(day=1), length - 1))
        else:
            stop = add_months(start, len(out) * length + length) - dt.timedelta(days=1)
        stop = min(stop, end)
        out.append((begin, stop))
        begin = stop + dt.timedelta(days=1)
    return out


def _amount(monthly: Decimal, begin: dt.date, stop: dt.date) -> Decimal:
    """The support for a period: each month's amount in proportion to the period's days in that month."""
    total = Decimal(0)
    first = begin.replace(day=1)
    while first <= stop:
        days = days_inside(begin, stop, first)
        total += monthly * days / month_end(first).day
        first = add_months(first, 1)
    return money(total)


def evaluate_payment_calendar(s: PaymentCalendarSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    """The claims of the decided supports with their periods, deadlines, estimated amounts and needs."""
    law = Law(parameters, s.start)
    deadline_months = int(law("pay_subsidy.claim.deadline_months"))
    days_per_week = int(law("pay_subsidy.claim.max_days_per_week"))
    claims: list[dict[str, Any]] = []
    notes: list[Message] = []
    for support in s.supports:
        begins = max(support.start or s.start, s.start)
        ends = add_months(support.start or s.start, support.months) - dt.timedelta(days=1)
        if support.kind in PAID_IN_ARREARS:
            periods = _periods(begins, ends, s.period_months, s.calendar_months)
            for index, (begin, stop) in enumerate(periods):
                needs = ["needs.pay_data", "needs.absences"]
                if index == 0:
                    needs.insert(0, "needs.contract")
                claims.append(
                    {
                        "support": support.kind,
                        "from": begin.isoformat(),
                        "to": stop.isoformat(),
                        "file_from": (stop + dt.timedelta(days=1)).isoformat(),
                        "deadline": claim_deadline(stop, deadline_months).isoformat(),
                        "estimate": float(_amount(support.monthly_amount, begin, stop))
                        if support.monthly_amount
                        else None,
                        "needs": needs,
                    }
                )
            notes.append(
                Message(
                    f"note.claims_{support.kind}",
                    {
                        "count": len(periods),
                        "period": s.period_months,
                        "months": deadline_months,
                        "days": days_per_week,
                    },
                )
            )
        elif support.kind == "work_arrangement":
            notes.append(Message("note.claims_work_arrangement", {"months": support.months}))
    claims.sort(key=lambda c: (c["deadline"], c["from"]))
    upcoming = [c for c in claims if c["deadline"] >= on.isoformat()]
    return Answer(
        question="payment_calendar",
        on=on,
        results={
            "claims": claims,
            "next": upcoming[0] if upcoming else None,
            "period_months": s.period_months,
            "deadline_months": deadline_months,
        },
        notes=tuple(notes),
        used=tuple(law.used.values()),
        rules=("pay_subsidy.payment",),
        rules_on=s.start,
    )
