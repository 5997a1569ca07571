"""The ESF+ participant record: the coach of a person funded by a project writes it with the person.
One step each, keyword-only; every write is versioned and audited, and the audit keeps which fields
changed, never their values (they include special categories of personal data)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kohtaanto.web.audit.services import record
from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.core.concurrency import locked, save_changed
from kohtaanto.web.core.errors import InvalidInput, PermissionDenied
from kohtaanto.web.esf.models import ParticipantRecord

FIELDS = (
    "entered_on", "left_on", "gender", "age_group", "status_at_entry", "education", "disability",
    "third_country_national", "foreign_background", "minority", "homeless", "rural", "leaving_status",
    "qualification_gained", "employed_after_6_months", "improved_after_6_months",
)  # fmt: skip


def may_record(actor: Any, entry: CaseloadEntry) -> bool:
    """Only the person's own coach, and only while a project funds them."""
    return (
        getattr(actor, "role", "") == "professional"
        and entry.professional_id == getattr(actor, "pk", None)
        and entry.project_id is not None
    )


def record_of(entry: CaseloadEntry) -> ParticipantRecord:
    found, _ = ParticipantRecord.objects.get_or_create(entry=entry)
    return found


def save_record(
    *, actor: Any, entry: CaseloadEntry, version: int | None, values: dict[str, Any]
) -> ParticipantRecord:
    if not may_record(actor, entry):
        raise PermissionDenied("only the person's coach records ESF+ participant details")
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise InvalidInput({name: ["not a participant field"] for name in sorted(unknown)})
    entered, left = values.get("entered_on"), values.get("left_on")
    if entered and left and left < entered:
        raise InvalidInput({"left_on": ["the day of leaving is after the start"]})
    with transaction.atomic():
        fresh = locked(record_of(entry), version)
        changed = [name for name, value in values.items() if getattr(fresh, name) != value]
        for name in changed:
            setattr(fresh, name, values[name])
        save_changed(fresh, changed)
        record(actor=actor, action="esf.participant_recorded", obj=fresh, data={"fields": changed})
    return fresh
