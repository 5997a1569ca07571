"""One row per job that has done its work: the key that makes a retried job a no-op."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class JobRun(models.Model):
    key = models.CharField(max_length=200, unique=True)
    name = models.CharField(max_length=60)
    result = models.JSONField(default=dict)
    attempts = models.PositiveIntegerField(default=1)
    finished_at = models.DateTimeField()

    class Meta:
        ordering = ["-finished_at"]
        verbose_name = pgettext_lazy("model", "finished job")
        verbose_name_plural = pgettext_lazy("model", "finished jobs")

    def __str__(self) -> str:
        return self.key


class JobAttempt(models.Model):
    """A job started (kept even when its worker died): how many times a key was tried."""

    key = models.CharField(max_length=200, db_index=True)
    started_at = models.DateTimeField()

    class Meta:
        verbose_name = pgettext_lazy("model", "job attempt")
        verbose_name_plural = pgettext_lazy("model", "job attempts")

    def __str__(self) -> str:
        return f"{self.key} @ {self.started_at:%Y-%m-%d %H:%M:%S}"
