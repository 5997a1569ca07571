"""Benchmark: palkkatuki for many hires at once, and one hire with its full explanation.

Prints the inputs, sizes, medians and a ratio against a baseline measured in the same run:
the baseline is the one-at-a-time rules engine (the same formulas, row by row).

    .venv/bin/python benchmarks/rules_batch.py [--n 1000000] [--runs 5] [--single 1000] [--baseline 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from kohtaanto.rules import build_engine, national_parameters
from kohtaanto.rules.batch import KINDS, pay_subsidy_batch, random_hires

ON = dt.date(2025, 3, 1)
SITUATION = {
    "employer": {"legal_form": "company"},
    "person": {"age": 35, "unemployment_months": 8, "reduced_work_ability": True},
    "job": {"monthly_wage": 2000, "hours_per_week": 30, "contract_months": 12},
    "arrangements": {"tools_cost": 1200, "help_hours_per_month": 10, "help_months": 6},
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--single", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=2000)
    args = parser.parse_args()
    params = national_parameters()
    engine = build_engine()

    hires = random_hires(args.n, seed=7)
    print(f"input: {args.n:,} synthetic hires (seed 7), bases {KINDS}, date {ON}; {len(params)} parameters")
    pay_subsidy_batch(hires, ON, params)  # warm-up
    batch_times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = pay_subsidy_batch(hires, ON, params)
        batch_times.append(time.perf_counter() - start)
    batch_median = statistics.median(batch_times)
    batch_rate = args.n / batch_median
    print(
        f"batch: median of {args.runs} runs {batch_median * 1000:.1f} ms -> {batch_rate / 1e6:.1f} M hires/s "
        f"(eligible {int(result.eligible.sum()):,}, total max {result.total.sum() / 1e6:,.1f} M EUR)"
    )

    sample = random_hires(args.baseline, seed=8)
    rows = []
    for i in range(args.baseline):
        legal = (
            "municipality"
            if sample.municipality[i]
            else "association"
            if sample.third_sector[i]
            else "company"
        )
        kind = KINDS[int(sample.basis[i])]
        rows.append(
            {
                "employer": {"legal_form": legal, "business_activity": bool(sample.business[i])},
                "person": {
                    "age": int(sample.age[i]),
                    "unemployment_months": int(sample.unemployment_months[i]),
                    "reduced_work_ability": kind == "reduced_work_ability",
                    "disadvantaged": True,
                },
                "job": {"monthly_wage": str(sample.wage[i]), "hours_per_week": str(sample.hours[i])},
            }
        )
    start = time.perf_counter()
    for row in rows:
        engine.ask("hire", row, ON)
    baseline_seconds = time.perf_counter() - start
    baseline_rate = args.baseline / baseline_seconds
    print(
        f"baseline: one-at-a-time engine, {args.baseline:,} hires in {baseline_seconds:.2f} s "
        f"-> {baseline_rate:,.0f} hires/s"
    )
    print(f"ratio: batch / baseline = {batch_rate / baseline_rate:,.0f}x")

    timings = []
    for _ in range(args.single):
        start = time.perf_counter()
        engine.ask("hire", SITUATION, ON).as_dict("fi")
        timings.append(time.perf_counter() - start)
    timings.sort()
    p50 = timings[len(timings) // 2] * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    print(
        f"single hire with full trace (validate + 7 supports + explanation in Finnish): "
        f"{args.single} runs, p50 {p50:.2f} ms, p95 {p95:.2f} ms"
    )
    print(
        f"goals: batch >= 50 M hires/s -> {'met' if batch_rate >= 50e6 else 'NOT met'}; "
        f"single p50 <= 2 ms -> {'met' if p50 <= 2 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
