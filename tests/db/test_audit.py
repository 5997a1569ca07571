from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from kohtaanto.web.accounts import services
from kohtaanto.web.audit import services as audit
from kohtaanto.web.audit.models import AuditEvent, AuditTrailIsAppendOnly

pytestmark = pytest.mark.db


def test_a_service_change_writes_exactly_one_chained_event(world):
    before = AuditEvent.objects.count()
    services.update_organisation(world["north_employer"], world["north_org"], name="Uusi nimi Oy")
    events = list(AuditEvent.objects.order_by("sequence")[before:])
    assert len(events) == 1
    event = events[0]
    assert event.action == "organisation.updated"
    assert event.actor_username == "n_employer" and event.actor_role == "employer"
    assert event.object_type == "accounts.organisation" and event.object_id == str(world["north_org"].pk)
    assert event.data == {"changed": ["name"]}
    assert event.request_id
    assert audit.verify().ok


def test_no_change_writes_no_event(world):
    before = AuditEvent.objects.count()
    services.update_organisation(world["north_employer"], world["north_org"], name=world["north_org"].name)
    assert AuditEvent.objects.count() == before


def test_the_event_rolls_back_with_the_change(world):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.update_organisation(world["north_employer"], world["north_org"], name="Ei jää")
        raise RuntimeError("the surrounding work fails")
    world["north_org"].refresh_from_db()
    assert world["north_org"].name != "Ei jää"
    assert AuditEvent.objects.count() == before


def test_a_failed_validation_writes_nothing(world):
    from django.core.exceptions import ValidationError

    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        services.update_organisation(world["north_employer"], world["north_org"], business_id="1234567-0")
    assert AuditEvent.objects.count() == before


def test_events_cannot_be_changed_or_deleted_through_the_application(world):
    event = audit.record(actor=world["admin"], action="test.event")
    event.action = "rewritten"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action="rewritten")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL")
def test_postgresql_refuses_raw_updates_and_deletes(world):
    event = audit.record(actor=world["admin"], action="test.event")
    for sql in (
        "UPDATE audit_auditevent SET action = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


def _tamper(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        (
            "UPDATE audit_auditevent SET action = 'organisation.viewed' WHERE sequence = %s",
            "contents do not match",
        ),
        (
            "UPDATE audit_auditevent SET data = '{\"changed\": []}' WHERE sequence = %s",
            "contents do not match",
        ),
        ("DELETE FROM audit_auditevent WHERE sequence = %s", "sequence jumps"),
    ],
)
def test_verify_finds_the_first_tampered_event(world, sql: str, reason: str):
    for i in range(5):
        audit.record(actor=world["admin"], action=f"test.event{i}", data={"i": i, "text": "ä ö å"})
    assert audit.verify().ok and audit.verify().checked == 5
    _tamper(sql, [3])
    result = audit.verify()
    assert not result.ok
    assert result.broken_at in (3, 4)
    assert reason in result.reason
    assert result.checked == 2


def test_a_fork_in_the_chain_is_refused(world):
    audit.record(actor=world["admin"], action="test.first")
    last = AuditEvent.objects.order_by("-sequence").first()
    duplicate = AuditEvent(
        sequence=last.sequence,
        timestamp=last.timestamp,
        action="fork",
        request_id="x",
        prev_hash=last.prev_hash,
        hash="f" * 64,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_timestamps_come_from_the_given_clock(world):
    moment = dt.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=dt.UTC)
    event = audit.record(actor=None, action="test.clock", clock=lambda: moment)
    assert AuditEvent.objects.get(pk=event.pk).timestamp == moment
    assert audit.verify().ok


def test_each_recorded_event_writes_one_structured_log_line(world):
    from structlog.testing import capture_logs

    with capture_logs() as logs:
        services.update_organisation(world["north_employer"], world["north_org"], name="Lokitettu Oy")
    lines = [entry for entry in logs if entry["event"] == "audit.recorded"]
    assert len(lines) == 1
    assert lines[0]["action"] == "organisation.updated"
    assert lines[0]["object_id"] == str(world["north_org"].pk)
