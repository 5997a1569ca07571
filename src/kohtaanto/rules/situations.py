"""Input schemas for the four questions (pydantic). Field names are the documented file format:
see docs/rules-input.md. Amounts are euros, hours are per week unless the name says otherwise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kohtaanto.core.municipalities import find
from kohtaanto.core.vocabulary import StrictModel

Money = Decimal
# Dates the rules can be about; anything outside is a typing mistake, refused with the field named.
Day = Annotated[dt.date, Field(ge=dt.date(1990, 1, 1), le=dt.date(2100, 12, 31))]


class Employer(StrictModel):
    legal_form: Literal["company", "association", "foundation", "religious_community", "municipality"]
    business_activity: bool = Field(
        default=True,
        description="Are the person's tasks business activity (sales, for profit, in competition)?",
    )
    hiring_is_for_own_disability: bool = Field(
        default=False, description="The entrepreneur seeks support for their own disability (never eligible)."
    )


class Person(StrictModel):
    age: int | None = Field(default=None, ge=15, le=100)
    registered_unemployed: bool = True
    unemployment_months: int = Field(
        default=0, ge=0, le=600, description="Months unemployed before the hire."
    )
    unemployed_months_in_last_28: int | None = Field(default=None, ge=0, le=28)
    reduced_work_ability: bool = False
    permanent_reduced_work_ability: bool = False
    disadvantaged: bool | None = Field(
        default=None, description="Belongs to a GBER disadvantaged target group; left out, it is derived."
    )
    previous_subsidy_months_same_employer: int = Field(default=0, ge=0, le=600)


class JobTerms(StrictModel):
    monthly_wage: Money = Field(gt=0, le=100_000)
    hours_per_week: Decimal = Field(gt=0, le=80)
    sector_full_time_hours: Decimal = Field(default=Decimal("37.5"), gt=0, le=80)
    contract_months: int | None = Field(
        default=None, ge=1, le=600, description="Left out for a permanent contract."
    )
    started_before_decision: bool = False
    commission_only: bool = False
    zero_hour_contract: bool = False
    apprenticeship: bool = False
    apprenticeship_compensation_per_month: Money = Field(default=Decimal(0), ge=0, le=10_000)
    side_costs_per_month: Money = Field(
        default=Decimal(0),
        ge=0,
        le=100_000,
        description="Employer's side costs; the subsidy never covers them.",
    )
    holiday_bonus: Money = Field(
        default=Decimal(0), ge=0, le=100_000, description="Never covered by the subsidy."
    )


class Arrangements(StrictModel):
    tools_cost: Money = Field(default=Decimal(0), ge=0, le=1_000_000)
    tools_bought_on: Day | None = None
    applied_on: Day | None = None
    applied_in_advance: bool = False
    help_hours_per_month: Decimal = Field(default=Decimal(0), ge=0, le=744)
    help_months: int = Field(default=0, ge=0, le=600)


def _fiscal_year_start() -> Any:
    return Field(
        default=1,
        ge=1,
        le=12,
        description="Month in which the undertaking's fiscal year starts (1 = calendar year); "
        "counts for decisions before 1.1.2024.",
    )


class DeMinimisGrant(StrictModel):
    decided_on: Day
    amount: Money = Field(ge=0, le=1_000_000_000)
    undertaking: str = Field(default="", max_length=200)
    paid_on: Day | None = None


class HireSituation(StrictModel):
    employer: Employer
    person: Person
    job: JobTerms
    arrangements: Arrangements = Arrangements()
    aid_basis: Literal["gber", "de_minimis"] | None = Field(
        default=None, description="State-aid basis stated in the decision, for an employer in business."
    )
    de_minimis_received: list[DeMinimisGrant] = Field(
        default_factory=list,
        max_length=1000,
        description="De minimis aid to the single undertaking (all linked enterprises).",
    )
    decision_on: Day | None = None
    fiscal_year_start_month: int = _fiscal_year_start()
    pack_inputs: dict[str, Any] = Field(
        default_factory=dict,
        description="Facts that regional rule packs ask for; each pack documents its own.",
    )


class DeMinimisCheck(StrictModel):
    received: list[DeMinimisGrant] = Field(default_factory=list, max_length=1000)
    new_amount: Money = Field(ge=0, le=1_000_000_000)
    decision_on: Day | None = None
    fiscal_year_start_month: int = _fiscal_year_start()


class PartTimeSituation(StrictModel):
    benefit: Literal["earnings_related", "basic", "labour_market_support", "general_support"] = Field(
        description="general_support is yleistuki (Kela, from 1.5.2026); from that day basic and "
        "labour_market_support are answered as yleistuki."
    )
    full_daily_allowance: Money | None = Field(default=None, gt=0, le=1000)
    wage_before_month: Money | None = Field(default=None, gt=0, le=100_000)
    claim_period_start: Day | None = None
    period: Literal["month", "4_weeks"] = "month"
    earnings_in_period: Money = Field(default=Decimal(0), ge=0, le=100_000)
    hours_share_of_full_time: Decimal = Field(default=Decimal("0.5"), ge=0, le=2)
    step_down_applies: bool = False
    paid_days_before: int = Field(default=0, ge=0, le=1000)
    other_income_month: Money = Field(
        default=Decimal(0),
        ge=0,
        le=100_000,
        description="Other income than wages a month (yleistuki's means test, from 1.5.2026).",
    )

    @model_validator(mode="after")
    def _earnings_related_needs_a_base(self) -> PartTimeSituation:
        if (
            self.benefit == "earnings_related"
            and self.full_daily_allowance is None
            and self.wage_before_month is None
        ):
            raise PydanticCustomError(
                "needs_allowance_or_wage", "earnings_related needs full_daily_allowance or wage_before_month"
            )
        return self


class KelaPension(StrictModel):
    earnings_related_pensions_month: Money = Field(ge=0, le=100_000)
    couple: bool = False


class PensionSituation(StrictModel):
    kind: Literal["full", "partial"] = "full"
    pre_pension_earnings_month: Money | None = Field(default=None, ge=0, le=100_000)
    planned_earnings_month: Money | None = Field(default=None, ge=0, le=100_000)
    planned_work_months: int | None = Field(default=None, ge=1, le=600)
    kela: KelaPension | None = None


class WorkSchedulePart(StrictModel):
    weeks: Decimal = Field(gt=0, le=53)
    hours_per_week: Decimal = Field(ge=0, le=100)


class RightToWorkSituation(StrictModel):
    status: Literal[
        "eu_citizen",
        "permanent_permit",
        "continuous_permit_non_work",
        "family_ties",
        "temporary_protection",
        "asylum_seeker",
        "student",
        "employee_permit",
        "work_permit_ended",
    ]
    permit_granted: bool = True
    application_registered: bool = True
    applied_on: Day | None = None
    travel_document: bool = False
    removal_enforceable: bool = False
    degree_related_work: bool = False
    planned_hours_in_year: Decimal | None = Field(default=None, ge=0, le=8784)
    schedule: list[WorkSchedulePart] = Field(default_factory=list, max_length=60)
    permit_fields: list[str] = Field(default_factory=list, max_length=50)
    job_field: str | None = Field(default=None, max_length=200)
    job_field_is_shortage_occupation: bool = False
    employment_ended_on: Day | None = None
    permit_category: Literal[
        "specialist", "eu_blue_card", "start_up", "management", "intra_corporate_transfer", "other"
    ] = "other"
    years_on_work_permit: Decimal = Field(default=Decimal(0), ge=0, le=100)


class EmploymentConditionSituation(StrictModel):
    subsidy_basis: Literal["disadvantaged", "reduced_work_ability", "aged_60_long_term_unemployed", "none"]
    started_on: Day
    months_worked: int = Field(default=0, ge=0, le=600)
    monthly_wage: Money | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="Wages paid in a month; from 2.9.2024 a month counts whole only above the threshold.",
    )


StudyKind = Literal[
    "amk_degree",
    "university_degree",
    "vocational_qualification",
    "telma",
    "lukio",
    "tuva",
    "adult_basic",
    "open_university",
    "further_vocational_qualification",
    "licentiate_doctoral",
    "folk_high_school",
    "vocational_course",
    "leisure_course",
    "other",
]


class Studies(StrictModel):
    kind: StudyKind
    starts_on: Day
    months: Decimal | None = Field(default=None, gt=0, le=120, description="Planned duration in months.")
    days: int | None = Field(default=None, ge=1, le=4000, description="Duration in days (short courses).")
    hours_per_day: Decimal | None = Field(default=None, gt=0, le=24)
    credits: int | None = Field(default=None, ge=0, le=1000, description="Lukio syllabus credits.")
    courses_per_year: int | None = Field(default=None, ge=0, le=200, description="Adult basic education.")
    vocational: bool = Field(
        default=False, description="Gives vocational skills or supports self-employment."
    )
    agreed_in_plan: bool = Field(default=False, description="Agreed in the employment plan before the start.")
    training_need_found: bool = Field(default=False, description="The employment authority found a need.")
    first_short_study: bool = Field(default=True, description="No earlier use of the short-study right.")
    resumed_after_years: Decimal | None = Field(
        default=None, ge=0, le=80, description="Earlier studies resumed: years since they were interrupted."
    )

    @model_validator(mode="after")
    def _duration(self) -> Studies:
        if self.months is None and self.days is None:
            raise PydanticCustomError("needs_duration", "give the duration: months or days")
        return self


class StudySituation(StrictModel):
    age: int = Field(ge=15, le=100, description="Age when the studies start.")
    benefit: Literal["earnings_related", "basic", "labour_market_support", "general_support", "none"]
    registered_jobseeker: bool = True
    benefit_days_left: int | None = Field(default=None, ge=0, le=600)
    monthly_wage: Money | None = Field(default=None, ge=0, le=100_000)
    established_work_months: int = Field(default=0, ge=0, le=600)
    started_while_employed: bool = False
    dismissed_for_employer_reasons: bool = False
    resigned_to_study: bool = False
    adult_education_support_started_on: Day | None = None
    studies: Studies


Age = Annotated[int, Field(ge=0, le=17)]


class WorkOffer(StrictModel):
    """The work on offer: a monthly wage, or an hourly wage and weekly hours; ``end`` for a season."""

    start: Day
    end: Day | None = Field(default=None, description="Last day of work; left out, the work goes on.")
    wage_month: Money | None = Field(default=None, gt=0, le=100_000)
    hourly_wage: Money | None = Field(default=None, gt=0, le=1000)
    hours_per_week: Decimal | None = Field(default=None, gt=0, le=80)
    full_time_hours: Decimal = Field(default=Decimal("37.5"), gt=0, le=80)

    @model_validator(mode="after")
    def _pay_and_dates(self) -> WorkOffer:
        if self.wage_month is None and (self.hourly_wage is None or self.hours_per_week is None):
            raise PydanticCustomError("needs_pay", "give wage_month, or hourly_wage and hours_per_week")
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("end_before_start", "the work ends before it starts")
        return self


class Gig(StrictModel):
    """One gig or platform payment, gross, on the day it is paid."""

    date: Day
    amount: Money = Field(gt=0, le=100_000)


class CurrentBenefit(StrictModel):
    """The unemployment benefit the person gets today."""

    kind: Literal["none", "labour_market_support", "basic", "general_support", "earnings_related"] = (
        "labour_market_support"
    )
    wage_basis_month: Money | None = Field(default=None, gt=0, le=100_000)
    full_daily_allowance: Money | None = Field(default=None, gt=0, le=1000)
    step_down_applies: bool = False
    paid_days_before: int = Field(default=0, ge=0, le=1000)
    max_days: int = Field(
        default=400, ge=1, le=500, description="Earnings-related: the maximum payment days (300, 400 or 500)."
    )
    other_income_month: Money = Field(default=Decimal(0), ge=0, le=100_000)

    @model_validator(mode="after")
    def _earnings_related_needs_a_base(self) -> CurrentBenefit:
        if (
            self.kind == "earnings_related"
            and self.wage_basis_month is None
            and self.full_daily_allowance is None
        ):
            raise PydanticCustomError(
                "needs_allowance_or_wage", "earnings_related needs wage_basis_month or full_daily_allowance"
            )
        return self


class Partner(StrictModel):
    age: int = Field(default=35, ge=15, le=100)
    wage_month: Money = Field(default=Decimal(0), ge=0, le=100_000)
    benefit_month: Money = Field(
        default=Decimal(0), ge=0, le=100_000, description="Taxable benefits a month, gross."
    )


class IncomeYearSituation(StrictModel):
    """A household's year (or up to 24 months), with and without the work on offer."""

    start: Day | None = Field(default=None, description="First month; left out, the asked day's month.")
    months: int = Field(default=12, ge=1, le=24)
    municipality: str = Field(min_length=1, max_length=60)
    age: int = Field(default=35, ge=15, le=100)
    adults: int = Field(default=1, ge=1, le=2)
    children: list[Age] = Field(default_factory=list, max_length=15)
    adult_with_parents: bool = False
    rent: Money = Field(ge=0, le=10_000, description="Housing costs a month (rent and water).")
    municipal_tax_rate: Decimal | None = Field(default=None, ge=0, le=25)
    church_tax_rate: Decimal | None = Field(default=None, ge=0, le=5)
    church_member: bool = False
    benefit: CurrentBenefit = Field(default_factory=CurrentBenefit)
    partner: Partner | None = None
    child_benefit_month: Money = Field(default=Decimal(0), ge=0, le=10_000)
    other_net_income_month: Money = Field(default=Decimal(0), ge=0, le=100_000)
    social_assistance: bool = True
    work: WorkOffer | None = None
    gigs: list[Gig] = Field(default_factory=list, max_length=60)
    break_even: bool = Field(
        default=True, description="Also find the fewest weekly hours at which the work pays (hourly pay)."
    )
    what_if: bool = Field(
        default=False,
        description="Also answer for 5 hours fewer and more, a better wage and a month's later start.",
    )

    @field_validator("municipality")
    @classmethod
    def _known_municipality(cls, value: str) -> str:
        place = find(value)
        if place is None:
            raise PydanticCustomError(
                "unknown_municipality", "no Finnish municipality is called {name}", {"name": value}
            )
        if place.aland:
            raise PydanticCustomError(
                "aland_not_modelled", "Åland has its own tax and housing allowance rules"
            )
        return place.code

    @model_validator(mode="after")
    def _household(self) -> IncomeYearSituation:
        if self.partner is not None and self.adults != 2:
            raise PydanticCustomError("partner_needs_two_adults", "a partner means two adults")
        if self.adult_with_parents and (self.adults != 1 or self.children):
            raise PydanticCustomError(
                "with_parents_alone", "an adult living with parents is one adult without children"
            )
        return self


class DecidedSupport(StrictModel):
    """A support as decided for the hire: pay subsidy, the 55+ subsidy or work-arrangement support."""

    kind: Literal["pay_subsidy", "senior_subsidy", "work_arrangement"]
    variant: Literal["disadvantaged", "reduced_work_ability", "third_sector"] = "disadvantaged"
    rate: Decimal | None = Field(default=None, gt=0, le=100, description="Percent of the wage.")
    monthly_cap: Money | None = Field(default=None, gt=0, le=100_000)
    monthly_amount: Money | None = Field(
        default=None,
        gt=0,
        le=100_000,
        description="The amount a month as decided (needed for work-arrangement support).",
    )
    start: Day | None = Field(default=None, description="Left out, the hire's first day.")
    months: int = Field(ge=1, le=60)

    @model_validator(mode="after")
    def _arrangement_amount(self) -> DecidedSupport:
        if self.kind == "work_arrangement" and self.monthly_amount is None:
            raise PydanticCustomError("needs_monthly_amount", "work_arrangement needs monthly_amount")
        return self


class SickSpell(StrictModel):
    start: Day
    days: int = Field(ge=1, le=300, description="Sick days counted Monday to Saturday.")


class EmployerCostSituation(StrictModel):
    """A hire's cost to the employer month by month."""

    start: Day
    months: int = Field(default=24, ge=1, le=60)
    wage_month: Money = Field(gt=0, le=100_000)
    hours_per_week: Decimal | None = Field(default=None, gt=0, le=80)
    full_time_hours: Decimal = Field(default=Decimal("37.5"), gt=0, le=80)
    holiday_bonus_share: Decimal | None = Field(default=None, ge=0, le=100)
    holiday_bonus_month: int = Field(default=6, ge=1, le=12)
    accident_insurance_rate: Decimal | None = Field(default=None, ge=0, le=10)
    pension_rate: Decimal | None = Field(default=None, ge=0, le=40)
    supports: list[DecidedSupport] = Field(default_factory=list, max_length=10)
    sick_spells: list[SickSpell] = Field(default_factory=list, max_length=50)
    prior_year_income: Money | None = Field(default=None, ge=0, le=1_000_000)


class PaymentCalendarSituation(StrictModel):
    """When to claim the decided supports: the payment periods chosen in the application."""

    start: Day
    supports: list[DecidedSupport] = Field(min_length=1, max_length=10)
    period_months: int = Field(
        default=1, ge=1, le=3, description="The payment period chosen in the application: 1, 2 or 3 months."
    )
    calendar_months: bool = Field(
        default=True, description="Periods follow calendar months; else they are counted from the start."
    )
