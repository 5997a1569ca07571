"""Step 7: onboarding and follow-up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import pgettext

from kohtaanto.rules.months import add_months
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.privacy import health_errors
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, may_change

# -- 7. onboarding and follow-up ------------------------------------------------------------------
FOLLOW_UP_MONTHS = (1, 3, 6, 12)


def save_onboarding(
    actor: User | None,
    case: HiringCase,
    *,
    mentor: str,
    starts_on: dt.date,
    steps: list[str],
    instructions: str,
    arranged: list[str],
) -> Any:
    """The plan, and follow-ups at 1, 3 and 6 months from the first day (moved if the first day moves)."""
    from kohtaanto.web.hiring.models import FollowUp, OnboardingPlan

    may_change(actor, case.organisation)
    errors: dict[str, list[str]] = {}
    if case.decision != "hired":
        errors["non_field_errors"] = [pgettext("hiring", "Record the hiring decision first.")]
    if not 0 < len(mentor.strip()) <= 120:
        errors["mentor"] = [pgettext("hiring", "Name the mentor.")]
    known = {a.get("id") for a in case.chosen.get("accommodations", [])}
    if set(arranged) - known:
        errors["arranged"] = [pgettext("hiring", "Choose from the adjustments of the chosen job.")]
    if errors:
        raise CaseError(errors)
    with transaction.atomic():
        plan, _ = OnboardingPlan.objects.update_or_create(
            case=case,
            defaults={
                "mentor": mentor.strip(),
                "starts_on": starts_on,
                "steps": [s.strip() for s in steps if s.strip()][:30],
                "instructions": instructions.strip()[:10_000],
                "arranged": sorted(set(arranged)),
            },
        )
        for months in FOLLOW_UP_MONTHS:
            if not FollowUp.objects.filter(case=case, months=months, done_on__isnull=False).exists():
                FollowUp.objects.update_or_create(
                    case=case, months=months, defaults={"due_on": add_months(starts_on, months)}
                )
        record(actor=actor, action="onboarding.saved", obj=case, data={"starts_on": starts_on.isoformat()})
    return plan


def record_follow_up(
    actor: User | None,
    case: HiringCase,
    *,
    follow_up: Any,
    notes: str,
    adjust: bool,
    on: dt.date,
    still_employed: bool | None = None,
    hours: Decimal | None = None,
) -> Any:
    may_change(actor, case.organisation)
    if follow_up.case_id != case.pk:
        raise CaseError({"follow_up": [pgettext("hiring", "This is not a follow-up of this case.")]})
    if on < follow_up.due_on:  # a 12-month follow-up is not done on the day of hire
        raise CaseError(
            {
                "follow_up": [
                    pgettext("hiring", "This follow-up is due on %(date)s. Record it on that day or later.")
                    % {"date": date_format(follow_up.due_on, "SHORT_DATE_FORMAT")}
                ]
            }
        )
    if hours is not None and not Decimal(0) <= hours <= Decimal(60):
        raise CaseError({"hours_per_week": [pgettext("hiring", "Give the hours a week from 0 to 60.")]})
    if problems := health_errors("notes", notes):
        raise CaseError(problems)
    with transaction.atomic():
        follow_up.done_on, follow_up.notes, follow_up.adjust = on, notes.strip()[:4000], adjust
        follow_up.still_employed, follow_up.hours_per_week = still_employed, hours
        follow_up.save()
        record(
            actor=actor,
            action="follow_up.recorded",
            obj=case,
            data={"months": follow_up.months, "adjust": adjust, "still_employed": still_employed},
        )
    return follow_up


def set_claim_period(
    actor: User | None, case: HiringCase, *, months: int, version: int | None = None
) -> HiringCase:
    """The payment period chosen in the support application (1, 2 or 3 months): the claims follow it."""
    from kohtaanto.web.core.concurrency import copy_into, locked, save_changed

    may_change(actor, case.organisation)
    if months not in (1, 2, 3):
        raise CaseError({"claim_period_months": [pgettext("hiring", "Choose 1, 2 or 3 months.")]})
    with transaction.atomic():
        fresh = locked(case, version)
        fresh.claim_period_months = months
        save_changed(fresh, ["claim_period_months"])
        record(actor=actor, action="hiring_case.claim_period_set", obj=case, data={"months": months})
    copy_into(fresh, case)
    return case
