"""A columnar pool index: the same score as :func:`score.score`, for a million people at once.

People are rows. Skills are a sparse people x skills matrix of levels (CSC, so a job's needed skills
are column slices), capacities a dense int8 matrix (``UNDISCLOSED`` where the person said nothing),
and hours, days, place, language and preferences are columns. A query applies the hard constraints
as a mask and computes the six components as vectors; the top ``k`` come from ``argpartition``.
Scores are rounded to 6 decimals like the pair scorer, and ties order by pseudonym, so the index
and the brute-force scorer return the same ranking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from kohtaanto.matching.profiles import Candidate, Job
from kohtaanto.matching.score import Weights, banded

UNDISCLOSED = 127
REMOTE = {"no": 0, "prefer": 1, "only": 2}
Neighbours = Mapping[str, Mapping[str, float]]  # needed skill -> {related skill: similarity}


@dataclass(frozen=True)
class Hit:
    ref: str
    score: float


class PoolIndex:
    def __init__(
        self,
        refs: Sequence[str],
        skills: sparse.csc_matrix,
        skill_ids: Sequence[str],
        capacities: npt.NDArray[np.int8],
        attributes: Sequence[str],
        columns: Mapping[str, npt.NDArray[Any]],
        municipalities: Sequence[str],
        occupations: Sequence[str] = (),
        preferences: sparse.csr_matrix | None = None,
    ) -> None:
        self.refs = np.asarray(refs)
        self.skills = skills.tocsc()
        self.skill_column = {s: i for i, s in enumerate(skill_ids)}
        self.capacities = np.asfortranarray(capacities)  # one attribute is one contiguous column
        self.attribute_column = {a: i for i, a in enumerate(attributes)}
        self.columns = dict(columns)
        self.municipality_code = {m: i for i, m in enumerate(municipalities)}
        self.municipalities = list(municipalities)
        self.occupation_column = {o: i for i, o in enumerate(occupations)}
        self.preferences = preferences.tocsc() if preferences is not None else None
        self.order = np.argsort(self.refs, kind="stable")  # tie-break by pseudonym
        self.rank_of_ref = np.empty(len(self.refs), dtype=np.int64)
        self.rank_of_ref[self.order] = np.arange(len(self.refs))

    def __len__(self) -> int:
        return len(self.refs)

    @property
    def nbytes(self) -> int:
        total = self.skills.data.nbytes + self.skills.indices.nbytes + self.skills.indptr.nbytes
        total += self.capacities.nbytes + sum(c.nbytes for c in self.columns.values())
        return int(total)

    @classmethod
    def from_candidates(
        cls, people: Sequence[Candidate], attributes: Sequence[str], municipalities: Sequence[str] = ()
    ) -> PoolIndex:
        """Build from scorer inputs (the database path builds the same arrays in bulk)."""
        skill_ids = sorted({s for p in people for s in p.skills})
        column = {s: i for i, s in enumerate(skill_ids)}
        rows, cols, levels = [], [], []
        for r, person in enumerate(people):
            for skill, level in person.skills.items():
                rows.append(r)
                cols.append(column[skill])
                levels.append(level)
        matrix = sparse.csc_matrix(
            (np.array(levels, dtype=np.int8), (rows, cols)), shape=(len(people), len(skill_ids))
        )
        caps = np.full((len(people), len(attributes)), UNDISCLOSED, dtype=np.int8)
        at = {a: i for i, a in enumerate(attributes)}
        for r, person in enumerate(people):
            for attribute, level in person.capacities.items():
                if attribute in at:
                    caps[r, at[attribute]] = level
        places = sorted(set(municipalities) | {p.municipality for p in people})
        code = {m: i for i, m in enumerate(places)}
        occupations = sorted({o for p in people for o in p.preferred_occupations})
        oc = {o: i for i, o in enumerate(occupations)}
        pref_rows = [r for r, p in enumerate(people) for _ in p.preferred_occupations]
        pref_cols = [oc[o] for p in people for o in p.preferred_occupations]
        preferences = sparse.csr_matrix(
            (np.ones(len(pref_rows), dtype=np.int8), (pref_rows, pref_cols)),
            shape=(len(people), len(occupations)),
        )
        columns: dict[str, npt.NDArray[Any]] = {
            "hours_min": np.array([p.hours_min for p in people], dtype=np.float64),
            "hours_max": np.array([p.hours_max for p in people], dtype=np.float64),
            "days": np.array([sum(1 << d for d in p.days) for p in people], dtype=np.uint8),
            "municipality": np.array([code[p.municipality] for p in people], dtype=np.int32),
            "has_municipality": np.array([bool(p.municipality) for p in people], dtype=bool),
            "remote": np.array([REMOTE[p.remote] for p in people], dtype=np.int8),
            "max_commute": np.array(
                [np.inf if p.max_commute_km is None else p.max_commute_km for p in people], dtype=np.float64
            ),
            "language": np.array([p.working_language for p in people], dtype=np.int8),
            "trainable": np.array([p.trainable_levels for p in people], dtype=np.int8),
            "has_preferences": np.array([bool(p.preferred_occupations) for p in people], dtype=bool),
        }
        return cls(
            [p.ref for p in people],
            matrix,
            skill_ids,
            caps,
            attributes,
            columns,
            places,
            occupations,
            preferences,
        )

    def _level(self, skill: str) -> npt.NDArray[np.int8]:
        out = np.zeros(len(self.refs), dtype=np.int8)
        column = self.skill_column.get(skill)
        if column is not None:
            start, end = self.skills.indptr[column], self.skills.indptr[column + 1]
            out[self.skills.indices[start:end]] = self.skills.data[start:end]
        return out

    def _km(self, job: Job, distance: Callable[[str, str], float | None] | None) -> npt.NDArray[np.float64]:
        """Distance from each municipality to the job's, per municipality (NaN when unknown)."""
        table = np.full(len(self.municipalities), np.nan)
        if distance is not None:
            for code, name in enumerate(self.municipalities):
                d = distance(name, job.municipality)
                if d is not None:
                    table[code] = d
        return table

    def _mask(self, job: Job, km_table: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """The hard constraints over the whole pool, with cheap whole-column operations."""
        c = self.columns
        ok = (c["days"] & np.uint8(sum(1 << d for d in job.days))) != 0
        ok &= c["hours_max"] >= job.hours_min  # with min <= max on both sides, these two are the overlap
        ok &= c["hours_min"] <= job.hours_max
        if not job.remote_possible:
            ok &= c["remote"] != REMOTE["only"]
        ok &= c["language"] > job.working_language - 2
        for attribute, demand in job.demands.items():
            column = self.attribute_column.get(attribute)
            if column is not None:  # undisclosed (127) always passes
                ok &= self.capacities[:, column] >= demand - job.accommodations.get(attribute, 0)
        for need in job.skills:  # an essential skill must be there or learnable at work (score._essential)
            if need.essential:
                ok &= self._level(need.skill) >= need.level - c["trainable"]
        if not np.isnan(km_table).all():
            km = km_table[c["municipality"]]
            remote = job.remote_possible & (c["remote"] >= REMOTE["prefer"])
            same = c["has_municipality"] & (
                c["municipality"] == self.municipality_code.get(job.municipality, -1)
            )
            ok &= ~(~remote & ~same & (km > c["max_commute"]))  # NaN compares False: unknown passes
        return np.asarray(ok, dtype=bool)

    def evaluate(
        self,
        job: Job,
        weights: Weights | None = None,
        neighbours: Neighbours | None = None,
        distance: Callable[[str, str], float | None] | None = None,
        allowed: npt.NDArray[np.bool_] | None = None,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """Rows that meet every hard constraint (among the ``allowed`` rows, if given), and their scores."""
        w = weights or Weights()
        km_table = self._km(job, distance)
        mask = self._mask(job, km_table)
        if allowed is not None:
            mask &= allowed
        rows = np.flatnonzero(mask)
        used = (
            "hours_max",
            "remote",
            "has_municipality",
            "municipality",
            "language",
            "has_preferences",
            "trainable",
        )
        c = {name: self.columns[name][rows] for name in used}
        accommodated = np.zeros(len(rows))
        for attribute, demand in job.demands.items():
            column = self.attribute_column.get(attribute)
            if column is not None:
                accommodated += self.capacities[rows, column] < demand
        functional = np.maximum(0.0, 1.0 - w.per_accommodation * accommodated)
        hours = np.where(c["hours_max"] >= job.hours_min, 1.0, c["hours_max"] / max(job.hours_min, 1e-9))
        remote = job.remote_possible & (c["remote"] >= REMOTE["prefer"])
        same = c["has_municipality"] & (c["municipality"] == self.municipality_code.get(job.municipality, -1))
        km = km_table[c["municipality"]]
        span = w.commute_zero_km - w.commute_full_km
        place = np.where(np.isnan(km), 0.5, np.clip((w.commute_zero_km - km) / span, 0.0, 1.0))
        place = np.where(remote | same, 1.0, place)
        plain = w.plain_language if job.plain_language_onboarding else w.one_level_short
        language = np.where(c["language"] >= job.working_language, 1.0, plain)
        preferences = np.where(c["has_preferences"], 0.0, 0.5)
        column = self.occupation_column.get(job.occupation)
        if column is not None and self.preferences is not None:
            start, end = self.preferences.indptr[column], self.preferences.indptr[column + 1]
            liked = np.zeros(len(self.refs), dtype=bool)
            liked[self.preferences.indices[start:end]] = True
            preferences = np.where(liked[rows], 1.0, preferences)
        skills, has_relevant = self._skills(job, w, neighbours or {}, rows, c["trainable"])
        parts = (
            (w.skills, skills),
            (w.functional, functional),
            (w.hours, hours),
            (w.place, place),
            (w.language, language),
            (w.preferences, preferences),
        )
        total_weight = sum(weight for weight, _ in parts) or 1.0
        value = np.asarray(sum(weight * part for weight, part in parts) / total_weight, dtype=np.float64)
        value = banded(value, has_relevant)
        if job.skills:  # no credit at all for the job's skills is not a match (score.score)
            relevant = skills > 0.0
            rows, value = rows[relevant], value[relevant]
        return rows, np.round(value, 6)

    def scores(
        self,
        job: Job,
        weights: Weights | None = None,
        neighbours: Neighbours | None = None,
        distance: Callable[[str, str], float | None] | None = None,
        allowed: npt.NDArray[np.bool_] | None = None,
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
        """The hard-constraint mask and the score of every person (NaN where the mask is False)."""
        rows, values = self.evaluate(job, weights, neighbours, distance, allowed)
        ok = np.zeros(len(self.refs), dtype=bool)
        ok[rows] = True
        full = np.full(len(self.refs), np.nan)
        full[rows] = values
        return ok, full

    def _skills(
        self,
        job: Job,
        w: Weights,
        neighbours: Neighbours,
        rows: npt.NDArray[np.int64],
        trainable: npt.NDArray[np.int8],
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
        """Each row's share of the job's skills, and whether it has a relevant one (has a needed skill
        at its level, or a related skill that earns more than learning at work would: score._skills)."""
        if not job.skills:
            return np.ones(len(rows)), np.ones(len(rows), dtype=bool)
        total = 0.0
        earned = np.zeros(len(rows))
        relevant = np.zeros(len(rows), dtype=bool)
        for need in job.skills:
            weight = w.essential if need.essential else w.optional
            total += weight
            have = self._level(need.skill)[rows]
            credit = np.where(have >= need.level - trainable, w.trainable, 0.0)
            for related, similarity in neighbours.get(need.skill, {}).items():
                if related != need.skill and similarity * w.partial > 0:
                    near = self._level(related)[rows] > 0
                    better = near & (similarity * w.partial > credit)
                    relevant |= better & (have < need.level)
                    credit = np.where(better, similarity * w.partial, credit)
            met = have >= need.level
            relevant |= met
            earned += weight * np.where(met, 1.0, credit)
        return earned / total, relevant

    def top(
        self,
        job: Job,
        k: int = 20,
        weights: Weights | None = None,
        neighbours: Neighbours | None = None,
        distance: Callable[[str, str], float | None] | None = None,
        allowed: npt.NDArray[np.bool_] | None = None,
    ) -> list[Hit]:
        rows, values = self.evaluate(job, weights, neighbours, distance, allowed)
        candidates = np.arange(len(rows))
        if len(rows) > k:
            kth = np.partition(values, len(values) - k)[len(values) - k]  # the k-th largest score
            above = candidates[values > kth]
            level = candidates[values == kth]
            level = level[np.argsort(self.rank_of_ref[rows[level]], kind="stable")][: k - len(above)]
            candidates = np.concatenate([above, level])
        ordered = candidates[np.lexsort((self.rank_of_ref[rows[candidates]], -values[candidates]))]
        return [Hit(str(self.refs[rows[i]]), float(values[i])) for i in ordered]
