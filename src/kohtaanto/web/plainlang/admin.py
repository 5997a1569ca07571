"""Administrators read the reports of wrong words and mark them handled."""

from __future__ import annotations

from django.contrib import admin

from kohtaanto.web.plainlang.models import TranslationReport, WordReport


@admin.register(WordReport)
class WordReportAdmin(admin.ModelAdmin):
    list_display = ("language", "word", "shown", "suggestion", "resolved", "created_at")
    list_filter = ("language", "resolved")
    readonly_fields = ("word", "language", "shown", "suggestion", "comment", "reported_by", "created_at")
    fields = (*readonly_fields, "resolved")

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(TranslationReport)
class TranslationReportAdmin(admin.ModelAdmin):
    list_display = ("language", "page", "shown", "suggestion", "resolved", "created_at")
    list_filter = ("language", "resolved")
    readonly_fields = ("language", "page", "shown", "suggestion", "reported_by", "created_at")
    fields = (*readonly_fields, "resolved")

    def has_add_permission(self, request: object) -> bool:
        return False
