"""Operations commands: the retention job (and, alongside, the job worker and restore)."""

from __future__ import annotations

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
    at once; their jobs are handed out again). django-q2's own command waited for ever in the second
    case: its supervisor had died of the signal before it could be told to stop."""
    import signal
    import time

    from django_q.cluster import Cluster

    stop = {"asked": False}

    def asked(signum: int, frame: object) -> None:
        stop["asked"] = True

    cluster = Cluster()
    signal.signal(signal.SIGTERM, asked)
    signal.signal(signal.SIGINT, asked)
    cluster.start()
    sentinel = cluster.sentinel
    while not stop["asked"] and sentinel is not None and sentinel.is_alive():
        time.sleep(0.2)
    if sentinel is None:
        return
    if sentinel.is_alive() and cluster.stop_event is not None:
        # What Cluster.stop() does, without its join that has no time limit: a supervisor caught by the
        # signal while it was still starting its workers could keep the command waiting for ever.
        cluster.stop_event.set()  # the supervisor stops the workers and waits for them
    sentinel.join(timeout=30)
    if sentinel.is_alive():
        sentinel.terminate()
        sentinel.join(timeout=5)
    if sentinel.is_alive():
        sentinel.kill()


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
