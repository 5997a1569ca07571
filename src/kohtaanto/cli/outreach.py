"""``kohtaanto outreach import``: employers from a business-register CSV, all or nothing.

The import acts as a named professional or administrator (``--as``), so it is audited like the page and
limited to that user's employment area.
"""

from __future__ import annotations

from pathlib import Path

import click

from kohtaanto.cli.base import django_setup


@click.group()
def outreach() -> None:
    """Employer outreach: the employers of an employment area."""


@outreach.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--as", "username", required=True, help="The professional or administrator who imports.")
@click.option("--check", is_flag=True, help="Check the file and report; save nothing.")
def import_register(file: Path, username: str, check: bool) -> None:
    """Import employers from FILE (business ID, name, TOL 2008 industry, municipality[, legal form])."""
    django_setup()
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.outreach import services
    from kohtaanto.web.outreach.register import RegisterFormatError

    actor = User.objects.filter(username=username, is_active=True).first()
    if actor is None or not services.may_work(actor):
        raise click.UsageError(f"--as {username!r}: no active professional or administrator of that name")
    try:
        report = services.import_register(actor, file.read_bytes(), dry_run=check)
    except RegisterFormatError as exc:
        raise click.UsageError(f"{file}: {exc}") from None
    for rejected in report.rejected:
        click.echo(f"{file}:{rejected.line}: {rejected.reason}", err=True)
    if report.rejected:
        raise click.ClickException(f"{len(report.rejected)} row(s) rejected; nothing was saved")
    verb = "would import" if check else "imported"
    click.echo(f"{verb}: {report.created} new, {report.updated} updated, {report.unchanged} unchanged")
