"""Who may read which audit events."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.core.roles import Role, role_of


def events_for(user: Any) -> QuerySet[AuditEvent]:
    """The whole trail for administrators; everyone else sees only their own actions."""
    role = role_of(user)
    if role == Role.ADMINISTRATOR:
        return AuditEvent.objects.all()
    if role is not None:
        return AuditEvent.objects.filter(actor_id=user.pk)
    return AuditEvent.objects.none()


def can_view_trail(user: Any) -> bool:
    return role_of(user) == Role.ADMINISTRATOR
