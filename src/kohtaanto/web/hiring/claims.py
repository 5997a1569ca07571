"""The payment calendar of a hire: when to claim each decided support, from the ``payment_calendar`` rules
question, for the start-and-follow-up page and the reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.risk_card import start_of

NEEDS = ("needs.contract", "needs.pay_data", "needs.absences")


def calendar(case: HiringCase, *, language: str, today: dt.date) -> dict[str, Any] | None:
    """The claims of the hire's decided supports, or None when no decided support is claimed in arrears."""
    from kohtaanto.rules import InputError, RulesNotInForce
    from kohtaanto.web.core.rules import engine
    from kohtaanto.web.supports.services import decided_supports

    if case.decision != "hired" or not case.chosen:
        return None
    supports = [
        s
        for s in decided_supports(case.chosen.get("supports", []))
        if s["kind"] in ("pay_subsidy", "senior_subsidy")
    ]
    if not supports:
        return None
    start = start_of(case, today)
    situation = {"start": start.isoformat(), "supports": supports, "period_months": case.claim_period_months}
    try:
        return engine().ask("payment_calendar", situation, today).as_dict(language)
    except (InputError, RulesNotInForce):
        return None
