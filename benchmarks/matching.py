"""Matching benchmark: the pool index on 1,000,000 synthetic profiles against the exact pair scorer.

Generator (fixed seed, numpy): skills are drawn Zipf-like from a vocabulary of 13,900 ids (the size
of ESCO's skills and knowledge), about 20 per person at levels 1-5; 40 capacity attributes, each
disclosed with probability 0.6 at levels 1-5; hours windows, days, one of 308 municipalities,
remote preference, working-language level and learning speed. Jobs need 3-8 skills (60 %
essential), 3-6 demands with accepted accommodations, an hour window and days.

It prints the inputs and sizes, index build time and memory, top-20 latency p50/p95 over the
queries, the brute-force time per job for a few jobs (which must give the same top 20), the
speed-up, and a pool assignment of 10,000 people to 2,000 jobs. Run:

    .venv/bin/python benchmarks/matching.py [--people 1000000] [--queries 1000] [--brute 2]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kohtaanto.matching.assign import assign
from kohtaanto.matching.index import UNDISCLOSED, PoolIndex
from kohtaanto.matching.profiles import Candidate, Job, SkillNeed
from kohtaanto.matching.score import Scored, score

SKILLS = 13_900
ATTRIBUTES = [f"attr{i:02d}" for i in range(40)]
MUNICIPALITIES = [f"m{i:03d}" for i in range(308)]


def build(n: int, seed: int) -> tuple[PoolIndex, float]:
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    per = rng.integers(15, 26, size=n)
    rows = np.repeat(np.arange(n, dtype=np.int32), per)
    popularity = 1.0 / np.arange(1, SKILLS + 1) ** 0.8
    popularity /= popularity.sum()
    cols = rng.choice(SKILLS, size=len(rows), p=popularity).astype(np.int32)
    levels = rng.integers(1, 6, size=len(rows), dtype=np.int8)
    matrix = sparse.coo_matrix((levels, (rows, cols)), shape=(n, SKILLS)).tocsc()
    matrix.sum_duplicates()
    matrix.data = np.minimum(matrix.data, 5).astype(np.int8)  # a skill drawn twice keeps a valid level
    caps = rng.integers(1, 6, size=(n, len(ATTRIBUTES)), dtype=np.int8)
    caps[rng.random(size=caps.shape) > 0.6] = UNDISCLOSED
    low = rng.choice([0.0, 10.0, 20.0, 30.0], size=n)
    columns = {
        "hours_min": low,
        "hours_max": low + rng.choice([5.0, 10.0, 20.0], size=n),
        "days": rng.choice([0b11111, 0b00111, 0b11100, 0b1111111], size=n).astype(np.uint8),
        "municipality": rng.integers(0, len(MUNICIPALITIES), size=n).astype(np.int32),
        "has_municipality": np.ones(n, dtype=bool),
        "remote": rng.choice([0, 0, 0, 1, 2], size=n).astype(np.int8),
        "max_commute": np.full(n, np.inf),
        "language": rng.integers(1, 6, size=n).astype(np.int8),
        "trainable": rng.integers(0, 3, size=n).astype(np.int8),
        "has_preferences": np.zeros(n, dtype=bool),
    }
    refs = np.char.add("p", np.arange(n).astype(str))
    index = PoolIndex(
        refs, matrix, [f"skill{i}" for i in range(SKILLS)], caps, ATTRIBUTES, columns, MUNICIPALITIES
    )
    return index, time.perf_counter() - started


def jobs(count: int, seed: int) -> list[Job]:
    rng = np.random.default_rng(seed + 1)
    out = []
    for j in range(count):
        needs = rng.choice(2000, size=rng.integers(3, 9), replace=False)  # jobs ask for common skills
        demands = rng.choice(len(ATTRIBUTES), size=rng.integers(3, 7), replace=False)
        low = float(rng.choice([0, 15, 25]))
        out.append(
            Job(
                f"j{j}",
                skills=tuple(
                    SkillNeed(f"skill{s}", int(rng.integers(1, 4)), bool(rng.random() < 0.6)) for s in needs
                ),
                demands={ATTRIBUTES[a]: int(rng.integers(0, 5)) for a in demands},
                accommodations={ATTRIBUTES[a]: int(rng.integers(0, 2)) for a in demands[:2]},
                hours_min=low,
                hours_max=low + 15,
                municipality=MUNICIPALITIES[int(rng.integers(0, len(MUNICIPALITIES)))],
                remote_possible=bool(rng.random() < 0.2),
                working_language=int(rng.integers(0, 4)),
                plain_language_onboarding=bool(rng.random() < 0.5),
            )
        )
    return out


def candidate(index: PoolIndex, i: int) -> Candidate:
    """The pair scorer's input for row ``i``, rebuilt from the index's arrays."""
    c = index.columns
    row = index.skills_csr[i]
    skills = {index.skill_ids[k]: int(v) for k, v in zip(row.indices, row.data, strict=True)}
    caps = {a: int(v) for a, v in zip(ATTRIBUTES, index.capacities[i], strict=True) if v != UNDISCLOSED}
    days = frozenset(d for d in range(7) if int(c["days"][i]) >> d & 1)
    return Candidate(
        str(index.refs[i]),
        skills=skills,
        capacities=caps,
        hours_min=float(c["hours_min"][i]),
        hours_max=float(c["hours_max"][i]),
        days=days,
        municipality=MUNICIPALITIES[int(c["municipality"][i])],
        remote=("no", "prefer", "only")[int(c["remote"][i])],
        working_language=int(c["language"][i]),
        trainable_levels=int(c["trainable"][i]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--brute", type=int, default=2, help="jobs scored by the exact pair scorer")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    index, build_seconds = build(args.people, args.seed)
    print(
        f"inputs: {args.people:,} people x {SKILLS:,} skills ({index.skills.nnz:,} skill entries), "
        f"{len(ATTRIBUTES)} capacity attributes, {len(MUNICIPALITIES)} municipalities; seed {args.seed}"
    )
    print(
        f"index: built in {build_seconds:.1f} s, {index.nbytes / 2**20:,.0f} MiB of arrays, "
        f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB"
    )

    queries = jobs(max(args.queries, 1), args.seed)
    index.top(queries[0])  # warm
    times = []
    for job in queries[: args.queries]:
        started = time.perf_counter()
        index.top(job, 20)
        times.append(time.perf_counter() - started)
    times.sort()
    p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
    print(
        f"top-20 over {len(index):,} people, {len(times)} jobs: "
        f"p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
    )

    index.skills_csr = index.skills.tocsr()  # row access for rebuilding pair-scorer inputs
    index.skill_ids = [f"skill{i}" for i in range(SKILLS)]
    brute_times = []
    for job in queries[: args.brute]:
        started = time.perf_counter()
        results = [score(candidate(index, i), job) for i in range(len(index))]
        brute = sorted(
            ((r.score, r.candidate) for r in results if isinstance(r, Scored)), key=lambda x: (-x[0], x[1])
        )
        brute_times.append(time.perf_counter() - started)
        fast = [(h.score, h.ref) for h in index.top(job, 20)]
        print(f"  {job.ref}: brute force {brute_times[-1]:.1f} s; same top 20: {fast == brute[:20]}")
    if brute_times:
        print(
            f"brute force median {statistics.median(brute_times):.1f} s per job; index p50 "
            f"{p50 * 1000:.1f} ms; speed-up {statistics.median(brute_times) / p50:,.0f}x"
        )

    small, _ = build(10_000, args.seed + 7)
    openings = jobs(2000, args.seed + 7)
    started = time.perf_counter()
    edges = [(h.ref, job.ref, h.score) for job in openings for h in small.top(job, 50)]
    result = assign(edges, {job.ref: 2 for job in openings}, min_score=0.5)
    print(
        f"pool assignment: 10,000 people, 2,000 jobs (headcount 2), {len(edges):,} candidate pairs: "
        f"{len(result.pairs):,} assigned, total score {result.total:,.1f}, "
        f"{time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
