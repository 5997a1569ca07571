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
    services.update_organisation(world["north_professional"], world["north_org"], name="Uusi nimi Oy")
    events = list(AuditEvent.objects.order_by("sequence")[before:])
    assert len(events) == 1
    event = events[0]
    assert event.action == "organisation.updated"
    assert event.actor_username == "n_pro" and event.actor_role == "professional"
    assert event.object_type == "accounts.organisation" and event.object_id == str(world["north_org"].pk)
    assert event.data == {"changed": ["name"]}
    assert event.request_id
    assert audit.verify().ok


def test_no_change_writes_no_event(world):
    before = AuditEvent.objects.count()
    services.update_organisation(
        world["north_professional"], world["north_org"], name=world["north_org"].name
    )
    assert AuditEvent.objects.count() == before


def test_the_event_rolls_back_with_the_change(world):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.update_organisation(world["north_professional"], world["north_org"], name="Ei jää")
        raise RuntimeError("the surrounding work fails")
    world["north_org"].refresh_from_db()
    assert world["north_org"].name != "Ei jää"
    assert AuditEvent.objects.count() == before


def test_a_failed_validation_writes_nothing(world):
    from django.core.exceptions import ValidationError

    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        services.update_organisation(world["north_professional"], world["north_org"], business_id="1234567-0")
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
        services.update_organisation(world["north_professional"], world["north_org"], name="Lokitettu Oy")
    lines = [entry for entry in logs if entry["event"] == "audit.recorded"]
    assert len(lines) == 1
    assert lines[0]["action"] == "organisation.updated"
    assert lines[0]["object_id"] == str(world["north_org"].pk)


def _recompute_from(sequence: int, changes: dict[str, object]) -> None:
    """The attacker with database access: change one event and recompute the chain after it, as the
    unkeyed chain allowed (every hash is SHA-256 of public data)."""
    events = list(AuditEvent.objects.filter(sequence__gte=sequence).order_by("sequence"))
    prev = AuditEvent.objects.get(sequence=sequence - 1).hash if sequence > 1 else audit.GENESIS
    for event in events:
        for name, value in (changes if event.sequence == sequence else {}).items():
            setattr(event, name, value)
        new_hash = audit.chain_hash(prev, audit._event_payload(event))
        _tamper(
            "UPDATE audit_auditevent SET action = %s, prev_hash = %s, hash = %s WHERE sequence = %s",
            [event.action, prev, new_hash, event.sequence],
        )
        prev = new_hash


def test_an_edited_event_with_its_chain_recomputed_fails_without_the_key(world):
    for i in range(4):
        audit.record(actor=world["admin"], action=f"test.event{i}")
    assert audit.verify().ok
    _recompute_from(2, {"action": "organisation.viewed"})
    result = audit.verify()
    assert not result.ok and result.broken_at == 2 and "MAC" in result.reason
    assert not audit.verify(key="another-key-" * 3).ok  # and another key does not hold it either


def test_events_removed_from_the_end_are_found_against_the_recorded_head(world):
    for i in range(4):
        audit.record(actor=world["admin"], action=f"test.event{i}")
    recorded = audit.head()
    assert recorded is not None and audit.verify(recorded).ok
    _tamper("DELETE FROM audit_auditevent WHERE sequence >= %s", [3])
    assert audit.verify().ok  # a shorter chain is still a chain: only the recorded head tells
    result = audit.verify(recorded)
    assert not result.ok and "removed from the end" in result.reason
    assert not audit.verify((2, "0" * 64)).ok  # the head's event changed


def test_an_empty_trail_in_a_database_with_data_is_not_intact(world):
    assert AuditEvent.objects.count() == 0 and audit.verify().ok is False
    assert "empty" in audit.verify().reason


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE and roles are PostgreSQL's")
def test_postgresql_refuses_truncation_and_the_app_role_cannot_touch_the_trail(tx_world):
    """Committed (``tx_world``): the app role's own connection must see the role and its grants."""
    import psycopg
    from django.conf import settings as django_settings

    from kohtaanto.web.audit.roles import grant_app

    audit.record(actor=tx_world["admin"], action="test.event")
    with (
        pytest.raises(Exception, match="cannot be truncated"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL kohtaanto.maintenance = 'off'")
        cursor.execute("TRUNCATE audit_auditevent")
    with connection.cursor() as cursor:
        cursor.execute("DROP ROLE IF EXISTS kohtaanto_app_test")
        cursor.execute("CREATE ROLE kohtaanto_app_test LOGIN PASSWORD 'app-test'")
    try:
        grant_app("kohtaanto_app_test")
        params = {**connection.get_connection_params(), "user": "kohtaanto_app_test", "password": "app-test"}
        params.pop("cursor_factory", None)
        params.pop("context", None)
        with psycopg.connect(**params, autocommit=True) as app:
            assert app.execute("SELECT count(*) FROM audit_auditevent").fetchone()[0] == 1
            for statement in (
                "UPDATE audit_auditevent SET action = 'x'",
                "DELETE FROM audit_auditevent",
                "TRUNCATE audit_auditevent",
                "ALTER TABLE audit_auditevent DISABLE TRIGGER USER",
                "DROP TABLE audit_auditevent",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    app.execute(statement)
            app.execute("SELECT count(*) FROM matching_seekerprofile")  # the app's own tables: allowed
        assert django_settings.DATABASES["default"]["USER"] != "kohtaanto_app_test"
    finally:
        database = connection.ops.quote_name(connection.settings_dict["NAME"])
        with connection.cursor() as cursor:
            for statement in (
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM kohtaanto_app_test",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM kohtaanto_app_test",
                "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kohtaanto_app_test",
                "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM kohtaanto_app_test",
                "REVOKE ALL ON SCHEMA public FROM kohtaanto_app_test",
                f"REVOKE ALL ON DATABASE {database} FROM kohtaanto_app_test",
                "DROP ROLE kohtaanto_app_test",
            ):
                cursor.execute(statement)
