"""The payment calendar of a hire (issue 27): the claims of the decided pay subsidy period by period with
their last days, the payment period the employer chose, and the reminders two weeks before a last day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase, MeetingRequest
from kohtaanto.web.jobs import tasks
from tests.db.test_risk_card import _case_with_trial

pytestmark = pytest.mark.db
START = dt.date(2026, 12, 21)


def _hired(world):
    case, profile, _ = _case_with_trial(world)
    meeting = MeetingRequest.objects.get(case=case, profile=profile)
    hiring.decide(world["north_employer"], case, meeting, True, dt.date.today())
    hiring.save_onboarding(
        world["north_employer"],
        HiringCase.objects.get(pk=case.pk),
        mentor="Leena",
        starts_on=START,
        steps=[],
        instructions="",
        arranged=[],
    )
    return HiringCase.objects.get(pk=case.pk), profile


def test_the_employer_sees_each_claim_with_its_last_day_and_chooses_the_period(world):
    case, _ = _hired(world)
    boss = Client()
    boss.force_login(world["north_employer"])
    page = boss.get(f"/hire/{case.pk}/onboarding/")
    claims = page.context["claims"]["claims"]
    # 10 months of the 70 % subsidy from 21.12.2026, monthly: 21.12.-31.12. first, due two months after 31.12.
    assert len(claims) == 11
    assert (claims[0]["from"], claims[0]["to"], claims[0]["deadline"]) == (
        "2026-12-21",
        "2026-12-31",
        "2027-02-28",
    )
    assert claims[-1]["to"] == "2027-10-20" and claims[-1]["deadline"] == "2027-12-31"
    assert claims[0]["needs"][0] == "needs.contract" and "needs.contract" not in claims[1]["needs"]
    html = page.content.decode()
    assert "Maksatushakemukset: milloin tuki haetaan maksuun" in html and "28.2.2027" in html
    assert "kopio työsopimuksesta (ensimmäinen hakemus)" in html

    # three-month periods: four claims; a stale form and a bad choice are refused, nothing changes
    version = HiringCase.objects.get(pk=case.pk).version
    bad = boss.post(
        f"/hire/{case.pk}/onboarding/",
        {"action": "claim_period", "claim_period_months": "5", "version": version},
    )
    assert bad.status_code == 400 and "Valitse 1, 2 tai 3 kuukautta." in bad.content.decode()
    done = boss.post(
        f"/hire/{case.pk}/onboarding/",
        {"action": "claim_period", "claim_period_months": "3", "version": version},
    )
    assert done.status_code == 302
    stale = boss.post(
        f"/hire/{case.pk}/onboarding/",
        {"action": "claim_period", "claim_period_months": "1", "version": version},
    )
    assert stale.status_code == 400 and HiringCase.objects.get(pk=case.pk).claim_period_months == 3
    quarterly = boss.get(f"/hire/{case.pk}/onboarding/").context["claims"]["claims"]
    assert [(c["from"], c["to"]) for c in quarterly] == [
        ("2026-12-21", "2027-02-28"),
        ("2027-03-01", "2027-05-31"),
        ("2027-06-01", "2027-08-31"),
        ("2027-09-01", "2027-10-20"),
    ]
    assert AuditEvent.objects.filter(action="hiring_case.claim_period_set").count() == 1


def test_the_employer_and_the_coach_are_reminded_two_weeks_before_a_last_day(world):
    case, profile = _hired(world)
    employer, coach = world["north_employer"], world["north_professional"]
    employer.email, coach.email, coach.language = "leena@example.invalid", "aila@example.invalid", "sv"
    employer.save()
    coach.save()
    CaseloadEntry.objects.create(professional=coach, profile=profile, status="searching")
    tasks.reminders("2027-02-10")  # the first claim's last day 28.2.2027 is 18 days away: nothing yet
    assert [m for m in mail.outbox if "2027-02-28" in m.body] == []
    tasks.reminders("2027-02-20")
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "2026-12-21–2026-12-31" in by_address["leena@example.invalid"]
    assert "2027-02-28" in by_address["leena@example.invalid"]
    assert f"/hire/{case.pk}/onboarding/" in by_address["aila@example.invalid"]
    assert "Ansökan om utbetalning" in by_address["aila@example.invalid"]
