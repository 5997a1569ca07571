"""Can I study and keep my unemployment benefit? (TTL 2:10, 10 a, 10 b §; self-motivated study; 2023-2025)

Since 1.1.2023 only the studies listed in TTL 2:10 § 2 mom. (Act 1131/2022) can be full-time; other studies do
not affect the benefit. Full-time studies still leave the benefit in place when the person has worked in an
established way alongside them, started them while employed and lost the job for the employer's reasons,
takes short vocational studies (lyhytkestoinen, 10 a §), or studies with the employment authority's support
agreed in the employment plan (omaehtoinen opiskelu). What the law gives is kept apart from what the
employment authority decides (the training need, the plan).

Readings of our own, where the addendum leaves a gap, are said in the answer as well as here:
- a full-day vocational course (>= 6 h a day, >= 4 days) must be reported; it is treated as full-time, as
  the employment authority may, but which courses are full-time after 2023 is not confirmed;
- self-motivated study agreed in the employment plan comes before short studies (the order in practice is not
  confirmed; the agreement is the authority's decision, and the one-off short-study right stays unused);
- a further or specialist vocational qualification, which the list leaves out, agreed in the plan as
  self-motivated study is a service (TEP) too.
Sources: ../shared/facts/supports-fi-addendum.md section A.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.dated import RulesNotInForce
from kohtaanto.rules.explain import Condition, Law, Message, money
from kohtaanto.rules.months import add_months, calendar_months
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.parttime import GENERAL_SUPPORT_FROM, daily_wage, earnings_related_daily, kela_benefit
from kohtaanto.rules.situations import Studies, StudySituation

REFORM_2023 = dt.date(2023, 1, 1)  # Act 1131/2022: only listed studies are full-time
ALWAYS_FULL_TIME = frozenset({"amk_degree", "university_degree", "vocational_qualification", "telma", "tuva"})
REPORTED = frozenset(
    {
        *ALWAYS_FULL_TIME,
        "lukio",
        "adult_basic",
        "open_university",
        "licentiate_doctoral",
        "further_vocational_qualification",
        "folk_high_school",
    }
)
# Addendum A.3: qualifications and degrees or parts of them, and vocational courses; open university studies
# are read as parts of degrees. Licentiate and doctoral studies are excluded.
SELF_MOTIVATED_KINDS = frozenset(
    {"vocational_qualification", "further_vocational_qualification", "amk_degree", "university_degree",
     "vocational_course", "open_university"}
)  # fmt: skip
ADULT_EDUCATION = "study.adult_education_allowance.new_studies"
ADULT_EDUCATION_APPLY = "study.adult_education_allowance.continued_applications"
ADULT_EDUCATION_PAY = "study.adult_education_allowance.payment_applications"
# Qualifications the list leaves out but self-motivated study covers: agreed in the plan, they are a service.
UNLISTED_SELF_MOTIVATED = frozenset({"further_vocational_qualification"})
DRAFT_ANY_LENGTH = "study.open_university_any_length"
DRAFT_MIN_AGE = "study.open_university_any_length_min_age"
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)  # calendar arithmetic, not legal numbers
DAYS_PER_MONTH = Decimal("30.4")
BENEFIT_DAYS_PER_WEEK = 5


def _months(studies: Studies) -> Decimal:
    if studies.months is not None:
        return studies.months
    return calendar_months(studies.starts_on, studies.days or 0)


def _days(studies: Studies) -> Decimal:
    if studies.days is not None:
        return Decimal(studies.days)
    return (studies.months or Decimal(0)) * DAYS_PER_MONTH


def _vocational(studies: Studies) -> bool:
    """Gives vocational skills or supports self-employment; a vocational course does by its kind."""
    return studies.vocational or studies.kind == "vocational_course"


def _full_day_course(law: Law, studies: Studies) -> bool:
    """A vocational course of full days (>= 6 h) for at least 4 days: it must be reported (addendum A.1)."""
    return (
        studies.hours_per_day is not None
        and studies.hours_per_day >= law("study.full_time.hours_per_day")
        and _days(studies) >= law("study.full_time.report_min_days")
    )


def full_time(law: Law, studies: Studies, age: int) -> tuple[bool, Condition]:
    """Whether the studies count as full-time under the listed-studies rule, and why."""
    kind = studies.kind
    if kind == "vocational_course":
        found = _full_day_course(law, studies)
        message = Message(
            "condition.study.full_day_course",
            {"hours": law("study.full_time.hours_per_day"), "days": law("study.full_time.report_min_days")},
        )
        return found, Condition(message, found)
    if kind in ALWAYS_FULL_TIME:
        found = True
    elif kind == "lukio":
        found = (studies.credits or 0) >= law("study.full_time.lukio_min_credits")
    elif kind == "adult_basic":
        found = (studies.courses_per_year or 0) >= law("study.full_time.adult_basic_min_courses")
    elif kind == "open_university":
        longer = _months(studies) > law("study.full_time.open_university_max_months")
        found = longer and not _any_length(law, age)
    else:
        found = False
    return found, Condition(
        Message("condition.study.listed_full_time", {"kind": Message(f"study_kind.{kind}")}), found
    )


def _any_length(law: Law, age: int) -> bool:
    """The 2026 draft: open studies of any length leave the benefit of a person aged 25+ in place (only when
    enacted; the age limit is a draft of its own and applies once it is enacted too)."""
    if not (law.has(DRAFT_ANY_LENGTH) and law(DRAFT_ANY_LENGTH) == 1):
        return False
    return not law.has(DRAFT_MIN_AGE) or age >= law(DRAFT_MIN_AGE)


def must_report(law: Law, studies: Studies, age: int) -> bool:
    if studies.kind == "open_university" and _any_length(law, age):
        return False
    if studies.kind in REPORTED:
        return True
    return studies.kind == "vocational_course" and _full_day_course(law, studies)


def _short_term(law: Law, s: StudySituation) -> tuple[bool, list[Condition]]:
    studies = s.studies
    resumed_ok = studies.resumed_after_years is None or studies.resumed_after_years >= law(
        "study.short_term.resume_gap_years"
    )
    checks = [
        Condition(Message("condition.study.age_at_least", {"age": law("study.short_term.min_age")}),
                  s.age >= law("study.short_term.min_age")),
        Condition(Message("condition.study.short_duration", {"months": law("study.short_term.max_months")}),
                  _months(studies) <= law("study.short_term.max_months")),
        Condition(Message("condition.study.vocational"), _vocational(studies)),
        Condition(Message("condition.study.first_short_study"), studies.first_short_study and resumed_ok),
    ]  # fmt: skip
    return all(c.met for c in checks), checks


def _self_motivated(law: Law, s: StudySituation) -> tuple[bool, list[Condition]]:
    studies = s.studies
    checks = [
        Condition(Message("condition.study.age_at_least", {"age": law("study.self_motivated.min_age")}),
                  s.age >= law("study.self_motivated.min_age")),
        Condition(Message("condition.study.registered_jobseeker"), s.registered_jobseeker),
        Condition(Message("condition.study.training_need"), studies.training_need_found),
        Condition(Message("condition.study.agreed_in_plan"), studies.agreed_in_plan),
        Condition(Message("condition.study.qualifying_kind"), studies.kind in SELF_MOTIVATED_KINDS),
        Condition(Message("condition.study.not_resigned"), not s.resigned_to_study),
    ]  # fmt: skip
    return all(c.met for c in checks), checks


def _increased(at_start: Law, basis: str, studies: Studies) -> tuple[bool, int | None, dt.date | None]:
    """The increased benefit (korotusosa) in self-motivated study: for services started by 31.12.2024, until
    the service ends, for at most 200 paid days. With 5 paid days every week the 200 days run out 40 weeks
    after the start; days not paid move that later, so the date returned is the earliest end."""
    if basis != "self_motivated" or not at_start.has("study.increased_benefit.max_days"):
        return False, None, None
    days = int(at_start("study.increased_benefit.max_days"))
    weeks = days // BENEFIT_DAYS_PER_WEEK
    used_up = studies.starts_on + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    return True, days, min(used_up, studies_end(studies))


def studies_end(studies: Studies) -> dt.date:
    """The last day of the studies, from their start and duration.

    >>> studies_end(Studies(kind="other", starts_on=dt.date(2024, 9, 2), months=Decimal(3)))
    datetime.date(2024, 12, 1)
    """
    if studies.days is not None:
        return studies.starts_on + dt.timedelta(days=studies.days - 1)
    months = studies.months or Decimal(0)
    whole = int(months)
    base, following = add_months(studies.starts_on, whole), add_months(studies.starts_on, whole + 1)
    extra = int(((months - whole) * (following - base).days).to_integral_value(ROUND_HALF_UP))
    return base + dt.timedelta(days=extra - 1)


def _amounts(s: StudySituation, law: Law, at_start: Law, increased: bool) -> dict[str, Decimal]:
    """Benefit amounts; the values in force when the studies started where the law has them then. The
    increased shares are read at the start only: they exist for services started by 31.12.2024."""

    def value(name: str) -> Decimal:
        return at_start(name) if at_start.has(name) else law(name)

    out: dict[str, Decimal] = {}
    basic = value("unemployment.basic_daily")
    per_month = value("unemployment.adjustment.days_per_month")
    if s.benefit in ("basic", "labour_market_support", "general_support"):
        out["daily_amount"] = basic
        out["monthly_amount"] = money(basic * per_month)
    elif s.benefit == "earnings_related" and s.monthly_wage is not None:
        amounts = at_start if at_start.has("unemployment.earnings_related.wage_deduction") else law
        wage_day = money(daily_wage(amounts, s.monthly_wage))
        shares = (
            (at_start("study.increased_benefit.share_below_break"),
             at_start("study.increased_benefit.share_above_break"))
            if increased
            else None
        )  # fmt: skip
        out["daily_wage"] = wage_day
        out["daily_amount"] = money(earnings_related_daily(amounts, wage_day, shares))
        out["monthly_amount"] = money(out["daily_amount"] * per_month)
    return out


def _adult_education_allowance(
    parameters: ParameterSet, s: StudySituation, on: dt.date, law: Law
) -> dict[str, object]:
    """Aikuiskoulutustuki: none for studies starting 1.8.2024 or later; for studies and support that both
    started by 31.7.2024, more can be applied for, and paid, until the transition's closing dates. The flags
    are 1 while open and 0 once closed; the parameters read are recorded in ``law`` among the sources."""
    support_start = s.adult_education_support_started_on or s.studies.starts_on
    at_start = Law(parameters, s.studies.starts_on)
    new = at_start(ADULT_EDUCATION) == 1
    if new and support_start != s.studies.starts_on:
        at_support = Law(parameters, support_start)
        new = at_support.has(ADULT_EDUCATION) and at_support(ADULT_EDUCATION) == 1
    law.used.update(at_start.used)
    out: dict[str, object] = {"adult_education_allowance": new}
    if not new:
        return out
    for field, flag in (
        ("apply_by", ADULT_EDUCATION_APPLY),
        ("last_payment_application", ADULT_EDUCATION_PAY),
    ):
        parameter = parameters[flag]
        closing = next((v.start for v in parameter.values if v.value == 0), None)
        out[field] = (closing - dt.timedelta(days=1)).isoformat() if closing else None
        reader = Law(parameters, max(on, parameter.values[-1].start))
        open_now = reader(flag) == 1
        law.used.update(reader.used)
        if flag == ADULT_EDUCATION_PAY and not open_now:
            out["adult_education_allowance"] = False
    return out


def _basis(
    law: Law, s: StudySituation, listed: bool, conditions: list[Condition], notes: list[Message]
) -> tuple[str, bool, bool, Decimal | None]:
    """On which basis the benefit continues (basis, continues, counted as full-time, max months)."""
    studies = s.studies
    motivated_ok, motivated_checks = _self_motivated(law, s)
    max_motivated = min(law("study.self_motivated.max_months"), _months(studies))
    if not listed:
        if motivated_ok and studies.kind in UNLISTED_SELF_MOTIVATED:
            conditions.extend(motivated_checks)
            notes.append(Message("note.study.unlisted_self_motivated"))
            return "self_motivated", True, False, max_motivated
        notes.append(Message("note.study.no_effect"))
        return "not_full_time", True, False, None
    established_months = law("study.full_time.established_work_min_months")
    if s.established_work_months >= established_months:
        message = Message("condition.study.established_work", {"months": established_months})
        conditions.append(Condition(message, True))
        return "established_work", True, False, None
    if s.started_while_employed and s.dismissed_for_employer_reasons:
        conditions.append(Condition(Message("condition.study.started_while_employed"), True))
        return "started_while_employed", True, True, None
    short_ok, short_checks = _short_term(law, s)
    if motivated_ok:
        conditions.extend(motivated_checks)
        if short_ok:
            notes.append(Message("note.study.short_right_kept"))
        return "self_motivated", True, True, max_motivated
    if short_ok:
        conditions.extend(short_checks)
        return "short_term", True, True, _months(studies)
    conditions.extend(c for c in [*short_checks, *motivated_checks] if not c.met)
    notes.append(Message("note.study.ask_first"))
    return "none", False, True, None


def _draft_note(
    parameters: ParameterSet, law: Law, s: StudySituation, on: dt.date, listed: bool
) -> Message | None:
    """The 2026 open-university draft, for studies it would change, once it has been proposed."""
    draft = parameters[DRAFT_ANY_LENGTH].draft if DRAFT_ANY_LENGTH in parameters else None
    age = parameters[DRAFT_MIN_AGE].draft if DRAFT_MIN_AGE in parameters else None
    if draft is None or s.studies.kind != "open_university" or not listed or _any_length(law, s.age):
        return None
    if on < draft.start or (age is not None and age.value is not None and s.age < age.value):
        return None
    return Message("note.study.draft_open_university", {"date": draft.start})


def _benefit_left(s: StudySituation, notes: list[Message], on: dt.date) -> bool:
    """Whether the person has a benefit to continue: none, or an allowance whose days have run out, has not
    (labour market support has no maximum period)."""
    if s.benefit == "none":
        return False
    if s.benefit in ("earnings_related", "basic") and s.benefit_days_left == 0:
        after = on >= GENERAL_SUPPORT_FROM  # from 1.5.2026 Kela pays yleistuki, not labour market support
        notes.append(Message("note.study.no_days_left_general" if after else "note.study.no_days_left"))
        return False
    return True


def _obligations(basis: str, continues: bool) -> list[str]:
    """What the person must do to keep the benefit; nothing when there is no benefit to keep."""
    if not continues:
        return []
    obligations = ["seek_full_time_work", "accept_full_time_work", "take_part_in_services"]
    if basis == "self_motivated":
        obligations.append("adequate_progress")
    if basis == "short_term":
        obligations.append("report_before_start")
    return obligations


def _amount_notes(s: StudySituation, increased_now: bool) -> list[Message]:
    notes = []
    if s.benefit == "earnings_related" and s.monthly_wage is not None:
        notes.append(Message("note.study.step_down_unconfirmed"))
    if increased_now and s.benefit != "earnings_related":
        notes.append(Message("note.study.increase_amount_unknown"))
    return notes


def evaluate_study(s: StudySituation, on: dt.date, parameters: ParameterSet) -> Answer:
    studies = s.studies
    if studies.starts_on < REFORM_2023:
        raise RulesNotInForce(
            "studies that started before 1.1.2023 follow earlier rules that are not modelled",
            "refused.study_before_2023",
            {"date": REFORM_2023},
        )
    law = Law(parameters, max(on, studies.starts_on))
    at_start = Law(parameters, studies.starts_on)
    notes: list[Message] = []
    if s.benefit != "none":
        benefit = kela_benefit.at(max(on, studies.starts_on))(s.benefit)
        if benefit != s.benefit:  # from 1.5.2026 yleistuki replaces the Kela benefit named
            notes.append(Message("note.general_support_replaces", {"date": GENERAL_SUPPORT_FROM}))
            s = s.model_copy(update={"benefit": benefit})
    listed, listed_check = full_time(law, studies, s.age)
    conditions: list[Condition] = [listed_check]
    if listed and studies.kind == "vocational_course":
        notes.append(Message("note.study.course_assessed"))
    basis, continues, is_full_time, max_months = _basis(law, s, listed, conditions, notes)
    if not _benefit_left(s, notes, max(on, studies.starts_on)):
        continues = False
    draft_note = _draft_note(parameters, law, s, on, listed)
    if draft_note is not None:
        notes.append(draft_note)
    obligations = _obligations(basis, continues)
    increased, increased_days, increased_until = _increased(at_start, basis, studies)
    increased_now = increased and increased_until is not None and on <= increased_until
    if basis == "self_motivated":
        notes.append(Message("note.study.increased" if increased else "note.study.no_increase"))
    if increased and not increased_now:
        notes.append(Message("note.study.increase_over", {"date": increased_until}))
    results: dict[str, object] = {
        "full_time": is_full_time,
        "benefit_continues": continues,
        "basis": basis,
        "max_months": max_months,
        "obligations": obligations,
        "must_report": must_report(law, studies, s.age),
        "increased_benefit": increased,
        "increased_benefit_days": increased_days,
        "increased_benefit_ends_earliest": increased_until.isoformat() if increased_until else None,
        "means_tested": s.benefit in ("labour_market_support", "general_support")
        and basis != "self_motivated",
        "benefit": s.benefit,
        "expense_allowance": False,
        "decided_by": "employment_authority" if basis == "self_motivated" else "benefit_payer",
    }
    if continues and s.benefit_days_left is not None:
        months_left = (Decimal(s.benefit_days_left) / BENEFIT_DAYS_PER_WEEK / WEEKS_PER_MONTH).quantize(
            Decimal("0.1")
        )
        results["benefit_months_left"] = months_left
        if max_months is not None and months_left < max_months:
            notes.append(Message("note.study.benefit_ends_first", {"months": months_left}))
    if continues and (law.has("unemployment.basic_daily") or at_start.has("unemployment.basic_daily")):
        results.update(_amounts(s, law, at_start, increased_now))
        notes.extend(_amount_notes(s, increased_now))
    results.update(_adult_education_allowance(parameters, s, on, law))
    return Answer(
        question="study",
        on=on,
        results=results,
        conditions=tuple(conditions),
        notes=tuple(notes),
        used=tuple({**law.used, **at_start.used}.values()),
        rules=(
            "unemployment.study",
            *(("unemployment.general_support",) if s.benefit == "general_support" else ()),
        ),
        rules_on=max(on, studies.starts_on),
    )
