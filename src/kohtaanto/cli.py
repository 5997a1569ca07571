"""The ``kohtaanto`` command.

A usage error prints one line on stderr and exits 2; a runtime failure prints one line and
exits 1. ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from kohtaanto import __version__

PROG = "kohtaanto"
ROLES = ("job_seeker", "employer", "professional", "analyst", "administrator")


class Failure(click.ClickException):
    """A runtime failure with a one-line message (exit code 1)."""


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.web.settings")
    import django

    from kohtaanto.web.config import ConfigError

    try:
        django.setup()
    except ConfigError as exc:
        raise Failure(f"configuration: {'; '.join(exc.problems)}") from None
    from kohtaanto.web.context import bind_request_id

    bind_request_id(f"cli-{os.getpid()}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}")


def _call(command: str, *args: str, **options: Any) -> None:
    from django.core.management import call_command

    call_command(command, *args, **options)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Show tracebacks for failures.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kohtaanto: inclusive recruitment. Serve the web app, manage users, verify the audit trail."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command()
def migrate() -> None:
    """Create or update the database tables."""
    _django()
    _call("migrate", interactive=False, verbosity=1)


def _serve(host: str, port: int, workers: int) -> None:
    from django.conf import settings
    from gunicorn.app.base import BaseApplication

    if settings.CONFIG.production:
        _call("collectstatic", interactive=False, verbosity=0)

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", 4)
            self.cfg.set("keepalive", 5)  # longer than a client's pause between requests: no close races
            # load the app and the plain-language lexicons once, before forking: the workers share them
            # and no request pays the seconds of loading them while other requests wait
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", "-")
            self.cfg.set("forwarded_allow_ips", "127.0.0.1")

        def load(self) -> Any:
            from django.db import connections

            from kohtaanto.web.writing.services import warm_up
            from kohtaanto.web.wsgi import application

            warm_up()
            connections.close_all()  # no connection may cross the fork
            return application

    click.echo(f"Serving kohtaanto on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    Server().run()


host_option = click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
port_option = click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)


@cli.command()
@host_option
@port_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
def serve(host: str, port: int, workers: int) -> None:
    """Serve the web app with gunicorn (as in production)."""
    _django()
    from kohtaanto.web.health import unapplied_migrations

    if unapplied_migrations():
        raise Failure("the database has unapplied migrations; run 'kohtaanto migrate' first")
    _serve(host, port, workers)


@cli.command()
@host_option
@port_option
@click.option("--no-serve", is_flag=True, help="Prepare the database and demo data, then stop.")
def demo(host: str, port: int, no_serve: bool) -> None:
    """Create the demo database with fictional data, print the logins and serve the app."""
    _django()
    from django.conf import settings

    if settings.CONFIG.production:
        raise Failure("the demo refuses to run with KOHTAANTO_ENV=production")
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    _call("migrate", interactive=False, verbosity=0)
    from kohtaanto.web import demo as demo_data

    created = demo_data.load()
    click.echo(f"Data directory: {settings.DATA_DIR}")
    click.echo("Demo data: " + ("created." if created else "already present, reused."))
    demo_data.print_logins()
    if not no_serve:
        from kohtaanto.web.matching import seeker

        click.echo("Preparing skill suggestions (slow on the first run only)…", err=True)
        seeker.warm_up()
        _serve(host, port, workers=2)


@cli.command()
@click.option("--role", required=True, type=click.Choice(ROLES), help="The user's one role.")
@click.option("--username", required=True, help="Sign-in name.")
@click.option("--email", default="", help="E-mail address.")
@click.option("--first-name", default="")
@click.option("--last-name", default="")
@click.option("--language", type=click.Choice(["fi", "sv", "en"]), default="fi", show_default=True)
@click.option("--organisation", "business_id", default=None, help="Employer's business ID (employer users).")
@click.option("--area", default=None, help="Employment area's Finnish name (professionals, job seekers).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def createuser(
    role: str,
    username: str,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    business_id: str | None,
    area: str | None,
    password_stdin: bool,
) -> None:
    """Create a user with one role. Prompts for the password unless --password-stdin is given."""
    if role == "employer" and not business_id:
        raise click.UsageError("--organisation is required for --role employer")
    if role == "professional" and not area:
        raise click.UsageError("--area is required for --role professional")
    if business_id and role != "employer":
        raise click.UsageError("--organisation is only for --role employer")
    _django()
    from django.core.exceptions import ValidationError

    from kohtaanto.identifiers import BusinessId, InvalidBusinessId
    from kohtaanto.web.accounts import services
    from kohtaanto.web.accounts.models import EmploymentArea, Organisation

    organisation = employment_area = None
    if business_id:
        try:
            organisation = Organisation.objects.get(business_id=BusinessId.parse(business_id).value)
        except (InvalidBusinessId, Organisation.DoesNotExist):
            raise Failure(f"no organisation with business ID {business_id!r}") from None
    if area:
        employment_area = EmploymentArea.objects.filter(name_fi=area).first()
        if employment_area is None:
            raise Failure(f"no employment area named {area!r}")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = services.create_user(
            None,
            username=username,
            role=role,
            password=password,
            email=email,
            first_name=first_name,
            last_name=last_name,
            language=language,
            organisation=organisation,
            employment_area=employment_area,
        )
    except ValidationError as exc:
        problems = [f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()]
        raise Failure("; ".join(problems)) from None
    click.echo(f"Created {user.username} ({role}).")


@cli.command()
@click.option("--strict", is_flag=True, help="Unapplied migrations are a problem too (after 'migrate').")
def check(strict: bool) -> None:
    """Check the configuration, the database connection and pending migrations."""
    from kohtaanto.web import health

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.web.settings")
    report = health.run_checks(strict)
    for line in report.lines:
        click.echo(line)
    if not report.ok:
        raise Failure(f"{report.problems} problem(s) found")


@cli.group()
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
    _django()
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
    _django()
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
    _django()
    from kohtaanto.web.audit.services import head

    found = head()
    if found is None:
        raise Failure("the audit trail is empty")
    click.echo(f"{found[0]}:{found[1]}")


@cli.group()
def db() -> None:
    """Database roles (PostgreSQL)."""


@db.command("grant-app")
@click.argument("role")
def db_grant_app(role: str) -> None:
    """Let ROLE (a PostgreSQL login role that owns nothing) run the app: read and write the app's
    tables, but never update, delete or truncate the audit trail. Run it as the owner after migrate."""
    _django()
    from kohtaanto.web.audit.roles import RoleError, grant_app

    try:
        grant_app(role)
    except RoleError as exc:
        raise Failure(str(exc)) from None
    click.echo(f"{role} may now run kohtaanto; it cannot change or remove audit events.")


@cli.command()
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
        from kohtaanto.web.backup import new_key as make_key

        click.echo(make_key())
        return
    _django()
    from kohtaanto.web import backup as backups

    try:
        path = backups.make_backup(output, encrypt=encrypt)
    except backups.BackupError as exc:
        raise Failure(str(exc)) from None
    click.echo(f"Backup written to {path}{' (encrypted)' if encrypt else ''}")


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite a database that already holds data.")
def restore(source: Path, replace: bool) -> None:
    """Restore a backup into the configured database and check it against the backup's manifest."""
    if not source.is_file():
        raise click.BadParameter(f"{source} is not a file", param_hint="SOURCE")
    _django()
    from kohtaanto.web import backup as backups

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


@cli.group()
def messages() -> None:
    """Translation catalogues."""


@messages.command("compile")
def messages_compile() -> None:
    """Compile the .po catalogues into .mo files (the install step runs this)."""
    from kohtaanto.web.i18n import compile_catalogues

    for path in compile_catalogues():
        click.echo(f"compiled {path}")


from kohtaanto.carving_cli import carve, carve_pool  # noqa: E402
from kohtaanto.eval_cli import evaluate  # noqa: E402
from kohtaanto.matching_cli import match  # noqa: E402
from kohtaanto.ops_cli import enqueue_job, retention, worker  # noqa: E402
from kohtaanto.outreach_cli import outreach  # noqa: E402
from kohtaanto.selko_cli import selko  # noqa: E402
from kohtaanto.skills_cli import skills  # noqa: E402
from kohtaanto.supports_cli import supports  # noqa: E402 - registered after the core commands
from kohtaanto.taxonomy_cli import taxonomy  # noqa: E402

cli.add_command(supports)
cli.add_command(taxonomy)
cli.add_command(evaluate)
cli.add_command(skills)
cli.add_command(carve)
cli.add_command(carve_pool)
cli.add_command(match)
cli.add_command(selko)
cli.add_command(outreach)
cli.add_command(retention)
cli.add_command(worker)
cli.add_command(enqueue_job)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"{PROG}: {' '.join(message.split())}", err=True)
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        code = cli.main(args=args, prog_name=PROG, standalone_mode=False)
    except click.UsageError as exc:
        path = exc.ctx.command_path if exc.ctx is not None else PROG
        message = " ".join(exc.format_message().split())
        click.echo(f"{path}: {message} (see '{path} --help')", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        if debug:
            traceback.print_exc()
        _fail(exc.format_message(), 1)
    except click.Abort:
        _fail("aborted", 1)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        if debug:
            traceback.print_exc()
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        _fail(f"{exc.__class__.__name__}: {first}" if first else exc.__class__.__name__, 1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
