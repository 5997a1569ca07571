"""The pool index must rank exactly as the pair scorer does."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.matching.index import PoolIndex
from kohtaanto.matching.profiles import Candidate, Job, SkillNeed
from kohtaanto.matching.score import Scored, score

pytestmark = pytest.mark.unit

SKILLS = [f"s{i}" for i in range(12)]
ATTRIBUTES = ["lifting", "noise", "standing", "reading"]
PLACES = ["Kuopio", "Siilinjärvi", "Leppävirta", ""]
NEIGHBOURS = {"s0": {"s1": 0.8, "s2": 0.4}, "s3": {"s4": 0.6}}
KM = {frozenset({"Kuopio", "Siilinjärvi"}): 23.0, frozenset({"Kuopio", "Leppävirta"}): 58.0}


class Relations:
    def similarity(self, have: str, need: str) -> float:
        return NEIGHBOURS.get(need, {}).get(have, 1.0 if have == need else 0.0)


def distance(a: str, b: str) -> float | None:
    if a == b and a:
        return 0.0
    return KM.get(frozenset({a, b}))


def person(rng: random.Random, i: int) -> Candidate:
    low = rng.choice([0, 10, 20])
    return Candidate(
        f"p{i:03d}",
        skills={s: rng.randint(1, 5) for s in rng.sample(SKILLS, rng.randint(0, 6))},
        capacities={a: rng.randint(0, 5) for a in rng.sample(ATTRIBUTES, rng.randint(0, 4))},
        hours_min=low,
        hours_max=low + rng.choice([5, 10, 20]),
        days=frozenset(rng.sample(range(7), rng.randint(1, 5))),
        municipality=rng.choice(PLACES),
        remote=rng.choice(["no", "no", "prefer", "only"]),
        max_commute_km=rng.choice([None, 30.0]),
        working_language=rng.randint(1, 5),
        trainable_levels=rng.randint(0, 2),
        preferred_occupations=frozenset(rng.sample(["cook", "cleaner", "clerk"], rng.randint(0, 2))),
    )


def job(rng: random.Random) -> Job:
    return Job(
        "j",
        skills=tuple(
            SkillNeed(s, rng.randint(1, 4), rng.random() < 0.6) for s in rng.sample(SKILLS, rng.randint(0, 4))
        ),
        demands={a: rng.randint(0, 5) for a in rng.sample(ATTRIBUTES, rng.randint(0, 3))},
        accommodations={a: rng.randint(0, 2) for a in rng.sample(ATTRIBUTES, 2)},
        hours_min=rng.choice([0, 15, 25]),
        hours_max=rng.choice([30, 40]),
        days=frozenset(rng.sample(range(7), rng.randint(1, 5))),
        municipality=rng.choice(PLACES[:3]),
        remote_possible=rng.random() < 0.3,
        working_language=rng.randint(0, 4),
        plain_language_onboarding=rng.random() < 0.5,
        occupation=rng.choice(["cook", "cleaner", "clerk"]),
    )


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), k=st.integers(1, 30))
def test_index_top_k_equals_brute_force(seed, k):
    rng = random.Random(seed)  # noqa: S311 - test data
    people = [person(rng, i) for i in range(rng.randint(1, 150))]
    wanted = job(rng)
    index = PoolIndex.from_candidates(people, ATTRIBUTES, PLACES)
    scored = [score(p, wanted, relations=Relations(), distance=distance) for p in people]
    brute = sorted(
        ((r.score, r.candidate) for r in scored if isinstance(r, Scored)), key=lambda x: (-x[0], x[1])
    )
    ok, values = index.scores(wanted, neighbours=NEIGHBOURS, distance=distance)
    by_ref = {r.candidate: r for r in scored}
    for i, ref in enumerate(index.refs):
        assert bool(ok[i]) == isinstance(by_ref[ref], Scored), ref
        if ok[i]:
            assert values[i] == by_ref[ref].score, ref  # type: ignore[union-attr]
    hits = index.top(wanted, k, neighbours=NEIGHBOURS, distance=distance)
    assert [(h.score, h.ref) for h in hits] == brute[:k]
