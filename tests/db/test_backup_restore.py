"""Backup and restore end to end, in subprocesses: the demo database is backed up, restored into a fresh
database and found whole (every table's row count as in the backup's manifest, the audit chain intact).
SQLite always; PostgreSQL (pg_dump / pg_restore into a new database) when the suite runs on PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.unit.test_cli import run

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    assert run("demo", "--no-serve", data_dir=source).returncode == 0
    target = source / "backup.sqlite3"
    made = run("backup", "--output", str(target), data_dir=source)
    assert made.returncode == 0, made.stderr
    return target


@pytest.fixture(autouse=True)
def same_audit_key(request, tmp_path):
    """The installation a backup is restored into holds the same audit key (it is kept outside the
    database, like the operator keeps it); without it the restored trail does not verify."""
    if "demo_backup" in request.fixturenames:
        source = request.getfixturevalue("demo_backup").parent
        shutil.copy(source / "audit_key", tmp_path / "audit_key")


def test_a_backup_restores_into_a_fresh_database_whole(demo_backup, tmp_path):
    manifest = json.loads(demo_backup.with_name(demo_backup.name + ".json").read_text())
    assert manifest["counts"]["accounts_user"] == 14 and manifest["audit"]["sequence"] > 0
    restored = run("restore", str(demo_backup), data_dir=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "Restore verified" in restored.stdout and "Audit chain intact" in restored.stdout
    db = sqlite3.connect(tmp_path / "kohtaanto.sqlite3")
    try:
        for table, count in manifest["counts"].items():
            assert db.execute(f'select count(*) from "{table}"').fetchone()[0] == count, table  # noqa: S608
        assert db.execute("select count(*) from accounts_user where username = 'tyonantaja1'").fetchone() == (
            1,
        )
    finally:
        db.close()
    # the restored database is the app's: connected, migrations up to date
    checked = run("check", data_dir=tmp_path).stdout
    assert "ok    database connection" in checked and "ok    database migrations are up to date" in checked


def test_a_database_with_data_is_not_overwritten_without_replace(demo_backup, tmp_path):
    assert run("restore", str(demo_backup), data_dir=tmp_path).returncode == 0
    run("createuser", "--role", "analyst", "--username", "newcomer", data_dir=tmp_path, stdin="x" * 14 + "\n")
    refused = run("restore", str(demo_backup), data_dir=tmp_path)
    assert refused.returncode == 1 and "--replace" in refused.stderr
    replaced = run("restore", str(demo_backup), "--replace", data_dir=tmp_path)
    assert replaced.returncode == 0 and "Restore verified" in replaced.stdout


def test_a_damaged_backup_is_refused_and_nothing_changes(demo_backup, tmp_path):
    assert run("restore", str(demo_backup), data_dir=tmp_path).returncode == 0
    before = (tmp_path / "kohtaanto.sqlite3").read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    refused = run("restore", str(damaged), "--replace", data_dir=tmp_path)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert (tmp_path / "kohtaanto.sqlite3").read_bytes() == before
    missing = run("restore", str(tmp_path / "nowhere.sqlite3"), data_dir=tmp_path)
    assert missing.returncode == 2


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture
def two_databases():
    """URLs of two new, empty PostgreSQL databases (a source and a restore target), dropped afterwards."""
    import psycopg

    base = urlsplit(_postgres_url())
    names = [f"kohtaanto_src_{uuid.uuid4().hex[:8]}", f"kohtaanto_dst_{uuid.uuid4().hex[:8]}"]
    admin = urlunsplit(base._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    yield tuple(urlunsplit(base._replace(path=f"/{n}")) for n in names)
    # Every client of these databases has exited, but autovacuum may be busy on the freshly restored one.
    # A plain DROP cancels autovacuum workers and waits for them; WITH (FORCE) would instead refuse, because a
    # non-superuser may not terminate a process that belongs to no role (PostgreSQL 15).
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            for attempt in range(3):
                try:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                    break
                except psycopg.errors.ObjectInUse:
                    if attempt == 2:
                        raise


@pytest.mark.skipif(_postgres_url() is None, reason="runs when the suite runs on PostgreSQL (.ci/run)")
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs the PostgreSQL client tools")
def test_postgresql_backup_restores_into_a_new_database_whole(tmp_path, two_databases):
    import psycopg

    source, target = two_databases
    assert run("demo", "--no-serve", data_dir=tmp_path, env={"DATABASE_URL": source}).returncode == 0
    dump = tmp_path / "kohtaanto.dump"
    made = run("backup", "--output", str(dump), data_dir=tmp_path, env={"DATABASE_URL": source})
    assert made.returncode == 0, made.stderr
    restored = run("restore", str(dump), data_dir=tmp_path, env={"DATABASE_URL": target})
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Restore verified" in restored.stdout
    manifest = json.loads(dump.with_name(dump.name + ".json").read_text())
    with psycopg.connect(target) as conn:
        for table, count in manifest["counts"].items():
            assert conn.execute(f'select count(*) from "{table}"').fetchone()[0] == count, table  # noqa: S608
    assert run("audit", "verify", data_dir=tmp_path, env={"DATABASE_URL": target}).returncode == 0


def test_a_restore_under_another_audit_key_is_refused(demo_backup, tmp_path):
    (tmp_path / "audit_key").write_text("another-installations-key-" * 2)
    restored = run("restore", str(demo_backup), data_dir=tmp_path)
    assert restored.returncode == 1 and "MAC" in restored.stdout + restored.stderr


def test_backups_are_private_and_can_be_encrypted(demo_backup, tmp_path):
    import stat

    assert stat.S_IMODE(demo_backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((demo_backup.parent / "kohtaanto.sqlite3").stat().st_mode) == 0o600
    key = run("backup", "--new-key").stdout.strip()
    source = demo_backup.parent
    encrypted = run(
        "backup",
        "--encrypt",
        "--output",
        str(tmp_path / "b.sqlite3"),
        data_dir=source,
        env={"KOHTAANTO_BACKUP_KEY": key},
    )
    assert encrypted.returncode == 0, encrypted.stderr
    sealed = tmp_path / "b.sqlite3.enc"
    assert sealed.is_file() and not (tmp_path / "b.sqlite3").exists()
    assert b"SQLite format" not in sealed.read_bytes() and stat.S_IMODE(sealed.stat().st_mode) == 0o600
    target = tmp_path / "restored"
    target.mkdir()
    shutil.copy(source / "audit_key", target / "audit_key")
    without = run("restore", str(sealed), data_dir=target)
    assert without.returncode == 1 and "KOHTAANTO_BACKUP_KEY" in without.stderr
    wrong = run(
        "restore",
        str(sealed),
        data_dir=target,
        env={"KOHTAANTO_BACKUP_KEY": run("backup", "--new-key").stdout.strip()},
    )
    assert wrong.returncode == 1 and "cannot be decrypted" in wrong.stderr
    done = run("restore", str(sealed), data_dir=target, env={"KOHTAANTO_BACKUP_KEY": key})
    assert done.returncode == 0, done.stdout + done.stderr
    assert stat.S_IMODE((target / "kohtaanto.sqlite3").stat().st_mode) == 0o600
    no_key = run("backup", "--encrypt", data_dir=source)
    assert no_key.returncode == 1 and "KOHTAANTO_BACKUP_KEY" in no_key.stderr


@pytest.mark.skipif(_postgres_url() is None, reason="runs when the suite runs on PostgreSQL (.ci/run)")
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs the PostgreSQL client tools")
def test_a_postgresql_backup_taken_during_writes_passes_its_own_restore_check(tmp_path, two_databases):
    """The manifest is counted in pg_dump's own snapshot: rows written during the backup are in neither."""
    import threading

    import psycopg

    source, target = two_databases
    stop = threading.Event()
    written = {"rows": 0}

    def writer() -> None:  # failed sign-ins written as fast as the database takes them
        with psycopg.connect(source, autocommit=True) as conn:
            while not stop.is_set():
                conn.execute(
                    "INSERT INTO accounts_signinfailure (username, address, at) VALUES ('x', NULL, now())"
                )
                written["rows"] += 1

    assert run("migrate", data_dir=tmp_path, env={"DATABASE_URL": source}).returncode == 0
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while written["rows"] < 50:  # writing before the backup starts, and all through it
            stop.wait(0.05)
        dump = tmp_path / "kohtaanto.dump"
        made = run("backup", "--output", str(dump), data_dir=tmp_path, env={"DATABASE_URL": source})
    finally:
        stop.set()
        thread.join(timeout=30)
    assert made.returncode == 0, made.stderr
    restored = run("restore", str(dump), data_dir=tmp_path, env={"DATABASE_URL": target})
    assert restored.returncode == 0, restored.stdout + restored.stderr
    manifest = json.loads(dump.with_name(dump.name + ".json").read_text())
    assert 0 < manifest["counts"]["accounts_signinfailure"] < written["rows"]
