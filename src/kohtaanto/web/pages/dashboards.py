"""What each role's dashboard shows. Rows come only through the permission service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count
from django.utils import timezone

from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import EmploymentArea, LegalForm, Organisation, SizeClass, User
from kohtaanto.web.audit import selectors as audit_selectors
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.core.roles import Role


def recent_actions(user: User, limit: int = 8) -> list[AuditEvent]:
    return list(audit_selectors.events_for(user).filter(actor_id=user.pk).order_by("-sequence")[:limit])


def _labelled(counts: dict[str, int], choices: Any) -> list[tuple[str, int]]:
    return [(str(label), counts.get(value, 0)) for value, label in choices]


def job_seeker(user: User) -> dict[str, Any]:
    """The person's details, and first what waits for them: employers who want to meet (answered on the
    sharing page, where the person decides what to share), meetings they agreed to with whom to contact,
    work trials planned with them and trial observations waiting for their yes or no."""
    from kohtaanto.web.hiring.models import MeetingRequest, WorkTrial

    area = user.employment_area
    meetings = MeetingRequest.objects.filter(profile__person=user).select_related(
        "case__organisation", "case__job", "asked_by"
    )
    trials = WorkTrial.objects.filter(profile__person=user).select_related("case__organisation")
    return {
        "area": area,
        "municipalities": list(area.municipalities.all()) if area else [],
        "meetings_waiting": list(meetings.filter(status="asked")),
        "meetings_agreed": list(meetings.filter(status="accepted")),
        "trials": list(trials.filter(ends_on__gte=timezone.localdate()).order_by("starts_on")),
        "trial_answers": trials.filter(proposal="proposed").count(),
    }


def employer(user: User) -> dict[str, Any]:
    organisation = permissions.organisations_for(user).get()
    return {
        "organisation": organisation,
        "members": list(permissions.people_for(user).order_by("last_name", "first_name")),
        "can_edit": permissions.can_change_organisation(user, organisation),
    }


def professional(user: User) -> dict[str, Any]:
    area = user.employment_area
    people = permissions.people_for(user)
    return {
        "area": area,
        "municipalities": list(area.municipalities.all()) if area else [],
        "organisations": list(permissions.organisations_for(user).order_by("name")),
        "job_seekers": list(people.filter(role=Role.JOB_SEEKER).order_by("last_name", "first_name")),
        "colleagues": list(people.filter(role=Role.PROFESSIONAL).exclude(pk=user.pk)),
    }


def statistics(user: User, today: dt.date | None = None) -> dict[str, Any]:
    """Aggregates for analysts and administrators: counts only, never rows about people."""
    permissions.require(permissions.can_view_statistics(user))
    today = today or timezone.localdate()
    areas = []
    for area in EmploymentArea.objects.order_by("name_fi"):
        orgs = Organisation.objects.filter(municipality__area=area)
        areas.append(
            {
                "area": area,
                "municipalities": area.municipalities.count(),
                "organisations": orgs.count(),
                "job_seekers": User.objects.filter(
                    role=Role.JOB_SEEKER, employment_area=area, is_active=True
                ).count(),
                "professionals": User.objects.filter(
                    role=Role.PROFESSIONAL, employment_area=area, is_active=True
                ).count(),
            }
        )
    by_form = dict(Organisation.objects.values_list("legal_form").annotate(n=Count("id")))
    by_size = dict(Organisation.objects.values_list("size_class").annotate(n=Count("id")))
    since = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=30), dt.time()))
    actions = list(
        AuditEvent.objects.filter(timestamp__gte=since)
        .values("action")
        .annotate(n=Count("id"))
        .order_by("-n", "action")
    )
    return {
        "areas": areas,
        "by_legal_form": _labelled(by_form, LegalForm.choices),
        "by_size_class": _labelled(by_size, SizeClass.choices),
        "actions_30_days": actions,
    }


def administrator(user: User) -> dict[str, Any]:
    roles = dict(User.objects.filter(is_active=True).values_list("role").annotate(n=Count("id")))
    return {
        "users_by_role": _labelled(roles, Role.choices),
        "latest_events": list(audit_selectors.events_for(user).order_by("-sequence")[:10]),
        "event_count": AuditEvent.objects.count(),
        **statistics(user),
    }


BUILDERS = {
    Role.JOB_SEEKER: job_seeker,
    Role.EMPLOYER: employer,
    Role.PROFESSIONAL: professional,
    Role.ANALYST: statistics,
    Role.ADMINISTRATOR: administrator,
}
