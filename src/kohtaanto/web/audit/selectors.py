"""Who may read which audit events."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.core.roles import Role, role_of
from kohtaanto.web.core.scoping import scoped


def events_for(user: Any) -> QuerySet[AuditEvent]:
    """The whole trail for administrators; everyone else sees only their own actions."""
    return scoped(user, AuditEvent.objects.all(), {}, default=lambda u, qs: qs.filter(actor_id=u.pk))


def can_view_trail(user: Any) -> bool:
    return role_of(user) == Role.ADMINISTRATOR
