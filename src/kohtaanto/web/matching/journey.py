"""The job seeker's journey as other pages show it: its steps, which are done, and the jobs a person
said they are interested in. The journey's pages live in the seeker app."""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

from kohtaanto.web.matching.models import Interest

STEPS = [
    ("skills", pgettext_lazy("seeker step", "My skills"), "seeker:skills"),
    ("languages", pgettext_lazy("seeker step", "Languages and history"), "seeker:languages"),
    ("capacity", pgettext_lazy("seeker step", "What suits me"), "seeker:capacity_start"),
    ("work", pgettext_lazy("seeker step", "Hours and place"), "seeker:work"),
    ("sharing", pgettext_lazy("seeker step", "What I share"), "seeker:sharing"),
    ("matches", pgettext_lazy("seeker step", "Jobs that fit"), "matching:my_matches"),
    ("income", pgettext_lazy("seeker step", "Income"), "seeker:income"),
    ("data", pgettext_lazy("seeker step", "My data"), "seeker:data"),
]


def steps_done(profile: Any) -> dict[str, bool]:
    from kohtaanto.web.matching.mappers import profile_spec

    spec = profile_spec(profile) if profile else None
    return {
        "skills": bool(spec and spec.skills),
        "languages": bool(profile and profile.details),
        "capacity": bool(spec and spec.capacities),
        "work": bool(spec and spec.municipality),
        "sharing": bool(profile and (profile.open_to_employers or profile.share_accommodations)),
        "matches": False,
        "income": bool(profile and profile.benefit),
        "data": False,
    }


def interests_of(profile: Any) -> set[int]:
    return (
        set(Interest.objects.filter(profile=profile).values_list("job_id", flat=True)) if profile else set()
    )
