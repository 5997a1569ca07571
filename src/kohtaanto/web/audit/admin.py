from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import pgettext_lazy

from kohtaanto.web.audit import selectors as audit_selectors
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.core.roles import Role


class ActorRoleFilter(admin.SimpleListFilter):
    """Role filter with a named choice for system actions (no signed-in actor), so no link is blank."""

    title = pgettext_lazy("audit", "role")
    parameter_name = "actor_role"
    SYSTEM = "system"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [*Role.choices, (self.SYSTEM, pgettext_lazy("audit", "System or command line"))]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        value = self.value()
        if value == self.SYSTEM:
            return queryset.filter(actor_role="")
        if value:
            return queryset.filter(actor_role=value)
        return queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = (
        "sequence",
        "timestamp",
        "actor_username",
        "actor_role",
        "action",
        "object_type",
        "object_id",
    )
    list_filter = ("action", ActorRoleFilter, "object_type")
    search_fields = ("actor_username", "object_id", "request_id")

    def get_queryset(self, request: HttpRequest) -> Any:
        return audit_selectors.events_for(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
