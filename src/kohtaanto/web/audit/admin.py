from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kohtaanto.web.accounts import permissions
from kohtaanto.web.audit.models import AuditEvent


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
    list_filter = ("action", "actor_role", "object_type")
    search_fields = ("actor_username", "object_id", "request_id")

    def get_queryset(self, request: HttpRequest) -> Any:
        return permissions.audit_events_for(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
