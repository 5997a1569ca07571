"""The pool index must rank exactly as the pair scorer does."""

from __future__ import annotations

import dataclasses
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


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_place_hours_and_language_never_lift_a_person_without_relevant_skills(seed):
    """Whoever has a skill the job needs (or one close to it) ranks above everyone who has none."""
    rng = random.Random(seed)  # noqa: S311 - test data
    wanted = job(rng)
    if not wanted.skills:
        wanted = dataclasses.replace(wanted, skills=(SkillNeed("s0", 2, False),))
    people = [person(rng, i) for i in range(60)]
    results = [score(p, wanted, relations=Relations(), distance=distance) for p in people]
    scored = [r for r in results if isinstance(r, Scored)]
    with_skill = [r.score for r in scored if r.matched or r.partial]
    without = [r.score for r in scored if not (r.matched or r.partial)]
    if with_skill and without:
        assert min(with_skill) > max(without)
    index = PoolIndex.from_candidates(people, ATTRIBUTES, PLACES)
    top = index.top(wanted, k=len(people), neighbours=NEIGHBOURS, distance=distance)
    assert {h.ref: h.score for h in top} == pytest.approx({r.candidate: r.score for r in scored})


def test_the_explanation_says_how_much_of_the_essential_skill_set_is_covered():
    from kohtaanto.matching.explain import explain

    wanted = Job("j", skills=(SkillNeed("s0", 2, True), SkillNeed("s1", 2, True), SkillNeed("s2", 1, False)))
    someone = Candidate("p", skills={"s0": 3, "s1": 1, "s2": 1}, trainable_levels=1)
    result = score(someone, wanted)
    assert isinstance(result, Scored)
    lines = explain(result, "fi", lambda s, _: s, lambda a, _: a)
    assert "Työssä välttämättömiä taitoja on 2. Henkilöllä niistä on 1." in lines
    assert "Arbetet kräver 2 nödvändiga färdigheter. Du har 1 av dem." in explain(
        result, "sv", lambda s, _: s, lambda a, _: a, reader="you"
    )


def test_the_matching_evaluation_counts_fits_in_the_top_places():
    from kohtaanto.matching.evaluate import evaluate, skill_overlap

    wanted = Job("j", skills=(SkillNeed("s0", 1, True),))
    people = [Candidate("a", skills={"s0": 2}), Candidate("b", skills={"s1": 2}), Candidate("c")]
    right = evaluate("m", [wanted], people, {"j": ["a"]}, skill_overlap)
    assert right.precision_at_k == 1.0 and right.wrong_recommended == 0 and right.pairs_in_order == 1.0
    wrong = evaluate("m", [wanted], people, {"j": ["b"]}, skill_overlap)
    assert wrong.precision_at_k == 0.0 and wrong.wrong_recommended == 1 and wrong.pairs_in_order == 0.0


def test_eval_matching_runs_on_the_shipped_set_with_both_baselines():
    import json

    from tests.unit.test_cli import run

    result = run("eval", "matching", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["method"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {"kohtaanto", "skill overlap only", "place, hours and language only"}
    assert rows["kohtaanto"]["precision@k"] >= rows["place, hours and language only"]["precision@k"]
