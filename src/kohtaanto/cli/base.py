"""What every command group shares: the one-line failure, Django's setup, and the option types."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import click

from kohtaanto.core.language import LANGUAGES

PROG = "kohtaanto"
LANGUAGE_CHOICE = click.Choice(LANGUAGES)


class Failure(click.ClickException):
    """A runtime failure with a one-line message (exit code 1)."""


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.web.project.settings")
    import django

    from kohtaanto.web.project.config import ConfigError

    try:
        django.setup()
    except ConfigError as exc:
        raise Failure(f"configuration: {'; '.join(exc.problems)}") from None
    from kohtaanto.web.core.context import bind_request_id

    bind_request_id(f"cli-{os.getpid()}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}")


def call(command: str, *args: str, **options: Any) -> None:
    from django.core.management import call_command

    call_command(command, *args, **options)


def on_date(value: str | None, param_hint: str = "--on") -> dt.date:
    """The date a command computes for: ``--on`` as YYYY-MM-DD, or today (the command line is the edge;
    the domain is given the date)."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=param_hint) from None


host_option = click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
port_option = click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
