"""Outreach records in the admin, read-only: they change through the audited services and pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kohtaanto.web.accounts.admin import ReadOnlyAdmin
from kohtaanto.web.outreach import services
from kohtaanto.web.outreach.models import Activity, Contact, EmployerRelation, Need


class _AreaAdmin(ReadOnlyAdmin):
    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).filter(organisation__in=services.organisations_for(request.user))


@admin.register(EmployerRelation)
class EmployerRelationAdmin(_AreaAdmin):
    list_display = ("organisation", "stage", "strategic", "next_contact_on", "owner")
    list_filter = ("stage", "strategic")
    search_fields = ("organisation__name", "organisation__business_id")


@admin.register(Activity)
class ActivityAdmin(_AreaAdmin):
    list_display = ("organisation", "kind", "happened_on", "by")
    list_filter = ("kind",)


@admin.register(Need)
class NeedAdmin(_AreaAdmin):
    list_display = ("organisation", "found_on", "hours_per_week", "case")


@admin.register(Contact)
class ContactAdmin(_AreaAdmin):
    list_display = ("organisation", "name", "title")
