"""Retention rules are edited in the admin; each save is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from kohtaanto.web.audit.services import record
from kohtaanto.web.retention.models import RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ("data_class", "area", "months", "updated_at")
    list_filter = ("data_class", "area")

    def save_model(self, request: HttpRequest, obj: RetentionRule, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            record(
                actor=request.user,
                action="retention_rule.saved",
                obj=obj,
                data={"data_class": obj.data_class, "area": obj.area_id, "months": obj.months},
            )

    def delete_model(self, request: HttpRequest, obj: RetentionRule) -> None:
        with transaction.atomic():
            record(actor=request.user, action="retention_rule.deleted", obj=obj, data={})
            super().delete_model(request, obj)
