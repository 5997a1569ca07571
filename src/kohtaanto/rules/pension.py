"""Question 3, work on a disability pension: how much may be earned, and what happens above it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.explain import Condition, Law, Message, money
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import PensionSituation

ZERO = Decimal(0)


def evaluate_pension(s: PensionSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    law = Law(parameters, on)
    results: dict[str, object] = {}
    conditions: list[Condition] = []
    notes: list[Message] = []
    rules: list[str] = []
    if s.pre_pension_earnings_month is not None:
        floor = law("disability_pension.guarantee_pension_full")
        share = law(f"disability_pension.earnings_limit_share_{s.kind}")
        by_share = s.pre_pension_earnings_month * share
        rules += ["disability_pension.earnings_limit", "guarantee_pension"]
        limit = max(by_share, floor)
        results.update({"earnings_limit": money(limit), "limit_by_share": money(by_share), "floor": floor})
        notes.append(
            Message("note.pension_limit", {"share": share * 100, "floor": floor, "limit": money(limit)})
        )
        notes.append(Message("note.pension_personal_limit"))
        if s.planned_earnings_month is not None:
            within = s.planned_earnings_month <= limit
            results["within_limit"] = within
            conditions.append(
                Condition(Message("condition.earnings_within_limit", {"limit": money(limit)}), within)
            )
            if not within:
                low, high = (
                    int(law("disability_pension.rest_min_months")),
                    int(law("disability_pension.rest_max_months")),
                )
                results["pension_can_rest"] = True
                results["rest_months"] = {"min": low, "max": high}
                fits = s.planned_work_months is None or low <= s.planned_work_months <= high
                notes.append(Message("note.pension_rest", {"min": low, "max": high}))
                if s.planned_work_months is not None:
                    conditions.append(
                        Condition(Message("condition.rest_period_fits", {"min": low, "max": high}), fits)
                    )
    if s.kela is not None:
        full = law("kela_pension.full_couple" if s.kela.couple else "kela_pension.full_single")
        rules.append("kela_pension")
        threshold = law("kela_pension.earnings_pension_threshold")
        cut = law("kela_pension.reduction_share") * max(
            s.kela.earnings_related_pensions_month - threshold, ZERO
        )
        amount = max(full - cut, ZERO)
        minimum = law("kela_pension.minimum_payable")
        paid = amount if amount >= minimum else ZERO
        results["kela_pension"] = money(paid)
        notes.append(Message("note.kela_pension", {"full": full, "threshold": threshold}))
        if amount < minimum:
            notes.append(Message("note.kela_below_minimum", {"minimum": minimum}))
    return Answer(
        question="pension",
        on=on,
        results=results,
        conditions=tuple(conditions),
        notes=tuple(notes),
        used=tuple(law.used.values()),
        rules=tuple(rules),
    )
