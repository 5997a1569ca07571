"""The live pool follows changes without a rebuild and still ranks exactly like a fresh index."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.matching.index import PoolIndex
from kohtaanto.matching.live import LivePool
from kohtaanto.matching.profiles import Candidate, Job, SkillNeed
from kohtaanto.matching.score import Scored, score
from tests.unit.test_matching_index import ATTRIBUTES, NEIGHBOURS, Relations, distance, job, person

pytestmark = pytest.mark.unit


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6), k=st.integers(1, 15))
def test_after_upserts_and_removals_the_ranking_equals_a_fresh_index(seed, k):
    rng = random.Random(seed)  # noqa: S311 - test data
    source = {}
    for i in range(60):
        p = person(rng, i)
        source[p.ref] = (p, rng.choice(["north", "south"]))
    pool = LivePool(lambda: list(source.values()), ATTRIBUTES, rebuild_min=10_000)
    for step in range(25):
        action = rng.random()
        if action < 0.4:  # a changed profile
            ref = rng.choice(sorted(source))
            changed = person(rng, int(ref[1:]))
            source[ref] = (changed, rng.choice(["north", "south"]))
            pool.upsert(*source[ref])
        elif action < 0.7:  # a new profile
            new = person(rng, 100 + step)
            source[new.ref] = (new, "north")
            pool.upsert(*source[new.ref])
        elif source:  # someone leaves the pool
            ref = rng.choice(sorted(source))
            del source[ref]
            pool.remove(ref)
    assert pool.rebuilds == 1  # nothing was rebuilt: the changes were applied incrementally
    assert len(pool) == len(source)
    wanted = job(rng)
    for segments in (None, {"north"}, {"south"}):
        people = [c for c, s in source.values() if segments is None or s in segments]
        fresh = PoolIndex.from_candidates(people, ATTRIBUTES).top(
            wanted, k, neighbours=NEIGHBOURS, distance=distance
        )
        live = pool.top(wanted, k, neighbours=NEIGHBOURS, distance=distance, segments=segments)
        assert [(h.ref, h.score) for h in live] == [(h.ref, h.score) for h in fresh]
        assert sorted(pool.members(segments)) == sorted(p.ref for p in people)


def test_many_changes_trigger_one_rebuild_from_the_source():
    rng = random.Random(5)  # noqa: S311 - test data
    source = {f"p{i:03d}": (person(rng, i), "a") for i in range(40)}
    pool = LivePool(lambda: list(source.values()), ATTRIBUTES, rebuild_share=0.1, rebuild_min=3)
    for ref in sorted(source)[:4]:  # four changes: at the limit (max(3, 10 % of 40)), no rebuild yet
        source[ref] = (person(rng, int(ref[1:])), "a")
        pool.upsert(*source[ref])
    assert (pool.rebuilds, pool.pending) == (1, 4)
    for ref in sorted(source)[4:5]:
        source[ref] = (person(rng, int(ref[1:])), "a")
        pool.upsert(*source[ref])
    assert pool.rebuilds == 2
    assert pool.pending == 0
    assert len(pool) == 40


def test_a_segment_nobody_is_in_gives_nothing_and_an_empty_pool_works():
    pool = LivePool(lambda: [], ATTRIBUTES)
    wanted = Job("j", (SkillNeed("s1"),))
    assert pool.top(wanted, 5) == []
    pool.upsert(Candidate("x", {"s1": 2}), "a")
    assert [h.ref for h in pool.top(wanted, 5)] == ["x"]
    assert pool.top(wanted, 5, segments={"b"}) == []
    assert "x" in pool and "y" not in pool


def test_the_same_pseudonym_twice_is_refused():
    with pytest.raises(ValueError, match="same pseudonym"):
        LivePool(lambda: [(Candidate("x"), "a"), (Candidate("x"), "b")], ATTRIBUTES)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_no_result_ever_breaks_a_hard_constraint(seed):
    rng = random.Random(seed)  # noqa: S311 - test data
    people = {p.ref: p for p in (person(rng, i) for i in range(50))}
    pool = LivePool(lambda: [(p, "a") for p in people.values()], ATTRIBUTES)
    wanted = job(rng)
    for hit in pool.top(wanted, 50, neighbours=NEIGHBOURS, distance=distance):
        assert isinstance(score(people[hit.ref], wanted, distance=distance, relations=Relations()), Scored)
