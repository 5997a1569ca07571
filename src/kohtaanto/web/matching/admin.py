"""Admin pages for matching. Profiles and runs are read-only here (they change through the audited
services); area weights are saved through :func:`services.set_area_weights`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from kohtaanto.web.accounts.admin import ReadOnlyAdmin
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import (
    AreaWeights,
    ConsentRecord,
    JobPosting,
    MatchingRun,
    SeekerProfile,
    WorkplaceInventory,
)
from kohtaanto.web.matching.services import clean_weights


@admin.register(SeekerProfile)
class SeekerProfileAdmin(ReadOnlyAdmin):
    list_display = ("pseudonym", "area", "looking", "open_to_employers", "updated_at")
    list_filter = ("area", "looking", "open_to_employers")
    search_fields = ("pseudonym",)
    exclude = ("person",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return services.profiles_for(request.user)

    def change_view(self, request: HttpRequest, object_id: str, *args: Any, **kwargs: Any) -> Any:
        found = self.get_queryset(request).filter(pk=object_id).first()
        if found is not None:
            services.log_views(request.user, [found], "admin")
        return super().change_view(request, object_id, *args, **kwargs)


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ("at", "profile", "purpose", "recipient", "granted", "text_version")
    list_filter = ("purpose", "granted", "text_version")
    search_fields = ("profile__pseudonym",)
    exclude = ("given_by",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return ConsentRecord.objects.filter(profile__in=services.profiles_for(request.user)).select_related(
            "profile"
        )


@admin.register(JobPosting)
class JobPostingAdmin(ReadOnlyAdmin):
    list_display = ("title", "organisation", "kind", "status", "headcount", "updated_at")
    list_filter = ("kind", "status")
    search_fields = ("title",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return services.jobs_for(request.user)


@admin.register(WorkplaceInventory)
class WorkplaceInventoryAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "organisation", "updated_at")


@admin.register(MatchingRun)
class MatchingRunAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "actor_username", "created_at", "job", "area", "inputs_digest")
    list_filter = ("kind", "area")
    exclude = ("considered",)


class WeightsForm(forms.ModelForm):
    class Meta:
        model = AreaWeights
        fields = ("area", "weights")

    def clean_weights(self) -> dict[str, float]:
        try:
            return clean_weights(self.cleaned_data["weights"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.register(AreaWeights)
class AreaWeightsAdmin(admin.ModelAdmin):
    form = WeightsForm
    list_display = ("area", "updated_at")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: AreaWeights, form: Any, change: bool) -> None:
        services.set_area_weights(request.user, form.cleaned_data["area"], form.cleaned_data["weights"])
        obj.pk = AreaWeights.objects.get(area=form.cleaned_data["area"]).pk
