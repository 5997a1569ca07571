"""Income tax on earned income for one person and one tax year, as the law computes it.

The order of computation (income-year-fi.md 1.1; Income Tax Act 1535/1992, Act on the taxation of
income from business activity is not modelled):

1. wages and taxable benefits (unemployment benefits are earned income);
2. net earned income = wages - tulonhankkimisvähennys (at most 750, at most the wage) + benefits;
3. the employee's TyEL, unemployment insurance and päivärahamaksu (on wages only) are deducted in both
   state and municipal taxation;
4. perusvähennys (basic deduction) gives the taxable earned income, the same base for state, municipal
   and church tax and sairaanhoitomaksu (the municipal earned income deduction is gone from 2025);
5. state tax by the scale; municipal tax, church tax and sairaanhoitomaksu at flat rates;
6. työtulovähennys is a credit, first against state tax, the rest against the other three in proportion;
7. Yle tax on net earned income, not reduced by the contributions.

Not modelled: pension income deduction, student-loan, household and commuting deductions, trade-union
fees, capital income. Each tax and contribution is rounded to cents, as a tax decision prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.rules.explain import Law, money

ZERO = Decimal(0)
HUNDRED = Decimal(100)
MAX_BRACKETS = 8


@dataclass(frozen=True, slots=True)
class TaxPerson:
    """What the tax depends on besides income."""

    age: int = 35
    minor_children: int = 0
    single_parent: bool = False
    municipal_rate: Decimal | None = None  # percent; None: the average municipality
    church_rate: Decimal = ZERO  # percent; 0: not a church member


@dataclass(frozen=True, slots=True)
class TaxYear:
    """One year's taxes and contributions, each step as the law names it."""

    wages: Decimal
    benefits: Decimal
    earned_income_expenses: Decimal  # tulonhankkimisvähennys
    net_earned_income: Decimal  # puhdas ansiotulo
    pension_contribution: Decimal  # TyEL, employee
    unemployment_contribution: Decimal  # TVR, employee
    daily_allowance_contribution: Decimal  # päivärahamaksu
    basic_deduction: Decimal  # perusvähennys
    taxable_income: Decimal  # verotettava ansiotulo
    state_tax_before_credit: Decimal
    work_income_deduction: Decimal  # työtulovähennys
    state_tax: Decimal
    municipal_tax: Decimal
    church_tax: Decimal
    medical_care_contribution: Decimal  # sairaanhoitomaksu
    yle_tax: Decimal
    municipal_rate: Decimal
    municipal_rate_is_average: bool

    @property
    def gross(self) -> Decimal:
        return self.wages + self.benefits

    @property
    def taxes(self) -> Decimal:
        """Taxes as vero.fi counts them: everything but TyEL and the unemployment insurance contribution."""
        return (
            self.state_tax
            + self.municipal_tax
            + self.church_tax
            + self.medical_care_contribution
            + self.daily_allowance_contribution
            + self.yle_tax
        )

    @property
    def contributions(self) -> Decimal:
        return self.pension_contribution + self.unemployment_contribution

    @property
    def all_deductions(self) -> Decimal:
        return self.taxes + self.contributions

    @property
    def net(self) -> Decimal:
        return self.gross - self.all_deductions

    @property
    def average_rate(self) -> Decimal:
        """Taxes and contributions as a share of gross income (0 when there is no income)."""
        return self.all_deductions / self.gross if self.gross > 0 else ZERO


def _pct(law: Law, name: str) -> Decimal:
    return law(name) / HUNDRED


def state_tax(law: Law, taxable: Decimal) -> Decimal:
    """The state income tax scale: each bracket's rate on the part of income inside it."""
    brackets: list[tuple[Decimal, Decimal]] = []
    for index in range(MAX_BRACKETS):
        name = f"tax.state.bracket_{index}"
        if not law.has(f"{name}.lower"):
            break
        brackets.append((law(f"{name}.lower"), _pct(law, f"{name}.rate")))
    tax = ZERO
    for index, (lower, rate) in enumerate(brackets):
        upper = brackets[index + 1][0] if index + 1 < len(brackets) else None
        if taxable <= lower:
            break
        top = taxable if upper is None else min(taxable, upper)
        tax += (top - lower) * rate
    return tax


def municipal_rate(law: Law, code: str | None) -> tuple[Decimal, bool]:
    """The municipality's rate (percent) in the tax year, or the average municipality's."""
    name = f"tax.municipal_rate.m{code}"
    if code and law.has(name):
        return law(name), False
    return law("tax.municipal_rate.average"), True


def work_income_deduction(law: Law, *, wages: Decimal, net_earned: Decimal, person: TaxPerson) -> Decimal:
    """Työtulovähennys: 18 % of wages up to the maximum (raised per child), reduced by net earned income."""
    maximum = law("tax.work_income_deduction.max_65" if person.age >= 65 else "tax.work_income_deduction.max")
    increase = law("tax.work_income_deduction.child_increase") * person.minor_children
    maximum += increase * (2 if person.single_parent else 1)
    accrued = min(wages * _pct(law, "tax.work_income_deduction.rate"), maximum)
    start = law("tax.work_income_deduction.phase_out.first_start")
    end = law("tax.work_income_deduction.phase_out.first_end")
    cut = _pct(law, "tax.work_income_deduction.phase_out.first_rate") * max(
        min(net_earned, end) - start, ZERO
    )
    cut += _pct(law, "tax.work_income_deduction.phase_out.second_rate") * max(net_earned - end, ZERO)
    return max(accrued - cut, ZERO)


def income_tax(
    law: Law, *, wages: Decimal, benefits: Decimal, person: TaxPerson, municipality_code: str | None = None
) -> TaxYear:
    """Taxes and contributions for a year of ``wages`` and taxable ``benefits`` (law as of the tax year)."""
    expenses = min(law("tax.earned_income_expenses_deduction"), wages)
    net_earned = wages - expenses + benefits
    pension_name = (
        "tax.employee.pension_rate_53_62" if 53 <= person.age <= 62 else "tax.employee.pension_rate"
    )
    pension = wages * _pct(law, pension_name)
    unemployment = wages * _pct(law, "tax.employee.unemployment_rate")
    daily = (
        wages * _pct(law, "tax.health.daily_allowance_rate")
        if wages >= law("tax.health.daily_allowance_threshold")
        else ZERO
    )
    base = max(net_earned - pension - unemployment - daily, ZERO)
    most = law("tax.basic_deduction.max")
    basic = max(most - _pct(law, "tax.basic_deduction.reduction_rate") * max(base - most, ZERO), ZERO)
    basic = min(basic, base)
    taxable = base - basic
    state_before = state_tax(law, taxable)
    if person.municipal_rate is not None:
        rate, average = person.municipal_rate, False
    else:
        rate, average = municipal_rate(law, municipality_code)
    municipal = taxable * rate / HUNDRED
    church = taxable * person.church_rate / HUNDRED
    gross = wages + benefits
    low = _pct(law, "tax.health.medical_care_rate")
    high = _pct(law, "tax.health.medical_care_rate_benefits")
    # The higher rate on the part that is benefit income, split in proportion (income-year-fi.md 1.4:
    # how Vero splits one taxable income is unconfirmed; a few euros a year in the examples).
    medical = taxable * (low + (high - low) * benefits / gross) if gross > 0 else ZERO
    credit = work_income_deduction(law, wages=wages, net_earned=net_earned, person=person)
    state = max(state_before - credit, ZERO)
    excess = max(credit - state_before, ZERO)
    others = municipal + church + medical
    if excess > 0 and others > 0:
        share = min(excess / others, Decimal(1))
        municipal, church, medical = (municipal * (1 - share), church * (1 - share), medical * (1 - share))
    yle = (
        min(law("tax.yle.max"), _pct(law, "tax.yle.rate") * max(net_earned - law("tax.yle.threshold"), ZERO))
        if person.age >= 18
        else ZERO
    )
    cents = money
    return TaxYear(
        wages=wages,
        benefits=benefits,
        earned_income_expenses=expenses,
        net_earned_income=net_earned,
        pension_contribution=cents(pension),
        unemployment_contribution=cents(unemployment),
        daily_allowance_contribution=cents(daily),
        basic_deduction=basic,
        taxable_income=taxable,
        state_tax_before_credit=state_before,
        work_income_deduction=credit,
        state_tax=cents(state),
        municipal_tax=cents(municipal),
        church_tax=cents(church),
        medical_care_contribution=cents(medical),
        yle_tax=cents(yle),
        municipal_rate=rate,
        municipal_rate_is_average=average,
    )
