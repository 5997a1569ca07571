"""The employer's de minimis ledger: aid its single undertaking has been granted under de minimis.

One ledger per organisation, with the month its fiscal year starts (decisions before 1.1.2024 count
fiscal years) and a version that every write raises, so two people adding grants at once never lose one.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import pgettext_lazy


class DeMinimisLedger(models.Model):
    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="de_minimis_ledger"
    )
    fiscal_year_start_month = models.PositiveSmallIntegerField(
        pgettext_lazy("field", "month the fiscal year starts"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "de minimis ledger")

    def __str__(self) -> str:
        return f"de minimis ledger {self.pk}"


class LedgerGrant(models.Model):
    ledger = models.ForeignKey(DeMinimisLedger, on_delete=models.CASCADE, related_name="grants")
    decided_on = models.DateField(pgettext_lazy("field", "decision date"))
    amount = models.DecimalField(
        pgettext_lazy("field", "amount"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    granted_by = models.CharField(pgettext_lazy("field", "granted by"), max_length=200)
    purpose = models.CharField(pgettext_lazy("field", "what for"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-decided_on", "-pk")
        verbose_name = pgettext_lazy("model", "de minimis grant")

    def __str__(self) -> str:
        return f"de minimis grant {self.pk}"
