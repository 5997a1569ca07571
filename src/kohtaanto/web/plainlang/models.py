"""Which plain-language rules a person or an organisation has switched off."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import Organisation


class RuleSettings(models.Model):
    """Switched-off rules for one user or one organisation (exactly one of the two)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    disabled = models.JSONField(pgettext_lazy("field", "rules switched off"), default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "plain-language rule settings")
        verbose_name_plural = pgettext_lazy("model", "plain-language rule settings")
        constraints = [
            models.CheckConstraint(
                name="rule_settings_for_user_or_organisation",
                condition=models.Q(user__isnull=False, organisation__isnull=True)
                | models.Q(user__isnull=True, organisation__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id or ''}{self.organisation_id or ''}: {len(self.disabled)}"


class ReaderReport(models.Model):
    """What every report of wrong words keeps: who sent it, when, and whether a reviewer has handled it."""

    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved = models.BooleanField(pgettext_lazy("field", "handled"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("-created_at", "-pk")


class WordReport(ReaderReport):
    """Someone says a word of the language kit is wrong in a language: what they saw and what they suggest.
    Administrators read the reports in the admin; the words file is corrected by a reviewer."""

    word = models.CharField(pgettext_lazy("field", "word"), max_length=40)
    language = models.CharField(pgettext_lazy("field", "language"), max_length=8)
    shown = models.CharField(pgettext_lazy("field", "word shown"), max_length=120)
    suggestion = models.CharField(pgettext_lazy("field", "better word"), max_length=120, blank=True)
    comment = models.CharField(pgettext_lazy("field", "comment"), max_length=300, blank=True)

    class Meta(ReaderReport.Meta):
        verbose_name = pgettext_lazy("model", "report of a wrong word")
        verbose_name_plural = pgettext_lazy("model", "reports of wrong words")

    def __str__(self) -> str:
        return f"{self.language}: {self.word}"


class TranslationReport(ReaderReport):
    """Someone says the interface says something wrong in a language: where, what it says, what is better.
    Administrators read the reports in the admin; a reviewer corrects the catalogue."""

    language = models.CharField(pgettext_lazy("field", "language"), max_length=8)
    page = models.CharField(pgettext_lazy("field", "page"), max_length=200, blank=True)
    shown = models.CharField(pgettext_lazy("field", "what the page says"), max_length=300)
    suggestion = models.CharField(pgettext_lazy("field", "better words"), max_length=300, blank=True)

    class Meta(ReaderReport.Meta):
        verbose_name = pgettext_lazy("model", "report of a wrong translation")
        verbose_name_plural = pgettext_lazy("model", "reports of wrong translations")

    def __str__(self) -> str:
        return f"{self.language}: {self.shown[:40]}"
