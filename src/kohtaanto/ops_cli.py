"""Operations commands: the retention job (and, alongside, the job worker and restore)."""

from __future__ import annotations

import click

from kohtaanto.supports_cli import _date


@click.command()
@click.option("--on", "on", metavar="DATE", help="Apply the periods as of this day (default: today).")
@click.option("--dry-run", is_flag=True, help="Only count what would be removed.")
def retention(on: str | None, dry_run: bool) -> None:
    """Delete or anonymise personal data kept longer than its retention period."""
    from kohtaanto.cli import _django

    _django()
    from django.utils import timezone

    from kohtaanto.web.retention import services
    from kohtaanto.web.retention.policy import BY_KEY

    outcome = services.apply(_date(on) if on else timezone.localdate(), dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"Retention as of {outcome.on.isoformat()}: {verb} {outcome.total} item(s)")
    for key, count in outcome.counts.items():
        click.echo(f"  {key:<22} {count:>6}  ({BY_KEY[key].what_happens})")
