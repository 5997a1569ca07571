"""When no job fits, the employer reads each binding constraint and fixes it on the spot: more hours on a
task, an adjustment from the vocabulary's list (its support follows), or the next person."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching import services
from tests.db.test_hiring_journey import PACKER

pytestmark = pytest.mark.db
BAKER = {**PACKER, "hours_min": 15}
LIFTING = "physical.lifting_carrying"


def _client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(user)
    return client


@pytest.fixture
def case(world):
    services.create_profile(
        None,
        spec=BAKER,
        person=world["north_seeker"],
        area=world["north"],
        open_to_employers=True,
        share_accommodations=True,  # what the work must allow is shown to employers
    )
    boss = world["north_employer"]
    case = hiring.create_case(boss, world["north_org"], "Aamuvuoron lisäkädet")
    hiring.save_need(boss, case, reasons=["overtime"], text="", overloaded=["Leipuri"])
    role = case.inventory["workplace"]["roles"][0]["id"]
    for name, hours, skill, answers in (
        ("Leipien pakkaus", 10, "food_production.pack_food", {"lifting": "sometimes"}),
        ("Tiskaus", 2, "kitchen.wash_dishes", {}),
    ):
        hiring.add_task(
            boss, case, role_id=role, name=name, hours=Decimal(hours), skill=skill, level=2, answers=answers
        )
    return case


def _carve(me, case, pseudonym):
    # what the person's coach told: a confirmed reduced work ability (for the supports only)
    return me.post(
        f"/hire/{case.pk}/carve/", {"action": "carve", "person": pseudonym, "reduced_work_ability": "on"}
    )


def test_the_page_names_each_binding_constraint_and_the_fixes_lead_to_a_proposal(world, case):
    me = _client(world["north_employer"])
    pseudonym = world["north_seeker"].seeker_profile.pseudonym
    page = me.get(f"/hire/{case.pk}/carve/").content.decode()
    # a card, not a bare pseudonym: the skills the tasks need, hours and what the work must allow
    assert "Elintarvikkeiden pakkaaminen" in page and "15–25 h" in page
    assert "enintään 5 kg, esimerkiksi kauppakassi" in page

    html = _carve(me, case, pseudonym).content.decode()
    assert "Henkilö tarvitsee vähintään 15 h viikossa, mutta hänelle sopivia tehtäviä on nyt 2 h." in html
    assert "Leipien pakkaus: nostaminen ja kantaminen: tehtävä vaatii »enintään 20 kg" in html
    assert "henkilö pystyy »enintään 5 kg" in html
    assert "Nostoapuvälineet tai nostopöytä" in html  # the adjustment offered for that demand
    assert "proposals-heading" not in html

    # fix 1: the hours of the washing-up, edited on the tasks page (a bad value keeps what was typed)
    tiskaus = next(
        t["id"]
        for r in case.inventory["workplace"]["roles"]
        for t in r["tasks"]
        if t["name"]["fi"] == "Tiskaus"
    )
    bad = me.post(f"/hire/{case.pk}/tasks/", {"action": "hours", "task": tiskaus, "hours": "99"})
    assert bad.status_code == 400 and 'value="99"' in bad.content.decode()
    assert "0,25–40" in bad.content.decode()
    assert (
        me.post(f"/hire/{case.pk}/tasks/", {"action": "hours", "task": tiskaus, "hours": "6,5"}).status_code
        == 302
    )
    case.refresh_from_db()
    assert hiring.validated(case).workplace.roles[0].tasks[1].weekly_hours == Decimal("6.5")
    html = _carve(me, case, pseudonym).content.decode()
    assert "on nyt 6,5 h" in html and "Leipien pakkaus: nostaminen" in html

    # fix 2: a lifting aid from the list, with the employer's estimate; the proposals are made again
    fixed = me.post(
        f"/hire/{case.pk}/carve/",
        {
            "action": "adjust",
            "attribute": LIFTING,
            "measure": "0",
            "one_off_cost": "1 200",
            "help_hours": "0",
        },
    )
    html = fixed.content.decode()
    assert fixed.status_code == 200 and "proposals-heading" in html, html[:3000]
    assert "Nostoapuvälineet tai nostopöytä" in html  # among the proposal's adjustments
    assert "järjestelytuki" in html.lower()  # the support that pays for it
    assert "Leipien pakkaus: 10 h" in html and "10,0" not in html
    case.refresh_from_db()
    [aid] = case.inventory["accommodations"]
    assert (
        aid["attribute"] == LIFTING and aid["raises_by"] == 2 and aid["support"] == "work_arrangement_tools"
    )
    assert AuditEvent.objects.filter(action="hiring_case.updated", object_id=str(case.pk)).exists()


def test_a_bad_adjustment_is_refused_in_plain_words_and_changes_nothing(world, case):
    me = _client(world["north_employer"])
    _carve(me, case, world["north_seeker"].seeker_profile.pseudonym)
    version = HiringCase.objects.get(pk=case.pk).version
    bad = me.post(
        f"/hire/{case.pk}/carve/",
        {"action": "adjust", "attribute": LIFTING, "measure": "0", "one_off_cost": "-5"},
    )
    assert bad.status_code == 400 and "Anna hinta euroina" in bad.content.decode()
    fresh = HiringCase.objects.get(pk=case.pk)
    assert fresh.version == version and fresh.inventory["accommodations"] == []


def test_a_suggested_tasks_plain_questions_can_be_answered_again(world, case):
    me = _client(world["north_employer"])
    tiskaus = next(
        t["id"]
        for r in case.inventory["workplace"]["roles"]
        for t in r["tasks"]
        if t["name"]["fi"] == "Tiskaus"
    )
    page = me.get(f"/hire/{case.pk}/tasks/").content.decode()
    assert f'id="a-{tiskaus}-lifting-never" name="q_lifting" value="never" checked' in page
    answered = me.post(
        f"/hire/{case.pk}/tasks/",
        {"action": "answers", "task": tiskaus, "q_lifting": "often", "q_standing": "mostly"},
    )
    assert answered.status_code == 302
    case.refresh_from_db()
    task = next(t for r in case.inventory["workplace"]["roles"] for t in r["tasks"] if t["id"] == tiskaus)
    assert task["demands"] == {
        LIFTING: {"level": 4, "exposure": "often"},
        "physical.standing": {"level": 3, "exposure": "mostly"},
    }
    page = me.get(f"/hire/{case.pk}/tasks/").content.decode()
    assert f'id="a-{tiskaus}-lifting-often" name="q_lifting" value="often" checked' in page
    me.post(f"/hire/{case.pk}/tasks/", {"action": "answers", "task": tiskaus, "q_lifting": "never"})
    case.refresh_from_db()
    task = next(t for r in case.inventory["workplace"]["roles"] for t in r["tasks"] if t["id"] == tiskaus)
    assert task["demands"] == {}  # every question answered "never" (unsent ones count as never)
    bad = me.post(f"/hire/{case.pk}/tasks/", {"action": "answers", "task": tiskaus, "q_lifting": "daily"})
    assert bad.status_code == 400


def test_a_role_named_in_the_need_gets_its_real_size_and_hourly_cost(world, case):
    me = _client(world["north_employer"])
    role = case.inventory["workplace"]["roles"][0]
    assert (role["holders"], role["hourly_cost"]) == (1, "30")  # what the need step could not know
    page = me.get(f"/hire/{case.pk}/tasks/").content.decode()
    assert f'id="cost-{role["id"]}" name="hourly_cost" value="30"' in page
    bad = me.post(
        f"/hire/{case.pk}/tasks/",
        {"action": "role", "role": role["id"], "holders": "3", "hourly_cost": "kallis"},
    )
    assert bad.status_code == 400 and "numeroina" in bad.content.decode()
    saved = me.post(
        f"/hire/{case.pk}/tasks/",
        {"action": "role", "role": role["id"], "holders": "3", "hourly_cost": "32,50"},
    )
    assert saved.status_code == 302
    case.refresh_from_db()
    role = case.inventory["workplace"]["roles"][0]
    assert (role["holders"], role["hourly_cost"]) == (3, "32.50")
    assert 'value="32,5"' in me.get(f"/hire/{case.pk}/tasks/").content.decode()
