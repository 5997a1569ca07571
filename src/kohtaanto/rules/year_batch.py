"""Does the work pay, for many households at once: the rules of :mod:`kohtaanto.rules.income_year` over
numpy columns, for planning and research (a municipality's caseload, a reform's effect).

One row per household; the window is the same for all rows (``start``, ``months``). Columns:

- ``wages``: a (rows, months) matrix of gross wages; a change between months applies from the 1st
- ``kela_benefit``: the person gets Kela's unemployment benefit (labour market support, yleistuki from
  1.5.2026) adjusted by the wage; otherwise no benefit. The earnings-related allowance, gigs, partners'
  incomes and mid-month changes are the per-person engine's (:func:`evaluate_income_year`)
- ``adults`` (1 or 2), ``children_10_17``, ``children_under_10``, ``rent``, ``group`` (1-3, the housing
  allowance group), ``municipal_rate`` (percent), ``age``, ``child_benefit``
- ``work_before``: the wage of the first month was already in the housing allowance decision

The numbers agree with the per-person engine to a few cents (float64 here, decimals there; a test checks).
Parameters are read once per month and per tax year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kohtaanto.rules.explain import Law
from kohtaanto.rules.months import add_months
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.social_assistance import ORDINALS

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Households:
    wages: Floats  # (rows, months)
    kela_benefit: Bools
    adults: Ints
    children_10_17: Ints
    children_under_10: Ints
    rent: Floats
    group: Ints
    municipal_rate: Floats
    age: Ints
    child_benefit: Floats
    work_before: Bools

    def __len__(self) -> int:
        return len(self.rent)


@dataclass(frozen=True)
class YearBatch:
    benefit: Floats  # (rows, months), for each scenario below the same shapes
    tax: Floats
    housing_allowance: Floats
    social_assistance: Floats
    disposable: Floats
    base_disposable: Floats  # without the work

    @property
    def difference(self) -> Floats:
        gain: Floats = self.disposable.sum(axis=1) - self.base_disposable.sum(axis=1)
        return gain


def _p(law: Law, name: str) -> float:
    return float(law(name))


def _cents(values: Floats) -> Floats:
    return np.floor(values * 100 + 0.5) / 100


def tax_year(law: Law, h: Households, wages: Floats, benefits: Floats) -> Floats:
    """Taxes and contributions for a year, per row (the rules of :func:`kohtaanto.rules.tax.income_tax`)."""

    def pct(name: str) -> float:
        return _p(law, name) / 100

    expenses = np.minimum(_p(law, "tax.earned_income_expenses_deduction"), wages)
    net_earned = wages - expenses + benefits
    pension_rate = np.where(
        (h.age >= 53) & (h.age <= 62),
        pct("tax.employee.pension_rate_53_62"),
        pct("tax.employee.pension_rate"),
    )
    pension = wages * pension_rate
    unemployment = wages * pct("tax.employee.unemployment_rate")
    daily = np.where(
        wages >= _p(law, "tax.health.daily_allowance_threshold"),
        wages * pct("tax.health.daily_allowance_rate"),
        0.0,
    )
    base = np.maximum(net_earned - pension - unemployment - daily, 0.0)
    most = _p(law, "tax.basic_deduction.max")
    basic = np.maximum(most - pct("tax.basic_deduction.reduction_rate") * np.maximum(base - most, 0.0), 0.0)
    taxable = base - np.minimum(basic, base)
    state = np.zeros_like(taxable)
    brackets = []
    for index in range(8):
        name = f"tax.state.bracket_{index}"
        if not law.has(f"{name}.lower"):
            break
        brackets.append((_p(law, f"{name}.lower"), pct(f"{name}.rate")))
    for index, (lower, rate) in enumerate(brackets):
        upper = brackets[index + 1][0] if index + 1 < len(brackets) else np.inf
        state += np.clip(np.minimum(taxable, upper) - lower, 0.0, None) * rate
    municipal = taxable * h.municipal_rate / 100
    gross = wages + benefits
    low, high = pct("tax.health.medical_care_rate"), pct("tax.health.medical_care_rate_benefits")
    share = np.divide(benefits, gross, out=np.zeros_like(gross), where=gross > 0)
    medical = taxable * (low + (high - low) * share)
    children = h.children_10_17 + h.children_under_10
    single_parent = (h.adults == 1) & (children > 0)
    maximum = np.where(
        h.age >= 65, _p(law, "tax.work_income_deduction.max_65"), _p(law, "tax.work_income_deduction.max")
    )
    maximum = maximum + _p(law, "tax.work_income_deduction.child_increase") * children * np.where(
        single_parent, 2, 1
    )
    accrued = np.minimum(wages * pct("tax.work_income_deduction.rate"), maximum)
    start = _p(law, "tax.work_income_deduction.phase_out.first_start")
    end = _p(law, "tax.work_income_deduction.phase_out.first_end")
    cut = pct("tax.work_income_deduction.phase_out.first_rate") * np.maximum(
        np.minimum(net_earned, end) - start, 0
    )
    cut += pct("tax.work_income_deduction.phase_out.second_rate") * np.maximum(net_earned - end, 0.0)
    credit = np.maximum(accrued - cut, 0.0)
    state_after = np.maximum(state - credit, 0.0)
    excess = np.maximum(credit - state, 0.0)
    others = municipal + medical
    kept = 1 - np.minimum(np.divide(excess, others, out=np.zeros_like(others), where=others > 0), 1.0)
    municipal, medical = _cents(municipal * kept), _cents(medical * kept)
    yle = np.where(
        h.age >= 18,
        _cents(
            np.minimum(
                _p(law, "tax.yle.max"),
                pct("tax.yle.rate") * np.maximum(net_earned - _p(law, "tax.yle.threshold"), 0),
            )
        ),
        0.0,
    )
    return (
        _cents(state_after)
        + municipal
        + medical
        + _cents(daily)
        + yle
        + _cents(pension)
        + _cents(unemployment)
    )


def _basic_amounts(law: Law, h: Households) -> Floats:
    prefix = "social_assistance.basic_amount"
    adult = np.where(
        h.adults >= 2,
        2 * _p(law, f"{prefix}.cohabiting"),
        np.where(
            h.children_10_17 + h.children_under_10 > 0,
            _p(law, f"{prefix}.single_parent"),
            _p(law, f"{prefix}.single"),
        ),
    )
    total = adult.astype(np.float64)
    most = int((h.children_10_17 + h.children_under_10).max(initial=0))
    for position in range(most):  # children numbered oldest first: the 10-17-year-olds come first
        order = ORDINALS[min(position, 2)]
        older = h.children_10_17 > position
        younger = (~older) & (h.children_10_17 + h.children_under_10 > position)
        total += older * _p(law, f"{prefix}.child_10_17.{order}")
        total += younger * _p(law, f"{prefix}.child_under_10.{order}")
    return total


def _housing(law: Law, h: Households, income: Floats) -> Floats:
    whole = np.floor(income + 0.5)
    exempt = (
        _p(law, "housing_allowance.own_share_base")
        + _p(law, "housing_allowance.own_share_per_adult") * h.adults
        + _p(law, "housing_allowance.own_share_per_child") * (h.children_10_17 + h.children_under_10)
    )
    own = _p(law, "housing_allowance.own_share_coefficient") * (whole - exempt)
    own = np.where(own < _p(law, "housing_allowance.own_share_min"), 0.0, own)
    persons = h.adults + h.children_10_17 + h.children_under_10
    most = np.zeros(len(h))
    for group in (1, 2, 3):
        base = f"housing_allowance.max_cost.group_{group}"
        table = [_p(law, f"{base}.p{n}") for n in (1, 2, 3, 4)]
        value = np.where(
            persons >= 4,
            table[3] + np.maximum(persons - 4, 0) * _p(law, f"{base}.additional"),
            np.take(table, np.clip(persons - 1, 0, 3)),
        )
        most = np.where(h.group == group, value, most)
    amount = np.maximum(
        _p(law, "housing_allowance.support_share") / 100 * (np.minimum(h.rent, most) - own), 0.0
    )
    return _cents(np.where(amount < _p(law, "housing_allowance.min_payment"), 0.0, amount))


def _scenario(
    h: Households,
    *,
    wages: Floats,
    firsts: list[dt.date],
    laws: list[Law],
    parameters: ParameterSet,
    baseline: Floats,
    before: tuple[Floats, Floats],
) -> tuple[Floats, Floats, Floats, Floats, Floats]:
    full = np.array(
        [
            _p(law, "unemployment.basic_daily") * _p(law, "unemployment.adjustment.days_per_month")
            for law in laws
        ]
    )
    share = np.array([_p(law, "unemployment.adjustment.reduction_share") for law in laws])
    benefit = np.where(
        h.kela_benefit[:, None], _cents(np.maximum(full[None, :] - share[None, :] * wages, 0.0)), 0.0
    )
    gross = wages + benefit
    tax = np.zeros_like(gross)
    for year in sorted({f.year for f in firsts}):
        # a tax year partly in the window: the month before it fills the earlier months, the last month
        # the later ones (as the per-person engine does)
        columns = [i for i, f in enumerate(firsts) if f.year == year]
        ahead = firsts[columns[0]].month - 1 if year == firsts[0].year else 0
        behind = 12 - firsts[columns[-1]].month if year == firsts[-1].year else 0
        year_wages = wages[:, columns].sum(axis=1) + ahead * before[0] + behind * wages[:, -1]
        year_benefits = benefit[:, columns].sum(axis=1) + ahead * before[1] + behind * benefit[:, -1]
        total = tax_year(Law(parameters, dt.date(year, 1, 1)), h, year_wages, year_benefits)
        annual = year_wages + year_benefits
        rate = np.divide(total, annual, out=np.zeros_like(annual), where=annual > 0)
        tax[:, columns] = _cents(gross[:, columns] * rate[:, None])
    net = gross - tax
    net_wage = _cents(wages - np.divide(tax * wages, gross, out=np.zeros_like(gross), where=gross > 0))
    allowance = np.zeros_like(gross)
    social = np.zeros_like(gross)
    decision = baseline.copy()
    for m, law in enumerate(laws):
        allowance[:, m] = _housing(law, h, decision)
        steady = gross[:, m]
        review = (steady - decision >= _p(law, "housing_allowance.review_rise")) | (
            decision - steady >= _p(law, "housing_allowance.review_fall")
        )
        decision = np.where(review, steady, decision)
        disregard = (
            np.minimum(
                _p(law, "social_assistance.earned_income_disregard.max"), np.maximum(net_wage[:, m], 0.0)
            )
            if law.has("social_assistance.earned_income_disregard.max")
            else 0.0
        )
        need = _basic_amounts(law, h) + h.rent
        income = _cents(net[:, m]) - disregard + allowance[:, m] + h.child_benefit
        social[:, m] = _cents(np.maximum(need - income, 0.0))
    disposable = _cents(net) + allowance + social + h.child_benefit[:, None] - h.rent[:, None]
    return benefit, tax, allowance, social, disposable


def year_batch(h: Households, start: dt.date, parameters: ParameterSet) -> YearBatch:
    months = h.wages.shape[1]
    firsts = [add_months(start.replace(day=1), i) for i in range(months)]
    laws = [Law(parameters, first) for first in firsts]
    zero = np.zeros_like(h.wages)
    base_benefit = np.where(
        h.kela_benefit,
        _cents(
            np.full(
                len(h),
                _p(laws[0], "unemployment.basic_daily")
                * _p(laws[0], "unemployment.adjustment.days_per_month"),
            )
        ),
        0.0,
    )
    none = np.zeros(len(h))
    *_, base_disposable = _scenario(
        h,
        wages=zero,
        firsts=firsts,
        laws=laws,
        parameters=parameters,
        baseline=base_benefit,
        before=(none, base_benefit),
    )
    first_with = h.wages[:, 0] + np.where(
        h.kela_benefit,
        _cents(
            np.maximum(
                base_benefit - _p(laws[0], "unemployment.adjustment.reduction_share") * h.wages[:, 0], 0
            )
        ),
        0.0,
    )
    baseline = np.where(h.work_before, first_with, base_benefit)
    before_wage = np.where(h.work_before, h.wages[:, 0], 0.0)
    before_benefit = np.where(h.work_before, first_with - h.wages[:, 0], base_benefit)
    benefit, tax, allowance, social, disposable = _scenario(
        h,
        wages=h.wages,
        firsts=firsts,
        laws=laws,
        parameters=parameters,
        baseline=baseline,
        before=(before_wage, before_benefit),
    )
    return YearBatch(benefit, tax, allowance, social, disposable, base_disposable)


def random_households(n: int, months: int = 12, seed: int = 1) -> Households:
    """Synthetic households for benchmarks and tests (no real people): part-time, seasonal and no work."""
    rng = np.random.default_rng(seed)
    kind = rng.integers(0, 3, n)  # 0 steady part-time, 1 a season, 2 no work
    wage = rng.uniform(200, 2600, n).round(2)
    wages = np.zeros((n, months))
    wages[kind == 0] = wage[kind == 0, None]
    begin = rng.integers(0, months, n)
    length = rng.integers(1, 5, n)
    index = np.arange(months)[None, :]
    season = (index >= begin[:, None]) & (index < (begin + length)[:, None])
    wages = np.where((kind == 1)[:, None] & season, wage[:, None], wages)
    adults = rng.choice([1, 1, 1, 2], n)
    return Households(
        wages=wages,
        kela_benefit=rng.random(n) < 0.85,
        adults=adults,
        children_10_17=rng.choice([0, 0, 0, 1, 2], n),
        children_under_10=rng.choice([0, 0, 1, 2], n),
        rent=rng.uniform(350, 1100, n).round(0),
        group=rng.integers(1, 4, n),
        municipal_rate=rng.choice([5.3, 7.1, 7.6, 8.1, 8.6], n),
        age=rng.integers(18, 64, n),
        child_benefit=np.zeros(n),
        work_before=kind == 0,
    )
