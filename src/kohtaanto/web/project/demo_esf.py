"""The demo's ESF+ project: a fictional project of the area that funds the coach's work with eighteen
fictional participants, their participant details recorded (two chose not to answer the sensitive
questions, one record still lacks its education), so that the common indicators have something to count."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from kohtaanto.rules.months import add_months
from kohtaanto.web.accounts.models import User
from kohtaanto.web.coaching import services as caseload
from kohtaanto.web.esf import participants
from kohtaanto.web.esf.models import Project
from kohtaanto.web.matching import services as matching

CODE = "S39999"
PEOPLE = 18


def load(professional: User, today: dt.date) -> Project:
    rng = random.Random(2021_1057)  # noqa: S311 - fictional data, the same on every run
    project = Project.objects.create(
        source="eura2021",
        code=CODE,
        name="Töihin omilla vahvuuksilla (demo)",
        implementer="Järvilaakson työllisyysalue (demo)",
        fund="ESR+",
        starts_on=add_months(today.replace(day=1), -18),
        ends_on=add_months(today.replace(day=1), 18),
        summary="Kuvitteellinen hanke: työn muokkaus ja rekrytointituki osatyökykyisille "
        "ja maahan muuttaneille.",
        methods=["job_modification", "recruitment_support"],
        target_groups=["partial_work_ability", "immigrants"],
    )
    for n in range(PEOPLE):
        # past and present participants of the project, kept out of the demo's matching
        profile = matching.create_profile(professional, spec={"skills": {}}, looking=False)
        entry = caseload.add(professional, profile)
        caseload.link_project(professional, entry, project.pk)
        entered = add_months(today, -rng.randrange(2, 17))
        left = entered + dt.timedelta(days=rng.randrange(60, 200)) if n % 3 != 0 else None
        left = left if left and left < today else None
        declined = n in (4, 11)
        values: dict[str, Any] = {
            "entered_on": entered,
            "left_on": left,
            "gender": rng.choice(["woman", "woman", "man", "man", "non_binary"]) if n != 7 else "woman",
            "age_group": rng.choice(["18_29", "30_54", "30_54", "55_plus"]),
            "status_at_entry": rng.choice(
                ["long_term_unemployed", "long_term_unemployed", "unemployed", "inactive"]
            ),
            "education": "" if n == 9 else rng.choice(["isced_0_2", "isced_3_4", "isced_3_4", "isced_5_8"]),
            "disability": "declined" if declined else rng.choice(["yes", "no"]),
            "third_country_national": "declined" if declined else rng.choice(["yes", "no", "no"]),
            "foreign_background": "declined" if declined else rng.choice(["yes", "no"]),
            "minority": "declined" if declined else "no",
            "homeless": "declined" if declined else "no",
            "rural": rng.choice(["yes", "no", "no"]),
            "leaving_status": rng.choice(["employed", "employed", "job_searching", "education"])
            if left
            else "",
            "qualification_gained": rng.random() < 0.3 if left else None,
            "employed_after_6_months": (rng.random() < 0.6)
            if left and add_months(left, 6) <= today
            else None,
        }
        participants.save_record(actor=professional, entry=entry, version=None, values=values)
    return project
