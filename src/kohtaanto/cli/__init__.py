"""The ``kohtaanto`` command.

A usage error prints one line on stderr and exits 2; a runtime failure prints one line and
exits 1. ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
import traceback
from typing import NoReturn

import click

from kohtaanto import __version__
from kohtaanto.cli.audit import audit, db
from kohtaanto.cli.backups import backup, restore
from kohtaanto.cli.base import PROG
from kohtaanto.cli.carving import carve, carve_pool
from kohtaanto.cli.evaluate import evaluate
from kohtaanto.cli.matching import match
from kohtaanto.cli.messages import messages
from kohtaanto.cli.ops import enqueue_job, retention, worker
from kohtaanto.cli.outreach import outreach
from kohtaanto.cli.plainlang import selko
from kohtaanto.cli.server import check, demo, migrate, serve
from kohtaanto.cli.skills import skills
from kohtaanto.cli.supports import supports
from kohtaanto.cli.taxonomy import taxonomy
from kohtaanto.cli.users import createuser


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Show tracebacks for failures.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kohtaanto: inclusive recruitment. Serve the web app, manage users, verify the audit trail."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


for command in (
    migrate, serve, demo, createuser, check, audit, db, backup, restore, messages, supports, taxonomy,
    evaluate, skills, carve, carve_pool, match, selko, outreach, retention, worker, enqueue_job,
):  # fmt: skip
    cli.add_command(command)


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
