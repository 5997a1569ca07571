"""A solved carve: which tasks, how many quarter hours, which accommodations and training, and its value.

The objective is the same function for the greedy heuristic, the CP-SAT model and the checker
(documented in docs/decisions/0004-job-carving.md), in euros a month:

    freed value  = sum over tasks of quarter hours x (role's hourly cost x 4.33 / 4) x (1 + bonus if
                   the task was below the holder's level)
    + fit        = sum over tasks of quarter hours x fit weight / 4 x share of the task's skills the
                   person already has
    - accommodations (monthly cost + one-off cost / amortisation months, each bought once)
    - training   (cost per level x the largest gap per skill)
    - fragmentation (cost per source role beyond the first)
"""

from __future__ import annotations

from dataclasses import dataclass

from kohtaanto.carving.model import Option
from kohtaanto.carving.schema import SettingsIn


@dataclass(frozen=True)
class Choice:
    option: Option
    units: tuple[tuple[str, int], ...]  # (task id, quarter hours), in task order
    accommodations: tuple[str, ...]
    training: tuple[tuple[str, int], ...]  # (skill, levels to learn)

    @property
    def tasks(self) -> dict[str, int]:
        return dict(self.units)

    @property
    def total_units(self) -> int:
        return sum(u for _, u in self.units)


def objective(choice: Choice, settings: SettingsIn) -> int:
    option = choice.option
    by_task = {c.task: c for c in option.candidates}
    tasks = choice.tasks
    gain = sum(u * (by_task[t].value_per_unit + by_task[t].fit_per_unit) for t, u in tasks.items())
    aids = sum(option.accommodation_cost[a] for a in choice.accommodations)
    training = int(settings.training_cost_per_level) * sum(levels for _, levels in choice.training)
    roles = {by_task[t].role for t, u in tasks.items() if u}
    fragmentation = int(settings.fragmentation_cost) * max(0, len(roles) - 1)
    return gain - aids - training - fragmentation


@dataclass(frozen=True)
class Solution:
    choices: tuple[Choice, ...]
    objective: int
    bound: float
    optimal: bool
    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE, GREEDY
    seconds: float = 0.0

    @property
    def gap(self) -> float:
        """Relative distance to the proven bound (0 when optimal)."""
        if self.optimal:
            return 0.0
        return max(0.0, (self.bound - self.objective) / max(1.0, abs(self.bound)))
