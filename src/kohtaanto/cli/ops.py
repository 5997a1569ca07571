"""Operations commands: the retention job (and, alongside, the job worker and restore)."""

from __future__ import annotations

from typing import Any

import click

from kohtaanto.cli.base import django_setup, on_date


@click.command()
@click.option("--on", "on", metavar="DATE", help="Apply the periods as of this day (default: today).")
@click.option("--dry-run", is_flag=True, help="Only count what would be removed.")
def retention(on: str | None, dry_run: bool) -> None:
    """Delete or anonymise personal data kept longer than its retention period."""
    django_setup()
    from django.utils import timezone

    from kohtaanto.web.retention import services
    from kohtaanto.web.retention.policy import BY_KEY

    outcome = services.apply(on_date(on) if on else timezone.localdate(), dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"Retention as of {outcome.on.isoformat()}: {verb} {outcome.total} item(s)")
    for key, count in outcome.counts.items():
        click.echo(f"  {key:<22} {count:>6}  ({BY_KEY[key].what_happens})")


@click.command()
@click.option("--no-schedules", is_flag=True, help="Do not add the recurring jobs (daily retention).")
def worker(no_schedules: bool) -> None:
    """Run the background jobs (django-q2 on the database): imports, skill indexes, daily retention.
    Stops cleanly on SIGTERM or Ctrl-C; a job whose worker died is run again by the next worker."""
    django_setup()
    from django.utils import timezone

    from kohtaanto.web.jobs.tasks import ensure_schedules

    if not no_schedules:
        names = ensure_schedules(timezone.now())
        click.echo(f"Recurring jobs: {', '.join(names)}")
    run_cluster()


def run_cluster() -> None:
    """django-q2's cluster, stopped by SIGTERM or SIGINT whether the signal reaches only this process
    (the cluster stops its workers and waits for them) or its whole process group (the workers end
    at once; their jobs are handed out again).

    This process never touches the cluster's shared events itself. They are multiprocessing locks,
    and a supervisor killed by the signal while it held one (setting ``start_event``, waking from
    ``stop_event.wait``) leaves them locked for good: ``Cluster.start`` polling the first, or the
    stop setting the second, then waited for ever (seen under load in CI). So the start and the stop
    request run in daemon threads, and this loop watches only the supervisor's process, with time
    limits on every wait."""
    import signal
    import threading
    import time

    from django_q.cluster import Cluster

    stop = {"asked": False}

    def asked(signum: int, frame: object) -> None:
        stop["asked"] = True

    cluster = Cluster()
    signal.signal(signal.SIGTERM, asked)
    signal.signal(signal.SIGINT, asked)
    starter = threading.Thread(target=_start_cluster, args=(cluster,), name="cluster-start", daemon=True)
    starter.start()
    while not stop["asked"]:
        sentinel = _started(cluster)
        if sentinel is not None and not sentinel.is_alive():
            break  # the supervisor ended on its own (or failed to start)
        if sentinel is None and not starter.is_alive():
            break  # the start failed before there was a supervisor
        time.sleep(0.2)
    starter.join(timeout=5)  # a stop asked while the supervisor is being forked: let the fork finish
    sentinel = _started(cluster)
    if sentinel is None:
        return
    if sentinel.is_alive() and cluster.stop_event is not None:
        # The supervisor stops the workers and waits for them; if the event's lock is held by a
        # process that died, this thread waits in vain and the limits below end the supervisor.
        threading.Thread(target=cluster.stop_event.set, name="cluster-stop", daemon=True).start()
    sentinel.join(timeout=30)
    if sentinel.is_alive():
        sentinel.terminate()
        sentinel.join(timeout=5)
    if sentinel.is_alive():
        sentinel.kill()
        sentinel.join(timeout=5)


def _started(cluster: Any) -> Any:
    """The cluster's supervisor process once it has been started (it exists a moment before)."""
    sentinel = cluster.sentinel
    return sentinel if sentinel is not None and sentinel.pid is not None else None


def _start_cluster(cluster: Any) -> None:
    """``Cluster.start`` in its own thread: it returns once the supervisor has started, raises when it
    died while starting (the watching loop sees that too) and may block on a dead process's lock."""
    import structlog

    try:
        cluster.start()
    except RuntimeError as error:  # the supervisor died while starting; the watching loop ends the command
        structlog.get_logger("kohtaanto.jobs").warning("cluster_not_started", error=str(error))


QUEUEABLE = (
    "retention",
    "reminders",
    "skills_index",
    "probe",
)  # jobs with plain arguments, from the command line


@click.command("enqueue")
@click.argument("job")
@click.argument("args", nargs=-1)
def enqueue_job(job: str, args: tuple[str, ...]) -> None:
    """Queue a background job by name (retention [DATE], reminders [DATE], skills_index LANG, probe KEY)."""
    if job not in QUEUEABLE:
        raise click.BadParameter(f"choose one of {', '.join(QUEUEABLE)}, not {job!r}", param_hint="JOB")
    django_setup()
    from kohtaanto.web.jobs.tasks import enqueue

    click.echo(f"Queued {job}: {enqueue(job, *args)}")
