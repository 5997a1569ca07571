"""The professional's caseload: people of their own area, their status and next action, what the person has
agreed to show, their matches and the hiring cases they are in. Every change is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import pgettext

from kohtaanto.core.language import is_right_to_left
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.services import record
from kohtaanto.web.coaching.models import CaseloadEntry, Method, Status
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.privacy import health_errors
from kohtaanto.web.matching.models import IdentityReveal, SeekerProfile
from kohtaanto.web.matching.services import profiles_for
from kohtaanto.web.outreach.services import within


def may_coach(actor: User | None) -> bool:
    return permissions.is_practitioner(actor)


def caseload_of(actor: User | None) -> QuerySet[CaseloadEntry]:
    if not may_coach(actor):
        return CaseloadEntry.objects.none()
    return CaseloadEntry.objects.select_related("profile__person", "profile__area").filter(professional=actor)


def addable(actor: User | None) -> QuerySet[SeekerProfile]:
    """People of the actor's area who are not yet in their caseload."""
    if not may_coach(actor):
        return SeekerProfile.objects.none()
    taken = CaseloadEntry.objects.filter(professional=actor).values("profile_id")
    return profiles_for(actor).exclude(pk__in=taken).order_by("person__last_name", "pseudonym")


def add(actor: User | None, profile: SeekerProfile) -> CaseloadEntry:
    permissions.require(
        may_coach(actor) and profiles_for(actor).filter(pk=profile.pk).exists(), "not a person of your area"
    )
    with transaction.atomic():
        entry, created = CaseloadEntry.objects.get_or_create(professional=actor, profile=profile)
        if created:
            record(actor=actor, action="caseload.added", obj=entry, data={"profile": profile.pk})
    return entry


def update(
    actor: User | None,
    entry: CaseloadEntry,
    status: str,
    next_action: str,
    next_action_on: dt.date | None,
    methods: list[str],
    today: dt.date,
) -> CaseloadEntry:
    permissions.require(entry.professional_id == getattr(actor, "pk", None), "not your caseload")
    errors: dict[str, list[str]] = {}
    if status not in Status.values:
        errors["status"] = [pgettext("caseload", "Choose a status from the list.")]
    next_action = next_action.strip()
    if len(next_action) > 200:
        errors["next_action"] = [pgettext("caseload", "At most 200 characters.")]
    else:
        errors.update(health_errors("next_action", next_action))
    if next_action_on is not None and not within(next_action_on, today, 31, 730):
        errors["next_action_on"] = [pgettext("caseload", "Give a date from last month to two years ahead.")]
    unknown = [m for m in methods if m not in Method.values]
    if unknown:
        errors["methods"] = [pgettext("caseload", "Choose methods from the list.")]
    if errors:
        raise InvalidInput(errors)
    values = {
        "status": status,
        "next_action": next_action,
        "next_action_on": next_action_on,
        "methods": [m for m in Method.values if m in methods],
    }
    changed = sorted(k for k, v in values.items() if getattr(entry, k) != v)
    if not changed:
        return entry
    with transaction.atomic():
        for key, value in values.items():
            setattr(entry, key, value)
        entry.save()
        record(actor=actor, action="caseload.updated", obj=entry, data={"changed": changed, "status": status})
    return entry


def remove(actor: User | None, entry: CaseloadEntry) -> None:
    permissions.require(entry.professional_id == getattr(actor, "pk", None), "not your caseload")
    with transaction.atomic():
        record(actor=actor, action="caseload.removed", obj=entry, data={"profile": entry.profile_id})
        entry.delete()


def consent_state(profile: SeekerProfile) -> dict[str, Any]:
    """What the person has chosen to show, in one place (never the reasons behind adjustments)."""
    reveals = list(IdentityReveal.objects.filter(profile=profile).select_related("organisation"))
    return {
        "open_to_employers": profile.open_to_employers,
        "share_accommodations": profile.share_accommodations,
        "share_with_coach": profile.share_with_coach,
        "revealed_to": [r.organisation.name for r in reveals],
    }


def shared_notes(profile: SeekerProfile) -> dict[str, Any] | None:
    """The person's own words, work history and education, when they agreed that their coach may read
    them; ``None`` otherwise."""
    if not profile.share_with_coach:
        return None
    details = profile.details or {}
    return {
        "story": profile.story,
        "story_language": profile.story_language or "",
        "story_rtl": is_right_to_left(profile.story_language),
        "history": list(details.get("history", [])),
        "education": list(details.get("education", [])),
    }


def study_plan_of(profile: SeekerProfile) -> dict[str, Any] | None:
    """The studies the person plans, when they let their coach see them; ``None`` otherwise."""
    plan = profile.study_plan or {}
    if not plan.get("show_coach") or not plan.get("situation"):
        return None
    return plan


def hiring_cases_of(profile: SeekerProfile) -> list[Any]:
    from kohtaanto.web.hiring.models import HiringCase

    return list(
        HiringCase.objects.select_related("organisation")
        .filter(Q(person=profile.pseudonym) | Q(meetings__profile=profile))
        .distinct()
        .order_by("-updated_at")[:20]
    )


def projects() -> Any:
    """The ESF+ projects a caseload entry may be linked to (through the entry's own relation: the ESF app
    sits above this one and reads caseloads for its reports)."""
    return CaseloadEntry._meta.get_field("project").related_model.objects.order_by("code")


def link_project(actor: User | None, entry: CaseloadEntry, project_id: int | None) -> CaseloadEntry:
    """A professional records which project funds their work with a person (none: the link is removed)."""
    permissions.require(entry.professional_id == getattr(actor, "pk", None), "not your caseload")
    project = projects().filter(pk=project_id).first() if project_id else None
    with transaction.atomic():
        entry.project = project
        entry.save(update_fields=["project", "updated_at"])
        record(
            actor=actor, action="caseload.project_linked", obj=entry, data={"project": project and project.pk}
        )
    return entry
