"""Does the work pay? A household's months, with and without the work on offer.

For each month (12 by default, up to 24): the wage, the unemployment benefit as adjusted by the wage
(the part-time rules of :mod:`kohtaanto.rules.parttime`, month by month, with yleistuki from 1.5.2026),
tax and contributions, the general housing allowance with Kela's review lag, basic social assistance
counted last, and what is left after rent. Each month uses the law in force on its first day.

Interpretations (each is said to the reader in the answer's notes):
- **Tax** is the year's final tax (:mod:`kohtaanto.rules.tax`) spread over the months at the year's
  average rate, as if the tax card were exact. A tax year only partly in the window is completed with the
  month before the window (the person's situation today, or with the work when it began earlier) and, after
  the window, with its last month.
- **Housing allowance** rests on a decision: the household's income in the window's first month without
  the work (with it, when the work began before the window). A
  later income change is reviewed only when the income rises by 400 € or falls by 200 € a month; the new
  amount applies from the month after the change when the change applies from a month's first day, and
  otherwise from the month after that (income-year-fi.md 2.4). Gig payments are irregular income,
  averaged over 12 months.
- **Social assistance** takes the month's net income and the housing allowance paid that month; rent is
  accepted in full (the municipal rent norm is not known).
- The benefit month is 21.5 days (the average month of the adjustment rules), not a count of weekdays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.explain import Law, Message, UsedParameter, money
from kohtaanto.rules.housing import housing_allowance, municipality_group
from kohtaanto.rules.months import add_months, days_inside, month_end
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.parttime import evaluate_part_time
from kohtaanto.rules.situations import IncomeYearSituation, PartTimeSituation
from kohtaanto.rules.social_assistance import (
    Household,
    basic_amount,
    earned_income_disregard,
    social_assistance,
)
from kohtaanto.rules.tax import TaxPerson, TaxYear, income_tax

ZERO = Decimal(0)
EARNINGS_CEILING = Decimal(100_000)
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


@dataclass
class Month:
    """One month of one scenario; amounts a month, gross unless named net."""

    first: dt.date
    wage: Decimal = ZERO
    gigs: Decimal = ZERO
    hours: Decimal = ZERO
    benefit: Decimal = ZERO
    benefit_before_gigs: Decimal = ZERO  # a gig's one-off cut is not a lasting income change
    benefit_kind: str = "none"
    partner_gross: Decimal = ZERO
    partner_benefit: Decimal = ZERO
    housing_income: Decimal = ZERO
    tax: Decimal = ZERO
    partner_tax: Decimal = ZERO
    housing_allowance: Decimal = ZERO
    housing_income_used: Decimal = ZERO
    disregard: Decimal = ZERO
    social_assistance: Decimal = ZERO
    notes: list[Message] = field(default_factory=list)

    @property
    def earned(self) -> Decimal:
        return self.wage + self.gigs

    @property
    def gross(self) -> Decimal:
        return self.earned + self.benefit

    @property
    def net_income(self) -> Decimal:
        return self.gross - self.tax

    @property
    def net_wage(self) -> Decimal:
        return money(self.earned - self.tax * self.earned / self.gross) if self.gross else ZERO

    @property
    def net_benefit(self) -> Decimal:
        return money(self.net_income) - self.net_wage

    @property
    def partner_net_wage(self) -> Decimal:
        gross = self.partner_gross + self.partner_benefit
        return money(self.partner_gross - self.partner_tax * self.partner_gross / gross) if gross else ZERO

    @property
    def partner_net(self) -> Decimal:
        return self.partner_gross + self.partner_benefit - self.partner_tax


@dataclass
class YearRun:
    months: list[Month]
    tax_years: dict[int, TaxYear]
    reviews: list[tuple[dt.date, dt.date, Decimal, Decimal]]  # change day, new amount from, old, new income


class Recorder:
    """The parameters every month's law read, for one list of sources and warnings."""

    def __init__(self, parameters: ParameterSet) -> None:
        self.parameters = parameters
        self.used: dict[str, UsedParameter] = {}
        self.laws: dict[dt.date, Law] = {}

    def law(self, on: dt.date) -> Law:
        if on not in self.laws:
            self.laws[on] = Law(self.parameters, on)
        return self.laws[on]

    def collect(self) -> tuple[UsedParameter, ...]:
        for law in self.laws.values():
            for name, used in law.used.items():
                old = self.used.get(name)
                if old is None or (old.verified and not used.verified) or used.start > old.start:
                    self.used[name] = used
        return tuple(self.used.values())


def _worked_days(s: IncomeYearSituation, first: dt.date) -> int:
    """Calendar days of the month inside the work's period."""
    work = s.work
    return 0 if work is None else days_inside(work.start, work.end or month_end(first), first)


def _wage_month(s: IncomeYearSituation) -> Decimal:
    work = s.work
    if work is None:
        return ZERO
    if work.wage_month is not None:
        return work.wage_month
    assert work.hourly_wage is not None and work.hours_per_week is not None  # noqa: S101 - validated
    return work.hourly_wage * work.hours_per_week * WEEKS_PER_MONTH


def _hours_share(s: IncomeYearSituation) -> Decimal:
    work = s.work
    if work is None or work.hours_per_week is None:
        return Decimal("0.5")  # unknown hours: taken as part-time work the benefit can be adjusted for
    return work.hours_per_week / work.full_time_hours


def _benefit(
    s: IncomeYearSituation,
    rec: Recorder,
    first: dt.date,
    *,
    earnings: Decimal,
    share: Decimal,
    paid_days: Decimal,
) -> tuple[Decimal, str, Decimal, list[Message]]:
    """The month's unemployment benefit by the part-time rules; also its full daily amount and notes.

    The earnings-related allowance ends at its maximum days; Kela's benefit (labour market support,
    yleistuki from 1.5.2026) follows (income-year-fi.md 4.4)."""
    b = s.benefit
    if b.kind == "none":
        return ZERO, "none", ZERO, []
    kind: str = b.kind
    ended: list[Message] = []
    if kind == "earnings_related" and paid_days >= b.max_days:
        kind = "labour_market_support"
        ended.append(Message("note.year_max_days", {"days": b.max_days}))
    related = kind == "earnings_related"
    situation = PartTimeSituation(
        benefit=kind,
        full_daily_allowance=b.full_daily_allowance if related else None,
        wage_before_month=b.wage_basis_month if related else None,
        earnings_in_period=min(earnings, EARNINGS_CEILING),  # above it nothing is left to adjust
        hours_share_of_full_time=min(share, Decimal(2)),
        step_down_applies=b.step_down_applies,
        paid_days_before=min(int(paid_days), 1000),
        other_income_month=b.other_income_month,
    )
    answer = evaluate_part_time(situation, first, rec.parameters)
    law = rec.law(first)
    for used in answer.used:
        law.used.setdefault(used.name, used)
    r = answer.results
    notes = [n for n in answer.notes if n.code in ("note.step_down", "note.general_support_replaces")]
    return r["benefit_in_period"], r["benefit"], r["full_daily_allowance"], [*ended, *notes]


def _months(s: IncomeYearSituation, rec: Recorder, start: dt.date, with_work: bool) -> list[Month]:
    out: list[Month] = []
    paid_days = Decimal(s.benefit.paid_days_before)
    wage_rate = _wage_month(s)
    share = _hours_share(s)
    law0 = rec.law(start)
    full_time_limit = law0("unemployment.adjustment.max_hours_share")
    gigs = s.gigs if with_work else []
    for index in range(s.months):
        first = add_months(start, index)
        month = Month(first)
        days = month_end(first).day
        worked = _worked_days(s, first) if with_work else 0
        if with_work:
            month.wage = money(wage_rate * worked / days)
            if s.work is not None and s.work.hours_per_week is not None:
                month.hours = s.work.hours_per_week * WEEKS_PER_MONTH * worked / days
        month.gigs = sum(
            (g.amount for g in gigs if (g.date.year, g.date.month) == (first.year, first.month)), ZERO
        )
        full_time = with_work and share > full_time_limit and month.wage > 0
        if full_time:
            # Full-time work: no benefit for the days worked; the other days of the month keep it.
            free = Decimal(days - worked) / days
            amount, kind, daily, notes = _benefit(
                s, rec, first, earnings=month.gigs, share=ZERO, paid_days=paid_days
            )
            month.benefit = money(amount * free)
            month.benefit_before_gigs = month.benefit
            if month.gigs:
                plain, *_ = _benefit(s, rec, first, earnings=ZERO, share=ZERO, paid_days=paid_days)
                month.benefit_before_gigs = money(plain * free)
            month.notes.append(Message("note.year_full_time"))
        else:
            working = share if month.wage > 0 else ZERO
            amount, kind, daily, notes = _benefit(
                s, rec, first, earnings=month.earned, share=working, paid_days=paid_days
            )
            month.benefit = month.benefit_before_gigs = amount
            if month.gigs:
                month.benefit_before_gigs, *_ = _benefit(
                    s, rec, first, earnings=month.wage, share=working, paid_days=paid_days
                )
        month.benefit_kind = kind
        month.notes.extend(notes)
        if daily > 0:
            paid_days += month.benefit / daily  # adjusted days use the maximum in part (income-year-fi 4.4)
        if s.partner is not None:
            month.partner_gross = s.partner.wage_month
            month.partner_benefit = s.partner.benefit_month
        out.append(month)
    return out


def _tax_person(s: IncomeYearSituation, law: Law, age: int) -> TaxPerson:
    church = ZERO
    if s.church_tax_rate is not None:
        church = s.church_tax_rate
    elif s.church_member:
        church = law("tax.church_rate.average")
    return TaxPerson(
        age=age,
        minor_children=len(s.children),
        single_parent=s.adults == 1 and bool(s.children),
        municipal_rate=s.municipal_tax_rate,
        church_rate=church,
    )


def _tax(s: IncomeYearSituation, rec: Recorder, months: list[Month], before: Month) -> dict[int, TaxYear]:
    """Each tax year's final tax, spread over its months at the year's average rate.

    A tax year only partly inside the window is completed: its months before the window are ``before``
    (the person's month before the change) and its months after the window are the window's last month."""
    years: dict[int, TaxYear] = {}
    first, last = months[0], months[-1]
    for year in sorted({m.first.year for m in months}):
        inside = [m for m in months if m.first.year == year]
        ahead = inside[0].first.month - 1 if year == first.first.year else 0
        behind = 12 - inside[-1].first.month if year == last.first.year else 0
        law = rec.law(dt.date(year, 1, 1))
        wages = sum((m.earned for m in inside), ZERO) + ahead * before.earned + behind * last.earned
        benefits = sum((m.benefit for m in inside), ZERO) + ahead * before.benefit + behind * last.benefit
        result = income_tax(
            law,
            wages=wages,
            benefits=benefits,
            person=_tax_person(s, law, s.age),
            municipality_code=s.municipality,
        )
        years[year] = result
        for m in inside:
            m.tax = money(m.gross * result.average_rate)
        if s.partner is not None and (s.partner.wage_month or s.partner.benefit_month):
            partner = income_tax(
                law,
                wages=s.partner.wage_month * 12,
                benefits=s.partner.benefit_month * 12,
                person=_tax_person(s, law, s.partner.age),
                municipality_code=s.municipality,
            )
            for m in inside:
                m.partner_tax = money((m.partner_gross + m.partner_benefit) * partner.average_rate)
    return years


def _change_day(s: IncomeYearSituation, first: dt.date, with_work: bool) -> dt.date:
    """The day of this month from which an income change applies (the start of work, or the day after it)."""
    days = []
    if with_work and s.work is not None:
        days.append(s.work.start)
        if s.work.end is not None:
            days.append(s.work.end + dt.timedelta(days=1))
    days += [g.date for g in s.gigs] if with_work else []
    inside = [d for d in days if (d.year, d.month) == (first.year, first.month)]
    return min(inside) if inside else first


def _housing(
    s: IncomeYearSituation, rec: Recorder, months: list[Month], baseline: Decimal, with_work: bool
) -> list[tuple[dt.date, dt.date, Decimal, Decimal]]:
    """Housing allowance month by month under Kela's review rule; returns the reviews it made."""
    for index, m in enumerate(months):
        # a gig counts as a twelfth of it a month for the twelve months from its payment (keskiarvotulo)
        averaged = sum((p.gigs for p in months[max(0, index - 11) : index + 1]), ZERO) / 12
        m.housing_income = m.wage + m.benefit_before_gigs + m.partner_gross + m.partner_benefit + averaged
    group = municipality_group(s.municipality)
    decision = baseline
    schedule: dict[dt.date, Decimal] = {}
    reviews = []
    for index, m in enumerate(months):
        law = rec.law(m.first)
        day = _change_day(s, m.first, with_work)
        steady = m.housing_income
        if day.day != 1 and index + 1 < len(months):
            steady = months[index + 1].housing_income
        rise, fall = law("housing_allowance.review_rise"), law("housing_allowance.review_fall")
        if steady - decision >= rise or decision - steady >= fall:
            effective = add_months(m.first, 1 if day.day == 1 else 2)
            schedule[effective] = steady
            reviews.append((day, effective, decision, steady))
            decision = steady
    used = baseline
    for m in months:
        used = schedule.get(m.first, used)
        law = rec.law(m.first)
        result = housing_allowance(
            law,
            income=used,
            adults=s.adults,
            children=len(s.children),
            costs=s.rent,
            group=group,
        )
        m.housing_allowance = result.amount
        m.housing_income_used = result.income
    return reviews


def _social_assistance(s: IncomeYearSituation, rec: Recorder, months: list[Month]) -> None:
    household = Household(s.adults, tuple(s.children), s.adult_with_parents)
    for m in months:
        law = rec.law(m.first)
        if not s.social_assistance:
            continue
        m.disregard = earned_income_disregard(law, m.net_wage) + earned_income_disregard(
            law, m.partner_net_wage
        )
        income = (
            money(m.net_income)
            - m.disregard
            + m.housing_allowance
            + m.partner_net
            + s.child_benefit_month
            + s.other_net_income_month
        )
        need = basic_amount(law, household) + s.rent
        m.social_assistance = money(social_assistance(need=need, income=income))


def disposable(s: IncomeYearSituation, m: Month) -> Decimal:
    """What is left after rent: net income, the partner's, the housing allowance and social assistance."""
    return money(
        money(m.net_income)
        + money(m.partner_net)
        + m.housing_allowance
        + m.social_assistance
        + s.child_benefit_month
        + s.other_net_income_month
        - s.rent
    )


def baseline_income(months: list[Month]) -> Decimal:
    """The income the housing allowance decision in force rests on: the first month without the work."""
    m = months[0]
    return m.wage + m.benefit + m.partner_gross + m.partner_benefit


def simulate(
    s: IncomeYearSituation,
    start: dt.date,
    rec: Recorder,
    *,
    with_work: bool,
    baseline: Decimal | None = None,
    before: Month | None = None,
) -> YearRun:
    """One scenario; ``before`` is the month before the window (for the tax year's earlier months)."""
    months = _months(s, rec, start, with_work)
    years = _tax(s, rec, months, before or months[0])
    reviews = _housing(s, rec, months, baseline_income(months) if baseline is None else baseline, with_work)
    _social_assistance(s, rec, months)
    return YearRun(months, years, reviews)


def _row(s: IncomeYearSituation, m: Month) -> dict[str, Any]:
    return {
        "month": f"{m.first.year:04d}-{m.first.month:02d}",
        "wage": float(m.wage),
        "gigs": float(m.gigs),
        "earned": float(m.earned),
        "hours": float(money(m.hours)),
        "benefit": float(m.benefit),
        "benefit_kind": m.benefit_kind,
        "tax": float(m.tax),
        "net_wage": float(m.net_wage),
        "net_benefit": float(m.net_benefit),
        "partner_net": float(money(m.partner_net)),
        "housing_allowance": float(m.housing_allowance),
        "housing_allowance_income": float(m.housing_income_used),
        "social_assistance": float(m.social_assistance),
        "earned_income_disregard": float(m.disregard),
        "rent": float(s.rent),
        "disposable": float(disposable(s, m)),
    }


def _tax_row(year: int, t: TaxYear) -> dict[str, Any]:
    return {
        "year": year,
        "wages": float(money(t.wages)),
        "benefits": float(money(t.benefits)),
        "earned_income_expenses": float(money(t.earned_income_expenses)),
        "net_earned_income": float(money(t.net_earned_income)),
        "pension_contribution": float(t.pension_contribution),
        "unemployment_contribution": float(t.unemployment_contribution),
        "contributions": float(money(t.contributions)),
        "daily_allowance_contribution": float(t.daily_allowance_contribution),
        "basic_deduction": float(money(t.basic_deduction)),
        "taxable_income": float(money(t.taxable_income)),
        "state_tax_before_credit": float(money(t.state_tax_before_credit)),
        "work_income_deduction": float(money(t.work_income_deduction)),
        "state_tax": float(t.state_tax),
        "municipal_tax": float(t.municipal_tax),
        "municipal_rate": float(t.municipal_rate),
        "municipal_rate_is_average": t.municipal_rate_is_average,
        "church_tax": float(t.church_tax),
        "medical_care_contribution": float(t.medical_care_contribution),
        "yle_tax": float(t.yle_tax),
        "taxes": float(money(t.taxes)),
        "taxes_and_contributions": float(money(t.all_deductions)),
        "net": float(money(t.net)),
        "average_rate": float(round(t.average_rate * 100, 2)),
    }


def _total(s: IncomeYearSituation, months: list[Month]) -> dict[str, float]:
    def add(values: Iterator[Decimal]) -> float:
        return float(money(sum(values, ZERO)))

    return {
        "wage": add(m.earned for m in months),
        "benefit": add(m.benefit for m in months),
        "tax": add(m.tax for m in months),
        "housing_allowance": add(m.housing_allowance for m in months),
        "social_assistance": add(m.social_assistance for m in months),
        "disposable": add(disposable(s, m) for m in months),
    }


def _employment_condition(rec: Recorder, months: list[Month]) -> Decimal:
    """Months toward the employment condition: a month of 930 € counts whole, 465 € half (C5)."""
    total = ZERO
    for m in months:
        law = rec.law(m.first)
        if m.earned >= law("unemployment.employment_condition.full_month_wage"):
            total += 1
        elif m.earned >= law("unemployment.employment_condition.half_month_wage"):
            total += Decimal("0.5")
    return total


def _notes(s: IncomeYearSituation, rec: Recorder, work: YearRun, base: YearRun) -> list[Message]:
    notes = [Message("note.year_tax_method")]
    year = next(iter(work.tax_years.values()))
    if s.municipal_tax_rate is None and year.municipal_rate_is_average:
        notes.append(Message("note.year_average_municipality", {"rate": year.municipal_rate}))
    seen: set[str] = set()
    for m in work.months:
        for n in m.notes:
            key = n.code + str(n.params.get("share", ""))
            if key not in seen:
                seen.add(key)
                notes.append(n)
    for day, effective, old, new in work.reviews:
        code = "note.year_review_rise" if new > old else "note.year_review_fall"
        notes.append(Message(code, {"day": day, "from": effective, "old": money(old), "new": money(new)}))
    if not work.reviews and any(m.earned for m in work.months):
        notes.append(Message("note.year_no_review"))
    sa_with = [m for m in work.months if m.social_assistance > 0 and m.earned > 0]
    if sa_with:
        law = rec.law(sa_with[0].first)
        if law.has("social_assistance.earned_income_disregard.max"):
            notes.append(
                Message(
                    "note.year_disregard", {"amount": law("social_assistance.earned_income_disregard.max")}
                )
            )
        else:
            notes.append(Message("note.year_no_disregard"))
    if any(m.first >= dt.date(2026, 3, 1) for m in work.months) and any(
        m.first < dt.date(2026, 3, 1) for m in work.months
    ):
        notes.append(Message("note.year_march_2026"))
    return [*notes, *_input_notes(s)]


def _input_notes(s: IncomeYearSituation) -> list[Message]:
    """What the answer assumed for what was not given."""
    notes = []
    if s.children and s.child_benefit_month == 0:
        notes.append(Message("note.year_child_benefit"))
    if s.work is not None and s.work.hours_per_week is None and s.benefit.kind != "none":
        notes.append(Message("note.year_hours_unknown"))
    notes.append(Message("note.year_rent_norm"))
    if s.gigs:
        notes.append(Message("note.year_gigs"))
    return notes


def _reports(s: IncomeYearSituation, work: YearRun) -> list[Message]:
    """What to report, to whom and when."""
    out = []
    if s.benefit.kind != "none" and any(m.earned for m in work.months):
        who = "fund" if s.benefit.kind == "earnings_related" else "kela"
        out.append(Message(f"report.year_wages_{who}"))
    for day, effective, _old, _new in work.reviews:
        out.append(Message("report.year_housing", {"day": day, "from": effective}))
    if any(m.social_assistance for m in work.months):
        out.append(Message("report.year_social_assistance"))
    return out


def break_even_hours(
    s: IncomeYearSituation,
    start: dt.date,
    parameters: ParameterSet,
    *,
    hourly_wage: Decimal,
    baseline: Decimal,
    before: Month,
    base_total: Decimal,
) -> int | None:
    """The fewest whole weekly hours (1-40) at which the work leaves the household more over the window.

    Found by bisection, which assumes more hours never leave less (true of every rule modelled here
    except a month that turns full-time, where the benefit stops)."""
    if s.work is None:
        return None

    shared = Recorder(parameters)  # one law per month for every trial

    def gain(hours: int) -> Decimal:
        work = s.work.model_copy(  # type: ignore[union-attr]
            update={"hours_per_week": Decimal(hours), "hourly_wage": hourly_wage, "wage_month": None}
        )
        trial = s.model_copy(update={"work": work})
        if work.start < start:  # already working: the decision and the months before include it
            result = simulate(trial, start, shared, with_work=True)
        else:
            result = simulate(trial, start, shared, with_work=True, baseline=baseline, before=before)
        return sum((disposable(trial, m) for m in result.months), ZERO) - base_total

    low, high = 1, 40
    if gain(high) <= 0:
        return None
    while low < high:
        middle = (low + high) // 2
        if gain(middle) > 0:
            high = middle
        else:
            low = middle + 1
    return low


def _variants(s: IncomeYearSituation) -> list[tuple[Message, dict[str, Any]]]:
    """The what-if choices for the work on offer: hours, pay and start."""
    work = s.work
    if work is None:
        return []
    out: list[tuple[Message, dict[str, Any]]] = []
    if work.hourly_wage is not None and work.hours_per_week is not None:
        hours = work.hours_per_week
        if hours > 5:
            out.append((Message("what_if.fewer_hours", {"hours": 5}), {"hours_per_week": hours - 5}))
        if hours + 5 <= 80:
            out.append((Message("what_if.more_hours", {"hours": 5}), {"hours_per_week": hours + 5}))
        out.append(
            (Message("what_if.more_hourly", {"amount": Decimal(1)}), {"hourly_wage": work.hourly_wage + 1})
        )
    elif work.wage_month is not None:
        more = money(work.wage_month / 10)
        out.append(
            (Message("what_if.more_monthly", {"amount": more}), {"wage_month": work.wage_month + more})
        )
    later = add_months(work.start, 1)
    change: dict[str, Any] = {"start": later}
    if work.end is not None:
        change["end"] = max(work.end, later)
    out.append((Message("what_if.later_start", {"date": later}), change))
    return out


def what_if(
    s: IncomeYearSituation,
    start: dt.date,
    parameters: ParameterSet,
    *,
    baseline: Decimal,
    before: Month,
    base_total: Decimal,
) -> list[dict[str, Any]]:
    """The same household with other hours, pay or start, side by side: the wage and the difference."""
    shared = Recorder(parameters)
    rows = []
    for label, change in _variants(s):
        assert s.work is not None  # noqa: S101 - _variants gives nothing without work
        trial = s.model_copy(update={"work": s.work.model_copy(update=change)})
        if trial.work is not None and trial.work.start < start:
            result = simulate(trial, start, shared, with_work=True)
        else:
            result = simulate(trial, start, shared, with_work=True, baseline=baseline, before=before)
        gain = money(sum((disposable(trial, m) for m in result.months), ZERO) - base_total)
        hours = sum((m.hours for m in result.months), ZERO)
        rows.append(
            {
                "choice": label,
                "wage": float(money(sum((m.earned for m in result.months), ZERO))),
                "difference": float(gain),
                "difference_per_hour": float(money(gain / hours)) if hours > 0 else None,
            }
        )
    return rows


def evaluate_income_year(s: IncomeYearSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    """The household's months with and without the work, the difference, and what to report."""
    start = (s.start or on).replace(day=1)
    rec = Recorder(parameters)
    base = simulate(s, start, rec, with_work=False)
    baseline, before = baseline_income(base.months), base.months[0]
    if s.work is not None and s.work.start < start:
        # Work that began before the window is already in the decision in force, and in the months before.
        work = simulate(s, start, rec, with_work=True)
    else:
        work = simulate(s, start, rec, with_work=True, baseline=baseline, before=before)
    with_total, without_total = _total(s, work.months), _total(s, base.months)
    difference = money(Decimal(str(with_total["disposable"])) - Decimal(str(without_total["disposable"])))
    hours = sum((m.hours for m in work.months), ZERO)
    wages = sum((m.earned for m in work.months), ZERO)
    hourly = None
    if s.work is not None:
        hourly = s.work.hourly_wage or (
            s.work.wage_month / (s.work.hours_per_week * WEEKS_PER_MONTH)
            if s.work.wage_month and s.work.hours_per_week
            else None
        )
    results: dict[str, Any] = {
        "start": start.isoformat(),
        "months": s.months,
        "municipality": s.municipality,
        "housing_group": municipality_group(s.municipality),
        "with_work": {
            "months": [_row(s, m) for m in work.months],
            "total": with_total,
            "tax_years": [_tax_row(y, t) for y, t in work.tax_years.items()],
        },
        "without_work": {
            "months": [_row(s, m) for m in base.months],
            "total": without_total,
            "tax_years": [_tax_row(y, t) for y, t in base.tax_years.items()],
        },
        "difference": float(difference),
        "difference_per_hour": float(money(difference / hours)) if hours > 0 else None,
        "hours_worked": float(money(hours)),
        "participation_tax_rate": float(round((1 - difference / wages) * 100, 1)) if wages > 0 else None,
        "employment_condition_months": float(_employment_condition(rec, work.months)),
        "break_even_hours_per_week": None,
    }
    if s.what_if:
        base_total = sum((disposable(s, m) for m in base.months), ZERO)
        results["what_if"] = what_if(
            s, start, parameters, baseline=baseline, before=before, base_total=base_total
        )
    if s.break_even and hourly:
        base_total = sum((disposable(s, m) for m in base.months), ZERO)
        results["break_even_hours_per_week"] = break_even_hours(
            s, start, parameters, hourly_wage=hourly, baseline=baseline, before=before, base_total=base_total
        )
    reports = _reports(s, work)
    results["reports"] = reports
    rules = ["tax.income_tax", "tax.state_scale", "tax.health_insurance", "tax.yle", "housing_allowance"]
    if s.social_assistance:
        rules.append("social_assistance")
    if s.benefit.kind != "none":
        rules.append("unemployment.adjustment")
    return Answer(
        question="income_year",
        on=on,
        results=results,
        notes=tuple(_notes(s, rec, work, base)),
        used=rec.collect(),
        rules=tuple(rules),
        rules_on=start,
    )
