"""An employment area's own retention period for a data class (else the default in ``policy``)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import EmploymentArea
from kohtaanto.web.retention.policy import CLASSES


class RetentionRule(models.Model):
    area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="retention_rules",
        verbose_name=pgettext_lazy("model", "employment area"),
        help_text=pgettext_lazy("retention", "Empty: the platform-wide period."),
    )
    data_class = models.CharField(
        pgettext_lazy("field", "data class"),
        max_length=32,
        choices=[(c.key, c.label) for c in CLASSES],
    )
    months = models.PositiveIntegerField(
        pgettext_lazy("field", "kept for (months)"), validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "retention rule")
        verbose_name_plural = pgettext_lazy("model", "retention rules")
        constraints = [
            models.UniqueConstraint(fields=["area", "data_class"], name="one_rule_per_area_and_class"),
            models.UniqueConstraint(
                fields=["data_class"], condition=models.Q(area=None), name="one_default_rule_per_class"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area or '*'}: {self.data_class} {self.months} mo"
