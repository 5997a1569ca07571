"""Admin pages. Querysets come from the permission service; saves go through the services,
so the admin writes the same audit events as the pages and the API."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts import permissions, services
from kohtaanto.web.accounts.models import EmploymentArea, Municipality, Organisation, StarterSkillLink, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "business_id", "legal_form", "size_class", "sector", "municipality")
    list_filter = ("legal_form", "size_class", "sector", "municipality__area")
    search_fields = ("name", "business_id")
    fields = services.ORGANISATION_FIELDS

    def get_queryset(self, request: HttpRequest) -> Any:
        return permissions.organisations_for(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        values = {
            field: form.cleaned_data[field]
            for field in services.ORGANISATION_FIELDS
            if field in form.cleaned_data
        }
        if change:
            saved = services.update_organisation(request.user, Organisation.objects.get(pk=obj.pk), **values)
        else:
            saved = services.create_organisation(request.user, **values)
        obj.pk = saved.pk


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(EmploymentArea)
class EmploymentAreaAdmin(ReadOnlyAdmin):
    list_display = ("name_fi", "name_sv", "kind")
    actions = ["mark_urban", "mark_mixed", "mark_rural"]

    def _mark(self, request: HttpRequest, queryset: Any, kind: str) -> None:
        for area in queryset:
            services.set_area_kind(request.user, area, kind)

    @admin.action(description=pgettext_lazy("area kind", "Mark as urban"))
    def mark_urban(self, request: HttpRequest, queryset: Any) -> None:
        self._mark(request, queryset, "urban")

    @admin.action(description=pgettext_lazy("area kind", "Mark as urban and rural"))
    def mark_mixed(self, request: HttpRequest, queryset: Any) -> None:
        self._mark(request, queryset, "mixed")

    @admin.action(description=pgettext_lazy("area kind", "Mark as rural"))
    def mark_rural(self, request: HttpRequest, queryset: Any) -> None:
        self._mark(request, queryset, "rural")

    def get_queryset(self, request: HttpRequest) -> Any:
        return permissions.areas_for(request.user)


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnlyAdmin):
    list_display = ("code", "name_fi", "name_sv", "area")


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = (
        "username",
        "role",
        "organisation",
        "employment_area",
        "language",
        "is_active",
        "last_login",
    )
    list_filter = ("role", "language", "is_active", "employment_area")
    search_fields = ("username", "email", "first_name", "last_name")
    exclude = ("password", "user_permissions", "groups")

    def get_queryset(self, request: HttpRequest) -> Any:
        return permissions.people_for(request.user)


@admin.register(StarterSkillLink)
class StarterSkillLinkAdmin(admin.ModelAdmin):
    """Reviewers record which ESCO concept a starter skill stands for (saved through the audited service)."""

    list_display = ("starter_id", "esco_version", "uri", "status", "reviewed_by", "reviewed_at")
    list_filter = ("status", "esco_version")
    search_fields = ("starter_id", "uri")
    fields = ("starter_id", "esco_version", "uri", "status")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: StarterSkillLink, form: Any, change: bool) -> None:
        saved = services.review_starter_link(
            request.user,
            starter_id=form.cleaned_data["starter_id"],
            esco_version=form.cleaned_data["esco_version"],
            uri=form.cleaned_data.get("uri") or "",
            status=form.cleaned_data["status"],
        )
        obj.pk = saved.pk
