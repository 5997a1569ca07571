"""File and API input for matching: a job and people, validated, then turned into scorer inputs.

Unknown fields are refused, so a file that carries age, gender, nationality, mother tongue or a
diagnosis is rejected with the field named instead of silently stored or scored.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from kohtaanto.core.vocabulary import CEFR, DAYS, Day, Key, Level, StrictModel, cefr, weekdays
from kohtaanto.matching.profiles import Candidate, Job, SkillNeed


class NeedIn(StrictModel):
    skill: Key
    level: int = Field(1, ge=1, le=5)
    essential: bool = True


def _hours_in_order(model: Any) -> Any:
    if model.hours_min > model.hours_max:
        raise ValueError("hours_min must not exceed hours_max")
    return model


class JobSpecIn(StrictModel):
    """A job as stored: everything the scorer reads, without its reference."""

    _hours = model_validator(mode="after")(_hours_in_order)

    skills: list[NeedIn] = Field(default_factory=list)
    demands: dict[str, Level] = Field(default_factory=dict)
    accommodations: dict[str, Level] = Field(
        default_factory=dict, description="Levels the employer will close."
    )
    hours_min: float = Field(0, ge=0, le=80)
    hours_max: float = Field(40, gt=0, le=80)
    days: list[Day] = Field(default_factory=weekdays, min_length=1)
    municipality: str = ""
    remote_possible: bool = False
    working_language: str | None = None
    plain_language_onboarding: bool = False
    occupation: str = ""

    _level = field_validator("working_language")(cefr)

    def to_job(self, ref: str) -> Job:
        return Job(
            ref,
            tuple(SkillNeed(n.skill, n.level, n.essential) for n in self.skills),
            self.demands,
            self.accommodations,
            self.hours_min,
            self.hours_max,
            frozenset(DAYS.index(d) for d in self.days),
            self.municipality,
            self.remote_possible,
            CEFR[self.working_language] if self.working_language else 0,
            self.plain_language_onboarding,
            self.occupation,
        )


class JobIn(JobSpecIn):
    ref: str = Field(min_length=1, max_length=120)
    headcount: int = Field(1, ge=1, le=1000, description="People to hire (pool assignment).")

    def to_job(self, ref: str | None = None) -> Job:
        return super().to_job(ref or self.ref)


class ProfileIn(StrictModel):
    """A person's matching profile as stored: no name, age, gender, origin, language of birth or diagnosis."""

    _hours = model_validator(mode="after")(_hours_in_order)

    skills: dict[Key, Annotated[int, Field(ge=1, le=5)]] = Field(default_factory=dict)
    capacities: dict[Key, Level] = Field(default_factory=dict, description="Disclosed capacities only.")
    hours_min: float = Field(0, ge=0, le=60)
    hours_max: float = Field(40, gt=0, le=80)
    days: list[Day] = Field(default_factory=weekdays, min_length=1)
    municipality: str = ""
    remote: Literal["no", "prefer", "only"] = "no"
    max_commute_km: float | None = Field(None, gt=0)
    working_language: str | None = None
    trainable_levels: int = Field(1, ge=0, le=5)
    preferred_occupations: list[str] = Field(default_factory=list)

    _level = field_validator("working_language")(cefr)

    def to_candidate(self, ref: str) -> Candidate:
        return Candidate(
            ref,
            self.skills,
            self.capacities,
            self.hours_min,
            self.hours_max,
            frozenset(DAYS.index(d) for d in self.days),
            self.municipality,
            self.remote,
            self.max_commute_km,
            CEFR[self.working_language] if self.working_language else 5,
            self.trainable_levels,
            frozenset(self.preferred_occupations),
        )


class PersonIn(ProfileIn):
    ref: str = Field(min_length=1, max_length=120, description="A pseudonym, never a name.")

    def to_candidate(self, ref: str | None = None) -> Candidate:
        return super().to_candidate(ref or self.ref)


class JobFile(StrictModel):
    format: Literal["kohtaanto.matching/1"] = "kohtaanto.matching/1"
    job: JobIn


class PeopleFile(StrictModel):
    format: Literal["kohtaanto.matching/1"] = "kohtaanto.matching/1"
    people: list[PersonIn] = Field(min_length=1)


class JobsFile(StrictModel):
    format: Literal["kohtaanto.matching/1"] = "kohtaanto.matching/1"
    jobs: list[JobIn] = Field(min_length=1)


class PoolFile(StrictModel):
    """Pool assignment input: jobs with headcounts, people, and the least score worth proposing."""

    format: Literal["kohtaanto.matching/1"] = "kohtaanto.matching/1"
    jobs: list[JobIn] = Field(min_length=1)
    people: list[PersonIn] = Field(min_length=1)
    min_score: float = Field(0.0, ge=0, le=1)

    @model_validator(mode="after")
    def _unique(self) -> PoolFile:
        for name, refs in (("jobs", [j.ref for j in self.jobs]), ("people", [p.ref for p in self.people])):
            seen: set[str] = set()
            for ref in refs:
                if ref in seen:
                    raise ValueError(f"{name}: ref {ref!r} appears twice")
                seen.add(ref)
        return self


class EvalFile(StrictModel):
    """A labelled matching set: jobs, people, and for each job the people a coach calls a fit."""

    format: Literal["kohtaanto.matching/1"] = "kohtaanto.matching/1"
    jobs: list[JobIn] = Field(min_length=1)
    people: list[PersonIn] = Field(min_length=1)
    fits: dict[str, list[str]]

    @model_validator(mode="after")
    def _known(self) -> EvalFile:
        jobs, people = {j.ref for j in self.jobs}, {p.ref for p in self.people}
        for job, refs in self.fits.items():
            if job not in jobs:
                raise ValueError(f"fits names an unknown job {job!r}")
            unknown = [r for r in refs if r not in people]
            if unknown:
                raise ValueError(f"fits of {job!r} name an unknown person {unknown[0]!r}")
        return self
