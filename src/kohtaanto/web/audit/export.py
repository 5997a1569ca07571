"""Export of the audit trail as JSON lines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from django.utils import timezone

from kohtaanto.web.audit.models import AuditEvent


def parse_since(text: str) -> dt.datetime:
    """A date (midnight, Finnish time) or an ISO date-time; naive times are Finnish time."""
    text = text.strip()
    try:
        if len(text) == 10:
            moment = dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        else:
            moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD) or an ISO date-time") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


def as_dict(event: AuditEvent) -> dict[str, object]:
    return {
        "sequence": event.sequence,
        "timestamp": event.timestamp.astimezone(dt.UTC).isoformat(),
        "actor_id": event.actor_id,
        "actor_username": event.actor_username,
        "actor_role": event.actor_role,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "request_id": event.request_id,
        "data": event.data,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def json_lines(since: dt.datetime | None) -> Iterator[str]:
    events = AuditEvent.objects.order_by("sequence")
    if since is not None:
        events = events.filter(timestamp__gte=since)
    for event in events.iterator(chunk_size=2000):
        yield json.dumps(as_dict(event), ensure_ascii=False, sort_keys=True)
