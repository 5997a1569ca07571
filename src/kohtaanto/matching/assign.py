"""Pool assignment: people to jobs with headcounts, maximising the total match score.

A minimum-cost flow (OR-Tools): source → person (capacity 1) → job (capacity 1, cost = -score) →
sink (capacity = headcount), with a free source → sink bypass so nobody is forced into a poor match.
Only pairs that are matches (no hard constraint broken) and reach ``min_score`` become arcs.
Scores are scaled to integers (``SCALE``) for the solver; ties break towards fewer, better matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ortools.graph.python import min_cost_flow

SCALE = 1_000_000


@dataclass(frozen=True, slots=True)
class Assignment:
    pairs: tuple[tuple[str, str, float], ...]  # (person, job, score)
    total: float

    @property
    def people(self) -> dict[str, str]:
        return {person: job for person, job, _ in self.pairs}


class AssignmentError(RuntimeError):
    pass


def assign(
    edges: Iterable[tuple[str, str, float]], headcounts: Mapping[str, int], min_score: float = 0.0
) -> Assignment:
    """The assignment with the greatest total score; each person gets at most one job."""
    kept = [(p, j, s) for p, j, s in edges if s >= min_score and s > 0 and headcounts.get(j, 0) > 0]
    people = sorted({p for p, _, _ in kept})
    jobs = sorted({j for _, j, _ in kept})
    if not kept:
        return Assignment((), 0.0)
    source, sink = 0, 1
    person_node = {p: 2 + i for i, p in enumerate(people)}
    job_node = {j: 2 + len(people) + i for i, j in enumerate(jobs)}
    flow = min_cost_flow.SimpleMinCostFlow()
    for node in person_node.values():
        flow.add_arc_with_capacity_and_unit_cost(source, node, 1, 0)
    arcs = []
    for p, j, s in kept:
        arc = flow.add_arc_with_capacity_and_unit_cost(person_node[p], job_node[j], 1, -round(s * SCALE))
        arcs.append((arc, p, j, s))
    for j, node in job_node.items():
        flow.add_arc_with_capacity_and_unit_cost(node, sink, headcounts[j], 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, len(people), 0)  # anyone may stay unassigned
    flow.set_node_supply(source, len(people))
    flow.set_node_supply(sink, -len(people))
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise AssignmentError(f"the assignment could not be solved (status {status})")
    pairs = tuple(sorted((p, j, s) for arc, p, j, s in arcs if flow.flow(arc) > 0))
    return Assignment(pairs, round(sum(s for _, _, s in pairs), 6))
