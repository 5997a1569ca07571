"""Basic social assistance (perustoimeentulotuki, Act 1412/1997), Kela's monthly computation.

``support = basic amounts + accepted housing costs - net incomes``, never below zero; the housing
allowance and every other primary benefit count as income, so social assistance is counted last
(income-year-fi.md 3.2). Until February 2026 up to 150 € of each person's earned income a month was left
out (11 § 3 mom.); from March 2026 every net euro of wage reduces the support (3.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.rules.explain import Law

ZERO = Decimal(0)
ORDINALS = ("first", "second", "third")


@dataclass(frozen=True, slots=True)
class Household:
    adults: int = 1  # 1 or 2
    children: tuple[int, ...] = ()  # ages of the children under 18 living in the household
    adult_with_parents: bool = False

    @property
    def single_parent(self) -> bool:
        return self.adults == 1 and bool(self.children)

    @property
    def persons(self) -> int:
        return self.adults + len(self.children)


def basic_amount(law: Law, household: Household) -> Decimal:
    """The household's basic amounts a month. Children are numbered oldest first (an interpretation:
    Kela's order of children was not read in a primary source)."""
    prefix = "social_assistance.basic_amount"
    if household.adults >= 2:
        total = law(f"{prefix}.cohabiting") * household.adults
    elif household.adult_with_parents:
        total = law(f"{prefix}.adult_with_parents")
    elif household.single_parent:
        total = law(f"{prefix}.single_parent")
    else:
        total = law(f"{prefix}.single")
    for index, age in enumerate(sorted(household.children, reverse=True)):
        group = "child_10_17" if age >= 10 else "child_under_10"
        total += law(f"{prefix}.{group}.{ORDINALS[min(index, 2)]}")
    return total


def earned_income_disregard(law: Law, net_wage: Decimal) -> Decimal:
    """What of one person's net wage is left out: 150 € (or all of a smaller wage) until February 2026."""
    if not law.has("social_assistance.earned_income_disregard.max") or net_wage <= 0:
        return ZERO
    return min(law("social_assistance.earned_income_disregard.max"), net_wage)


def social_assistance(*, need: Decimal, income: Decimal) -> Decimal:
    return max(need - income, ZERO)
