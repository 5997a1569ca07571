"""What ``kohtaanto check`` reports: configuration, database, migrations, translations."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass
class HealthReport:
    lines: list[str] = field(default_factory=list)
    problems: int = 0

    @property
    def ok(self) -> bool:
        return self.problems == 0

    def good(self, text: str) -> None:
        self.lines.append(f"ok    {text}")

    def bad(self, text: str) -> None:
        self.lines.append(f"FAIL  {text}")
        self.problems += 1

    def note(self, text: str) -> None:
        """Something to do that is not wrong (migrations the next step applies)."""
        self.lines.append(f"note  {text}")


def unapplied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return [f"{m.app_label}.{m.name}" for m, _ in executor.migration_plan(executor.loader.graph.leaf_nodes())]


def run_checks(strict: bool = False) -> HealthReport:
    """Configuration, system checks (in production with the deployment checks: a warning is a
    problem), the database, migrations (a problem only when ``strict``: after ``migrate``) and the
    compiled translations."""
    report = HealthReport()
    from kohtaanto.web.project.config import ConfigError, load_config

    try:
        config = load_config(os.environ)
    except ConfigError as exc:
        for problem in exc.problems:
            report.bad(f"configuration: {problem}")
        return report
    report.good(f"configuration ({config.env}; data directory {config.data_dir})")

    import django
    from django.core import checks
    from django.db import connection

    django.setup()
    messages = checks.run_checks(include_deployment_checks=config.production)
    serious = [
        m
        for m in messages
        if not m.is_silenced()
        and (m.level >= checks.ERROR or (config.production and m.level >= checks.WARNING))
    ]
    for message in serious:
        report.bad(f"django {message.id}: {message.msg}")
    if not serious:
        report.good("django system checks" + (" (with deployment checks)" if config.production else ""))
    try:
        connection.ensure_connection()
    except Exception as exc:  # noqa: BLE001 - report any connection failure as one line
        detail = " ".join(str(exc).split())[:200]
        report.bad(f"database: cannot connect ({exc.__class__.__name__}: {detail})")
        return report
    report.good(f"database connection ({connection.vendor})")
    pending = unapplied_migrations()
    if pending and strict:
        report.bad(
            f"database: {len(pending)} unapplied migration(s), e.g. {pending[0]}; run 'kohtaanto migrate'"
        )
    elif pending:  # the start-up recipe is check, migrate, serve: pending migrations are the next step
        report.note(
            f"database: {len(pending)} migration(s) to apply, e.g. {pending[0]}; 'kohtaanto migrate' does"
        )
    else:
        report.good("database migrations are up to date")
    from kohtaanto.web.core.i18n import stale_catalogues

    stale = stale_catalogues()
    if stale:
        report.bad(f"translations: {len(stale)} catalogue(s) not compiled; run 'kohtaanto messages compile'")
    else:
        report.good("translations compiled (fi, sv, en)")
    return report
