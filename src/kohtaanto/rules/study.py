"""Can I study and keep my unemployment benefit? (TTL 2:10, 10 a, 10 b §; self-motivated study; 2023-2025)

Since 1.1.2023 only the studies listed in TTL 2:10 § 2 mom. (Act 1131/2022) can be full-time; other studies do
not affect the benefit. Full-time studies still leave the benefit in place when the person has worked in an
established way alongside them, started them while employed and lost the job for the employer's reasons,
takes short vocational studies (lyhytkestoinen, 10 a §), or studies with the employment authority's support
agreed in the employment plan (omaehtoinen opiskelu). What the law gives is kept apart from what the
employment authority decides (the training need, the plan).
Sources: ../shared/facts/supports-fi-addendum.md section A.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.dated import RulesNotInForce
from kohtaanto.rules.explain import Condition, Law, Message
from kohtaanto.rules.parameters import ParameterSet
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
SELF_MOTIVATED_KINDS = frozenset(
    {"vocational_qualification", "further_vocational_qualification", "amk_degree", "university_degree",
     "vocational_course", "open_university"}
)  # fmt: skip
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)  # calendar arithmetic, not legal numbers
DAYS_PER_MONTH = Decimal("30.4")
CENT = Decimal("0.01")


def _months(studies: Studies) -> Decimal:
    if studies.months is not None:
        return studies.months
    return Decimal(studies.days or 0) / DAYS_PER_MONTH


def _days(studies: Studies) -> Decimal:
    if studies.days is not None:
        return Decimal(studies.days)
    return (studies.months or Decimal(0)) * DAYS_PER_MONTH


def _full_day_course(law: Law, studies: Studies) -> bool:
    """A vocational course of full days (>= 6 h) for at least 4 days: reported and assessed as full-time."""
    return (
        studies.hours_per_day is not None
        and studies.hours_per_day >= law("study.full_time.hours_per_day")
        and _days(studies) >= law("study.full_time.report_min_days")
    )


def full_time(law: Law, studies: Studies) -> tuple[bool, Condition]:
    """Whether the studies count as full-time under the listed-studies rule, and why."""
    kind = studies.kind
    if kind in ALWAYS_FULL_TIME:
        found = True
    elif kind == "lukio":
        found = (studies.credits or 0) >= law("study.full_time.lukio_min_credits")
    elif kind == "adult_basic":
        found = (studies.courses_per_year or 0) >= law("study.full_time.adult_basic_min_courses")
    elif kind == "open_university":
        found = _months(studies) > law("study.full_time.open_university_max_months") and not _any_length(law)
    elif kind == "vocational_course":
        found = _full_day_course(law, studies)
    else:
        found = False
    return found, Condition(Message("condition.study.listed_full_time", {"kind": kind}), found)


def _any_length(law: Law) -> bool:
    """The 2026 draft: open studies of any length leave the benefit in place (only when enacted)."""
    return law.has("study.open_university_any_length") and law("study.open_university_any_length") == 1


def must_report(law: Law, studies: Studies) -> bool:
    if studies.kind == "open_university" and _any_length(law):
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
        Condition(Message("condition.study.vocational"), studies.vocational),
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


def _increased(law_at_start: Law, basis: str) -> tuple[bool, int | None]:
    """The increased benefit (korotusosa) in self-motivated study: for services started by 31.12.2024."""
    if basis != "self_motivated" or not law_at_start.has("study.increased_benefit.max_days"):
        return False, None
    return True, int(law_at_start("study.increased_benefit.max_days"))


def _amounts(s: StudySituation, law: Law, law_at_start: Law, increased: bool) -> dict[str, Decimal]:
    """Benefit amounts; the values in force when the studies started where the law has them then."""

    def value(name: str) -> Decimal:
        return law_at_start(name) if law_at_start.has(name) else law(name)

    out: dict[str, Decimal] = {}
    basic = value("unemployment.basic_daily")
    per_month = value("unemployment.adjustment.days_per_month")
    if s.benefit in ("basic", "labour_market_support"):
        out["daily_amount"] = basic
        out["monthly_amount"] = (basic * per_month).quantize(CENT, ROUND_HALF_UP)
    elif s.benefit == "earnings_related" and s.monthly_wage is not None:
        deduction = value("unemployment.earnings_related.wage_deduction") / 100
        daily_wage = (s.monthly_wage * (1 - deduction) / per_month).quantize(CENT, ROUND_HALF_UP)
        share = "study.increased_benefit.share_below_break" if increased else None
        below = value(share or "unemployment.earnings_related.share_below_break")
        daily = basic + below * max(daily_wage - basic, Decimal(0))
        out["daily_wage"] = daily_wage
        out["daily_amount"] = daily.quantize(CENT, ROUND_HALF_UP)
        out["monthly_amount"] = (out["daily_amount"] * per_month).quantize(CENT, ROUND_HALF_UP)
    return out


def _adult_education_allowance(parameters: ParameterSet, s: StudySituation, on: dt.date) -> dict[str, object]:
    start = s.adult_education_support_started_on or s.studies.starts_on
    new = Law(parameters, s.studies.starts_on).has("study.adult_education_allowance.new_studies") and Law(
        parameters, start
    ).has("study.adult_education_allowance.new_studies")
    out: dict[str, object] = {"adult_education_allowance": new}
    if new:
        for field, name in (
            ("apply_by", "study.adult_education_allowance.continued_applications"),
            ("last_payment_application", "study.adult_education_allowance.payment_applications"),
        ):
            closing = next((v.start for v in parameters[name].values if v.value is None), None)
            out[field] = (closing - dt.timedelta(days=1)).isoformat() if closing else None
        if Law(parameters, on).has("study.adult_education_allowance.payment_applications") is False:
            out["adult_education_allowance"] = False
    return out


def _basis(
    law: Law, s: StudySituation, listed: bool, conditions: list[Condition], notes: list[Message]
) -> tuple[str, bool, bool, Decimal | None]:
    """On which basis the benefit continues (basis, continues, counted as full-time, max months)."""
    studies = s.studies
    if not listed:
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
    if short_ok:
        conditions.extend(short_checks)
        return "short_term", True, True, _months(studies)
    motivated_ok, motivated_checks = _self_motivated(law, s)
    if motivated_ok:
        conditions.extend(motivated_checks)
        return "self_motivated", True, True, min(law("study.self_motivated.max_months"), _months(studies))
    conditions.extend(c for c in [*short_checks, *motivated_checks] if not c.met)
    notes.append(Message("note.study.ask_first"))
    return "none", False, True, None


def evaluate_study(s: StudySituation, on: dt.date, parameters: ParameterSet) -> Answer:
    studies = s.studies
    if studies.starts_on < REFORM_2023:
        raise RulesNotInForce(
            "studies that started before 1.1.2023 follow earlier rules that are not modelled"
        )
    law = Law(parameters, max(on, studies.starts_on))
    at_start = Law(parameters, studies.starts_on)
    listed, listed_check = full_time(law, studies)
    conditions: list[Condition] = [listed_check]
    notes: list[Message] = []
    basis, continues, is_full_time, max_months = _basis(law, s, listed, conditions, notes)
    if s.benefit == "none":
        continues = False
    draft = (
        parameters["study.open_university_any_length"].draft
        if "study.open_university_any_length" in parameters
        else None
    )
    if draft is not None and studies.kind == "open_university" and not _any_length(law) and listed:
        notes.append(Message("note.study.draft_open_university", {"date": draft.start}))
    obligations = (
        ["seek_full_time_work", "accept_full_time_work", "take_part_in_services"] if continues else []
    )
    if basis == "self_motivated":
        obligations.append("adequate_progress")
    if basis == "short_term":
        obligations.append("report_before_start")
    increased, increased_days = _increased(at_start, basis)
    if basis == "self_motivated":
        notes.append(Message("note.study.increased" if increased else "note.study.no_increase"))
    results: dict[str, object] = {
        "full_time": is_full_time,
        "benefit_continues": continues,
        "basis": basis,
        "max_months": max_months,
        "obligations": obligations,
        "must_report": must_report(law, studies),
        "increased_benefit": increased,
        "increased_benefit_days": increased_days,
        "means_tested": not (basis == "self_motivated" and s.benefit == "labour_market_support"),
        "expense_allowance": False,
        "decided_by": "employment_authority" if basis == "self_motivated" else "benefit_payer",
    }
    if continues and s.benefit_days_left is not None:
        months_left = (Decimal(s.benefit_days_left) / 5 / WEEKS_PER_MONTH).quantize(Decimal("0.1"))
        results["benefit_months_left"] = months_left
        if max_months is not None and months_left < max_months:
            notes.append(Message("note.study.benefit_ends_first", {"months": months_left}))
    if continues and (law.has("unemployment.basic_daily") or at_start.has("unemployment.basic_daily")):
        results.update(_amounts(s, law, at_start, increased))
    results.update(_adult_education_allowance(parameters, s, on))
    return Answer(
        question="study",
        on=on,
        results=results,
        conditions=tuple(conditions),
        notes=tuple(notes),
        used=tuple({**law.used, **at_start.used}.values()),
    )
