"""Matching evaluated on a labelled set: for each job, do the people a coach calls a fit come first?

Per job, everyone is ranked (pairs that break a hard constraint last); the top k places, k being the
number of fits, are the recommendations. Reported over all jobs: precision at k (share of those places
that go to fits), how many non-fits are recommended, and the share of (fit, non-fit) pairs ranked the
right way round. Two baselines run on the same set: skill overlap alone (Jaccard of skill names), and
place, hours and language alone (what a system that ignores skills would rank by).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kohtaanto.matching.profiles import Candidate, Job
from kohtaanto.matching.score import Scored, score

Ranker = Callable[[Candidate, Job], float]  # higher is better


@dataclass(frozen=True)
class MatchScores:
    method: str
    jobs: int
    precision_at_k: float
    wrong_recommended: int
    pairs_in_order: float

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "method": self.method,
            "jobs": self.jobs,
            "precision@k": round(self.precision_at_k, 4),
            "non_fits_recommended": self.wrong_recommended,
            "pairs_in_order": round(self.pairs_in_order, 4),
        }


def kohtaanto_rank(distance: Callable[[str, str], float | None] | None = None) -> Ranker:
    def rank(person: Candidate, job: Job) -> float:
        result = score(person, job, distance=distance)
        return result.score if isinstance(result, Scored) else -1.0

    return rank


def skill_overlap(person: Candidate, job: Job) -> float:
    needed = {need.skill for need in job.skills}
    have = set(person.skills)
    return len(needed & have) / len(needed | have) if needed | have else 0.0


def place_hours_language(person: Candidate, job: Job) -> float:
    hours = person.hours_max >= job.hours_min and person.hours_min <= job.hours_max
    place = (person.remote == "only" and job.remote_possible) or person.municipality == job.municipality
    language = person.working_language >= job.working_language
    return (hours + place + language) / 3


def evaluate(
    method: str,
    jobs: Sequence[Job],
    people: Sequence[Candidate],
    fits: Mapping[str, Sequence[str]],
    rank: Ranker,
) -> MatchScores:
    hits = slots = wrong = ordered = pairs = 0
    for job in jobs:
        good = set(fits.get(job.ref, ()))
        if not good:
            continue
        value = {person.ref: rank(person, job) for person in people}
        top = sorted(value, key=lambda ref: (-value[ref], ref))[: len(good)]
        hits += sum(ref in good for ref in top)
        wrong += sum(ref not in good for ref in top)
        slots += len(good)
        for fit in good:
            for other in value.keys() - good:
                pairs += 1
                ordered += value[fit] > value[other]
    return MatchScores(method, len(jobs), hits / max(slots, 1), wrong, ordered / max(pairs, 1))
