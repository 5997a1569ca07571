"""An employer's hiring case: from the need for workers to a carved, supported, published job."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.matching.models import JobPosting


class HiringCase(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="hiring_cases",
        verbose_name=pgettext_lazy("model", "organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(pgettext_lazy("field", "title"), max_length=200)
    need = models.JSONField(pgettext_lazy("field", "the need"), default=dict, blank=True)
    inventory = models.JSONField(pgettext_lazy("field", "roles and tasks"), default=dict, blank=True)
    chosen = models.JSONField(pgettext_lazy("field", "chosen carved job"), default=dict, blank=True)
    person = models.CharField(pgettext_lazy("field", "pseudonym"), max_length=16, blank=True)
    ad_text = models.TextField(pgettext_lazy("field", "job ad"), blank=True)
    job = models.ForeignKey(JobPosting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = pgettext_lazy("model", "hiring case")
        verbose_name_plural = pgettext_lazy("model", "hiring cases")

    def __str__(self) -> str:
        return self.title
