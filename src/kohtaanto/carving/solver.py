"""CP-SAT models for job carving: one person at one workplace, or a pool of people and workplaces.

Both modes share one model: a person may take at most one carved job (at one workplace), and a
task gets at most one new holder. In single-person mode the person must get a job. Variables per
person p and workplace option o:

- ``a[o]``       the person takes a carved job here;
- ``x[o,t]``     task t is (partly) in the job, ``u[o,t]`` its quarter hours a week;
- ``y[o,m]``     accommodation m is bought; ``train[o,s]`` skill levels to learn;
- ``r[o,role]``, ``loc[o,place]`` source roles and locations used (coherence limits).

The search is seeded (deterministic with one worker), time-limited and warm-started from the
greedy carve. Alternatives are found by re-solving with a Hamming-distance cut against each
earlier answer, so they differ in at least a third of their tasks.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from kohtaanto.carving.greedy import greedy
from kohtaanto.carving.model import Option
from kohtaanto.carving.schema import SettingsIn
from kohtaanto.carving.solution import Choice, Solution, objective


@dataclass(frozen=True)
class SolverSettings:
    time_limit: float = 10.0
    seed: int = 7
    workers: int = 1
    diversity: float = 1 / 3  # share of an earlier answer's tasks an alternative must change


@dataclass
class _Vars:
    option: Option
    a: cp_model.IntVar
    x: dict[str, cp_model.IntVar]
    u: dict[str, cp_model.LinearExprT]  # an IntVar for divisible tasks, else units x x
    y: dict[str, cp_model.IntVar]
    train: dict[str, cp_model.IntVar]
    roles: dict[str, cp_model.IntVar]


class CarveModel:
    def __init__(self, options: Sequence[Option], settings: SettingsIn, single: bool) -> None:
        self.options = list(options)
        self.settings = settings
        self.model = cp_model.CpModel()
        self.vars: list[_Vars] = [self._option(i, o) for i, o in enumerate(self.options)]
        self._link_people(single)
        self._link_tasks()
        self.model.maximize(sum(self.value(v) for v in self.vars))

    def _option(self, index: int, option: Option) -> _Vars:
        a = self.model.new_bool_var(f"a{index}")
        x, u = self._tasks(index, option, a)
        y = self._accommodations(index, option, a, x)
        train = self._training(index, option, x)
        roles = self._coherence(index, option, x, a)
        return _Vars(option, a, x, u, y, train, roles)

    def _tasks(
        self, index: int, option: Option, a: cp_model.IntVar
    ) -> tuple[dict[str, cp_model.IntVar], dict[str, cp_model.LinearExprT]]:
        m = self.model
        x: dict[str, cp_model.IntVar] = {}
        u: dict[str, cp_model.LinearExprT] = {}
        for c in option.candidates:
            most = min(c.units, c.allowed_units)
            x[c.task] = m.new_bool_var(f"x{index}_{c.task}")
            m.add(x[c.task] <= a)
            if c.divisible:
                share = m.new_int_var(0, most, f"u{index}_{c.task}")
                m.add(share >= c.min_units * x[c.task])
                m.add(share <= most * x[c.task])
                u[c.task] = share
            else:  # whole or nothing: no separate variable keeps the model and its LP small
                if c.units > most:
                    m.add(x[c.task] == 0)
                u[c.task] = c.units * x[c.task]
        total = sum(u.values())
        m.add(total >= option.min_units * a)
        m.add(total <= min(option.max_units, option.available_units) * a)
        for t1, t2 in option.together:
            m.add(x[t1] == x[t2])
        for t1, t2 in option.conflicts:
            m.add(x[t1] + x[t2] <= 1)
        return x, u

    def _accommodations(
        self, index: int, option: Option, a: cp_model.IntVar, x: dict[str, cp_model.IntVar]
    ) -> dict[str, cp_model.IntVar]:
        m = self.model
        useful = sorted({k for c in option.candidates for gap in c.gaps for k in gap.options})
        y = {key: m.new_bool_var(f"y{index}_{key}") for key in useful}
        for var in y.values():
            m.add(var <= a)
        acc = option.accommodations
        for c in option.candidates:
            for gap in c.gaps:
                m.add(sum(acc[k].raises_by * y[k] for k in gap.options) >= gap.missing * x[c.task])
                # The same need as a count of measures: tighter when the solver relaxes it to an LP.
                most = max(acc[k].raises_by for k in gap.options)
                m.add(sum(y[k] for k in gap.options) >= math.ceil(gap.missing / most) * x[c.task])
        return y

    def _training(
        self, index: int, option: Option, x: dict[str, cp_model.IntVar]
    ) -> dict[str, cp_model.IntVar]:
        train: dict[str, cp_model.IntVar] = {}
        for c in option.candidates:
            for g in c.skill_gaps:
                if g.skill not in train:
                    train[g.skill] = self.model.new_int_var(0, 5, f"t{index}_{g.skill}")
                self.model.add(train[g.skill] >= g.levels * x[c.task])
        return train

    def _coherence(
        self, index: int, option: Option, x: dict[str, cp_model.IntVar], a: cp_model.IntVar
    ) -> dict[str, cp_model.IntVar]:
        m = self.model
        roles: dict[str, cp_model.IntVar] = {}
        places: dict[str, cp_model.IntVar] = {}
        for c in option.candidates:
            if c.role not in roles:
                roles[c.role] = m.new_bool_var(f"r{index}_{c.role}")
            m.add(x[c.task] <= roles[c.role])
            if c.location:
                if c.location not in places:
                    places[c.location] = m.new_bool_var(f"l{index}_{c.location}")
                m.add(x[c.task] <= places[c.location])
        m.add(sum(roles.values()) <= self.settings.max_source_roles * a)
        m.add(sum(places.values()) <= self.settings.max_locations * a)
        if roles:  # a job has at least one source role: keeps the fragmentation term honest when relaxed
            m.add(sum(roles.values()) >= a)
        return roles

    def value(self, v: _Vars) -> cp_model.LinearExpr:
        by_task = {c.task: c for c in v.option.candidates}
        gain = cp_model.LinearExpr.weighted_sum(
            [v.u[t] for t in v.u], [by_task[t].value_per_unit + by_task[t].fit_per_unit for t in v.u]
        )
        aids = sum(v.option.accommodation_cost[k] * v.y[k] for k in v.y)
        training = int(self.settings.training_cost_per_level) * sum(v.train.values())
        extra_roles = sum(v.roles.values()) - v.a
        return gain - aids - training - int(self.settings.fragmentation_cost) * extra_roles

    def _link_people(self, single: bool) -> None:
        by_person: dict[str, list[_Vars]] = {}
        for v in self.vars:
            by_person.setdefault(v.option.person.id, []).append(v)
        for group in by_person.values():
            if single:
                self.model.add(sum(v.a for v in group) == 1)
            else:
                self.model.add(sum(v.a for v in group) <= 1)

    def _link_tasks(self) -> None:
        holders: dict[tuple[str, str], list[cp_model.IntVar]] = {}
        for v in self.vars:
            for task, var in v.x.items():
                holders.setdefault((v.option.workplace.id, task), []).append(var)
        for takers in holders.values():
            if len(takers) > 1:
                self.model.add(sum(takers) <= 1)

    def hint(self, choices: Sequence[Choice]) -> None:
        chosen = {(c.option.person.id, c.option.workplace.id): c for c in choices}
        for v in self.vars:
            choice = chosen.get((v.option.person.id, v.option.workplace.id))
            tasks = choice.tasks if choice else {}
            self.model.add_hint(v.a, 1 if choice else 0)
            for t in v.x:
                self.model.add_hint(v.x[t], 1 if tasks.get(t) else 0)
                share = v.u[t]
                if isinstance(share, cp_model.IntVar):
                    self.model.add_hint(share, tasks.get(t, 0))
            aids = set(choice.accommodations) if choice else set()
            for k in v.y:
                self.model.add_hint(v.y[k], 1 if k in aids else 0)
            training = dict(choice.training) if choice else {}
            for s in v.train:
                self.model.add_hint(v.train[s], training.get(s, 0))
            roles = {c.role for c in v.option.candidates if tasks.get(c.task)}
            for role in v.roles:
                self.model.add_hint(v.roles[role], 1 if role in roles else 0)

    def exclude(self, choice: Choice, share: float) -> None:
        """Later answers must differ from ``choice`` in at least ``share`` of its tasks."""
        for v in self.vars:
            if v.option is not choice.option:
                continue
            inside = [v.x[t] for t in choice.tasks]
            outside = [var for t, var in v.x.items() if t not in choice.tasks]
            need = max(1, math.ceil(share * len(inside)))
            self.model.add(sum(1 - var for var in inside) + sum(outside) >= need)

    def choice(self, solver: cp_model.CpSolver, v: _Vars) -> Choice:
        """The carve the solver chose for one option."""
        units = tuple(
            (c.task, int(solver.value(v.u[c.task]))) for c in v.option.candidates if solver.value(v.x[c.task])
        )
        aids = tuple(sorted(k for k in v.y if solver.value(v.y[k])))
        training = tuple(
            sorted((s, int(solver.value(var))) for s, var in v.train.items() if solver.value(var))
        )
        return Choice(v.option, units, aids, training)

    def solve(self, settings: SolverSettings) -> Solution:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = settings.time_limit
        solver.parameters.random_seed = settings.seed
        solver.parameters.num_workers = settings.workers
        started = time.perf_counter()
        status = solver.solve(self.model)
        seconds = time.perf_counter() - started
        name = solver.status_name(status)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Solution((), 0, 0.0, False, name, seconds)
        choices = [self.choice(solver, v) for v in self.vars if solver.value(v.a)]
        total = sum(objective(c, self.settings) for c in choices)
        return Solution(
            tuple(choices), total, solver.best_objective_bound, status == cp_model.OPTIMAL, name, seconds
        )


def carve_one(
    option: Option, settings: SettingsIn, solver: SolverSettings | None = None, alternatives: int = 1
) -> list[Solution]:
    """Up to ``alternatives`` diverse carves for one person at one workplace, best first."""
    solver = solver or SolverSettings()
    model = CarveModel([option], settings, single=True)
    start = greedy(option, settings)
    if start is not None:
        model.hint([start])
    out: list[Solution] = []
    for _ in range(alternatives):
        solution = model.solve(solver)
        if not solution.choices:
            break
        out.append(solution)
        model.exclude(solution.choices[0], solver.diversity)
    return out
