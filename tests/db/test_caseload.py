"""The professional's caseload: own area only, status and next action with field errors, the person's
consent state, their own words only with their consent, matches and hiring cases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.matching import services

pytestmark = pytest.mark.db
SPEC = {
    "skills": {"retail.stock_shelves": 3, "cleaning.mop_floors": 2},
    "capacities": {},
    "hours_min": 10,
    "hours_max": 30,
}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def person(world):
    profile = services.create_profile(None, spec=SPEC, person=world["north_seeker"], area=world["north"])
    profile.story = "Olen täyttänyt hyllyjä kaupassa."
    profile.details = {"history": ["Hyllyttäjä, Kauppa Oy, 2020-2023"], "education": []}
    profile.save()
    return profile


def test_a_professional_adds_people_of_their_own_area_only(world, person):
    south = services.create_profile(None, spec=SPEC, person=world["south_seeker"], area=world["south"])
    me = _client(world["north_professional"])
    page = me.get("/caseload/").content.decode()
    assert person.pseudonym in page and south.pseudonym not in page
    refused = me.post("/caseload/", {"profile": south.pk})
    assert refused.status_code == 400 and not CaseloadEntry.objects.exists()
    added = me.post("/caseload/", {"profile": person.pk})
    entry = CaseloadEntry.objects.get()
    assert added.status_code == 302 and added["Location"] == f"/caseload/{entry.pk}/"
    assert AuditEvent.objects.filter(action="caseload.added").count() == 1
    for who in ("south_professional", "north_employer", "north_seeker", "analyst"):
        assert _client(world[who]).get(f"/caseload/{entry.pk}/").status_code == 404


def test_status_next_action_and_methods_with_field_errors_that_keep_input(world, person):
    me = _client(world["north_professional"])
    me.post("/caseload/", {"profile": person.pk})
    entry = CaseloadEntry.objects.get()
    bad = me.post(
        f"/caseload/{entry.pk}/",
        {
            "action": "update",
            "status": "searching",
            "next_action": "Soita Leipomolle",
            "next_action_on": "1999-01-01",
        },
    )
    assert bad.status_code == 400 and 'value="Soita Leipomolle"' in bad.content.decode()
    entry.refresh_from_db()
    assert entry.status == "new"
    soon = dt.date.today() + dt.timedelta(days=7)
    ok = me.post(
        f"/caseload/{entry.pk}/",
        {
            "action": "update",
            "status": "searching",
            "next_action": "Soita Leipomolle",
            "next_action_on": soon.isoformat(),
            "methods": ["matching", "hidden_jobs"],
        },
    )
    assert ok.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.next_action_on, entry.methods) == (
        "searching",
        soon,
        ["matching", "hidden_jobs"],
    )
    event = AuditEvent.objects.get(action="caseload.updated")
    assert event.data["changed"] == ["methods", "next_action", "next_action_on", "status"]


def test_the_persons_own_words_only_with_their_consent(world, person):
    me = _client(world["north_professional"])
    me.post("/caseload/", {"profile": person.pk})
    entry = CaseloadEntry.objects.get()
    page = me.get(f"/caseload/{entry.pk}/").content.decode()
    assert "Olen täyttänyt hyllyjä" not in page and "Kauppa Oy" not in page
    seeker = _client(world["north_seeker"])
    assert seeker.post("/me/sharing/", {"share_with_coach": "on"}).status_code == 302
    page = me.get(f"/caseload/{entry.pk}/").content.decode()
    assert "Olen täyttänyt hyllyjä" in page and "Hyllyttäjä, Kauppa Oy, 2020-2023" in page
    assert seeker.get("/me/data/export.json").json()["profile"]["share_with_coach"] is True


def test_matches_and_taking_a_person_off_the_caseload(world, person):
    services.create_job(
        world["north_employer"],
        world["north_org"],
        spec={"skills": [{"skill": "retail.stock_shelves", "level": 2}], "hours_min": 10, "hours_max": 20},
        title="Hyllyttäjä",
    )
    me = _client(world["north_professional"])
    me.post("/caseload/", {"profile": person.pk})
    entry = CaseloadEntry.objects.get()
    found = me.post(f"/caseload/{entry.pk}/", {"action": "match"}).content.decode()
    assert "Hyllyttäjä" in found and "match-1" in found
    assert AuditEvent.objects.filter(action="matching_run.recorded").exists()
    gone = me.post(f"/caseload/{entry.pk}/", {"action": "remove"})
    assert gone.status_code == 302 and not CaseloadEntry.objects.exists()
    assert AuditEvent.objects.filter(action="caseload.removed").count() == 1


def test_every_read_of_a_persons_data_by_someone_else_is_logged_and_shown_to_them(world, person):
    from rest_framework.authtoken.models import Token

    me = _client(world["north_professional"])
    me.post("/caseload/", {"profile": person.pk})
    entry = CaseloadEntry.objects.get()
    me.get(f"/caseload/{entry.pk}/")
    views = AuditEvent.objects.filter(action="personal_data.viewed", object_id=str(person.pk)).order_by(
        "sequence"
    )
    assert views.count() >= 1 and views.first().data == {"place": "caseload"}
    before = views.count()
    token = Token.objects.create(user=world["north_professional"])
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get(f"/api/v1/profiles/{person.pk}/").status_code == 200
    assert views.count() == before + 1 and views.last().data == {"place": "api"}
    # the person's own reads are not logged, and they see who looked
    seeker = _client(world["north_seeker"])
    assert seeker.get("/me/").status_code == 200
    page = seeker.get("/me/data/").content.decode()
    assert 'id="viewed-heading"' in page and page.count("<time datetime=") == views.count()
    exported = seeker.get("/me/data/export.json").json()
    assert len(exported["viewed_by"]) == views.count()
