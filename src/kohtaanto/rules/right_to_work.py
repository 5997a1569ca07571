"""Question 4, right to work: what a residence-permit situation allows, and what the employer must do.

The employer must always verify the right to work and keep a record of it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.explain import Condition, Law, Message, money
from kohtaanto.rules.months import add_months
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import RightToWorkSituation

UNRESTRICTED = {"eu_citizen", "permanent_permit", "continuous_permit_non_work"}
LONG_PROTECTION = {"specialist", "eu_blue_card", "start_up", "management", "intra_corporate_transfer"}


def _asylum(
    law: Law, s: RightToWorkSituation, on: dt.date, notes: list[Message], extra: dict[str, object]
) -> tuple[str, list[Condition]]:
    """Work is allowed once the months from the application are full (Act 150/1930 3 §: the same day
    number, or the month's last day when it has none: 31.1. + 3 months = 30.4.). Without the
    application date the answer cannot be known (corrections C8): it asks for the date, never says no."""
    wait = law(
        "right_to_work.asylum_wait_with_document"
        if s.travel_document
        else "right_to_work.asylum_wait_without_document"
    )
    notes += [Message("note.asylum_no_entrepreneur"), Message("note.employer_rechecks")]
    removal = Condition(Message("condition.no_enforceable_removal"), not s.removal_enforceable)
    if s.applied_on is None:
        extra["missing"] = ["applied_on"]
        notes.insert(0, Message("note.asylum_give_applied_on", {"months": wait}))
        if s.removal_enforceable:
            return "no", [removal]
        return "cannot_tell", [removal]
    allowed_from = add_months(s.applied_on, int(wait))
    extra["work_allowed_from"] = allowed_from.isoformat()
    conditions = [
        Condition(
            Message("condition.asylum_wait_from", {"months": wait, "date": allowed_from}), on >= allowed_from
        ),
        removal,
    ]
    return ("yes" if all(c.met for c in conditions) else "no"), conditions


def _student(
    law: Law, s: RightToWorkSituation, notes: list[Message]
) -> tuple[str, list[Condition], dict[str, object]]:
    if s.degree_related_work:
        notes.append(Message("note.student_degree_work"))
        return "yes", [], {}
    average = law("right_to_work.student_average_hours_per_week")
    extra: dict[str, object] = {"average_hours_per_week_limit": average}
    conditions: list[Condition] = []
    per_year = (
        law("right_to_work.student_hours_per_year")
        if law.has("right_to_work.student_hours_per_year")
        else None
    )
    if per_year is not None:
        extra["hours_per_year_limit"] = per_year
    if s.planned_hours_in_year is not None and per_year is not None:
        conditions.append(
            Condition(
                Message("condition.student_hours_year", {"hours": per_year}),
                s.planned_hours_in_year <= per_year,
            )
        )
    if s.schedule:
        weeks = sum((p.weeks for p in s.schedule), Decimal(0))
        hours = sum((p.weeks * p.hours_per_week for p in s.schedule), Decimal(0))
        mean = hours / weeks
        extra["average_hours_per_week"] = money(mean)
        conditions.append(
            Condition(
                Message("condition.student_average", {"hours": average, "mean": money(mean)}), mean <= average
            )
        )
    notes.append(Message("note.student_pro_rata"))
    return ("limited" if all(c.met for c in conditions) else "over_limit"), conditions, extra


def _ended(
    law: Law, s: RightToWorkSituation, notes: list[Message]
) -> tuple[str, list[Condition], dict[str, object]]:
    extra: dict[str, object] = {}
    if not law.has("right_to_work.protection_period_months"):
        notes.append(Message("note.no_protection_period_before"))
        return "check_permit", [], extra
    long_years = law("right_to_work.long_protection_after_years")
    long = s.permit_category in LONG_PROTECTION or s.years_on_work_permit > long_years
    months = int(
        law(
            "right_to_work.protection_period_long_months"
            if long
            else "right_to_work.protection_period_months"
        )
    )
    extra["protection_period_months"] = months
    if s.employment_ended_on:
        # Act 150/1930 3 §: the same day number N months later, or that month's last day (corrections C7).
        extra["protection_ends_on"] = add_months(s.employment_ended_on, months).isoformat()
    notes.append(Message("note.protection_period", {"months": months}))
    return "may_seek_new_work", [], extra


def evaluate_right_to_work(s: RightToWorkSituation, on: dt.date, parameters: ParameterSet) -> Answer:
    law = Law(parameters, on)
    notes: list[Message] = []
    conditions: list[Condition] = []
    extra: dict[str, object] = {}
    duties = ["verify_right_to_work", "keep_records"]
    if law.has("right_to_work.records_retention_years"):
        years = law("right_to_work.records_retention_years")
        notes.append(Message("note.rtw_records", {"years": years}))
    if s.status in UNRESTRICTED:
        may_work = "yes"
        notes.append(Message(f"note.rtw_{s.status}"))
    elif s.status == "family_ties":
        conditions.append(Condition(Message("condition.first_permit_granted"), s.permit_granted))
        may_work = "yes" if s.permit_granted else "no"
        notes.append(Message("note.rtw_family_ties"))
    elif s.status == "temporary_protection":
        conditions.append(Condition(Message("condition.application_registered"), s.application_registered))
        may_work = "yes" if s.application_registered else "no"
        notes.append(Message("note.rtw_temporary_protection"))
    elif s.status == "asylum_seeker":
        may_work, conditions = _asylum(law, s, on, notes, extra)
        duties.append("recheck_periodically")
    elif s.status == "student":
        may_work, conditions, extra = _student(law, s, notes)
    elif s.status == "employee_permit":
        in_fields = s.job_field is not None and s.job_field in s.permit_fields
        shortage = s.job_field_is_shortage_occupation and law.has("right_to_work.shortage_occupations_from")
        conditions.append(Condition(Message("condition.job_in_permit_fields"), in_fields))
        if law.has("right_to_work.shortage_occupations_from"):
            conditions.append(
                Condition(Message("condition.shortage_occupation"), s.job_field_is_shortage_occupation)
            )
        may_work = "yes" if in_fields or shortage else "no"
        notes.append(Message("note.rtw_employee_permit"))
    else:  # work_permit_ended
        may_work, conditions, extra = _ended(law, s, notes)
    if s.status in ("employee_permit", "work_permit_ended") and law.has(
        "right_to_work.protection_period_months"
    ):
        duties.append("notify_migri_if_employment_ends_early")
    rules = {
        "asylum_seeker": ("right_to_work.asylum", "time_limits"),
        "student": ("right_to_work.student",),
        "work_permit_ended": ("right_to_work.protection_period", "time_limits"),
    }.get(s.status, ("right_to_work.permit",))
    return Answer(
        question="right_to_work",
        rules=rules,
        on=on,
        results={"may_work": may_work, "employer_duties": duties, **extra},
        conditions=tuple(conditions),
        notes=tuple(notes),
        used=tuple(law.used.values()),
    )
