from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.matching.assign import assign

pytestmark = pytest.mark.unit


def brute_force(edges, headcounts, min_score):
    people = sorted({p for p, _, _ in edges})
    best = 0.0
    options = {
        p: [(j, s) for q, j, s in edges if q == p and s >= min_score and s > 0] + [(None, 0.0)]
        for p in people
    }
    for combo in itertools.product(*(options[p] for p in people)):
        used: dict[str, int] = {}
        for job, _ in combo:
            if job is not None:
                used[job] = used.get(job, 0) + 1
        if all(n <= headcounts.get(j, 0) for j, n in used.items()):
            best = max(best, sum(s for _, s in combo))
    return best


def test_hand_example_prefers_total_score_over_greed():
    # Greedy would give Ann the cashier job (0.9) and leave Ben with nothing (0.1 below the minimum).
    edges = [("ann", "cashier", 0.9), ("ann", "stock", 0.8), ("ben", "cashier", 0.85)]
    result = assign(edges, {"cashier": 1, "stock": 1}, min_score=0.5)
    assert result.people == {"ann": "stock", "ben": "cashier"}
    assert result.total == pytest.approx(1.65)


def test_headcounts_and_minimum_score():
    edges = [(f"p{i}", "job", 0.5 + i / 10) for i in range(4)]
    result = assign(edges, {"job": 2}, min_score=0.55)
    assert result.people == {"p2": "job", "p3": "job"}
    assert assign(edges, {"job": 2}, min_score=0.95).pairs == ()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcd"), st.sampled_from("xyz"), st.floats(0, 1, allow_nan=False)),
        max_size=10,
        unique_by=lambda e: (e[0], e[1]),
    ),
    st.dictionaries(st.sampled_from("xyz"), st.integers(0, 2)),
    st.floats(0, 1, allow_nan=False),
)
def test_matches_brute_force(edges, headcounts, min_score):
    result = assign(edges, headcounts, min_score)
    assert result.total == pytest.approx(brute_force(edges, headcounts, min_score), abs=1e-5)
    assert len(result.people) == len(result.pairs)  # one job per person
    for job, count in headcounts.items():
        assert sum(1 for _, j, _ in result.pairs if j == job) <= count
    assert all(s >= min_score for _, _, s in result.pairs)
