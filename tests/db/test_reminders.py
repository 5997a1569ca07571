"""The daily reminders job: one message per person with something due (employers: follow-ups within a week;
professionals: caseload next actions due), in their language, with links and pseudonyms only; once a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.jobs import tasks
from kohtaanto.web.matching import services

pytestmark = pytest.mark.db
TODAY = dt.date(2027, 2, 1)


def test_people_get_what_is_due_once_a_day(world):
    from kohtaanto.web.hiring.models import FollowUp
    from tests.db.test_hiring_journey import _published_case

    employer, professional = world["north_employer"], world["north_professional"]
    employer.email, professional.email, professional.language = (
        "leena@example.invalid",
        "aila@example.invalid",
        "sv",
    )
    employer.save()
    professional.save()
    case, _ = _published_case(world)
    FollowUp.objects.create(case=case, months=1, due_on=TODAY + dt.timedelta(days=3))
    FollowUp.objects.create(case=case, months=3, due_on=TODAY + dt.timedelta(days=60))  # not yet
    profile = services.SeekerProfile.objects.get(person=world["north_seeker"])
    CaseloadEntry.objects.create(
        professional=professional,
        profile=profile,
        next_action="Soita",
        next_action_on=TODAY,
        status="searching",
    )
    south = services.create_profile(
        None, spec={"skills": {}}, person=world["south_seeker"], area=world["south"]
    )
    CaseloadEntry.objects.create(  # the south professional has no address: nothing is sent
        professional=world["south_professional"], profile=south, next_action="x", next_action_on=TODAY
    )
    done = tasks.reminders(TODAY.isoformat())
    assert done["people"] == 2 and done["lines"] == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"leena@example.invalid", "aila@example.invalid"}
    assert f"/hire/{case.pk}/onboarding/" in by_address["leena@example.invalid"].body
    coach = by_address["aila@example.invalid"]
    assert profile.pseudonym in coach.body and world["north_seeker"].last_name not in coach.body
    assert "Soita" in coach.body and coach.subject.startswith("kohtaanto")
    assert tasks.reminders(TODAY.isoformat())["skipped"] is True
    assert len(mail.outbox) == 2
