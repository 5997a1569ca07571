"""Nuorten työllistymisseteli (example regional pack): 50 % of pay costs, at most 1 500 € a month and
9 000 € in all, for hiring an unemployed person aged 18-29, granted as de minimis aid."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kohtaanto.rules.answers import Support
from kohtaanto.rules.explain import Condition, Law, Message

P = "packs.youth_voucher_example."


def supports(situation: Any, law: Law) -> list[Support]:
    if not law.has(P + "rate"):
        return []
    extra = situation.pack_inputs
    age = situation.person.age or 0
    low, high = law(P + "min_age"), law(P + "max_age")
    basic = bool(extra.get("only_basic_education", False))
    needed = law(P + ("unemployed_months_basic_education" if basic else "unemployed_months"))
    months_in_7 = int(extra.get("unemployed_months_in_last_7", min(situation.person.unemployment_months, 7)))
    contract = situation.job.contract_months
    min_contract, min_hours = law(P + "min_contract_months"), law(P + "min_hours_per_week")
    conditions = [
        Condition(Message("condition.age_between", {"low": low, "high": high}), low <= age <= high),
        Condition(
            Message("condition.unemployed_in_review", {"months": needed, "review": 7}), months_in_7 >= needed
        ),
        Condition(
            Message("condition.contract_at_least", {"months": min_contract}),
            contract is None or contract >= min_contract,
        ),
        Condition(
            Message("condition.hours_at_least", {"hours": min_hours}),
            situation.job.hours_per_week >= min_hours,
        ),
        Condition(Message("condition.no_tax_debts"), bool(extra.get("no_tax_debts", True))),
        Condition(Message("condition.started_before_decision"), not situation.job.started_before_decision),
    ]
    eligible = all(c.met for c in conditions)
    rate, cap, total_cap = law(P + "rate"), law(P + "monthly_cap"), law(P + "total_max")
    months = int(law(P + "max_months"))
    monthly = min(situation.job.monthly_wage * rate / 100, cap)
    total = min(monthly * months, total_cap)
    return [
        Support(
            id="youth_voucher_example",
            eligible=eligible,
            discretionary=True,
            rate=rate,
            monthly_amount=monthly if eligible else Decimal(0),
            max_months=months if eligible else 0,
            total_max=total if eligible else Decimal(0),
            basis="de_minimis" if eligible else "none",
            pay_cost_base=situation.job.monthly_wage,
            conditions=tuple(conditions),
            notes=(Message("note.regional_pack", {"area": "Keski-Pohjanmaa"}),),
            used=tuple(law.used.values()),
        )
    ]
