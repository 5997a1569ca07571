"""Carving use cases: the best jobs for people at one workplace, and a municipal talent pool."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kohtaanto.carving.diagnose import Binding, diagnose
from kohtaanto.carving.model import analyse
from kohtaanto.carving.pool import carve_pool
from kohtaanto.carving.proposal import build
from kohtaanto.carving.reasons import message
from kohtaanto.carving.schema import AccommodationIn, CarvingPersonIn, SettingsIn, WorkplaceFile
from kohtaanto.carving.solver import SolverSettings, carve_one
from kohtaanto.core.formatting import number
from kohtaanto.rules.engine import RulesEngine


@dataclass(frozen=True)
class PersonResult:
    person: str
    alias: str
    proposals: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""
    reasons: list[Binding] = field(default_factory=list)  # when there is no proposal: what binds

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "alias": self.alias,
            "proposals": self.proposals,
            "message": self.message,
            "reasons": [r.as_dict() for r in self.reasons],
        }


def carve_workplace(
    source: WorkplaceFile,
    people: Sequence[CarvingPersonIn],
    catalogue: Sequence[AccommodationIn],
    settings: SettingsIn,
    engine: RulesEngine,
    on: dt.date,
    solver: SolverSettings | None = None,
    alternatives: int = 1,
    language: str = "fi",
) -> list[PersonResult]:
    """For each person separately, up to ``alternatives`` diverse carved jobs at this workplace."""
    out = []
    for person in people:
        option = analyse(person, source.workplace, list(catalogue), settings)
        solutions = carve_one(option, settings, solver, alternatives)
        proposals = [build(s.choices[0], s, settings, engine, on, language).as_dict() for s in solutions]
        note = (
            "" if proposals else message("no_bundle", language, min_hours=number(person.hours.min, language))
        )
        reasons = [] if proposals else diagnose(option, language)
        out.append(PersonResult(person.id, person.alias, proposals, note, reasons))
    return out


def reachable(person: CarvingPersonIn, source: WorkplaceFile) -> bool:
    places = set(person.reach) | ({person.municipality} if person.municipality else set())
    return not places or not source.workplace.municipality or source.workplace.municipality in places


@dataclass(frozen=True)
class PoolResult:
    results: list[PersonResult]
    objective: int
    bound: float
    optimal: bool
    gap: float
    status: str
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "objective": self.objective,
            "bound": round(self.bound, 2),
            "optimal": self.optimal,
            "gap": round(self.gap, 4),
            "status": self.status,
            "seconds": round(self.seconds, 2),
            "people": [r.as_dict() for r in self.results],
        }


def carve_talent_pool(
    workplaces: Sequence[WorkplaceFile],
    people: Sequence[CarvingPersonIn],
    settings: SettingsIn,
    engine: RulesEngine,
    on: dt.date,
    solver: SolverSettings | None = None,
    language: str = "fi",
) -> PoolResult:
    """One carved job at most per person, one new holder at most per task, across the pool."""
    options = [
        analyse(person, source.workplace, source.accommodations, settings)
        for person in people
        for source in workplaces
        if reachable(person, source)
    ]
    solution = carve_pool(options, settings, solver)
    taken: dict[str, set[str]] = {}
    for choice in solution.choices:
        taken.setdefault(choice.option.workplace.id, set()).update(choice.tasks)
    by_person = {c.option.person.id: c for c in solution.choices}
    results = []
    for person in people:
        found = by_person.get(person.id)
        if found is None:
            results.append(
                PersonResult(
                    person.id,
                    person.alias,
                    [],
                    message("no_bundle", language, min_hours=number(person.hours.min, language)),
                )
            )
            continue
        others = taken[found.option.workplace.id] - set(found.tasks)
        proposal = build(found, solution, settings, engine, on, language, others)
        results.append(PersonResult(person.id, person.alias, [proposal.as_dict()]))
    return PoolResult(
        results,
        solution.objective,
        solution.bound,
        solution.optimal,
        solution.gap,
        solution.status,
        solution.seconds,
    )
