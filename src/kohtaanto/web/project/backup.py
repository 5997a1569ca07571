"""Backups and restores with the database's own tools: SQLite's online backup API, or pg_dump and
pg_restore. Each backup gets a manifest (``<file>.json``): the row count of every table and the head of
the audit chain, so a restore can be checked against what was saved. On PostgreSQL the counts are taken
in the very snapshot pg_dump copies (``--snapshot``), so writes during the backup cannot make it fail
its own check. With ``encrypt`` the backup is encrypted with the operator's key
(``KOHTAANTO_BACKUP_KEY``, a Fernet key: AES-128-CBC with an HMAC-SHA256), which a restore then needs.
Backups, manifests and restored databases are readable by their owner only."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction

PRIVATE = 0o600  # backups, manifests and database files: the owner only
ENCRYPTED_SUFFIX = ".enc"


class BackupError(Exception):
    pass


def _default_path(suffix: str) -> Path:
    folder = Path(settings.DATA_DIR) / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"kohtaanto-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}{suffix}"


def _private(path: Path) -> Path:
    path.touch(mode=PRIVATE, exist_ok=True)
    path.chmod(PRIVATE)
    return path


def _key() -> bytes:
    from cryptography.fernet import Fernet

    raw = str(getattr(settings, "KOHTAANTO_BACKUP_KEY", "") or "")
    if not raw:
        raise BackupError(
            "no backup key: set KOHTAANTO_BACKUP_KEY (make one with 'kohtaanto backup --new-key')"
        )
    try:
        Fernet(raw.encode())
    except ValueError:
        raise BackupError("KOHTAANTO_BACKUP_KEY is not a backup key (32 bytes, URL-safe base64)") from None
    return raw.encode()


def new_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def _encrypt(path: Path) -> Path:
    from cryptography.fernet import Fernet

    target = _private(path.with_name(path.name + ENCRYPTED_SUFFIX))
    target.write_bytes(Fernet(_key()).encrypt(path.read_bytes()))
    path.unlink()
    return target


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(6) == b"gAAAAA"  # a Fernet token's version byte and timestamp, base64


def _decrypted(path: Path, folder: Path) -> Path:
    from cryptography.fernet import Fernet, InvalidToken

    try:
        plain = Fernet(_key()).decrypt(path.read_bytes())
    except InvalidToken:
        raise BackupError(
            f"{path} cannot be decrypted with this backup key (another key, or damaged)"
        ) from None
    target = _private(folder / path.name.removesuffix(ENCRYPTED_SUFFIX))
    target.write_bytes(plain)
    return target


def _dump(output: Path | None, snapshot: str | None = None) -> Path:
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        target = output or _default_path(".sqlite3")
        tmp = _private(target.with_name(target.name + ".partial"))
        source = sqlite3.connect(db["NAME"])
        try:
            dest = sqlite3.connect(tmp)
            with dest:
                source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            dest.close()
        finally:
            source.close()
        tmp.replace(target)
        return target
    if connection.vendor == "postgresql":
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise BackupError("pg_dump was not found; install the PostgreSQL client tools")
        target = output or _default_path(".dump")
        tmp = _private(target.with_name(target.name + ".partial"))
        env = dict(os.environ, PGPASSWORD=str(db.get("PASSWORD") or ""))
        command = [
            pg_dump,
            "--format=custom",
            "--no-owner",
            *([f"--snapshot={snapshot}"] if snapshot else []),
            f"--file={tmp}",
            f"--host={db.get('HOST') or 'localhost'}",
            f"--port={db.get('PORT') or 5432}",
            f"--username={db.get('USER') or ''}",
            str(db["NAME"]),
        ]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            tmp.unlink(missing_ok=True)
            detail = (result.stderr.strip().splitlines() or ["unknown error"])[-1]
            raise BackupError(f"pg_dump failed: {detail}")
        tmp.replace(target)
        return target
    raise BackupError(f"backups are not supported for {connection.vendor}")


def counts() -> dict[str, int]:
    """Rows per table of every installed model (the manifest's content, and what a restore is checked by)."""
    tables = set(connection.introspection.table_names())
    found = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in tables and not model._meta.proxy:
            found[table] = model._default_manager.using("default").count()
    return dict(sorted(found.items()))


def audit_head() -> dict[str, object]:
    from kohtaanto.web.audit.models import AuditEvent

    last = AuditEvent.objects.order_by("-sequence").values("sequence", "hash").first()
    return {"sequence": last["sequence"], "hash": last["hash"]} if last else {"sequence": 0, "hash": ""}


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def make_backup(output: Path | None, encrypt: bool = False) -> Path:
    """The backup file, and its manifest next to it, counted in the backup's own snapshot: SQLite's
    from the copy itself, PostgreSQL's in a repeatable-read transaction whose snapshot pg_dump uses."""
    if encrypt:
        _key()  # refuse before any work when there is no usable key
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            target = _dump(output, snapshot)
            table_counts, head = counts(), audit_head()  # the same snapshot as the dump
    else:
        target = _dump(output)
        table_counts, head = _sqlite_counts(target)  # read from the copy itself
    if encrypt:
        target = _encrypt(target)
    manifest = {
        "made_at": dt.datetime.now(dt.UTC).isoformat(),
        "vendor": connection.vendor,
        "encrypted": encrypt,
        "counts": table_counts,
        "audit": head,
    }
    _private(manifest_path(target)).write_text(json.dumps(manifest, indent=2))
    return target


def _sqlite_counts(path: Path) -> tuple[dict[str, int], dict[str, object]]:
    tables = counts().keys()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
        row = db.execute(
            "SELECT sequence, hash FROM audit_auditevent ORDER BY sequence DESC LIMIT 1"
        ).fetchone()
    finally:
        db.close()
    return found, ({"sequence": row[0], "hash": row[1]} if row else {"sequence": 0, "hash": ""})


@dataclass
class Restored:
    source: Path
    counts: dict[str, int]
    differences: list[str]
    audit_ok: bool
    audit_message: str


def restore(source: Path, replace: bool) -> Restored:
    """Restore a backup into the configured database and check it against the backup's manifest.

    Refuses when the database already holds data, unless ``replace``. SQLite: the file is checked
    (integrity, a kohtaanto schema) and swapped in atomically. PostgreSQL: ``pg_restore --clean
    --if-exists --single-transaction``, so a failed restore leaves the database as it was."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    if not replace and _holds_data():
        raise BackupError("the database already holds data; add --replace to overwrite it")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kohtaanto-restore-") as scratch:
        plain = _decrypted(source, Path(scratch)) if is_encrypted(source) else source
        if connection.vendor == "sqlite":
            _restore_sqlite(plain)
        elif connection.vendor == "postgresql":
            _restore_postgresql(plain)
        else:
            raise BackupError(f"restores are not supported for {connection.vendor}")
    connections.close_all()
    return _check(source)


def _holds_data() -> bool:
    tables = set(connection.introspection.table_names())
    if "accounts_user" not in tables:
        return False
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.audit.models import AuditEvent

    return User.objects.exists() or AuditEvent.objects.exists()


def _restore_sqlite(source: Path) -> None:
    try:
        probe = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            ok = probe.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            needed = (
                "SELECT count(*) FROM sqlite_master WHERE name IN ('django_migrations', 'audit_auditevent')"
            )
            has_schema = probe.execute(needed).fetchone()[0] == 2
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source} is not a SQLite database ({exc})") from None
    if not ok or not has_schema:
        raise BackupError(f"{source} is not an intact kohtaanto backup")
    target = Path(settings.DATABASES["default"]["NAME"])
    connections.close_all()
    tmp = _private(target.with_name(target.name + ".restoring"))
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(tmp)
        with dest:
            source_db.backup(dest)
        dest.execute("PRAGMA journal_mode=WAL")
        dest.close()
    finally:
        source_db.close()
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    tmp.replace(target)


def _pg_args(db: dict[str, object]) -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ, PGPASSWORD=str(db.get("PASSWORD") or ""))
    args = [
        f"--host={db.get('HOST') or 'localhost'}",
        f"--port={db.get('PORT') or 5432}",
        f"--username={db.get('USER') or ''}",
    ]
    return args, env


def _restore_postgresql(source: Path) -> None:
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise BackupError("pg_restore was not found; install the PostgreSQL client tools")
    db = settings.DATABASES["default"]
    args, env = _pg_args(db)
    connections.close_all()
    command = [
        pg_restore,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        *args,
        f"--dbname={db['NAME']}",
        str(source),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise BackupError(f"pg_restore failed, the database is unchanged: {detail}")


def _check(source: Path) -> Restored:
    from kohtaanto.web.audit.services import verify

    now = counts()
    differences: list[str] = []
    manifest = manifest_path(source)
    if manifest.is_file():
        saved = json.loads(manifest.read_text())
        for table, count in saved["counts"].items():
            if now.get(table) != count:
                differences.append(f"{table}: {now.get(table)} rows, the backup had {count}")
        if audit_head() != saved["audit"]:
            differences.append("the audit chain's last event differs from the backup's")
    else:
        differences.append(f"no manifest {manifest.name}: the counts could not be checked")
    checked = verify()
    message = f"{checked.checked} events" if checked.ok else (checked.reason or "broken")
    return Restored(source, now, differences, checked.ok, message)
