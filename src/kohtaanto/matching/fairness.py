"""Fairness report for a matching run: recommendation rates across opt-in groups.

Group data (for example a self-reported age band or mother-tongue group) is held apart from the
profiles, given only with consent, and never reaches the scorer. Here it only counts: for each
group, the share of its eligible people the run recommended, and each rate's ratio to the highest
rate. A ratio under ``FOUR_FIFTHS`` (0.8) flags possible indirect discrimination (the four-fifths
rule of thumb from selection-rate analysis); groups smaller than ``MIN_GROUP`` are reported without a
ratio so small numbers neither mislead nor identify anyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FOUR_FIFTHS = 0.8
MIN_GROUP = 10


@dataclass(frozen=True, slots=True)
class GroupRate:
    group: str
    eligible: int
    recommended: int
    rate: float | None  # None when the group is too small to report
    ratio: float | None  # rate / the highest reported rate
    flagged: bool


def disparity(
    eligible: Iterable[str], recommended: Iterable[str], groups: Mapping[str, str], min_group: int = MIN_GROUP
) -> list[GroupRate]:
    """Rates per group among the ``eligible`` people; people without opt-in group data are left out."""
    chosen = set(recommended)
    counts: dict[str, list[int]] = {}
    for ref in set(eligible):
        group = groups.get(ref)
        if group is None:
            continue
        tally = counts.setdefault(group, [0, 0])
        tally[0] += 1
        tally[1] += ref in chosen
    rates = {g: r / n for g, (n, r) in counts.items() if n >= min_group}
    top = max(rates.values(), default=0.0)
    out = []
    for group in sorted(counts):
        n, r = counts[group]
        rate = rates.get(group)
        ratio = None if rate is None or top == 0 else rate / top
        out.append(
            GroupRate(
                group, n, r if rate is not None else 0, rate, ratio, ratio is not None and ratio < FOUR_FIFTHS
            )
        )
    return out
