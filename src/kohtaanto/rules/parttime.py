"""Question 2, part-time work: how earnings change the unemployment benefit (soviteltu
työttömyysetuus), and what the month looks like with and without the work.

Two versions by the start of the claim period: before 1.4.2024 a protected amount (suojaosa)
of earnings did not reduce the benefit; from 1.4.2024 every euro reduces it by 50 cents.

From 1.5.2026 Kela pays yleistuki (general support) instead of labour market support and the basic
daily allowance (income-year-fi.md 4.6): 37.21 a day, wages adjusted at 50 % as before, and other
income above 311 a month reduces it by 50 %. A period from that day is answered as yleistuki under its
own name, whichever Kela benefit the person names; earlier periods keep the old benefits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.dated import Dated, RulesNotInForce
from kohtaanto.rules.explain import Condition, Law, Message, money
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import PartTimeSituation

ZERO = Decimal(0)
reduction: Dated[Callable[[Law, Decimal, str], Decimal]] = Dated("unemployment.adjustment.reduction")


@reduction.since("2019-01-01")
def reduction_2019_01(law: Law, earnings: Decimal, period: str) -> Decimal:
    protected = law(
        "unemployment.adjustment.protected_amount_month"
        if period == "month"
        else "unemployment.adjustment.protected_amount_4_weeks"
    )
    return max(earnings - protected, ZERO) * law("unemployment.adjustment.reduction_share")


@reduction.since("2024-04-01")
def reduction_2024_04(law: Law, earnings: Decimal, period: str) -> Decimal:
    return earnings * law("unemployment.adjustment.reduction_share")


kela_benefit: Dated[Callable[[str], str]] = Dated("unemployment.kela_benefit")
GENERAL_SUPPORT_FROM = dt.date(2026, 5, 1)


@kela_benefit.since("2019-01-01")
def kela_benefit_2019_01(benefit: str) -> str:
    if benefit == "general_support":
        raise RulesNotInForce(
            "general_support (yleistuki) is paid from 2026-05-01; "
            "before that choose basic or labour_market_support",
            "refused.general_support_from",
            {"date": GENERAL_SUPPORT_FROM},
        )
    return benefit


@kela_benefit.since("2026-05-01")
def kela_benefit_2026_05(benefit: str) -> str:
    """Yleistuki replaces labour market support and Kela's basic daily allowance."""
    return "general_support" if benefit in ("basic", "labour_market_support") else benefit


def daily_wage(law: Law, wage_month: Decimal) -> Decimal:
    deduction = law("unemployment.earnings_related.wage_deduction")
    return wage_month * (1 - deduction / 100) / law("unemployment.adjustment.days_per_month")


def earnings_related_daily(
    law: Law, wage_day: Decimal, shares: tuple[Decimal, Decimal] | None = None
) -> Decimal:
    """Perusosa + 45 % of the daily wage above it (20 % above the break point); at most 90 % of the wage.
    ``shares`` replaces the two percentages (the increased earnings-related part of a service before 2025)."""
    basic = law("unemployment.basic_daily")
    break_day = law("unemployment.earnings_related.break_point_month") / law(
        "unemployment.adjustment.days_per_month"
    )
    low, high = shares or (
        law("unemployment.earnings_related.share_below_break"),
        law("unemployment.earnings_related.share_above_break"),
    )
    part = low * (min(wage_day, break_day) - basic) + high * max(wage_day - break_day, ZERO)
    allowance = basic + max(part, ZERO)
    capped = min(allowance, law("unemployment.earnings_related.max_share_of_daily_wage") * wage_day)
    return max(capped, basic)  # never below the basic daily allowance (corrections C2.1)


def _step_down(law: Law, s: PartTimeSituation, full: Decimal, notes: list[Message]) -> Decimal:
    if not s.step_down_applies or s.benefit != "earnings_related":
        return full
    if not law.has("unemployment.earnings_related.step_down_days_first"):
        notes.append(Message("note.step_down_not_in_force"))
        return full
    basic = law("unemployment.basic_daily")
    share = Decimal(1)
    if s.paid_days_before >= law("unemployment.earnings_related.step_down_days_second"):
        share = law("unemployment.earnings_related.step_down_share_second")
    elif s.paid_days_before >= law("unemployment.earnings_related.step_down_days_first"):
        share = law("unemployment.earnings_related.step_down_share_first")
    if share < 1:
        notes.append(Message("note.step_down", {"days": s.paid_days_before, "share": share * 100}))
    return max(full * share, basic)


def _hundred_percent(adjusted: Decimal, ceiling: Decimal, earnings: Decimal, days: Decimal) -> Decimal:
    """The adjusted allowance and the pay together at most ``ceiling`` (Unemployment Security Act 4:5 §)."""
    if adjusted * days + earnings > ceiling:
        return max(ceiling - earnings, ZERO) / days
    return adjusted


def _full_daily(
    law: Law, s: PartTimeSituation, benefit: str, notes: list[Message]
) -> tuple[Decimal, Decimal | None]:
    """The full daily benefit without work, and the daily wage it rests on when known."""
    wage_day: Decimal | None = None
    basic = law("unemployment.basic_daily")
    if s.benefit == "earnings_related":
        if s.wage_before_month is not None:
            wage_day = daily_wage(law, s.wage_before_month)
            full = earnings_related_daily(law, wage_day)
        else:
            full = s.full_daily_allowance or ZERO
        cap90 = law("unemployment.earnings_related.max_share_of_daily_wage") * wage_day if wage_day else None
        if full < basic or (cap90 is not None and cap90 < basic):  # never below the basic allowance (C2.1)
            full = max(full, basic)
            notes.append(Message("note.earnings_related_floor", {"basic": basic}))
        return full, wage_day
    full = s.full_daily_allowance or basic
    if benefit == "labour_market_support" and s.other_income_month > 0:
        notes.append(Message("note.labour_market_support_means_test"))
    if benefit == "general_support" and s.other_income_month > 0:
        protected = law("unemployment.general_support.other_income_protected_month")
        share = law("unemployment.general_support.other_income_reduction_share")
        over = max(s.other_income_month - protected, ZERO)
        full = max(full - over * share / law("unemployment.adjustment.days_per_month"), ZERO)
        notes.append(
            Message(
                "note.general_support_other_income", {"protected": protected, "income": s.other_income_month}
            )
        )
    return full, wage_day


def evaluate_part_time(s: PartTimeSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    claim_start = s.claim_period_start or on
    law = Law(parameters, claim_start)
    notes: list[Message] = []
    warnings: list[Message] = []
    benefit = kela_benefit.at(claim_start)(s.benefit)
    if benefit == "general_support":
        notes.append(
            Message(
                "note.general_support" if s.benefit == benefit else "note.general_support_replaces",
                {"date": GENERAL_SUPPORT_FROM},
            )
        )
    days = law(
        "unemployment.adjustment.days_per_month"
        if s.period == "month"
        else "unemployment.adjustment.days_per_4_weeks"
    )
    full, wage_day = _full_daily(law, s, benefit, notes)
    full = _step_down(law, s, full, notes)
    max_share = law("unemployment.adjustment.max_hours_share")
    can_adjust = s.hours_share_of_full_time <= max_share
    conditions = [Condition(Message("condition.part_time_share", {"share": max_share * 100}), can_adjust)]
    formula = reduction.at(claim_start)
    cut = formula(law, s.earnings_in_period, s.period) if can_adjust else ZERO
    if formula is reduction_2019_01:
        notes.append(Message("note.protected_amount"))
    else:
        notes.append(Message("note.no_protected_amount"))
    adjusted = max(full - cut / days, ZERO) if can_adjust else ZERO
    if s.benefit == "earnings_related" and can_adjust:
        if wage_day is None:
            basic = law("unemployment.basic_daily")
            wage_day = (full - basic) / law("unemployment.earnings_related.share_below_break") + basic
            warnings.append(Message("warning.wage_implied", {"wage": money(wage_day)}))
        # The 100 % rule's base is the wage after the statutory deduction; whether the law means before or
        # after it is unconfirmed (income-year-fi.md 4.3), so the other reading is computed and shown too.
        ceiling = wage_day * days
        before = adjusted
        adjusted = _hundred_percent(adjusted, ceiling, s.earnings_in_period, days)
        # Never below the adjusted basic allowance, applied after the 100 % rule (corrections C2.2).
        adjusted_basic = max(law("unemployment.basic_daily") - cut / days, ZERO)
        if adjusted < before and adjusted >= adjusted_basic:
            notes.append(Message("note.hundred_percent_rule", {"wage": money(ceiling)}))
        if adjusted < adjusted_basic:
            adjusted = adjusted_basic
            notes.append(Message("note.adjusted_basic_floor", {"daily": money(adjusted_basic)}))
        if s.wage_before_month is not None and adjusted < before:
            gross_ceiling = s.wage_before_month / law("unemployment.adjustment.days_per_month") * days
            other = max(_hundred_percent(before, gross_ceiling, s.earnings_in_period, days), adjusted_basic)
            if other > adjusted:
                warnings.append(
                    Message(
                        "warning.hundred_percent_base",
                        {"other": money(other * days), "wage": money(gross_ceiling)},
                    )
                )
    benefit_period = adjusted * days
    without_work = full * days
    rules = ["unemployment.adjustment"]
    if benefit == "earnings_related":
        rules += ["unemployment.earnings_related", "unemployment.adjustment.minimums"]
    else:
        rules.append(
            {
                "general_support": "unemployment.general_support",
                "labour_market_support": "unemployment.labour_market_support",
            }.get(benefit, "unemployment.basic_daily")
        )
    if any(n.code == "note.step_down" for n in notes):
        rules.append("unemployment.step_down")
    return Answer(
        question="part_time",
        on=on,
        results={
            "benefit": benefit,
            "can_adjust": can_adjust,
            "full_daily_allowance": money(full),
            "adjusted_daily_allowance": money(adjusted),
            "benefit_in_period": money(benefit_period),
            "earnings_in_period": money(s.earnings_in_period),
            "income_with_work": money(benefit_period + s.earnings_in_period),
            "income_without_work": money(without_work),
            "gain_from_work": money(benefit_period + s.earnings_in_period - without_work),
            "reduction_in_period": money(min(cut, full * days)),
            "days_in_period": days,
        },
        conditions=tuple(conditions),
        notes=tuple(notes),
        warnings=tuple(warnings),
        used=tuple(law.used.values()),
        rules=tuple(rules),
        rules_on=claim_start,
        formula_versions={
            "unemployment.adjustment.reduction": reduction.version_at(claim_start),
            "unemployment.kela_benefit": kela_benefit.version_at(claim_start),
        },
    )
