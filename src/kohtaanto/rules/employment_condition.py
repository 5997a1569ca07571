"""Does pay-subsidised work accrue the employment condition (työssäoloehto)? (HE 13/2024)

Work started on or after 2.9.2024 with palkkatuki accrues nothing, except for a person with
reduced work ability or a long-term unemployed person aged 60+: the first 10 months count for
nothing and each later month for 75 %.

Wages paid since 2.9.2024 count in euros, whenever the work started: a calendar month in which at least
the threshold (930 EUR) of wages is paid is a whole month, one with 465-929.99 EUR a half month
(supports-fi-corrections C5), and 12 months are needed within 28 months. The thresholds are read on
the question's date (930 and 465 EUR on every date so far).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.explain import Condition, Law, Message
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import EmploymentConditionSituation

REFORM = dt.date(2024, 9, 2)
HALF = Decimal("0.5")  # a half month of the employment condition (puolikas työssäoloehtokuukausi)
REVIEW = "unemployment.employment_condition.review_period_months"
COUNTING = ("reduced_work_ability", "aged_60_long_term_unemployed")


def accrual_note(support_id: str | None, on: dt.date) -> Message | None:
    if support_id is None or on < REFORM or not support_id.startswith("pay_subsidy"):
        return None
    if support_id == "pay_subsidy_reduced_work_ability":
        return Message("note.accrual_partial")
    return Message("note.accrual_none")


def employment_condition(s: EmploymentConditionSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    law = Law(parameters, max(on, REFORM))
    required = law("unemployment.employment_condition.months_required")
    after_reform = s.started_on >= REFORM
    months = Decimal(s.months_worked)
    euros = on >= REFORM  # wages paid from 2.9.2024 count in euros, whenever the work started
    threshold = law("unemployment.employment_condition.full_month_wage") if euros else None
    review = law(REVIEW) if euros else None
    if review is not None:
        months = min(months, review)
    whole = None if threshold is None or s.monthly_wage is None else s.monthly_wage >= threshold
    if s.subsidy_basis == "none" or not after_reform:
        counted, months_needed = months, required
        accrues = True
    elif s.subsidy_basis in COUNTING:
        skipped = law("unemployment.employment_condition.subsidised_months_not_counted")
        share = law("unemployment.employment_condition.subsidised_share_counted")
        counted = max(months - skipped, Decimal(0)) * share
        months_needed = skipped + Decimal(math.ceil(required / share))
        accrues = True
    else:
        counted, months_needed, accrues = Decimal(0), None, False
    met: bool | None = counted >= required
    if on < REFORM:
        # Before 2.9.2024 the condition was counted in calendar weeks of work, which is not modelled here:
        # the answer says so instead of judging by the 12-month rule of later dates.
        met = None
    conditions = (
        [Condition(Message("condition.started_after_reform", {"date": REFORM}), after_reform)]
        if s.subsidy_basis != "none"
        else []
    )
    notes = [_accrual(s, accrues, after_reform)]
    if on < REFORM:
        notes.append(Message("note.employment_condition_weeks", {"date": REFORM}))
    if whole is not None:
        conditions.append(Condition(Message("condition.whole_month_wage", {"amount": threshold}), whole))
    if euros and accrues:
        if whole is None:
            notes.append(Message("note.whole_months_assumed", {"amount": threshold}))
        if not after_reform:
            notes.append(Message("note.months_before_reform", {"date": REFORM}))
    half: bool | None = None
    if whole is False and accrues:
        half_threshold = law("unemployment.employment_condition.half_month_wage")
        half = s.monthly_wage is not None and s.monthly_wage >= half_threshold
        counted = counted * HALF if half else Decimal(0)
        met = counted >= required
        notes.append(
            Message(
                "note.half_months" if half else "note.no_half_months",
                {"amount": threshold, "half": half_threshold},
            )
        )
    return Answer(
        question="employment_condition",
        on=on,
        results={
            "accrues": accrues,
            "months_counted": counted,
            "months_required": required,
            "months_of_work_needed": int(months_needed) if months_needed is not None else None,
            "condition_met": met,
            "full_month_wage": threshold,
            "wage_counts_whole_month": whole,
            "wage_counts_half_month": half,
            "review_period_months": review,
        },
        conditions=tuple(conditions),
        notes=tuple(notes),
        used=tuple(law.used.values()),
        rules=("unemployment.employment_condition",),
    )


def _accrual(s: EmploymentConditionSituation, accrues: bool, after_reform: bool) -> Message:
    if not accrues:
        return Message("note.accrual_none")
    if s.subsidy_basis in COUNTING and after_reform:
        return Message("note.accrual_partial")
    return Message("note.accrual_full")
