"""Palkkatuki for many hires at once: the same rules as :mod:`kohtaanto.rules.hire`, evaluated
over numpy columns, for planning and for what-if changes to the parameters.

Columns (one row per hire):

- ``basis``: 0 disadvantaged (50 %), 1 reduced work ability (70 %), 2 third sector (100 %)
- ``wage``: monthly wage in euros
- ``hours``, ``sector_hours``: weekly hours of the job and the sector's full time
- ``unemployment_months``, ``age``
- ``contract_months``: 0 for a permanent contract
- ``municipality``: the employer is a municipality; ``third_sector``: association, foundation or
  religious community; ``business``: the tasks are business activity

Rows that are not eligible get zeros. Parameters are read once, as of ``on``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kohtaanto.rules.explain import Law
from kohtaanto.rules.hire import may_receive
from kohtaanto.rules.parameters import ParameterSet

Floats = npt.NDArray[np.float32]
Small = npt.NDArray[np.int16]
Bools = npt.NDArray[np.bool_]
KINDS = ("disadvantaged", "reduced_work_ability", "third_sector")


@dataclass(frozen=True)
class Hires:
    """Columns in compact types (float32 euros and hours, int16 months and ages) to keep the passes cheap."""

    basis: npt.NDArray[np.int8]
    wage: Floats
    hours: Floats
    sector_hours: Floats
    unemployment_months: Small
    age: Small
    contract_months: Small
    municipality: Bools
    third_sector: Bools
    business: Bools

    def __len__(self) -> int:
        return len(self.wage)


@dataclass(frozen=True)
class BatchResult:
    eligible: Bools
    monthly: Floats
    months: Small
    total: npt.NDArray[np.float64]


def _by_kind(law: Law, template: str) -> list[float]:
    return [float(law(template.format(kind=kind))) for kind in KINDS]


def _months_table(law: Law) -> npt.NDArray[np.int16]:
    """Months by (basis, long unemployment, aged 60+ long-term unemployed): one lookup per row."""
    short, long = int(law("pay_subsidy.duration.short")), int(law("pay_subsidy.duration.long"))
    aged = int(law("pay_subsidy.duration.aged_60_long_term_unemployed"))
    reduced = int(law("pay_subsidy.duration.reduced_work_ability_first"))
    third = int(law("pay_subsidy.third_sector.max_months"))
    table = np.zeros(12, dtype=np.int16)
    for is_long in (0, 1):
        for is_aged in (0, 1):
            plain = long if is_long else short
            table[0 * 4 + is_long * 2 + is_aged] = max(plain, aged) if is_aged else plain
            table[1 * 4 + is_long * 2 + is_aged] = reduced
            table[2 * 4 + is_long * 2 + is_aged] = third
    return table


def pay_subsidy_batch(hires: Hires, on: dt.date, parameters: ParameterSet) -> BatchResult:
    law = Law(parameters, on)
    may_receive.at(on)
    rates = _by_kind(law, "pay_subsidy.rate.{kind}")
    multiplier = float(law("pay_subsidy.third_sector.pay_cost_multiplier"))
    factor = np.array([rates[0] / 100, rates[1] / 100, rates[2] / 100 * multiplier], dtype=np.float32)
    caps = np.array(_by_kind(law, "pay_subsidy.monthly_cap.{kind}"), dtype=np.float32)
    basis = hires.basis
    third = basis == 2
    monthly = np.minimum(hires.wage * np.take(factor, basis), np.take(caps, basis))  # take: faster than []
    # The 100 % subsidy counts the pay of at most 65 % of full time; a longer job keeps that share (C1).
    # Only those rows are computed again, so the common case pays nothing for the rule.
    share = np.float32(law("pay_subsidy.third_sector.max_hours_share"))
    hours_limit = share * hires.sector_hours
    over = np.flatnonzero(third & (hires.hours > hours_limit))
    monthly[over] = np.minimum(hires.wage[over] * hours_limit[over] / hires.hours[over] * factor[2], caps[2])

    unemployed = hires.unemployment_months
    ltu = int(law("pay_subsidy.long_term_unemployed_months"))
    long = unemployed >= int(law("pay_subsidy.duration.long_unemployment_threshold"))
    aged_ltu = (hires.age >= 60) & (unemployed >= ltu)
    key = basis * np.int8(4) + long.view(np.int8) * np.int8(2) + aged_ltu.view(np.int8)
    months = np.take(_months_table(law), key)
    # min(months, contract) where a contract of 0 means permanent: shifting by one and reading as
    # unsigned turns 0 into 65535, so one minimum does it without a slower np.where.
    limit = hires.contract_months.view(np.uint16) - np.uint16(1)
    months = (np.minimum(months.view(np.uint16) - np.uint16(1), limit) + np.uint16(1)).view(np.int16)

    third_ok = hires.third_sector & ~hires.business
    third_ok &= unemployed >= int(law("pay_subsidy.third_sector.min_unemployment_months"))
    eligible = ~third | third_ok
    if law.has("pay_subsidy.municipal_employer.min_age_long_term_unemployed"):
        min_age = int(law("pay_subsidy.municipal_employer.min_age_long_term_unemployed"))
        municipal_ok = (basis == 1) | ((hires.age >= min_age) & (unemployed >= ltu))
        eligible &= ~hires.municipality | municipal_ok
    monthly *= eligible
    months *= eligible
    return BatchResult(eligible, monthly, months, monthly.astype(np.float64) * months)


def random_hires(n: int, seed: int = 1) -> Hires:
    """Synthetic hires for benchmarks and tests (no real people)."""
    rng = np.random.default_rng(seed)
    legal = rng.integers(0, 3, n)  # 0 company, 1 third sector, 2 municipality
    return Hires(
        basis=rng.integers(0, 3, n).astype(np.int8),
        wage=rng.uniform(900, 4500, n).round(2).astype(np.float32),
        hours=rng.choice(np.array([15.0, 20.0, 24.0, 30.0, 37.5], dtype=np.float32), n),
        sector_hours=np.full(n, 37.5, dtype=np.float32),
        unemployment_months=rng.integers(0, 48, n).astype(np.int16),
        age=rng.integers(18, 66, n).astype(np.int16),
        contract_months=rng.choice(np.array([0, 6, 12, 24], dtype=np.int16), n),
        municipality=legal == 2,
        third_sector=legal == 1,
        business=rng.random(n) < 0.5,
    )
