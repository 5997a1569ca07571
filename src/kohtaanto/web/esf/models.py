"""ESF+ projects imported from EURA 2021 or Kohesio, their methods and target groups (classified from the
description, or set by hand), and the caseload entries they fund."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class Project(models.Model):
    source = models.CharField(pgettext_lazy("field", "source"), max_length=10)  # eura2021 | kohesio
    code = models.CharField(pgettext_lazy("field", "project code"), max_length=60, unique=True)
    name = models.CharField(pgettext_lazy("field", "name"), max_length=400)
    implementer = models.CharField(pgettext_lazy("field", "implementer"), max_length=300, blank=True)
    business_id = models.CharField(pgettext_lazy("field", "business ID (Y-tunnus)"), max_length=9, blank=True)
    fund = models.CharField(pgettext_lazy("field", "fund"), max_length=40, blank=True)
    starts_on = models.DateField(pgettext_lazy("field", "starts"), null=True, blank=True)
    ends_on = models.DateField(pgettext_lazy("field", "ends"), null=True, blank=True)
    summary = models.TextField(pgettext_lazy("field", "summary"), blank=True)
    eu_funding = models.DecimalField(
        pgettext_lazy("field", "planned EU and state funding"), max_digits=14, decimal_places=2, null=True
    )
    nuts = models.CharField(pgettext_lazy("field", "region (NUTS)"), max_length=120, blank=True)
    methods = models.JSONField(pgettext_lazy("field", "methods"), default=list, blank=True)
    target_groups = models.JSONField(pgettext_lazy("field", "target groups"), default=list, blank=True)
    evidence = models.JSONField(pgettext_lazy("field", "classification evidence"), default=dict, blank=True)
    manual = models.BooleanField(pgettext_lazy("field", "set by hand"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = pgettext_lazy("model", "ESF+ project")
        verbose_name_plural = pgettext_lazy("model", "ESF+ projects")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
