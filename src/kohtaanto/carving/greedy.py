"""A greedy carve: the baseline the benchmark compares with, and the warm start of CP-SAT.

Tasks (with the tasks that must go with them) are taken in order of their value per hour after
their own accommodation and training costs, while every hard constraint still holds.
"""

from __future__ import annotations

from collections.abc import Iterable

from kohtaanto.carving.model import Option, TaskCandidate
from kohtaanto.carving.schema import SettingsIn
from kohtaanto.carving.solution import Choice


def groups(option: Option) -> list[list[TaskCandidate]]:
    """Candidates joined by "goes with" links (connected components), in input order."""
    by_task = {c.task: c for c in option.candidates}
    parent = {key: key for key in by_task}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in option.together:
        parent[find(a)] = find(b)
    out: dict[str, list[TaskCandidate]] = {}
    for candidate in option.candidates:
        out.setdefault(find(candidate.task), []).append(candidate)
    return list(out.values())


class _State:
    def __init__(self, option: Option, settings: SettingsIn) -> None:
        self.option = option
        self.settings = settings
        self.units: dict[str, int] = {}
        self.aids: set[str] = set()
        self.training: dict[str, int] = {}
        self.roles: set[str] = set()
        self.locations: set[str] = set()

    @property
    def total(self) -> int:
        return sum(self.units.values())

    def raised(self, attribute: str) -> int:
        acc = self.option.accommodations
        return sum(acc[a].raises_by for a in self.aids if acc[a].attribute == attribute)

    def aids_for(self, group: Iterable[TaskCandidate]) -> set[str] | None:
        """The cheapest extra accommodations (by cost per level) that close the group's gaps."""
        extra: set[str] = set()
        for candidate in group:
            for gap in candidate.gaps:
                have = self.raised(gap.attribute) + sum(
                    self.option.accommodations[a].raises_by
                    for a in extra
                    if self.option.accommodations[a].attribute == gap.attribute
                )
                options = sorted(
                    (a for a in gap.options if a not in self.aids and a not in extra),
                    key=lambda a: (
                        self.option.accommodation_cost[a] / self.option.accommodations[a].raises_by,
                        a,
                    ),
                )
                while have < gap.missing and options:
                    pick = options.pop(0)
                    extra.add(pick)
                    have += self.option.accommodations[pick].raises_by
                if have < gap.missing:
                    return None
        return extra

    def fits(self, group: list[TaskCandidate], amounts: dict[str, int]) -> bool:
        settings = self.settings
        roles = self.roles | {c.role for c in group}
        locations = self.locations | {c.location for c in group if c.location}
        if len(roles) > settings.max_source_roles or len(locations) > settings.max_locations:
            return False
        if self.total + sum(amounts.values()) > min(self.option.max_units, self.option.available_units):
            return False
        keys = {c.task for c in group}
        chosen = set(self.units)
        return not any(
            (a in keys and (b in chosen or b in keys)) or (b in keys and a in chosen)
            for a, b in self.option.conflicts
        )

    def cost_of(self, group: list[TaskCandidate], aids: set[str]) -> int:
        cost = sum(self.option.accommodation_cost[a] for a in aids)
        per_level = int(self.settings.training_cost_per_level)
        for candidate in group:
            for gap in candidate.skill_gaps:
                cost += per_level * max(0, gap.levels - self.training.get(gap.skill, 0))
        if self.roles and not {c.role for c in group} <= self.roles:
            cost += int(self.settings.fragmentation_cost)
        return cost

    def add(self, group: list[TaskCandidate], amounts: dict[str, int], aids: set[str]) -> None:
        self.units.update(amounts)
        self.aids |= aids
        for candidate in group:
            self.roles.add(candidate.role)
            if candidate.location:
                self.locations.add(candidate.location)
            for gap in candidate.skill_gaps:
                self.training[gap.skill] = max(self.training.get(gap.skill, 0), gap.levels)


def _amounts(state: _State, group: list[TaskCandidate]) -> dict[str, int]:
    """Whole tasks; a divisible task is cut to the room left, but never below its minimum chunk."""
    room = min(state.option.max_units, state.option.available_units) - state.total
    fixed = sum(c.units for c in group if not c.divisible)
    out: dict[str, int] = {}
    for candidate in group:
        if candidate.divisible:
            share = max(0, min(candidate.units, candidate.allowed_units, room - fixed))
            if share < candidate.min_units:
                return {}
            out[candidate.task] = share
            fixed += share
        else:
            if candidate.units > candidate.allowed_units:
                return {}
            out[candidate.task] = candidate.units
    return out


def greedy(option: Option, settings: SettingsIn, taken: frozenset[str] = frozenset()) -> Choice | None:
    """A feasible carve for one person, or None when the greedy order cannot reach the minimum hours."""
    state = _State(option, settings)
    pending = [g for g in groups(option) if not any(c.task in taken for c in g)]

    def density(group: list[TaskCandidate]) -> float:
        hours = sum(c.units for c in group)
        gain = sum(c.units * (c.value_per_unit + c.fit_per_unit) for c in group)
        aids = state.aids_for(group)
        if aids is None:
            return float("-inf")
        return (gain - state.cost_of(group, aids)) / max(1, hours)

    while pending:
        pending.sort(key=density, reverse=True)
        added = False
        for group in pending:
            aids = state.aids_for(group)
            amounts = _amounts(state, group)
            if aids is None or not amounts or not state.fits(group, amounts):
                continue
            gain = sum(amounts[c.task] * (c.value_per_unit + c.fit_per_unit) for c in group)
            if gain - state.cost_of(group, aids) <= 0 and state.total >= option.min_units:
                continue
            state.add(group, amounts, aids)
            pending.remove(group)
            added = True
            break
        if not added:
            break
    if state.total < option.min_units or state.total == 0:
        return None
    order = [c.task for c in option.candidates if c.task in state.units]
    return Choice(
        option,
        tuple((t, state.units[t]) for t in order),
        tuple(sorted(state.aids)),
        tuple(sorted(state.training.items())),
    )
