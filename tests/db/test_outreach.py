"""Employer outreach: area permissions, the IPS order (needs before proposals), recurring contacts, a need
turned into a hiring case, and the all-or-nothing business-register import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kohtaanto.web.accounts.models import Municipality, Organisation
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.outreach import services as outreach
from kohtaanto.web.outreach.models import EmployerRelation, Need, Stage

pytestmark = pytest.mark.db
FILES = Path(__file__).resolve().parents[1] / "fixtures" / "register"
TODAY = dt.date(2026, 11, 28)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _places(world):
    for code, name in (("398", "Lahti"), ("098", "Hollola"), ("560", "Orimattila")):
        Municipality.objects.update_or_create(code=code, defaults={"name_fi": name, "area": world["north"]})


def test_only_professionals_of_the_area_and_administrators_do_outreach(world):
    org = world["north_org"]
    assert _client(world["north_professional"]).get(f"/outreach/{org.pk}/").status_code == 200
    assert _client(world["admin"]).get(f"/outreach/{org.pk}/").status_code == 200
    assert _client(world["south_professional"]).get(f"/outreach/{org.pk}/").status_code == 404
    for who in ("north_employer", "north_seeker", "analyst"):
        assert _client(world[who]).get("/outreach/").status_code == 404
    page = _client(world["north_professional"]).get("/outreach/").content.decode()
    assert world["north_org"].name in page and world["south_org"].name not in page
    with pytest.raises(outreach.permissions.PermissionDenied):
        outreach.add_contact(world["south_professional"], org, {"name": "X"})


def test_a_visit_sets_the_next_contact_and_moves_to_learning(world):
    pro, org = world["north_professional"], world["north_org"]
    me = _client(pro)
    bad = me.post(
        f"/outreach/{org.pk}/",
        {"action": "activity", "kind": "visit", "happened_on": "2099-01-01", "notes": "Tutustuminen"},
    )
    assert bad.status_code == 400 and "Tutustuminen" in bad.content.decode()
    assert not org.activities.exists()
    ok = me.post(
        f"/outreach/{org.pk}/",
        {
            "action": "activity",
            "kind": "visit",
            "happened_on": dt.date.today().isoformat(),
            "notes": "Kahvit",
        },
    )
    assert ok.status_code == 302
    relation = EmployerRelation.objects.get(organisation=org)
    assert relation.stage == Stage.LEARNING and relation.owner == pro
    assert relation.next_contact_on == dt.date.today() + dt.timedelta(days=outreach.RECONTACT_DAYS)
    event = AuditEvent.objects.get(action="outreach.activity_recorded")
    assert event.data["kind"] == "visit"
    # due today: the list shows it under "time to get in touch"
    relation.next_contact_on = dt.date.today()
    relation.save()
    page = me.get("/outreach/").content.decode()
    assert 'id="due-heading"' in page


def test_people_are_proposed_only_after_a_need_is_learnt(world):
    pro, org = world["north_professional"], world["north_org"]
    me = _client(pro)
    early = me.post(f"/outreach/{org.pk}/", {"action": "stage", "stage": "proposing"})
    assert early.status_code == 400
    assert EmployerRelation.objects.get(organisation=org).stage == Stage.FIRST_CONTACT
    bad_need = me.post(
        f"/outreach/{org.pk}/",
        {"action": "need", "text": "Pakkaamiseen apua", "hours_per_week": "lots", "found_on": "2026-11-20"},
    )
    assert bad_need.status_code == 400 and "Pakkaamiseen apua" in bad_need.content.decode()
    need = me.post(
        f"/outreach/{org.pk}/",
        {
            "action": "need",
            "text": "Tarvitsisimme jonkun muutamaksi tunniksi viikossa pakkaamaan tilauksia.",
            "roles": "Varastotyöntekijä, Myyjä",
            "hours_per_week": "12,5",
            "found_on": dt.date.today().isoformat(),
        },
    )
    assert need.status_code == 302
    assert EmployerRelation.objects.get(organisation=org).stage == Stage.NEED_FOUND
    assert me.post(f"/outreach/{org.pk}/", {"action": "stage", "stage": "proposing"}).status_code == 302
    # one click from the need to a hiring case whose inventory starts from the roles
    found = Need.objects.get()
    to_case = me.post(f"/outreach/{org.pk}/", {"action": "to_case", "need": found.pk})
    case = HiringCase.objects.get()
    assert to_case.status_code == 302 and to_case["Location"] == f"/hire/{case.pk}/tasks/"
    assert [r["title"]["fi"] for r in case.inventory["workplace"]["roles"]] == ["Varastotyöntekijä", "Myyjä"]
    found.refresh_from_db()
    assert found.case == case and found.hours_per_week == 12.5
    again = me.post(f"/outreach/{org.pk}/", {"action": "to_case", "need": found.pk})
    assert again["Location"] == f"/hire/{case.pk}/tasks/" and HiringCase.objects.count() == 1


def test_contacts_keep_what_was_typed_on_an_error(world):
    me, org = _client(world["north_professional"]), world["north_org"]
    bad = me.post(f"/outreach/{org.pk}/", {"action": "contact", "name": "Liisa", "email": "not-an-email"})
    assert bad.status_code == 400 and 'value="Liisa"' in bad.content.decode()
    ok = me.post(f"/outreach/{org.pk}/", {"action": "contact", "name": "Liisa", "title": "Toimitusjohtaja"})
    assert ok.status_code == 302 and org.contacts.get().title == "Toimitusjohtaja"


def test_register_import_is_all_or_nothing_with_a_report(world):
    _places(world)
    me = _client(world["north_professional"])
    before = Organisation.objects.count()
    bad = me.post(
        "/outreach/import/",
        {"action": "import", "file": SimpleUploadedFile("bad.csv", (FILES / "bad.csv").read_bytes())},
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and Organisation.objects.count() == before
    assert (
        "tarkistusmerkki on väärin" in html and "check digit" not in html and "Atlantis" in html
    )  # in Finnish
    checked = me.post(
        "/outreach/import/",
        {"action": "check", "file": SimpleUploadedFile("good.csv", (FILES / "good.csv").read_bytes())},
    )
    assert checked.status_code == 200 and Organisation.objects.count() == before
    done = me.post(
        "/outreach/import/",
        {"action": "import", "file": SimpleUploadedFile("good.csv", (FILES / "good.csv").read_bytes())},
    )
    assert done.status_code == 200 and Organisation.objects.count() == before + 3
    packer = Organisation.objects.get(business_id="3100000-3")
    assert (packer.sector, packer.municipality.code, packer.legal_form, packer.size_class) == (
        "C",
        "398",
        "company",
        "",
    )
    assert AuditEvent.objects.filter(action="organisation.created").count() >= 3
    assert AuditEvent.objects.get(action="outreach.register_imported").data["created"] == 3
    # the same file again changes nothing; a renamed company is updated
    again = outreach.import_register(world["north_professional"], (FILES / "good.csv").read_bytes())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    renamed = (FILES / "good.csv").read_bytes().replace(b"Pakkaamo Oy", b"Pakkaamo ja Varasto Oy")
    third = outreach.import_register(world["north_professional"], renamed)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 2)


def test_another_areas_employers_are_rejected_in_the_import(world):
    _places(world)
    rows, _ = outreach.register.read((FILES / "good.csv").read_bytes())
    report = outreach.import_register(world["south_professional"], (FILES / "good.csv").read_bytes())
    assert len(report.rejected) == len(rows) and not report.written
    assert all("not in your employment area" in r.reason for r in report.rejected)
    unreadable = _client(world["north_professional"]).post(
        "/outreach/import/", {"action": "import", "file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00")}
    )
    assert unreadable.status_code == 400 and "UTF-8" in unreadable.content.decode()
