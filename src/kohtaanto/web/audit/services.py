"""Writing and verifying the audit trail.

:func:`record` must run inside the transaction of the change it records, so the event and
the change commit or roll back together. Each event stores ``hash = sha256(prev_hash || payload)``
where ``payload`` is the canonical JSON of the event's fields, and ``mac = HMAC-SHA256(key, hash)``
with the operator's key, which is never in the database (``KOHTAANTO_AUDIT_KEY``). :func:`verify` recomputes
the chain and the MACs: an edited event, even with its chain recomputed, fails without the key. Events
deleted from the end leave a valid but shorter chain, so the operator records the head
(``kohtaanto audit head``) and checks it later (``kohtaanto audit verify --expect``); and an empty trail
in a database that holds accounts or profiles is never "intact".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.core.context import current_request_id

GENESIS = "0" * 64
_LOCK_KEY = 0x6B6F6874  # "koht": the advisory lock that serialises appends on PostgreSQL
log = structlog.get_logger("kohtaanto.audit")

Clock = Callable[[], dt.datetime]


def _payload(
    *,
    sequence: int,
    timestamp: dt.datetime,
    actor_id: int | None,
    actor_username: str,
    actor_role: str,
    action: str,
    object_type: str,
    object_id: str,
    request_id: str,
    data: dict[str, Any],
) -> str:
    return json.dumps(
        {
            "sequence": sequence,
            "timestamp": timestamp.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "actor_id": actor_id,
            "actor_username": actor_username,
            "actor_role": actor_role,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "request_id": request_id,
            "data": data,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


def chain_hash(prev_hash: str, payload: str) -> str:
    return hashlib.sha256(f"{prev_hash}\n{payload}".encode()).hexdigest()


def mac_of(event_hash: str, key: str | None = None) -> str:
    secret = (settings.KOHTAANTO_AUDIT_KEY if key is None else key).encode()
    if not secret:
        raise RuntimeError("no audit key configured (KOHTAANTO_AUDIT_KEY)")
    return hmac.new(secret, event_hash.encode(), hashlib.sha256).hexdigest()


def _event_payload(event: AuditEvent) -> str:
    return _payload(
        sequence=event.sequence,
        timestamp=event.timestamp,
        actor_id=event.actor_id,
        actor_username=event.actor_username,
        actor_role=event.actor_role,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        request_id=event.request_id,
        data=event.data,
    )


def _plain(data: dict[str, Any] | None) -> dict[str, Any]:
    """Keep the details JSON-stable: strings, integers, booleans, None, lists and dicts of them."""
    return json.loads(json.dumps(data or {}, default=str, sort_keys=True))


def record(
    *,
    actor: Any | None,
    action: str,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str = "",
    data: dict[str, Any] | None = None,
    clock: Clock = timezone.now,
) -> AuditEvent:
    """Append one event, chained to the last one, in the caller's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        last = AuditEvent.objects.order_by("-sequence").values("sequence", "hash").first()
        sequence = last["sequence"] + 1 if last else 1
        prev_hash = last["hash"] if last else GENESIS
        fields: dict[str, Any] = {
            "sequence": sequence,
            "timestamp": clock().astimezone(dt.UTC),
            "actor_id": actor.pk if actor is not None and authenticated else None,
            "actor_username": actor.get_username() if actor is not None and authenticated else "",
            "actor_role": getattr(actor, "role", "") if authenticated else "",
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "request_id": current_request_id(),
            "data": _plain(data),
        }
        event_hash = chain_hash(prev_hash, _payload(**fields))
        event = AuditEvent(**fields, prev_hash=prev_hash, hash=event_hash, mac=mac_of(event_hash))
        event.save()
    log.info(
        "audit.recorded",
        sequence=sequence,
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor_id=fields["actor_id"],
    )
    return event


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    head_hash: str
    broken_at: int | None = None
    reason: str = ""
    unkeyed: int = 0  # events older than keying (kept by the hash chain of the keyed ones after them)


def _ordered() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000)


def parse_head(value: str) -> tuple[int, str]:
    """``SEQUENCE:HASH`` as printed by ``kohtaanto audit head``; ``ValueError`` otherwise."""
    sequence, _, digest = value.strip().partition(":")
    if not sequence.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError("give the head as SEQUENCE:HASH, as 'kohtaanto audit head' prints it")
    return int(sequence), digest


def _holds_data() -> bool:
    """Whether the database holds accounts or profiles, which every installation records events for."""
    from django.apps import apps

    # through the app registry: the audit trail sits below every app that records events
    return any(
        apps.get_model(label).objects.exists() for label in ("accounts.User", "matching.SeekerProfile")
    )


def verify(expect: tuple[int, str] | None = None, key: str | None = None) -> Verification:
    """Recompute the whole chain and every MAC; report the first event that does not fit. ``expect``
    is a head recorded earlier: the trail must still hold that event, unchanged."""
    prev_hash = GENESIS
    expected_sequence = 1
    checked = unkeyed = 0
    keyed = False
    found_expected = expect is None
    for event in _ordered():
        if event.sequence != expected_sequence:
            return Verification(
                False,
                checked,
                prev_hash,
                event.sequence,
                f"sequence jumps from {expected_sequence - 1} to {event.sequence}",
            )
        if event.prev_hash != prev_hash:
            return Verification(
                False, checked, prev_hash, event.sequence, "link to the previous event is broken"
            )
        if chain_hash(prev_hash, _event_payload(event)) != event.hash:
            return Verification(
                False, checked, prev_hash, event.sequence, "contents do not match the stored hash"
            )
        if event.mac:
            keyed = True
            if not hmac.compare_digest(event.mac, mac_of(event.hash, key)):
                return Verification(
                    False,
                    checked,
                    prev_hash,
                    event.sequence,
                    "the event's MAC does not match (changed without the audit key, or another key)",
                )
        elif keyed:
            return Verification(
                False, checked, prev_hash, event.sequence, "an unkeyed event after keyed ones"
            )
        else:
            unkeyed += 1
        if expect is not None and event.sequence == expect[0]:
            if event.hash != expect[1]:
                return Verification(
                    False, checked, prev_hash, event.sequence, "the recorded head's event has changed"
                )
            found_expected = True
        prev_hash = event.hash
        expected_sequence += 1
        checked += 1
    if not found_expected and expect is not None:
        return Verification(
            False,
            checked,
            prev_hash,
            expect[0],
            f"the recorded head #{expect[0]} is missing: events were removed from the end",
        )
    if checked == 0 and _holds_data():
        return Verification(False, 0, prev_hash, 1, "the trail is empty although the database holds data")
    return Verification(True, checked, prev_hash, unkeyed=unkeyed)


def head() -> tuple[int, str] | None:
    """The newest event's sequence and hash, for the operator to record outside the database."""
    last = AuditEvent.objects.order_by("-sequence").values_list("sequence", "hash").first()
    return (int(last[0]), str(last[1])) if last else None
