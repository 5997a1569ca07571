"""Employers' job → people runs that look like probes of people's capacities.

An employer writes a job's demands freely. Capacities a person keeps to themself never reach an
employer's results (``kohtaanto.web.matching.pool``), but the adjustments a person chose to share do,
and a series of jobs that differ in one demand only could still map them level by level. So each
employer run keeps the job's *shape* (the job without its demands and accommodations) and a digest of
the demands: a run whose shape the organisation already ran within a day with other demands is
flagged as a probe (kept on the run and in its audit event, and logged as a warning for the area's
professionals). An organisation gets a limited number of runs an hour, and of flagged runs a day;
past either limit it is refused until the window has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from kohtaanto.web.accounts.models import User
from kohtaanto.web.core.errors import Throttled
from kohtaanto.web.core.roles import Role
from kohtaanto.web.matching.models import MatchingRun, RunKind
from kohtaanto.web.matching.services import digest

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


class ProbeLimit(Throttled):
    """Too many runs, or too many probe-like runs: ``wait`` seconds until the next is allowed."""


@dataclass(frozen=True)
class Shape:
    job: str  # the job without its demands and accommodations
    demands: str  # its demands and accommodations


def shape_of(spec: dict[str, Any]) -> Shape:
    rest = {k: v for k, v in spec.items() if k not in ("demands", "accommodations")}
    return Shape(digest(rest), digest([spec.get("demands") or {}, spec.get("accommodations") or {}]))


def limits() -> tuple[int, int]:
    """Runs an hour and probe-like runs a day, per organisation (``KOHTAANTO_EMPLOYER_RUNS_PER_HOUR``,
    ``KOHTAANTO_EMPLOYER_PROBES_PER_DAY``)."""
    values = getattr(settings, "KOHTAANTO_EMPLOYER_RUN_LIMITS", {})
    return int(values.get("runs_per_hour", 60)), int(values.get("probes_per_day", 5))


def check(
    actor: User | None, organisation_id: int, spec: dict[str, Any], now: dt.datetime
) -> tuple[Shape, bool]:
    """Whether this employer run may go ahead, and whether it looks like a probe; raises
    :class:`ProbeLimit` past a limit. Runs by other roles are never limited here."""
    shape = shape_of(spec)
    if getattr(actor, "role", None) != Role.EMPLOYER:
        return shape, False
    per_hour, per_day = limits()
    recent = MatchingRun.objects.filter(
        kind=RunKind.JOB, actor_role=Role.EMPLOYER, job__organisation_id=organisation_id
    )
    last_hour = list(recent.filter(created_at__gt=now - HOUR).order_by("created_at")[:per_hour])
    if len(last_hour) >= per_hour:
        wait = int((last_hour[0].created_at + HOUR - now).total_seconds()) + 1
        raise ProbeLimit(f"Your organisation has searched for people {per_hour} times in an hour.", wait)
    day = recent.filter(created_at__gt=now - DAY)
    flagged = list(day.filter(probe=True).order_by("created_at")[:per_day])
    if len(flagged) >= per_day:
        wait = int((flagged[0].created_at + DAY - now).total_seconds()) + 1
        raise ProbeLimit(
            "Your organisation's searches changed one job's demands many times. Searching is paused "
            "for a day; the employment area's professionals can help you describe the job.",
            wait,
        )
    probe = day.filter(job_shape=shape.job).exclude(demands_digest=shape.demands).exists()
    return shape, probe
