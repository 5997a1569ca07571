"""The audit trail (export, verify, head) and the database role that runs the app."""

from __future__ import annotations

from pathlib import Path

import click

from kohtaanto.cli.base import Failure, django_setup


@click.group()
def audit() -> None:
    """Export and verify the audit trail."""


@audit.command("export")
@click.option("--since", required=True, metavar="DATE", help="YYYY-MM-DD or an ISO date-time (Finnish time).")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def audit_export(since: str, output: Path | None) -> None:
    """Write audit events from DATE on as JSON lines."""
    django_setup()
    from kohtaanto.web.audit.export import json_lines, parse_since

    try:
        moment = parse_since(since)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    lines = json_lines(moment)
    if output is None:
        for line in lines:
            click.echo(line)
        return
    tmp = output.with_name(output.name + ".partial")
    with tmp.open("w", encoding="utf-8") as handle:
        count = 0
        for line in lines:
            handle.write(line + "\n")
            count += 1
    tmp.replace(output)
    click.echo(f"Wrote {count} events to {output}", err=True)


@audit.command("verify")
@click.option(
    "--expect",
    metavar="SEQUENCE:HASH",
    default=None,
    help="A head recorded earlier with 'kohtaanto audit head': it must still be there, unchanged.",
)
def audit_verify(expect: str | None) -> None:
    """Recompute the keyed hash chain and report the first event that does not fit."""
    django_setup()
    from kohtaanto.web.audit.services import parse_head, verify

    try:
        expected = parse_head(expect) if expect is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--expect") from None
    result = verify(expected)
    if not result.ok:
        where = f" at event #{result.broken_at}" if result.broken_at is not None else ""
        raise Failure(
            f"audit chain broken{where}: {result.reason} ({result.checked} events before it are intact)"
        )
    click.echo(f"Audit chain intact: {result.checked} events; latest hash {result.head_hash}")
    if result.unkeyed:
        click.echo(
            f"{result.unkeyed} events are older than the audit key; the keyed events after them hold them."
            if result.unkeyed < result.checked
            else f"None of the {result.checked} events is keyed yet; the next event keys the chain.",
            err=True,
        )


@audit.command("head")
def audit_head() -> None:
    """Print the newest event as SEQUENCE:HASH, to keep outside the database and check later with
    'kohtaanto audit verify --expect'."""
    django_setup()
    from kohtaanto.web.audit.services import head

    found = head()
    if found is None:
        raise Failure("the audit trail is empty")
    click.echo(f"{found[0]}:{found[1]}")


@click.group()
def db() -> None:
    """Database roles (PostgreSQL)."""


@db.command("grant-app")
@click.argument("role")
def db_grant_app(role: str) -> None:
    """Let ROLE (a PostgreSQL login role that owns nothing) run the app: read and write the app's
    tables, but never update, delete or truncate the audit trail. Run it as the owner after migrate."""
    django_setup()
    from kohtaanto.web.audit.roles import RoleError, grant_app

    try:
        grant_app(role)
    except RoleError as exc:
        raise Failure(str(exc)) from None
    click.echo(f"{role} may now run kohtaanto; it cannot change or remove audit events.")
