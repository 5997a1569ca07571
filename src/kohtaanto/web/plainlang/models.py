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
