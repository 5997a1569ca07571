"""The seam between a stored seeker profile and the engines: the only code here that turns a profile's
stored JSON into what matching and carving take. An employer's view leaves out the capacities the person
did not share (:func:`kohtaanto.web.matching.pool.visible_spec`)."""

from __future__ import annotations

import json
from typing import Any

from kohtaanto.carving.schema import CarvingPersonIn as CarvingPerson
from kohtaanto.core.vocabulary import WORKDAYS
from kohtaanto.matching.profiles import Candidate
from kohtaanto.matching.schema import JobSpecIn, ProfileIn
from kohtaanto.web.matching import pool as live
from kohtaanto.web.matching.models import JobPosting, SeekerProfile


def profile_spec(profile: SeekerProfile) -> ProfileIn:
    """A stored profile, typed: what the person said of their skills, capacities, hours and place (the
    spec was validated when it was written, so this reads it, it does not judge it)."""
    return ProfileIn.model_validate(profile.spec)


def job_spec(posting: JobPosting) -> JobSpecIn:
    """A stored job, typed: its skills, demands, hours, place and language (validated when written)."""
    return JobSpecIn.model_validate(posting.spec)


def candidate(profile: SeekerProfile, view: str = live.FULL) -> Candidate:
    spec = live.visible_spec(profile.spec, profile.share_accommodations, view)
    return ProfileIn.model_validate(spec).to_candidate(profile.pseudonym)


def carving_person(profile: SeekerProfile, candidate: Candidate, view: str = live.FULL) -> Any:
    """A profile as carving input: pseudonym, hours, days (daytime windows), skills, disclosed capacities
    (for an employer, only those the person shares: see :func:`kohtaanto.web.matching.pool.visible_spec`)."""
    spec = live.visible_spec(profile.spec, profile.share_accommodations, view)
    days = list(spec.get("days", WORKDAYS))
    return CarvingPerson.model_validate(
        {
            "id": profile.pseudonym,
            "alias": profile.pseudonym,
            "municipality": candidate.municipality,
            "hours": {"min": spec.get("hours_min", 0), "max": min(spec.get("hours_max", 40), 60)},
            "availability": []
            if set(days) == set(WORKDAYS)
            else [{"day": d, "start": "07:00", "end": "18:00"} for d in days],
            "skills": [{"id": s, "level": lv} for s, lv in sorted(spec.get("skills", {}).items())],
            "capacities": spec.get("capacities", {}),
            "working_language": spec.get("working_language"),
            "trainable_levels": spec.get("trainable_levels", 1),
        }
    )


def json_safe(value: Any) -> Any:
    """Engine output (decimals, dates, dataclasses) as the plain JSON values a row stores."""
    from kohtaanto.carving.proposal import json_default

    return json.loads(json.dumps(value, default=json_default))
