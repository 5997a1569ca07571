"""The documented input format for job carving: workplaces, people and accommodation catalogues.

Files are YAML or JSON. Each starts with ``format: kohtaanto.carving/1``. Unknown fields are
refused so a typo is reported, not ignored. The JSON Schema in ``docs/carving-format.schema.json``
is generated from these models (``kohtaanto carve --schema``) and a test keeps it current.

Hours are per week unless ``per: month`` says otherwise. Demand and capacity levels use the
functional-demand vocabulary (0-5). A person's ``capacities`` hold only what the person chose to
disclose; an attribute left out is not used. ``support_facts`` only feed the support calculation
(for example the 55+ subsidy needs the age); they never enter the fit or the objective.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from kohtaanto.core.language import pick
from kohtaanto.core.vocabulary import Day, Exposure, Key, Level, StrictModel, cefr, weekdays

FORMAT = "kohtaanto.carving/1"
WEEKS_PER_MONTH = Decimal("4.33")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class TaskTexts(StrictModel):
    """A name in the language it was written in, with any translations: at least one of Finnish, Swedish
    and English. A language that is missing falls back to Finnish, then to the text there is."""

    fi: str = ""
    sv: str = ""
    en: str = ""

    @model_validator(mode="after")
    def _written(self) -> TaskTexts:
        if not (self.fi or self.sv or self.en):
            raise ValueError("write the name in at least one language (fi, sv or en)")
        return self

    def get(self, language: str) -> str:
        return pick({"fi": self.fi, "sv": self.sv, "en": self.en}, language)


class Window(StrictModel):
    day: Day
    start: str = Field(description="HH:MM")
    end: str = Field(description="HH:MM, after start")

    @field_validator("start", "end")
    @classmethod
    def _time(cls, value: str) -> str:
        if not _TIME.match(value):
            raise ValueError("a time is HH:MM, for example 07:30")
        return value

    @model_validator(mode="after")
    def _order(self) -> Window:
        if self.minutes[1] <= self.minutes[0]:
            raise ValueError("end must be after start")
        return self

    @property
    def minutes(self) -> tuple[int, int]:
        def at(text: str) -> int:
            hours, minutes = text.split(":")
            return int(hours) * 60 + int(minutes)

        return at(self.start), at(self.end)


class Schedule(StrictModel):
    """Either fixed time windows, or flexible within the listed days."""

    fixed: list[Window] = Field(default_factory=list)
    flexible_days: list[Day] = Field(default_factory=weekdays)

    @model_validator(mode="after")
    def _one_kind(self) -> Schedule:
        if not self.fixed and not self.flexible_days:
            raise ValueError("give fixed windows or at least one flexible day")
        return self


class SkillLevel(StrictModel):
    id: Key = Field(description="A starter skill id (warehouse.pick_orders) or an ESCO concept URI.")
    level: Level = 1


class Demand(StrictModel):
    level: Level
    exposure: Exposure = "sometimes"


class TaskIn(StrictModel):
    id: Key
    name: TaskTexts
    hours: Decimal = Field(gt=0, le=80, description="Hours the task takes per week (or per month).")
    per: Literal["week", "month"] = "week"
    frequency: Literal["daily", "weekly", "monthly", "irregular"] = "weekly"
    separable: bool = Field(True, description="Can the task be separated from the process?")
    below_holder_level: bool = Field(False, description="Is the task below the holder's skill level?")
    skills: list[SkillLevel] = Field(default_factory=list)
    demands: dict[str, Level | Demand] = Field(
        default_factory=dict, description="Functional-demand attribute id -> level, or level and exposure."
    )
    schedule: Schedule = Schedule()
    location: str = "main"
    remote_possible: bool = False
    divisible: bool = Field(False, description="Can part of the hours be given to the new job?")
    min_chunk: Decimal | None = Field(None, gt=0, description="Smallest share in hours, when divisible.")
    goes_with: list[Key] = Field(default_factory=list, description="Tasks that must stay in the same job.")
    after: list[Key] = Field(default_factory=list, description="Tasks that must be done before this one.")

    @property
    def weekly_hours(self) -> Decimal:
        return self.hours if self.per == "week" else (self.hours / WEEKS_PER_MONTH).quantize(Decimal("0.01"))


class RoleIn(StrictModel):
    id: Key
    title: TaskTexts
    holders: int = Field(1, ge=1)
    hourly_cost: Decimal = Field(gt=0, description="Employer's full cost of one hour of this role, euros.")
    freed_for: TaskTexts | None = Field(None, description="What the holders' freed hours are for.")
    tasks: list[TaskIn] = Field(min_length=1)


class AccommodationIn(StrictModel):
    id: Key
    name: TaskTexts
    type: Literal["O", "T", "B"] = Field(description="Organisational, technical or support measure.")
    attribute: str = Field(description="The functional-demand attribute whose capacity it raises.")
    raises_by: int = Field(ge=1, le=5)
    one_off_cost: Decimal = Field(Decimal(0), ge=0)
    monthly_cost: Decimal = Field(Decimal(0), ge=0)
    support: Literal["work_arrangement_tools", "work_arrangement_help", "none"] = "none"
    help_hours_per_month: Decimal = Field(
        Decimal(0), ge=0, description="A co-worker's help hours, for work_arrangement_help."
    )


class WorkplaceIn(StrictModel):
    id: Key
    name: str = Field(min_length=1)
    municipality: str = ""
    legal_form: Literal["company", "association", "foundation", "religious_community", "municipality"]
    business_activity: bool = True
    new_job_hourly_wage: Decimal = Field(
        gt=0, description="Gross hourly wage of the new job (collective agreement)."
    )
    side_cost_rate: Decimal = Field(
        Decimal("0.21"), ge=0, le=1, description="Employer's side costs as a share of the wage."
    )
    roles: list[RoleIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_and_linked(self) -> WorkplaceIn:
        roles = [role.id for role in self.roles]
        tasks = [task.id for role in self.roles for task in role.tasks]
        for what, keys in (("role", roles), ("task", tasks)):
            duplicates = sorted({k for k in keys if keys.count(k) > 1})
            if duplicates:
                raise ValueError(f"{what} ids must be unique: {', '.join(duplicates)}")
        known = set(tasks)
        for role in self.roles:
            for task in role.tasks:
                unknown = [k for k in (*task.goes_with, *task.after) if k not in known]
                if unknown:
                    raise ValueError(f"task {task.id} links to unknown tasks: {', '.join(unknown)}")
        return self


class Hours(StrictModel):
    min: Decimal = Field(Decimal(0), ge=0)
    max: Decimal = Field(gt=0, le=60)

    @model_validator(mode="after")
    def _order(self) -> Hours:
        if self.min > self.max:
            raise ValueError("min hours must not exceed max hours")
        return self


class SupportFacts(StrictModel):
    """Facts for the support calculation only. They never enter the fit or the objective."""

    age: int | None = Field(None, ge=15, le=80)
    unemployment_months: int = Field(0, ge=0)
    reduced_work_ability: bool = False
    permanent_reduced_work_ability: bool = False
    registered_unemployed: bool = True


class CarvingPersonIn(StrictModel):
    id: Key
    alias: str = Field("", description="A pseudonym shown to the employer; never a real name.")
    municipality: str = ""
    reach: list[str] = Field(
        default_factory=list, description="Municipalities the person can work in (pool mode); empty: own."
    )
    hours: Hours
    availability: list[Window] = Field(default_factory=list, description="Empty: any weekday daytime.")
    remote: Literal["no", "prefer", "only"] = "no"
    skills: list[SkillLevel] = Field(default_factory=list)
    capacities: dict[str, Level] = Field(default_factory=dict, description="Disclosed capacities only.")
    working_language: str | None = Field(None, description="CEFR level A1-C2 of the workplace language.")
    trainable_levels: int = Field(
        1,
        ge=0,
        le=5,
        description="How fast the person learns: skill levels learnable in 12 weeks of training.",
    )

    def learnable_levels(self, training_weeks: int) -> int:
        """Skill levels the person can learn within the settings' training window."""
        return self.trainable_levels * training_weeks // 12

    support_facts: SupportFacts = Field(default_factory=lambda: SupportFacts.model_validate({}))

    _cefr = field_validator("working_language")(cefr)


class WorkplaceFile(StrictModel):
    format: Literal["kohtaanto.carving/1"] = "kohtaanto.carving/1"
    workplace: WorkplaceIn
    accommodations: list[AccommodationIn] = Field(default_factory=list)
    people: list[CarvingPersonIn] = Field(default_factory=list)


class CarvingPeopleFile(StrictModel):
    format: Literal["kohtaanto.carving/1"] = "kohtaanto.carving/1"
    people: list[CarvingPersonIn] = Field(min_length=1)


class CatalogueFile(StrictModel):
    format: Literal["kohtaanto.carving/1"] = "kohtaanto.carving/1"
    accommodations: list[AccommodationIn] = Field(min_length=1)


class SettingsIn(StrictModel):
    """Carving settings: the weights of the objective and the coherence limits."""

    max_source_roles: int = Field(3, ge=1)
    max_locations: int = Field(2, ge=1)
    training_weeks: int = Field(12, ge=0, le=104, description="The training window, in weeks.")
    freed_value_weight: Decimal = Field(Decimal(1), ge=0)
    below_level_bonus: Decimal = Field(
        Decimal("0.5"), ge=0, description="Extra weight on freed hours that were below the holder's level."
    )
    fit_weight: Decimal = Field(Decimal(20), ge=0, description="Euros a month per weekly hour of skill fit.")
    training_cost_per_level: Decimal = Field(Decimal(150), ge=0, description="Euros a month per skill level.")
    fragmentation_cost: Decimal = Field(
        Decimal(120), ge=0, description="Euros a month per extra source role."
    )
    amortisation_months: int = Field(12, ge=1, description="One-off costs are spread over this many months.")
    on: dt.date | None = Field(None, description="Date of the support calculation (default: today).")


class CarveRequest(StrictModel):
    """The body of ``POST /api/v1/carving/carve/``: one workplace and the people to carve for."""

    workplace: WorkplaceIn
    accommodations: list[AccommodationIn] = Field(default_factory=list)
    people: list[CarvingPersonIn] = Field(min_length=1, max_length=50)
    settings: SettingsIn = Field(default_factory=lambda: SettingsIn.model_validate({}))
    alternatives: int = Field(1, ge=1, le=5)
    time_limit: float = Field(5.0, gt=0, le=30, description="Seconds for the solver per person.")


class PoolWorkplace(StrictModel):
    workplace: WorkplaceIn
    accommodations: list[AccommodationIn] = Field(default_factory=list)


class PoolRequest(StrictModel):
    """The body of ``POST /api/v1/carving/pool/``: workplaces and people of a talent pool."""

    workplaces: list[PoolWorkplace] = Field(min_length=1, max_length=100)
    people: list[CarvingPersonIn] = Field(min_length=1, max_length=200)
    settings: SettingsIn = Field(default_factory=lambda: SettingsIn.model_validate({}))
    time_limit: float = Field(10.0, gt=0, le=60, description="Seconds for the solver.")


def field_errors(error: Any) -> list[str]:
    """pydantic errors as 'path: message' lines."""
    out = []
    for item in error.errors():
        path = ".".join(str(p) for p in item["loc"])
        out.append(f"{path}: {item['msg']}" if path else item["msg"])
    return out


def json_schema() -> dict[str, Any]:
    """One JSON Schema for the three file kinds (workplace, people, catalogue) and the settings."""
    from pydantic.json_schema import models_json_schema

    models: list[type[StrictModel]] = [WorkplaceFile, CarvingPeopleFile, CatalogueFile, SettingsIn]
    refs, schema = models_json_schema([(m, "validation") for m in models], ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kohtaanto.fi/schema/carving-1.json",
        "title": "kohtaanto job-carving input (format kohtaanto.carving/1)",
        "description": (__doc__ or "").strip(),
        "anyOf": [refs[(m, "validation")] for m in models[:3]],
        "$defs": schema["$defs"],
    }
