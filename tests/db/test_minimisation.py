"""Data minimisation: no field anywhere holds a diagnosis; notes about a person written by employers and
professionals are refused when they seem to hold health details (with the text kept); a person's own
text only gets a reminder."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.apps import apps
from django.test import Client

from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.matching import services

pytestmark = pytest.mark.db
FORBIDDEN = re.compile(r"diagnos|illness|disease|sickness|medical|health|sairau|condition", re.IGNORECASE)
SPEC = {"skills": {"retail.stock_shelves": 3}, "capacities": {}, "hours_min": 10, "hours_max": 30}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_no_model_has_a_field_for_a_diagnosis_or_health_condition():
    found = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label not in ("auth", "admin", "contenttypes", "sessions")
        for field in model._meta.get_fields()
        if FORBIDDEN.search(field.name)
    ]
    assert found == []


def test_a_caseload_note_with_a_diagnosis_is_refused_and_kept_in_the_form(world):
    profile = services.create_profile(None, spec=SPEC, person=world["north_seeker"], area=world["north"])
    me = _client(world["north_professional"])
    me.post("/caseload/", {"profile": profile.pk})
    entry = CaseloadEntry.objects.get()
    page = me.get(f"/caseload/{entry.pk}/").content.decode()
    assert "diagnoos" in page.lower() or "diagnoses" in page  # the reminder under the field
    bad = me.post(
        f"/caseload/{entry.pk}/",
        {"action": "update", "status": "searching", "next_action": "Selvitä masennuksen hoito"},
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and "masennuksen" in html and "field-error" in html
    entry.refresh_from_db()
    assert entry.next_action == ""
    ok = me.post(
        f"/caseload/{entry.pk}/",
        {"action": "update", "status": "searching", "next_action": "Sovi lyhyet tauot työnantajan kanssa"},
    )
    assert ok.status_code == 302


def test_trial_and_follow_up_notes_with_health_details_are_refused(world):
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import FollowUp, MeetingRequest
    from tests.db.test_hiring_journey import _published_case

    case, profile = _published_case(world)
    employer = world["north_employer"]
    hiring.shortlist(employer, case, "fi")
    meeting = hiring.ask_to_meet(employer, case, profile.pseudonym)
    hiring.answer_meeting(world["north_seeker"], meeting, True)
    boss = _client(employer)
    trial = {
        "action": "trial",
        "person": profile.pseudonym,
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
    }
    page = boss.get(f"/hire/{case.pk}/candidates/").content.decode()
    assert 'aria-describedby="id_notes_hint"' in page
    bad = boss.post(f"/hire/{case.pk}/candidates/", {**trial, "notes": "Kokeillaan, kestääkö epilepsia"})
    assert bad.status_code == 400 and "epilepsia" in bad.content.decode() and case.trials.count() == 0
    assert (
        boss.post(f"/hire/{case.pk}/candidates/", {**trial, "notes": "Pakkaus ja hyllytys"}).status_code
        == 302
    )
    hiring.decide(employer, case, MeetingRequest.objects.get(pk=meeting.pk), True, dt.date(2026, 12, 20))
    hiring.save_onboarding(
        employer, case, mentor="Leena", starts_on=dt.date(2027, 1, 4), steps=[], instructions="", arranged=[]
    )
    follow_up = FollowUp.objects.filter(case=case).order_by("months").first()
    with pytest.raises(hiring.CaseError) as refused:
        hiring.record_follow_up(
            employer,
            case,
            follow_up=follow_up,
            notes="Diabetes hallinnassa",
            adjust=False,
            on=dt.date(2027, 2, 4),
        )
    assert "notes" in refused.value.errors
    follow_up.refresh_from_db()
    assert follow_up.done_on is None
    hiring.record_follow_up(
        employer,
        case,
        follow_up=follow_up,
        notes="Työ sujuu, tauot auttavat",
        adjust=False,
        on=dt.date(2027, 2, 4),
    )
    follow_up.refresh_from_db()
    assert follow_up.done_on == dt.date(2027, 2, 4)


def test_the_persons_own_text_gets_a_reminder_only(world):
    me = _client(world["north_seeker"])
    answer = me.post(
        "/me/languages/",
        {"history": "Kassatyö, Kauppa Oy. Lopetin masennuksen takia.", "education": ""},
        follow=True,
    )
    html = answer.content.decode()
    assert answer.status_code == 200 and "masennuksen" in html
    profile = services.SeekerProfile.objects.get(person=world["north_seeker"])
    assert "masennuksen" in " ".join(profile.details["history"])  # saved: the text is theirs
