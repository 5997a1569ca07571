"""Backups: back up the database with its own tool, restore and verify."""

from __future__ import annotations

from pathlib import Path

import click

from kohtaanto.cli.base import Failure, django_setup


@click.command()
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Backup file (default: DATA_DIR/backups/kohtaanto-<time>.sqlite3 or .dump).",
)
@click.option("--encrypt", is_flag=True, help="Encrypt the backup with KOHTAANTO_BACKUP_KEY.")
@click.option("--new-key", is_flag=True, help="Print a new backup key to keep outside the server, and stop.")
def backup(output: Path | None, encrypt: bool, new_key: bool) -> None:
    """Back up the database with its own tool (SQLite online backup, or pg_dump)."""
    if new_key:
        from kohtaanto.web.project.backup import new_key as make_key

        click.echo(make_key())
        return
    django_setup()
    from kohtaanto.web.project import backup as backups

    try:
        path = backups.make_backup(output, encrypt=encrypt)
    except backups.BackupError as exc:
        raise Failure(str(exc)) from None
    click.echo(f"Backup written to {path}{' (encrypted)' if encrypt else ''}")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite a database that already holds data.")
def restore(source: Path, replace: bool) -> None:
    """Restore a backup into the configured database and check it against the backup's manifest."""
    if not source.is_file():
        raise click.BadParameter(f"{source} is not a file", param_hint="SOURCE")
    django_setup()
    from kohtaanto.web.project import backup as backups

    try:
        done = backups.restore(source, replace)
    except backups.BackupError as exc:
        raise Failure(str(exc)) from None
    rows = sum(done.counts.values())
    click.echo(f"Restored {source}: {len(done.counts)} tables, {rows} rows")
    for line in done.differences:
        click.echo(f"  differs: {line}")
    click.echo(f"Audit chain {'intact' if done.audit_ok else 'BROKEN'}: {done.audit_message}")
    if done.differences or not done.audit_ok:
        raise Failure("the restored database does not match the backup")
    click.echo("Restore verified: every table has the backup's row count and the audit chain holds.")
