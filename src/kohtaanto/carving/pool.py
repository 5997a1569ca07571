"""Pool mode by column generation: carved jobs ("columns") per person and workplace, then the best set.

The compact model (``solver.CarveModel``) has a weak relaxation when many people compete for the
same tasks, so its bound stays far from the answer on large pools. Here each column is one whole
carved job for one person at one workplace; the master problem picks at most one column per person
and gives each task at most one holder (set packing).

1. Columns come from the greedy carve of every person-workplace option and from the greedy pool.
2. Rounds of the master's linear relaxation (GLOP) give a price for every task and person; greedy
   pricing (tasks priced above half their value are left out) adds columns with a positive reduced
   cost, until no new column or the pricing time is spent.
3. Exact pricing: every option is solved by CP-SAT with its tasks charged at the (rounded down)
   prices. This gives new columns and a valid upper bound by Lagrangian duality,
   ``sum(prices) + sum over people of max(0, best priced job)``, for any non-negative prices.
4. The master is solved as an integer programme (CP-SAT) over all columns, warm-started with the
   greedy pool. The reported gap is to the best of the Lagrangian bound and the master's own bound.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from kohtaanto.carving.greedy import greedy
from kohtaanto.carving.model import Option
from kohtaanto.carving.schema import SettingsIn
from kohtaanto.carving.solution import Choice, Solution, objective
from kohtaanto.carving.solver import CarveModel, SolverSettings

TaskKey = tuple[str, str]  # (workplace id, task id)


@dataclass(frozen=True)
class Column:
    option: int
    tasks: frozenset[TaskKey]
    value: int
    choice: Choice


@dataclass
class Columns:
    options: Sequence[Option]
    settings: SettingsIn
    items: list[Column] = field(default_factory=list)
    seen: set[tuple[int, frozenset[str]]] = field(default_factory=set)

    def add(self, index: int, choice: Choice | None) -> bool:
        if choice is None or not choice.units:
            return False
        key = (index, frozenset(choice.tasks))
        if key in self.seen:
            return False
        self.seen.add(key)
        workplace = self.options[index].workplace.id
        tasks = frozenset((workplace, t) for t in choice.tasks)
        self.items.append(Column(index, tasks, objective(choice, self.settings), choice))
        return True


def _master_lp(columns: Columns) -> tuple[float, dict[TaskKey, float], dict[str, float]]:
    solver = pywraplp.Solver.CreateSolver("GLOP")
    share = [solver.NumVar(0, 1, "") for _ in columns.items]
    by_person: dict[str, list[pywraplp.Variable]] = {}
    by_task: dict[TaskKey, list[pywraplp.Variable]] = {}
    for var, column in zip(share, columns.items, strict=True):
        by_person.setdefault(columns.options[column.option].person.id, []).append(var)
        for task in column.tasks:
            by_task.setdefault(task, []).append(var)
    people = {p: solver.Add(sum(v) <= 1) for p, v in by_person.items()}
    tasks = {t: solver.Add(sum(v) <= 1) for t, v in by_task.items()}
    solver.Maximize(sum(c.value * v for c, v in zip(columns.items, share, strict=True)))
    solver.Solve()
    return (
        solver.Objective().Value(),
        {t: max(0.0, c.dual_value()) for t, c in tasks.items()},
        {p: max(0.0, c.dual_value()) for p, c in people.items()},
    )


def _greedy_pricing(columns: Columns, prices: dict[TaskKey, float], people: dict[str, float]) -> int:
    added = 0
    for index, option in enumerate(columns.options):
        workplace = option.workplace.id
        dear = frozenset(
            c.task
            for c in option.candidates
            if prices.get((workplace, c.task), 0.0) > 0.5 * c.units * (c.value_per_unit + c.fit_per_unit)
        )
        choice = greedy(option, columns.settings, dear)
        if choice is None:
            continue
        reduced = (
            objective(choice, columns.settings)
            - sum(prices.get((workplace, t), 0.0) for t in choice.tasks)
            - people.get(option.person.id, 0.0)
        )
        if reduced > 1e-6 and columns.add(index, choice):
            added += 1
    return added


class _Pricer:
    """One small CP-SAT model per option, built once; each round only changes the task charges."""

    def __init__(self, options: Sequence[Option], settings: SettingsIn, seed: int) -> None:

        self.settings = settings
        self.seed = seed
        self.models = [CarveModel([option], settings, single=False) for option in options]

    def price(
        self, index: int, charges: dict[TaskKey, int], seconds: float = 5.0
    ) -> tuple[float, Choice | None]:
        """The option's best priced value (an upper bound when not proven) and its job, if any."""
        model = self.models[index]
        v = model.vars[0]
        workplace = v.option.workplace.id
        keys = list(v.x)
        charge = cp_model.LinearExpr.weighted_sum(
            [v.x[t] for t in keys], [charges.get((workplace, t), 0) for t in keys]
        )
        model.model.maximize(model.value(v) - charge)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = self.seed
        solver.parameters.max_time_in_seconds = max(0.01, min(5.0, seconds))
        status = solver.solve(model.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # no answer in time: the relaxation still bounds what this option could be worth
            return relaxed_bound(model.options[0], charges), None
        bound = solver.best_objective_bound
        return bound, model.choice(solver, v) if solver.value(v.a) else None

    def best_for(
        self, indexes: list[int], charges: dict[TaskKey, int], deadline: float = math.inf
    ) -> tuple[float, list[tuple[int, Choice]]]:
        """The best priced job of one person over their options, exactly, skipping options whose
        relaxed bound cannot beat the best found so far. Past ``deadline`` (``time.perf_counter``) the
        options left count with their relaxed bound: the result is still an upper bound."""
        ranked = sorted(indexes, key=lambda i: -relaxed_bound(self.models[i].options[0], charges))
        best = 0.0
        found: list[tuple[int, Choice]] = []
        for index in ranked:
            relaxed = relaxed_bound(self.models[index].options[0], charges)
            if relaxed <= best:
                break
            left = deadline - time.perf_counter()
            if left <= 0:
                best = max(best, relaxed)
                continue
            bound, choice = self.price(index, charges, left)
            best = max(best, bound)
            if choice is not None:
                found.append((index, choice))
        return best, found


def relaxed_bound(option: Option, charges: dict[TaskKey, int]) -> float:
    """An upper bound on an option's priced value: a fractional knapsack of the tasks' net values
    within the person's hours, ignoring accommodation, training and fragmentation costs (all >= 0)."""
    workplace = option.workplace.id
    items = []
    for c in option.candidates:
        most = min(c.units, c.allowed_units)
        if most <= 0:
            continue
        net = (c.value_per_unit + c.fit_per_unit) * most - charges.get((workplace, c.task), 0)
        if net > 0:
            items.append((net / most, most))
    room = min(option.max_units, option.available_units)
    total = 0.0
    for rate, size in sorted(items, reverse=True):
        take = min(size, room)
        total += rate * take
        room -= take
        if room <= 0:
            break
    return total


def solve_pool(
    options: Sequence[Option], settings: SettingsIn, time_limit: float, seed: int, workers: int
) -> Solution:

    started = time.perf_counter()
    columns = Columns(options, settings)
    for index, option in enumerate(options):
        columns.add(index, greedy(option, settings))
    start = greedy_pool(options, settings)
    position = {id(o): i for i, o in enumerate(options)}
    for choice in start:
        columns.add(position[id(choice.option)], choice)
    while time.perf_counter() - started < 0.2 * time_limit:
        _lp, prices, people = _master_lp(columns)
        if not _greedy_pricing(columns, prices, people):
            break
    upper = math.inf
    pricer = _Pricer(options, settings, seed)
    deadline = started + 0.6 * time_limit
    for round_ in range(12):
        if round_ and time.perf_counter() > deadline:
            break  # the first round always runs: it gives the bound (relaxed where time ran out)
        _lp, prices, people = _master_lp(columns)
        charges = {t: math.floor(p) for t, p in prices.items()}
        groups: dict[str, list[int]] = {}
        for index, option in enumerate(options):
            groups.setdefault(option.person.id, []).append(index)
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            results = list(
                pool.map(pricer.best_for, groups.values(), [charges] * len(groups), [deadline] * len(groups))
            )
        best = {person: bound for person, (bound, _found) in zip(groups, results, strict=True)}
        added = sum(
            columns.add(index, found) for _bound, found_list in results for index, found in found_list
        )
        upper = min(upper, sum(charges.values()) + sum(max(0.0, b) for b in best.values()))
        if not added:
            break
    return _master_ip(columns, start, position, upper, started, time_limit, seed, workers)


def _master_ip(
    columns: Columns,
    start: list[Choice],
    position: dict[int, int],
    upper: float,
    started: float,
    time_limit: float,
    seed: int,
    workers: int,
) -> Solution:
    model = cp_model.CpModel()
    pick = [model.new_bool_var(f"c{i}") for i in range(len(columns.items))]
    by_person: dict[str, list[cp_model.IntVar]] = {}
    by_task: dict[TaskKey, list[cp_model.IntVar]] = {}
    for var, column in zip(pick, columns.items, strict=True):
        by_person.setdefault(columns.options[column.option].person.id, []).append(var)
        for task in column.tasks:
            by_task.setdefault(task, []).append(var)
    for group in [*by_person.values(), *by_task.values()]:
        if len(group) > 1:
            model.add_at_most_one(group)
    model.maximize(sum(c.value * v for c, v in zip(columns.items, pick, strict=True)))
    chosen = {(position[id(c.option)], frozenset(c.tasks)) for c in start}
    for var, column in zip(pick, columns.items, strict=True):
        model.add_hint(var, (column.option, frozenset(column.choice.tasks)) in chosen)
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.max_time_in_seconds = max(0.2, time_limit - (time.perf_counter() - started))
    status = solver.solve(model)
    seconds = time.perf_counter() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # out of time before the master found any answer: the greedy pool it was given is still one
        value = sum(objective(c, columns.settings) for c in start)
        return Solution(tuple(start), value, upper, False, "GREEDY", seconds)
    choices = tuple(
        column.choice for column, var in zip(columns.items, pick, strict=True) if solver.value(var)
    )
    value = sum(column.value for column, var in zip(columns.items, pick, strict=True) if solver.value(var))
    # Only the Lagrangian bound holds for the whole problem; the master's own bound covers its columns.
    proven = value >= upper - 1e-6
    return Solution(choices, value, upper, proven, "OPTIMAL" if proven else "FEASIBLE", seconds)


def carve_pool(
    options: Sequence[Option], settings: SettingsIn, solver: SolverSettings | None = None
) -> Solution:
    """The best set of carved jobs for a pool: one job per person, one new holder per task."""
    solver = solver or SolverSettings()
    return solve_pool(options, settings, solver.time_limit, solver.seed, solver.workers)


def greedy_pool(options: Sequence[Option], settings: SettingsIn) -> list[Choice]:
    """People in turn take their best greedy carve among the tasks still free."""
    taken: dict[str, set[str]] = {}
    done: set[str] = set()
    choices: list[Choice] = []
    for option in options:
        if option.person.id in done:
            continue
        best: Choice | None = None
        for other in options:
            if other.person.id != option.person.id:
                continue
            found = greedy(other, settings, frozenset(taken.get(other.workplace.id, set())))
            if found and (best is None or objective(found, settings) > objective(best, settings)):
                best = found
        done.add(option.person.id)
        if best is not None:
            choices.append(best)
            taken.setdefault(best.option.workplace.id, set()).update(best.tasks)
    return choices
