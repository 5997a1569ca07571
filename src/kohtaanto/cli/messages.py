"""Translation catalogues."""

from __future__ import annotations

import click


@click.group()
def messages() -> None:
    """Translation catalogues."""


@messages.command("compile")
def messages_compile() -> None:
    """Compile the .po catalogues into .mo files (the install step runs this)."""
    from kohtaanto.web.core.i18n import compile_catalogues

    for path in compile_catalogues():
        click.echo(f"compiled {path}")
