"""Job-carving benchmark: CP-SAT against the greedy baseline on generated instances.

Instances come from ``kohtaanto.carving.generate.instance`` with fixed seeds (the generator is
documented there and in docs/decisions/0004-job-carving.md). Three sizes:

- ``30x1``:   one workplace with 30 tasks, one person (single-person mode);
- ``200x10``: one workplace with 200 tasks, ten people, each carved separately (``kohtaanto carve``);
- ``pool``:   2,000 tasks over 50 workplaces and 100 people in pool mode (``kohtaanto carve-pool``).

For each size it prints the inputs, the median wall time of CP-SAT and of greedy, the objectives,
the proven gap and the ratio CP-SAT / greedy measured in the same run. Run:

    .venv/bin/python benchmarks/carving.py [--instances 5] [--pool-time 60] [--workers 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kohtaanto.carving.generate import instance
from kohtaanto.carving.greedy import greedy
from kohtaanto.carving.model import analyse
from kohtaanto.carving.pool import carve_pool, greedy_pool
from kohtaanto.carving.schema import SettingsIn
from kohtaanto.carving.service import reachable
from kohtaanto.carving.solution import objective
from kohtaanto.carving.solver import SolverSettings, carve_one

SETTINGS = SettingsIn()


def single(seed: int, tasks: int, people: int, solver: SolverSettings) -> dict[str, float]:
    places, group = instance(seed, 1, tasks, people)
    place = places[0]
    started = time.perf_counter()
    options = [analyse(p, place.workplace, place.accommodations, SETTINGS) for p in group.people]
    solutions = [carve_one(o, SETTINGS, solver) for o in options]
    cp_time = time.perf_counter() - started
    started = time.perf_counter()
    starts = [
        greedy(analyse(p, place.workplace, place.accommodations, SETTINGS), SETTINGS) for p in group.people
    ]
    greedy_time = time.perf_counter() - started
    found = [s[0] for s in solutions if s]
    return {
        "time": cp_time,
        "greedy_time": greedy_time,
        "objective": sum(s.objective for s in found),
        "greedy": sum(objective(c, SETTINGS) for c in starts if c),
        "optimal": float(all(s.optimal for s in found)),
        "gap": max((s.gap for s in found), default=0.0),
        "carved": len(found),
    }


def pool(seed: int, solver: SolverSettings) -> dict[str, float]:
    places, group = instance(seed, 50, 2000, 100)
    started = time.perf_counter()
    options = [
        analyse(p, w.workplace, w.accommodations, SETTINGS)
        for p in group.people
        for w in places
        if reachable(p, w)
    ]
    solution = carve_pool(options, SETTINGS, solver)
    cp_time = time.perf_counter() - started
    started = time.perf_counter()
    starts = greedy_pool(options, SETTINGS)
    greedy_time = time.perf_counter() - started
    return {
        "time": cp_time,
        "greedy_time": greedy_time,
        "objective": solution.objective,
        "greedy": sum(objective(c, SETTINGS) for c in starts),
        "optimal": float(solution.optimal),
        "gap": solution.gap,
        "carved": len(solution.choices),
        "options": len(options),
    }


def report(name: str, runs: list[dict[str, float]], inputs: str) -> None:
    median = statistics.median
    ratio = [r["objective"] / r["greedy"] for r in runs if r["greedy"] > 0]
    print(f"\n== {name}: {inputs}; {len(runs)} instances")
    for i, r in enumerate(runs):
        print(
            f"  #{i}: cp-sat {r['time']:.2f} s objective {r['objective']:.0f} gap {r['gap']:.2%} "
            f"optimal {bool(r['optimal'])} carved {r['carved']:.0f} | greedy {r['greedy_time']:.3f} s "
            f"objective {r['greedy']:.0f}"
        )
    cp_time, greedy_time = median(r["time"] for r in runs), median(r["greedy_time"] for r in runs)
    times = f"cp-sat {cp_time:.2f} s, greedy {greedy_time:.3f} s"
    values = (
        f"cp-sat {median(r['objective'] for r in runs):.0f} vs greedy {median(r['greedy'] for r in runs):.0f}"
    )
    proven = f"{sum(r['optimal'] for r in runs):.0f}/{len(runs)}"
    print(
        f"  median: {times}; objective {values}; ratio cp-sat/greedy median "
        f"{median(ratio) if ratio else float('nan'):.3f}; proven optimal {proven}; "
        f"median gap {median(r['gap'] for r in runs):.2%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--instances", type=int, default=5)
    parser.add_argument("--pool-instances", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per single-person solve")
    parser.add_argument("--pool-time", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-pool", action="store_true")
    args = parser.parse_args()
    solver = SolverSettings(time_limit=args.time_limit, workers=1)
    print(f"settings: {SETTINGS.model_dump(mode='json')}")
    print(
        f"single-person solves: 1 worker, {args.time_limit} s limit; "
        f"pool: {args.workers} workers, {args.pool_time} s"
    )
    report("30x1", [single(seed, 30, 1, solver) for seed in range(args.instances)], "30 tasks, 1 person")
    report(
        "200x10", [single(seed, 200, 10, solver) for seed in range(args.instances)], "200 tasks, 10 people"
    )
    if not args.skip_pool:
        pool_solver = SolverSettings(time_limit=args.pool_time, workers=args.workers)
        runs = [pool(seed, pool_solver) for seed in range(args.pool_instances)]
        report(
            "pool",
            runs,
            f"2000 tasks, 50 workplaces, 100 people, {runs[0]['options']:.0f} person-workplace options",
        )


if __name__ == "__main__":
    main()
