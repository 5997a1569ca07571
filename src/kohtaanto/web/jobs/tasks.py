"""The background jobs. Each one is idempotent: it runs under a key, does its work and records the key in
one transaction, so a job retried after its worker died either finds the key (and does nothing) or redoes
work that was rolled back. The worker (``kohtaanto worker``, django-q2) runs them; anything can queue them
with :func:`enqueue`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kohtaanto.web.jobs.models import JobAttempt, JobRun

log = structlog.get_logger("kohtaanto.jobs")


def once(key: str, name: str, work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``work`` unless a job with ``key`` already finished; its effects and the key commit together."""
    JobAttempt.objects.create(key=key, started_at=timezone.now())  # outside the work's transaction
    attempts = JobAttempt.objects.filter(key=key).count()
    with transaction.atomic():
        done = JobRun.objects.select_for_update().filter(key=key).first()
        if done is not None:
            log.info("job.skipped", job=name, key=key, reason="already done")
            return {"skipped": True, **done.result}
        result = work()
        JobRun.objects.create(
            key=key, name=name, result=result, attempts=attempts, finished_at=timezone.now()
        )
    log.info("job.done", job=name, key=key, attempts=attempts)
    return result


def retention(on: str | None = None) -> dict[str, Any]:
    """Apply the retention periods (daily; ``on`` an ISO date, default today)."""
    from kohtaanto.web.retention import services

    day = dt.date.fromisoformat(on) if on else timezone.localdate()

    def work() -> dict[str, Any]:
        outcome = services.apply(day)
        return {"on": day.isoformat(), "counts": outcome.counts}

    return once(f"retention:{day.isoformat()}", "retention", work)


def reminders(on: str | None = None) -> dict[str, Any]:
    """E-mail what is due to employers (follow-ups within a week) and professionals (next actions), daily."""
    from kohtaanto.web.jobs import reminders as due

    day = dt.date.fromisoformat(on) if on else timezone.localdate()
    return once(f"reminders:{day.isoformat()}", "reminders", lambda: due.send(day))


def skills_index(language: str) -> dict[str, Any]:
    """Compute the skill-suggestion index (embeddings of the starter vocabulary) for a language, on disk."""
    from kohtaanto.web.matching import seeker

    def work() -> dict[str, Any]:
        seeker.warm_up((language,))
        return {"language": language, "cache": str(Path(settings.DATA_DIR) / "skills-cache")}

    return once(f"skills-index:{language}:{_code_version()}", "skills_index", work)


def outreach_import(path: str, username: str, digest: str) -> dict[str, Any]:
    """Import an employer register file (the same as ``kohtaanto outreach import``); ``digest`` is the
    file's SHA-256, so the same file queued twice is imported once."""
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.outreach import services as outreach

    def work() -> dict[str, Any]:
        actor = User.objects.get(username=username)
        report = outreach.import_register(actor, Path(path).read_bytes())
        if report.rejected:
            raise ValueError(f"{len(report.rejected)} row(s) rejected; nothing was imported")
        return {"created": report.created, "updated": report.updated}

    return once(f"outreach-import:{digest}", "outreach_import", work)


def probe(key: str, gate: str = "") -> dict[str, Any]:
    """A job for operations checks and the fault test: it records its key; with ``gate`` (a file path) it
    waits for that file to disappear first, so a test can kill the worker while it runs."""
    from kohtaanto.web.audit.services import record

    def work() -> dict[str, Any]:
        if gate:
            _wait_for_gate(Path(gate))
        record(actor=None, action="job.probe", object_type="job", object_id=key, data={})
        return {"key": key}

    return once(f"probe:{key}", "probe", work)


def _wait_for_gate(gate: Path) -> None:
    import time

    started = gate.with_suffix(".started")
    started.write_text(str(timezone.now()))
    deadline = time.monotonic() + 120
    while gate.exists() and time.monotonic() < deadline:
        time.sleep(0.1)


def _code_version() -> str:
    import kohtaanto

    return kohtaanto.__version__


JOBS: dict[str, Callable[..., dict[str, Any]]] = {
    "retention": retention,
    "reminders": reminders,
    "skills_index": skills_index,
    "outreach_import": outreach_import,
    "probe": probe,
}


def enqueue(name: str, *args: Any) -> str:
    """Queue a job by name for the worker; returns the queue's task id."""
    from django_q.tasks import async_task

    if name not in JOBS:
        raise KeyError(name)
    label = f"{name}:{':'.join(map(str, args))}"[:100]
    return str(async_task(f"kohtaanto.web.jobs.tasks.{name}", *args, task_name=label))


def ensure_schedules(now: dt.datetime) -> list[str]:
    """The recurring jobs: retention every day at 02:30 and reminders at 07:00, local time, the first run
    at the next such time after ``now``."""
    from django_q.models import Schedule

    local = timezone.localtime(now)
    for name, func, hour, minute in (
        ("retention (daily)", "retention", 2, 30),
        ("reminders (daily)", "reminders", 7, 0),
    ):
        first = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if first <= local:
            first += dt.timedelta(days=1)
        if not Schedule.objects.filter(name=name).exists():
            Schedule.objects.create(
                name=name,
                func=f"kohtaanto.web.jobs.tasks.{func}",
                schedule_type=Schedule.DAILY,
                repeats=-1,
                next_run=first,
            )
    return list(Schedule.objects.order_by("name").values_list("name", flat=True))
