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


class Instrument(models.TextChoices):
    """The aid instrument, as the central de minimis register and GBER Annex III name them."""

    GRANT = "grant", pgettext_lazy("aid instrument", "Grant or interest subsidy")
    LOAN = "loan", pgettext_lazy("aid instrument", "Loan or repayable advance")
    GUARANTEE = "guarantee", pgettext_lazy("aid instrument", "Guarantee")
    TAX = "tax", pgettext_lazy("aid instrument", "Tax advantage or exemption")
    OTHER = "other", pgettext_lazy("aid instrument", "Other")


class AidRegulation(models.TextChoices):
    """Which de minimis regulation the grant was made under."""

    GENERAL = "2023/2831", pgettext_lazy("de minimis regulation", "General de minimis, (EU) 2023/2831")
    SGEI = (
        "2023/2832",
        pgettext_lazy("de minimis regulation", "Services of general economic interest, (EU) 2023/2832"),
    )
    GENERAL_2013 = (
        "1407/2013",
        pgettext_lazy("de minimis regulation", "General de minimis before 2024, (EU) 1407/2013"),
    )
    OTHER = "other", pgettext_lazy("de minimis regulation", "Other or not known")


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
    instrument = models.CharField(
        pgettext_lazy("field", "aid instrument"), max_length=10, choices=Instrument.choices, default="grant"
    )
    regulation = models.CharField(
        pgettext_lazy("field", "de minimis regulation"),
        max_length=10,
        choices=AidRegulation.choices,
        default="2023/2831",
    )
    recipient_business_id = models.CharField(  # empty: the ledger's own organisation
        pgettext_lazy("field", "received by (business ID)"), max_length=9, blank=True
    )
    reference = models.CharField(pgettext_lazy("field", "decision number"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-decided_on", "-pk")
        verbose_name = pgettext_lazy("model", "de minimis grant")

    def __str__(self) -> str:
        return f"de minimis grant {self.pk}"


class LinkedUndertaking(models.Model):
    """A company that forms one single undertaking with the ledger's organisation (Regulation (EU)
    2023/2831, Article 2(2)): at least one of the four links holds, directly or through other companies."""

    ledger = models.ForeignKey(DeMinimisLedger, on_delete=models.CASCADE, related_name="linked")
    name = models.CharField(pgettext_lazy("field", "name"), max_length=200)
    business_id = models.CharField(pgettext_lazy("field", "business ID (Y-tunnus)"), max_length=9)
    majority_votes = models.BooleanField(default=False)
    appoints_board = models.BooleanField(default=False)
    dominant_influence = models.BooleanField(default=False)
    controls_by_agreement = models.BooleanField(default=False)
    through_other = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "pk")
        constraints = [
            models.UniqueConstraint(fields=["ledger", "business_id"], name="linked_once_per_ledger")
        ]
        verbose_name = pgettext_lazy("model", "linked company")

    def __str__(self) -> str:
        return f"linked company {self.pk}"
