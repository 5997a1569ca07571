"""The retention job: delete or anonymise what has been kept for its period, per data class and area.

``apply(today)`` takes the date as an argument (the job runner passes the real one, tests move it). Data
is kept *for* its period: something counted from 15.1.2025 with a 12-month period is kept on 15.1.2026
and removed from 16.1.2026. One run is one transaction with one audit event holding only counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import structlog
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from kohtaanto.web.accounts.models import EmploymentArea, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.roles import Role
from kohtaanto.web.retention.models import RetentionRule
from kohtaanto.web.retention.policy import CLASSES, months_for

log = structlog.get_logger("kohtaanto.retention")


@dataclass
class Outcome:
    on: dt.date
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _overrides() -> dict[tuple[str, int | None], int]:
    return {(r.data_class, r.area_id): r.months for r in RetentionRule.objects.all()}


def _per_area(
    key: str, queryset: QuerySet[Any], area_path: str, expired: Callable[[dt.date], Q], today: dt.date
) -> QuerySet[Any]:
    """The rows of ``queryset`` past their area's period (rows without an area: the default)."""
    overrides = _overrides()
    condition = Q(pk__in=[])
    areas = list(EmploymentArea.objects.values_list("pk", flat=True))
    for area in areas:
        cutoff = months_before(today, months_for(key, area, overrides))
        condition |= Q(**{area_path: area}) & expired(cutoff)
    cutoff = months_before(today, months_for(key, None, overrides))
    condition |= Q(**{f"{area_path}__isnull": True}) & expired(cutoff)
    return queryset.filter(condition)


def _inactive_job_seekers(today: dt.date) -> tuple[QuerySet[Any], QuerySet[Any]]:
    from kohtaanto.web.matching.models import SeekerProfile

    def quiet(prefix: str) -> Callable[[dt.date], Q]:
        def expired(cutoff: dt.date) -> Q:
            start = _start_of(cutoff)
            return (
                Q(**{f"{prefix}date_joined__lt": start})
                & (Q(**{f"{prefix}last_login__isnull": True}) | Q(**{f"{prefix}last_login__lt": start}))
                & (
                    Q(**{f"{prefix}seeker_profile__isnull": True})
                    | Q(**{f"{prefix}seeker_profile__updated_at__lt": start})
                )
            )

        return expired

    people = _per_area(
        "inactive_job_seeker",
        User.objects.filter(role=Role.JOB_SEEKER, is_active=True),
        "employment_area",
        quiet(""),
        today,
    )
    orphans = _per_area(
        "inactive_job_seeker",
        SeekerProfile.objects.filter(person__isnull=True),
        "area",
        lambda cutoff: Q(updated_at__lt=_start_of(cutoff)),
        today,
    )
    return people, orphans


def _anonymise(person: User) -> None:
    from kohtaanto.web.matching.models import SeekerProfile

    SeekerProfile.objects.filter(person=person).delete()
    person.username = f"poistettu-{person.pk}"
    person.first_name = person.last_name = person.email = ""
    person.is_active = False
    person.set_unusable_password()
    person.save()


def _work_trials(today: dt.date, dry_run: bool) -> int:
    from kohtaanto.web.hiring.models import WorkTrial

    found = _per_area(
        "work_trial_notes",
        WorkTrial.objects.exclude(notes="", supervisor="", observations={}),
        "case__organisation__municipality__area",
        lambda cutoff: Q(ends_on__lt=cutoff),
        today,
    )
    return found.count() if dry_run else found.update(notes="", supervisor="", observations={})


def _follow_ups(today: dt.date, dry_run: bool) -> int:
    from kohtaanto.web.hiring.models import FollowUp

    found = _per_area(
        "follow_up_notes",
        FollowUp.objects.exclude(notes="").filter(done_on__isnull=False),
        "case__organisation__municipality__area",
        lambda cutoff: Q(done_on__lt=cutoff),
        today,
    )
    return found.count() if dry_run else found.update(notes="")


def _decided_cases(today: dt.date, dry_run: bool) -> int:
    from kohtaanto.web.hiring.models import HiringCase, MeetingRequest

    found = _per_area(
        "decided_hiring_cases",
        HiringCase.objects.filter(decided_on__isnull=False).filter(
            ~Q(person="") | Q(hired__isnull=False) | ~Q(support_facts={})
        ),
        "organisation__municipality__area",
        lambda cutoff: Q(decided_on__lt=cutoff),
        today,
    )
    if dry_run:
        return found.count()
    cases = list(found.values_list("pk", flat=True))
    MeetingRequest.objects.filter(case__in=cases).delete()
    return HiringCase.objects.filter(pk__in=cases).update(person="", hired=None, support_facts={})


def _matching_runs(today: dt.date, dry_run: bool) -> int:
    from kohtaanto.web.matching.models import MatchingRun

    found = _per_area(
        "matching_runs",
        MatchingRun.objects.all(),
        "area",
        lambda cutoff: Q(created_at__lt=_start_of(cutoff)),
        today,
    )
    return found.count() if dry_run else found.delete()[0]


def _caseload(today: dt.date, dry_run: bool, key: str) -> int:
    from kohtaanto.web.coaching.models import CaseloadEntry, Status

    entries = CaseloadEntry.objects.filter(status=Status.CLOSED, project__isnull=key == "closed_caseload")
    found = _per_area(
        key, entries, "profile__area", lambda cutoff: Q(updated_at__lt=_start_of(cutoff)), today
    )
    return found.count() if dry_run else found.delete()[0]


def _contacts(today: dt.date, dry_run: bool) -> int:
    from kohtaanto.web.outreach.models import Contact

    contacts = Contact.objects.annotate(last_activity=Max("organisation__activities__happened_on"))

    def expired(cutoff: dt.date) -> Q:
        return Q(created_at__lt=_start_of(cutoff)) & (
            Q(last_activity__isnull=True) | Q(last_activity__lt=cutoff)
        )

    found = _per_area("employer_contacts", contacts, "organisation__municipality__area", expired, today)
    if dry_run:
        return found.count()
    return Contact.objects.filter(pk__in=list(found.values_list("pk", flat=True))).delete()[0]


def apply(today: dt.date, *, actor: User | None = None, dry_run: bool = False) -> Outcome:
    """Remove what is past its period as of ``today``; with ``dry_run``, only count it."""
    outcome = Outcome(today, dry_run)
    with transaction.atomic():
        people, orphans = _inactive_job_seekers(today)
        if dry_run:
            outcome.counts["inactive_job_seeker"] = people.count() + orphans.count()
        else:
            found = list(people)
            for person in found:
                _anonymise(person)
            loose = list(orphans.values_list("pk", flat=True))
            orphans.model.objects.filter(pk__in=loose).delete()
            outcome.counts["inactive_job_seeker"] = len(found) + len(loose)
        outcome.counts["work_trial_notes"] = _work_trials(today, dry_run)
        outcome.counts["follow_up_notes"] = _follow_ups(today, dry_run)
        outcome.counts["decided_hiring_cases"] = _decided_cases(today, dry_run)
        outcome.counts["matching_runs"] = _matching_runs(today, dry_run)
        outcome.counts["closed_caseload"] = _caseload(today, dry_run, "closed_caseload")
        outcome.counts["esf_participation"] = _caseload(today, dry_run, "esf_participation")
        outcome.counts["employer_contacts"] = _contacts(today, dry_run)
        if not dry_run and outcome.total:
            record(
                actor=actor,
                action="retention.applied",
                object_type="retention",
                object_id=today.isoformat(),
                data={"on": today.isoformat(), "counts": outcome.counts},
            )
    log.info("retention.applied", on=today.isoformat(), dry_run=dry_run, **outcome.counts)
    return outcome


__all__ = ["CLASSES", "Outcome", "apply", "months_before"]
