"""Backups with the database's own tools: SQLite's online backup API, or pg_dump."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection


class BackupError(Exception):
    pass


def _default_path(suffix: str) -> Path:
    folder = Path(settings.DATA_DIR) / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"kohtaanto-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}{suffix}"


def make_backup(output: Path | None) -> Path:
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        target = output or _default_path(".sqlite3")
        tmp = target.with_name(target.name + ".partial")
        source = sqlite3.connect(db["NAME"])
        try:
            dest = sqlite3.connect(tmp)
            with dest:
                source.backup(dest)
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
        tmp = target.with_name(target.name + ".partial")
        env = dict(os.environ, PGPASSWORD=str(db.get("PASSWORD") or ""))
        command = [
            pg_dump,
            "--format=custom",
            "--no-owner",
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
