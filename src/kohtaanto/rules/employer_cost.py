"""What a hire costs the employer, month by month (24 months by default).

Each month: the wage (the first month in proportion to its days), the holiday bonus when it is paid,
the statutory side costs on both (employer's TyEL, unemployment insurance, health insurance, and average
accident and group-life insurance), the supports as decided (the pay subsidy covers the wage only), and
Kela's sickness allowance paid to the employer after the employer's own sick-pay days.

Holidays (Annual Holidays Act 162/2005, 5 §): a month of the holiday-credit year 1.4.-31.3. counts when
the employment covers at least 14 working days of it; it gives 2 days, or 2.5 when the employment has
lasted a year by 31 March; the year's days are rounded up. A monthly-paid employee keeps the salary during
the holiday, so the holiday itself costs nothing extra; the bonus (typically 50 % of the holiday pay,
collective agreements) is paid in the chosen month for the credit year that ended on 31 March before it.
Days earned but not yet paid at the end are shown as a liability.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.explain import Law, Message, UsedParameter, money
from kohtaanto.rules.months import add_months, days_inside, month_end
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import DecidedSupport, EmployerCostSituation

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def _workdays(start: dt.date, end: dt.date) -> int:
    """Monday-Friday days from ``start`` to ``end``, both included."""
    count, day = 0, start
    while day <= end:
        count += day.weekday() < 5
        day += dt.timedelta(days=1)
    return count


def _mon_sat_days(start: dt.date, days: int) -> list[dt.date]:
    """``days`` days counted Monday to Saturday from ``start``."""
    out: list[dt.date] = []
    day = start
    while len(out) < days:
        if day.weekday() < 6:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def full_month(law: Law, start: dt.date, month: dt.date) -> bool:
    """Whether the employment covers enough working days of ``month`` for a full holiday-credit month."""
    return _workdays(max(start, month), month_end(month)) >= law("holiday.full_month_working_days")


def credit_months(law: Law, start: dt.date, year_end: dt.date) -> int:
    """Full holiday-credit months of the credit year that ends on ``year_end`` (31 March)."""
    first = dt.date(year_end.year - 1, 4, 1)
    return sum(1 for index in range(12) if full_month(law, start, add_months(first, index)))


def holiday_days(law: Law, start: dt.date, year_end: dt.date, months: int | None = None) -> int:
    """Holiday days earned in the credit year ending ``year_end``, rounded up."""
    full = credit_months(law, start, year_end) if months is None else months
    lasted_a_year = add_months(start, 12) <= year_end + dt.timedelta(days=1)
    per_month = law("holiday.days_per_month" if lasted_a_year else "holiday.days_per_month_first_year")
    return math.ceil(full * per_month)


def statutory_side_cost_rate(parameters: ParameterSet, on: dt.date) -> Decimal:
    """The employer's average contributions on pay as a share (0.2008 in 2026), for a cost with no rates of
    its own: pension, unemployment, health, and average accident and group life insurance."""
    law = Law(parameters, on)
    names = (
        "pension_rate_average",
        "unemployment_rate",
        "health_insurance_rate",
        "accident_insurance_rate",
        "group_life_rate",
    )
    return sum((law(f"employer.{name}") for name in names), Decimal(0)) / HUNDRED


def side_cost_rate(law: Law, s: EmployerCostSituation) -> Decimal:
    """The employer's statutory and insurance contributions as a share of pay."""
    pension = s.pension_rate if s.pension_rate is not None else law("employer.pension_rate_average")
    accident = (
        s.accident_insurance_rate
        if s.accident_insurance_rate is not None
        else law("employer.accident_insurance_rate")
    )
    return (
        pension
        + law("employer.unemployment_rate")
        + law("employer.health_insurance_rate")
        + accident
        + law("employer.group_life_rate")
    ) / HUNDRED


def support_month(law: Law, support: DecidedSupport, wage: Decimal, hours_share: Decimal) -> Decimal:
    """One month of a decided support: the amount decided, or a share of the wage up to the cap.

    The 100 % subsidy of associations counts the pay of at most 65 % of full time, times the pay-cost
    multiplier (corrections C1); ``hours_share`` is the job's hours as a share of full time."""
    if support.monthly_amount is not None:
        return support.monthly_amount
    if support.kind == "senior_subsidy":
        rate = support.rate if support.rate is not None else law("senior_subsidy.rate")
        cap = support.monthly_cap if support.monthly_cap is not None else law("senior_subsidy.monthly_cap")
    else:
        rate = support.rate if support.rate is not None else law(f"pay_subsidy.rate.{support.variant}")
        cap = (
            support.monthly_cap
            if support.monthly_cap is not None
            else law(f"pay_subsidy.monthly_cap.{support.variant}")
        )
        if support.variant == "third_sector":
            limit = law("pay_subsidy.third_sector.max_hours_share")
            counted = wage * min(Decimal(1), limit / hours_share) if hours_share > 0 else wage
            return min(counted * law("pay_subsidy.third_sector.pay_cost_multiplier") * rate / HUNDRED, cap)
    return min(wage * rate / HUNDRED, cap)


def sickness_allowance_daily(law: Law, yearly_income: Decimal) -> Decimal:
    """Kela's sickness allowance a day from the year's earned income (kela.fi formula; year unconfirmed)."""
    income = yearly_income * (1 - law("sick_pay.allowance.insurance_deduction") / HUNDRED)
    limit = law("sick_pay.allowance.income_limit")
    daily = (
        law("sick_pay.allowance.rate") / HUNDRED * min(income, limit)
        + law("sick_pay.allowance.rate_above") / HUNDRED * max(income - limit, ZERO)
    ) / law("sick_pay.allowance.income_divisor")
    return money(max(daily, law("sick_pay.allowance.minimum_daily")))


def sick_pay_terms(law: Law, s: EmployerCostSituation) -> tuple[int, Decimal, Decimal]:
    """The employer's own sick-pay days, Kela's daily sickness allowance (on last year's income, else 12
    months of this wage) and a day's pay (the monthly wage / the holiday-pay divisor)."""
    income = s.prior_year_income if s.prior_year_income is not None else s.wage_month * 12
    return (
        int(law("sick_pay.employer_days")),
        sickness_allowance_daily(law, income),
        s.wage_month / law("holiday.pay_divisor"),
    )


@dataclass
class CostMonth:
    first: dt.date
    wage: Decimal = ZERO
    bonus: Decimal = ZERO
    side_costs: Decimal = ZERO
    supports: Decimal = ZERO
    sick_days: int = 0
    sick_pay: Decimal = ZERO
    reimbursement: Decimal = ZERO

    @property
    def gross(self) -> Decimal:
        return self.wage + self.bonus + self.side_costs

    @property
    def net(self) -> Decimal:
        return self.gross - self.supports - self.reimbursement

    def row(self) -> dict[str, Any]:
        return {
            "month": f"{self.first.year:04d}-{self.first.month:02d}",
            "wage": float(self.wage),
            "holiday_bonus": float(self.bonus),
            "side_costs": float(self.side_costs),
            "supports": float(self.supports),
            "sick_days": self.sick_days,
            "sick_pay": float(self.sick_pay),
            "sickness_allowance_to_employer": float(self.reimbursement),
            "gross_cost": float(money(self.gross)),
            "net_cost": float(money(self.net)),
        }


def _sickness(
    s: EmployerCostSituation, laws: dict[dt.date, Law], rows: dict[dt.date, CostMonth], start_law: Law
) -> None:
    own_days, daily, day_pay = sick_pay_terms(start_law, s)
    for spell in s.sick_spells:
        for index, day in enumerate(_mon_sat_days(spell.start, spell.days)):
            row = rows.get(day.replace(day=1))
            if row is None:
                continue
            row.sick_days += 1
            row.sick_pay = money(row.sick_pay + day_pay)
            if index >= own_days:  # Kela pays the allowance to the employer up to the wage paid
                row.reimbursement = money(row.reimbursement + min(daily, day_pay))


ILLNESSES = (1, 6, 24)  # a day, a week and four weeks, counted Monday to Saturday


def illness_costs(law: Law, s: EmployerCostSituation) -> list[dict[str, Any]]:
    """What an illness of a day, a week and four weeks costs the employer: the pay for days not worked
    and its side costs, less Kela's sickness allowance paid to the employer after the first ten days."""
    own_days, daily, day_pay = sick_pay_terms(law, s)
    rate = side_cost_rate(law, s)
    out = []
    for days in ILLNESSES:
        pay = money(day_pay * days)
        refund = money(min(daily, day_pay) * max(days - own_days, 0))
        side = money(pay * rate)
        out.append(
            {
                "days": days,
                "pay": float(pay),
                "side_costs": float(side),
                "sickness_allowance_to_employer": float(refund),
                "net": float(money(pay + side - refund)),
            }
        )
    return out


def _holiday_bonus(
    s: EmployerCostSituation, law: Law, first: dt.date, share: Decimal
) -> tuple[Decimal, int, dt.date]:
    year_end = dt.date(first.year if first.month >= 4 else first.year - 1, 3, 31)  # the last closed year
    if first.month != s.holiday_bonus_month or year_end < s.start:
        return ZERO, 0, year_end
    days = holiday_days(law, s.start, year_end)
    return money(share * days * s.wage_month / law("holiday.pay_divisor")), days, year_end


def evaluate_employer_cost(s: EmployerCostSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    """The employer's cost of a hire month by month, with the supports, sick days and holiday bonus."""
    laws: dict[dt.date, Law] = {}
    first_month = s.start.replace(day=1)
    rows: dict[dt.date, CostMonth] = {}
    notes: list[Message] = [Message("note.cost_holiday_pay")]
    bonuses = []
    hours_share = (s.hours_per_week or s.full_time_hours) / s.full_time_hours
    for index in range(s.months):
        first = add_months(first_month, index)
        law = laws.setdefault(first, Law(parameters, first))
        row = CostMonth(first)
        days = month_end(first).day
        row.wage = money(s.wage_month * days_inside(s.start, month_end(first), first) / days)
        share = (
            s.holiday_bonus_share if s.holiday_bonus_share is not None else law("holiday.bonus_share")
        ) / HUNDRED
        row.bonus, bonus_days, year_end = _holiday_bonus(s, law, first, share)
        if bonus_days:
            bonuses.append(
                {
                    "paid": row.first.isoformat()[:7],
                    "credit_year_end": year_end.isoformat(),
                    "days": bonus_days,
                }
            )
        row.side_costs = money((row.wage + row.bonus) * side_cost_rate(law, s))
        for support in s.supports:
            # N months from the first day of the support run to the day before the same date N months on
            begins = max(support.start or s.start, s.start)
            ends = add_months(support.start or s.start, support.months) - dt.timedelta(days=1)
            covered = days_inside(begins, ends, first)
            if covered > 0:
                full = support_month(law, support, s.wage_month, hours_share)
                row.supports += money(full * covered / days)
        rows[first] = row
    start_law = laws[first_month]
    _sickness(s, laws, rows, start_law)
    months = list(rows.values())
    for support in s.supports:
        last_day = add_months(support.start or s.start, support.months) - dt.timedelta(days=1)
        ends = add_months(last_day.replace(day=1), 1)
        if ends in rows and add_months(ends, -1) in rows:
            before = rows[add_months(ends, -1)]
            notes.append(
                Message(
                    f"note.cost_support_ends_{support.kind}",
                    {"month": ends, "before": money(before.net), "after": money(rows[ends].net)},
                )
            )
            if support.kind == "pay_subsidy":
                notes.append(Message(f"note.cost_extension_{support.variant}"))
    last = months[-1].first
    end_law = laws[last]
    open_year_end = dt.date(last.year + (last.month >= 4), 3, 31)
    earned_months = sum(
        1
        for m in months
        if dt.date(open_year_end.year - 1, 4, 1) <= m.first <= last and full_month(end_law, s.start, m.first)
    )
    liability_days = holiday_days(end_law, s.start, open_year_end, earned_months)
    closed = dt.date(open_year_end.year - 1, 3, 31)  # the credit year before: its bonus may still be due
    due = dt.date(closed.year + (s.holiday_bonus_month < 4), s.holiday_bonus_month, 1)
    if closed >= s.start and due > last:
        liability_days += holiday_days(end_law, s.start, closed)
    day_pay = s.wage_month / end_law("holiday.pay_divisor")
    if any(m.sick_days for m in months):
        own_days, daily, _ = sick_pay_terms(start_law, s)
        notes.append(Message("note.cost_sickness", {"days": own_days, "daily": daily}))
    used: dict[str, UsedParameter] = {}
    for law in laws.values():
        used.update(law.used)
    totals = {
        key: float(money(sum((Decimal(str(r.row()[key])) for r in months), ZERO)))
        for key in (
            "wage",
            "holiday_bonus",
            "side_costs",
            "supports",
            "sickness_allowance_to_employer",
            "gross_cost",
            "net_cost",
        )
    }
    results: dict[str, Any] = {
        "start": s.start.isoformat(),
        "months": [m.row() for m in months],
        "total": totals,
        "side_cost_rate_first_month": float(round(side_cost_rate(start_law, s) * HUNDRED, 2)),
        "illness_costs": illness_costs(start_law, s),
        "holiday_bonuses": bonuses,
        "holiday_days_unpaid_at_end": liability_days,
        "holiday_liability_at_end": float(money(liability_days * day_pay)),
        "holiday_bonus_liability_at_end": float(
            money(
                liability_days
                * day_pay
                * (
                    s.holiday_bonus_share
                    if s.holiday_bonus_share is not None
                    else end_law("holiday.bonus_share")
                )
                / HUNDRED
            )
        ),
    }
    rules = ["employer.side_costs", "employer.holidays", "employer.sick_pay"]
    return Answer(
        question="employer_cost",
        on=on,
        results=results,
        notes=tuple(notes),
        used=tuple(used.values()),
        rules=tuple(rules),
        rules_on=s.start,
    )
