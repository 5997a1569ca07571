"""The append-only audit trail. Each event's hash covers the previous event's hash."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import pgettext_lazy


class AuditTrailIsAppendOnly(Exception):
    """Audit events cannot be changed or deleted."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be updated")

    def delete(self) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be deleted")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be updated")


class AuditEvent(models.Model):
    sequence = models.PositiveBigIntegerField(pgettext_lazy("audit", "sequence"), unique=True)
    timestamp = models.DateTimeField(pgettext_lazy("audit", "time"), db_index=True)
    # The actor is kept as a snapshot, not a foreign key, so that the trail outlives accounts.
    actor_id = models.BigIntegerField(
        pgettext_lazy("audit", "actor id"), null=True, blank=True, db_index=True
    )
    actor_username = models.CharField(pgettext_lazy("audit", "actor"), max_length=150, blank=True)
    actor_role = models.CharField(pgettext_lazy("audit", "role"), max_length=32, blank=True)
    action = models.CharField(pgettext_lazy("audit", "action"), max_length=64, db_index=True)
    object_type = models.CharField(pgettext_lazy("audit", "object type"), max_length=64, blank=True)
    object_id = models.CharField(pgettext_lazy("audit", "object id"), max_length=64, blank=True)
    request_id = models.CharField(pgettext_lazy("audit", "request id"), max_length=80)
    data = models.JSONField(pgettext_lazy("audit", "details"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # HMAC-SHA256 of ``hash`` under the operator's audit key (outside the database): without the key
    # nobody can rewrite an event and recompute the chain. Empty only for events older than keying.
    mac = models.CharField(max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence"]
        verbose_name = pgettext_lazy("audit", "audit event")
        verbose_name_plural = pgettext_lazy("audit", "audit events")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditTrailIsAppendOnly("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be deleted")

    @property
    def action_text(self) -> str:
        from kohtaanto.web.audit.labels import action_text

        return action_text(self.action)

    @property
    def object_text(self) -> str:
        from kohtaanto.web.audit.labels import object_text

        return object_text(self.object_type)
