"""Running the app: migrate, serve (gunicorn), the demo, and the configuration check."""

from __future__ import annotations

import os
from typing import Any

import click

from kohtaanto.cli.base import Failure, call, django_setup, host_option, port_option


@click.command()
def migrate() -> None:
    """Create or update the database tables."""
    django_setup()
    call("migrate", interactive=False, verbosity=1)


def _warm_worker(worker: Any) -> None:
    from kohtaanto.web.matching import seeker

    seeker.warm_up(only_cached=True)  # never encode here: a long start would trip the worker timeout


def _serve(host: str, port: int, workers: int) -> None:
    from django.conf import settings
    from gunicorn.app.base import BaseApplication

    if settings.CONFIG.production:
        call("collectstatic", interactive=False, verbosity=0)

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
            # each worker loads the skill extractors before its first request (after the fork: the
            # encoder's threads must not cross it), so no request pays their seconds of loading
            self.cfg.set("post_worker_init", _warm_worker)
            self.cfg.set("forwarded_allow_ips", "127.0.0.1")

        def load(self) -> Any:
            from django.db import connections

            from kohtaanto.web.plainlang.services import warm_up
            from kohtaanto.web.project.wsgi import application

            warm_up()
            connections.close_all()  # no connection may cross the fork
            return application

    click.echo(f"Serving kohtaanto on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    Server().run()


@click.command()
@host_option
@port_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
def serve(host: str, port: int, workers: int) -> None:
    """Serve the web app with gunicorn (as in production)."""
    django_setup()
    from kohtaanto.web.project.health import unapplied_migrations

    if unapplied_migrations():
        raise Failure("the database has unapplied migrations; run 'kohtaanto migrate' first")
    _serve(host, port, workers)


@click.command()
@host_option
@port_option
@click.option("--no-serve", is_flag=True, help="Prepare the database and demo data, then stop.")
def demo(host: str, port: int, no_serve: bool) -> None:
    """Create the demo database with fictional data, print the logins and serve the app."""
    django_setup()
    from django.conf import settings

    if settings.CONFIG.production:
        raise Failure("the demo refuses to run with KOHTAANTO_ENV=production")
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call("migrate", interactive=False, verbosity=0)
    from kohtaanto.web.project import demo as demo_data
    from kohtaanto.web.project.logging import quieter

    with quieter():  # each demo object is an audit event: in the trail, not on the console
        created = demo_data.load()
        if not no_serve:
            from kohtaanto.web.matching import seeker

            click.echo("Preparing skill suggestions (slow on the first run only)…", err=True)
            seeker.warm_up()
    click.echo(f"Data directory: {settings.DATA_DIR}")
    click.echo("Demo data: " + ("created." if created else "already present, reused."))
    click.echo("To start the demo afresh, stop it and delete that directory (or: make demo-reset).")
    demo_data.print_logins()  # last before serving, so they are on the screen
    if not no_serve:
        click.echo(f"Open http://{host}:{port}/ and sign in with one of the logins above.")
        _serve(host, port, workers=2)


@click.command()
@click.option("--strict", is_flag=True, help="Unapplied migrations are a problem too (after 'migrate').")
def check(strict: bool) -> None:
    """Check the configuration, the database connection and pending migrations."""
    from kohtaanto.web.project import health

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.web.project.settings")
    report = health.run_checks(strict)
    for line in report.lines:
        click.echo(line)
    if not report.ok:
        raise Failure(f"{report.problems} problem(s) found")
