"""General housing allowance (yleinen asumistuki), from 1.4.2024 (Act 938/2014 as amended by HE 74/2023).

``allowance = 70 % * (accepted costs - basic own share)``, where the own share is 50 % of the household's
gross monthly income (whole euros) above 667 + 94 per adult + 296 per child, taken as zero below 10 €;
accepted costs are the housing costs up to the maximum of the municipality group and household size; an
allowance under 15 € is not paid (income-year-fi.md 2.2-2.3). Åland has its own rules and is not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kohtaanto.core.municipalities import find
from kohtaanto.rules.explain import Law, money

ZERO = Decimal(0)
# Municipality groups of the maximum accepted costs, 2025-2026 (income-year-fi.md 2.3, Kela via nettopalkka
# params; UNCONFIRMED strong). Every other mainland municipality is in group III.
GROUP_I = ("Helsinki", "Espoo", "Kauniainen", "Vantaa")
GROUP_II = (
    "Hyvinkää",
    "Hämeenlinna",
    "Joensuu",
    "Jyväskylä",
    "Järvenpää",
    "Kerava",
    "Kirkkonummi",
    "Kuopio",
    "Lahti",
    "Lohja",
    "Nokia",
    "Nurmijärvi",
    "Oulu",
    "Porvoo",
    "Raisio",
    "Riihimäki",
    "Rovaniemi",
    "Seinäjoki",
    "Sipoo",
    "Siuntio",
    "Tampere",
    "Turku",
    "Tuusula",
    "Vihti",
)


def municipality_group(code: str) -> int:
    """1, 2 or 3 for the municipality's maximum housing costs (by code)."""
    place = find(code)
    name = place.fi if place else ""
    if name in GROUP_I:
        return 1
    if name in GROUP_II:
        return 2
    return 3


@dataclass(frozen=True, slots=True)
class HousingAllowance:
    amount: Decimal
    own_share: Decimal
    accepted_costs: Decimal
    max_costs: Decimal
    income: Decimal  # the monthly income the decision rests on, whole euros


def max_costs(law: Law, group: int, persons: int) -> Decimal:
    base = f"housing_allowance.max_cost.group_{group}"
    if persons <= 4:
        return law(f"{base}.p{max(persons, 1)}")
    return law(f"{base}.p4") + (persons - 4) * law(f"{base}.additional")


def housing_allowance(
    law: Law, *, income: Decimal, adults: int, children: int, costs: Decimal, group: int
) -> HousingAllowance:
    """The allowance for one month from the household's gross monthly ``income`` and housing ``costs``."""
    whole = income.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    exempt = (
        law("housing_allowance.own_share_base")
        + law("housing_allowance.own_share_per_adult") * adults
        + law("housing_allowance.own_share_per_child") * children
    )
    own = law("housing_allowance.own_share_coefficient") * (whole - exempt)
    if own < law("housing_allowance.own_share_min"):
        own = ZERO
    most = max_costs(law, group, adults + children)
    accepted = min(costs, most)
    amount = max(law("housing_allowance.support_share") / 100 * (accepted - own), ZERO)
    if amount < law("housing_allowance.min_payment"):
        amount = ZERO
    return HousingAllowance(money(amount), money(own), money(accepted), most, whole)
