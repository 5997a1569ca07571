"""Benchmark: does the work pay? One person's year with its full explanation, and a batch of person-years.

Prints the inputs, sizes, medians and ratios against a baseline measured in the same run: the baseline is
the one-month part-time engine (``supports part-time``), which answered the question before (one month,
before tax, one benefit). A year is twelve such months plus tax, housing allowance and social assistance.

    .venv/bin/python benchmarks/income_year.py [--n 100000] [--runs 5] [--single 200] [--month 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from kohtaanto.rules import build_engine, national_parameters
from kohtaanto.rules.year_batch import random_households, year_batch

ON = dt.date(2026, 1, 1)
SEASON = {  # income-year-fi.md T7
    "start": "2026-01-01",
    "municipality": "Tampere",
    "rent": 600,
    "work": {"start": "2026-05-01", "end": "2026-07-31", "hourly_wage": 14.15, "hours_per_week": 37.5},
}
MONTH = {"benefit": "labour_market_support", "earnings_in_period": 500, "hours_share_of_full_time": 0.5}


def _median_ms(function, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--single", type=int, default=200)
    parser.add_argument("--month", type=int, default=2000)
    args = parser.parse_args()
    params = national_parameters()
    engine = build_engine()

    month_ms = _median_ms(lambda: engine.ask("part_time", MONTH, ON).as_dict("fi"), args.month)
    print(f"baseline: one month, part-time engine, median of {args.month}: {month_ms:.3f} ms")
    full = _median_ms(lambda: engine.ask("income_year", SEASON, ON).as_dict("fi"), args.single)
    plain = _median_ms(
        lambda: engine.ask("income_year", {**SEASON, "break_even": False}, ON).as_dict("fi"), args.single
    )
    print(
        f"one person-year (T7 season, 12 months, with and without work, explanation in Finnish), "
        f"median of {args.single}: {plain:.2f} ms; with the break-even hours (bisection): {full:.2f} ms "
        f"(goal < 20 ms); ratio to one month {plain / month_ms:.0f}x"
    )

    households = random_households(args.n, seed=7)
    print(
        f"batch input: {args.n:,} synthetic households (seed 7) x 12 months from {ON}, "
        f"{int((households.wages.sum(axis=1) > 0).sum()):,} with work; {len(params)} parameters"
    )
    year_batch(households, ON, params)  # warm-up
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = year_batch(households, ON, params)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    per_year_us = seconds / args.n * 1e6
    print(
        f"batch: median of {args.runs} runs {seconds:.2f} s -> {args.n / seconds:,.0f} person-years/s "
        f"({per_year_us:.1f} us each; mean gain from work {result.difference.mean():,.0f} EUR)"
    )
    print(
        f"ratio: a batch person-year takes {per_year_us / (month_ms * 1000):.2f}x one month of the one-month "
        f"engine; the engine's person-year takes {plain / month_ms:.0f}x"
    )


if __name__ == "__main__":
    main()
