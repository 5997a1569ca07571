"""Matching from the database: building the live pool from stored profiles, and following changes.

A throwaway SQLite database (or ``DATABASE_URL``) gets ``--people`` synthetic profiles (starter
skills, disclosed capacities, hours, real municipalities; fixed seed) written in bulk. It measures:

- building the pool index from the database (rows read, parsed and indexed);
- after ``--changes`` profiles change, the incremental refresh plus one top-20 query, against a full
  rebuild plus the same query (the baseline, measured in the same run; medians over ``--repeat``);
- that both give the same top 20.

    .venv/bin/python benchmarks/matching_db.py [--people 50000] [--changes 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="kohtaanto-bench-")
    os.environ.setdefault("KOHTAANTO_ENV", "development")
    os.environ.setdefault("KOHTAANTO_DATA_DIR", folder)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kohtaanto.web.project.settings"
    import django

    django.setup()
    import structlog
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(40))
    call_command("migrate", verbosity=0)

    from kohtaanto.matching.places import municipalities
    from kohtaanto.matching.profiles import Job, SkillNeed
    from kohtaanto.taxonomy.vocabulary import demands, starter
    from kohtaanto.web.accounts.models import EmploymentArea
    from kohtaanto.web.matching import pool as live
    from kohtaanto.web.matching.models import SeekerProfile, new_pseudonym
    from kohtaanto.web.matching.services import digest

    rng = random.Random(args.seed)
    skills = [s.id for s in starter().skills]
    attributes = [a.id for a in demands().attributes]
    places = sorted(municipalities())[:40]  # a region's worth of municipality codes
    area = EmploymentArea.objects.create(name_fi="Benchmark area")
    days = ["mon", "tue", "wed", "thu", "fri"]

    def spec() -> dict[str, object]:
        low = rng.choice([0, 10, 20, 30])
        return {
            "skills": {s: rng.randint(1, 5) for s in rng.sample(skills, rng.randint(8, 20))},
            "capacities": {a: rng.randint(1, 5) for a in rng.sample(attributes, rng.randint(0, 25))},
            "hours_min": low,
            "hours_max": low + rng.choice([5, 10, 20]),
            "days": days,
            "municipality": rng.choice(places),
            "remote": rng.choice(["no", "no", "prefer"]),
            "max_commute_km": None,
            "working_language": rng.choice(["A2", "B1", "B2", "C1"]),
            "trainable_levels": rng.randint(0, 2),
            "preferred_occupations": [],
        }

    started = time.perf_counter()
    rows = []
    for _ in range(args.people):
        values = spec()
        rows.append(SeekerProfile(pseudonym=new_pseudonym(), area=area, spec=values, digest=digest(values)))
    with transaction.atomic():
        SeekerProfile.objects.bulk_create(rows, batch_size=2000)
    print(
        f"inputs: {args.people:,} profiles ({len(skills)} starter skills, {len(attributes)} attributes, "
        f"{len(places)} municipalities), written in {time.perf_counter() - started:.1f} s; seed {args.seed}"
    )

    job = Job(
        "bench",
        tuple(SkillNeed(s, rng.randint(1, 3), rng.random() < 0.6) for s in rng.sample(skills, 6)),
        {a: rng.randint(1, 4) for a in rng.sample(attributes, 4)},
        hours_min=15,
        hours_max=30,
        municipality=places[0],
    )

    live.reset()
    started = time.perf_counter()
    pool = live.live_pool()
    print(f"pool built from the database: {len(pool):,} people in {time.perf_counter() - started:.2f} s")

    incremental, rebuild, same = [], [], True
    ids = list(SeekerProfile.objects.values_list("pk", flat=True))
    for _ in range(args.repeat):
        changed = rng.sample(ids, args.changes)
        now = timezone.now()
        with transaction.atomic():
            for pk in changed:
                values = spec()
                SeekerProfile.objects.filter(pk=pk).update(spec=values, digest=digest(values), updated_at=now)
        started = time.perf_counter()
        fast = live.live_pool().top(job, 20)
        incremental.append(time.perf_counter() - started)
        live.reset()
        started = time.perf_counter()
        full = live.live_pool().top(job, 20)
        rebuild.append(time.perf_counter() - started)
        same &= [(h.ref, h.score) for h in fast] == [(h.ref, h.score) for h in full]
    a, b = statistics.median(incremental), statistics.median(rebuild)
    print(
        f"{args.changes} changed profiles, then a top-20 query ({args.repeat} rounds): incremental "
        f"{a * 1000:.0f} ms, full rebuild (baseline) {b * 1000:.0f} ms; ratio {b / a:.1f}x; "
        f"same top 20: {same}"
    )


if __name__ == "__main__":
    main()
