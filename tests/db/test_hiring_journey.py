"""The employer's journey through the pages: need → tasks → carving → supports → job ad → published,
with field errors that keep input, permissions, and the schema.org export."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client

from kohtaanto.skills.service import starter_extractor
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching import seeker, services
from kohtaanto.web.matching.models import JobPosting, WorkplaceInventory
from tests.unit.test_skills import TrigramEncoder

pytestmark = pytest.mark.db
WEEK = ["mon", "tue", "wed", "thu", "fri"]
PACKER = {
    "skills": {"food_production.pack_food": 3, "kitchen.wash_dishes": 3},
    "capacities": {"physical.lifting_carrying": 2},
    "hours_min": 10,
    "hours_max": 25,
    "days": WEEK,
    "working_language": "B1",
}


@pytest.fixture(autouse=True)
def fast_extractor(monkeypatch, tmp_path):
    encoder = TrigramEncoder()
    monkeypatch.setattr(seeker, "_extractor", lambda language: starter_extractor(language, tmp_path, encoder))


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _answers(**given):
    base = {f"q_{k}": "never" for k in ("lifting", "standing", "customers", "rush", "reading", "noise")}
    base.update({f"q_{k}": v for k, v in given.items()})
    return base


def test_employer_goes_from_need_to_a_published_carved_job(world):
    world["north_org"].sector = "C"
    world["north_org"].save()
    services.create_profile(
        None, spec=PACKER, person=world["north_seeker"], area=world["north"], open_to_employers=True
    )
    me = _client(world["north_employer"])
    started = me.post("/hire/", {"title": "Aamuvuoron lisäkädet"})
    assert started.status_code == 302
    case = HiringCase.objects.get()
    # 1. need, with an error that keeps the text
    bad = me.post(f"/hire/{case.pk}/need/", {"text": "Leipurit tekevät ylitöitä."})
    assert bad.status_code == 400 and "Leipurit tekevät ylitöitä." in bad.content.decode()
    ok = me.post(
        f"/hire/{case.pk}/need/",
        {"reasons": ["overtime", "workload"], "text": "Ylityöt", "overloaded": "Leipuri"},
    )
    assert ok.status_code == 302
    case.refresh_from_db()
    [role] = case.inventory["workplace"]["roles"]
    assert role["title"]["fi"] == "Leipuri"
    # 2. tasks: a bad task keeps input; a good one with a demand question; a suggested one; imported ones
    bad_task = me.post(
        f"/hire/{case.pk}/tasks/",
        {"action": "add_task", "role": role["id"], "name": "Pakkaus", "hours": "0", **_answers()},
    )
    assert bad_task.status_code == 400 and 'value="Pakkaus"' in bad_task.content.decode()
    me.post(
        f"/hire/{case.pk}/tasks/",
        {
            "action": "add_task",
            "role": role["id"],
            "name": "Leipien pakkaus",
            "hours": "10",
            "skill": "Elintarvikkeiden pakkaaminen",
            "level": "2",
            "below_level": "on",
            **_answers(standing="often"),
        },
    )
    me.post(
        f"/hire/{case.pk}/tasks/", {"action": "suggested", "role": role["id"], "skill": "kitchen.wash_dishes"}
    )
    preview = me.post(
        f"/hire/{case.pk}/tasks/",
        {"action": "import", "text": "- Tiskaat astiat\n- Pakkaat leivät laatikoihin"},
    )
    assert preview.status_code == 200 and "Tiskaat astiat" in preview.content.decode()
    case.refresh_from_db()
    tasks = case.inventory["workplace"]["roles"][0]["tasks"]
    assert [t["name"]["fi"] for t in tasks] == ["Leipien pakkaus", "Astioiden pesu"]
    assert tasks[0]["demands"] == {"physical.standing": {"level": 3, "exposure": "often"}}
    assert tasks[0]["skills"] == [{"id": "food_production.pack_food", "level": 2}]
    assert WorkplaceInventory.objects.filter(organisation=world["north_org"]).exists()  # synced for seekers
    # 3. carving for a pseudonymised person from the pool, then choose
    profile = world["north_seeker"].seeker_profile
    page = me.get(f"/hire/{case.pk}/carve/").content.decode()
    assert profile.pseudonym in page and world["north_seeker"].first_name not in page
    carved = me.post(f"/hire/{case.pk}/carve/", {"action": "carve", "person": profile.pseudonym})
    html = carved.content.decode()
    assert (carved.status_code == 200 and "Net cost a month" in html) or "Nettokustannus" in html
    assert me.post(f"/hire/{case.pk}/carve/", {"action": "choose", "index": "0"}).status_code == 302
    case.refresh_from_db()
    assert case.person == profile.pseudonym and case.chosen["tasks"]
    # 4. supports summary
    supports = me.get(f"/hire/{case.pk}/supports/").content.decode()
    from decimal import Decimal

    from kohtaanto.core.formatting import amount

    net = amount(Decimal(str(case.chosen["net_monthly_cost"])), "fi")
    assert f"{net} €" in supports and f"/hire/{case.pk}/supports.pdf" in supports
    # the 24-month cost profile after the supports, on the page and in the PDF
    assert (
        "Kustannus kuukausittain, 24 kuukautta" in supports
        and "24 kuukaudessa työ maksaa sinulle" in supports
    )
    assert "Nettokustannus 24 kuukaudessa" in html
    pdf = me.get(f"/hire/{case.pk}/supports.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # 5. the ad: checked in place, then published as a carved job with JSON-LD
    text = case.chosen["job_description"]["fi"]
    ad_page = me.get(f"/hire/{case.pk}/ad/").content.decode()
    assert 'value="13,50"' in ad_page  # the wage as a Finnish reader writes it, ready to correct
    checked = me.post(
        f"/hire/{case.pk}/ad/", {"text": text + "\nEtsimme nuorekasta tekijää.", "action": "check"}
    )
    assert checked.status_code == 200 and "sev-problem" in checked.content.decode()
    practical = {"hourly_wage": "14,20", "contact": "Leena Leipuri, 040 123 4567", "how_to_apply": "Soita."}
    no_contact = me.post(f"/hire/{case.pk}/ad/", {"text": text, "action": "publish", "hourly_wage": "14,20"})
    assert no_contact.status_code == 400 and text.splitlines()[0] in no_contact.content.decode()  # kept
    published = me.post(f"/hire/{case.pk}/ad/", {"text": text, "action": "publish", **practical})
    assert published.status_code == 302
    case.refresh_from_db()
    job = JobPosting.objects.get(pk=case.job_id)
    assert job.kind == "carved" and job.status == "open" and job.spec["skills"]
    # the ad carries pay, place, hours, start, how to apply and the contact, in plain words
    assert "Palkka: 14,20 euroa tunnissa, työehtosopimuksen mukaan" in job.description
    assert "Yhteyshenkilö: Leena Leipuri, 040 123 4567" in job.description
    assert "Näin haet: Soita." in job.description and "Aloitus: " in job.description
    assert f"Paikka: {world['north_org'].name}" in job.description
    ld = json.loads(me.get(f"/hire/{case.pk}/jobposting.jsonld").content)
    assert ld["@type"] == "JobPosting" and ld["hiringOrganization"]["name"] == world["north_org"].name
    assert ld["baseSalary"]["value"] == {"@type": "QuantitativeValue", "value": 14.2, "unitText": "HOUR"}
    assert ld["applicationContact"]["description"] == "Leena Leipuri, 040 123 4567"
    tmt = json.loads(me.get(f"/hire/{case.pk}/tyomarkkinatori.json").content)  # the Työmarkkinatori mapping
    assert (
        tmt["businessId"] == world["north_org"].business_id and tmt["externalId"] == f"kohtaanto-job-{job.pk}"
    )
    assert tmt["posting"]["position"]["title"] == {"fi": job.title}
    assert tmt["posting"]["position"]["salary"] == {"amount": 14.2, "currency": "EUR", "per": "hour"}
    assert tmt["posting"]["position"]["workTime"] == ("02" if job.spec["hours_max"] < 35 else "01")
    assert tmt["posting"]["location"]["municipalityCode"] == world["north_org"].municipality.code
    assert tmt["posting"]["application"]["url"].endswith(f"/jobs/{job.pk}/")
    assert {m["field"] for m in tmt["mapping"]} >= {
        "owner.businessId",
        "position.workTime",
        "application.url",
    }
    assert AuditEvent.objects.filter(action="hiring_case.updated", object_id=str(case.pk)).count() >= 5


def test_other_organisations_and_roles_cannot_see_a_case(world):
    me = _client(world["north_employer"])
    me.post("/hire/", {"title": "Oma"})
    case = HiringCase.objects.get()
    assert _client(world["south_employer"]).get(f"/hire/{case.pk}/need/").status_code == 404
    assert _client(world["south_professional"]).get(f"/hire/{case.pk}/tasks/").status_code == 404
    assert (
        _client(world["north_professional"]).get(f"/hire/{case.pk}/tasks/").status_code == 200
    )  # acts for the employer
    assert _client(world["north_seeker"]).get("/hire/").status_code == 404
    empty = me.post("/hire/", {"title": ""})
    assert empty.status_code == 400


def _published_case(world):
    services.create_profile(
        None, spec=PACKER, person=world["north_seeker"], area=world["north"], open_to_employers=True
    )
    from kohtaanto.web.hiring import services as hiring

    case = hiring.create_case(world["north_employer"], world["north_org"], "Pakkaaja")
    hiring.save_need(world["north_employer"], case, reasons=["workload"], text="", overloaded=["Leipuri"])
    role = case.inventory["workplace"]["roles"][0]["id"]
    from decimal import Decimal

    hiring.add_task(
        world["north_employer"],
        case,
        role_id=role,
        name="Pakkaus",
        hours=Decimal(12),
        skill="food_production.pack_food",
        level=2,
        answers={},
    )
    hiring.add_task(
        world["north_employer"],
        case,
        role_id=role,
        name="Tiskaus",
        hours=Decimal(6),
        skill="kitchen.wash_dishes",
        level=2,
        answers={},
    )
    profile = world["north_seeker"].seeker_profile
    proposals = hiring.carve(
        world["north_employer"], case, profile=profile, language="fi", on=dt.date(2026, 11, 28)
    ).proposals
    hiring.choose(world["north_employer"], case, proposals[0], profile.pseudonym)
    hiring.save_ad(
        world["north_employer"],
        case,
        "Haemme pakkaajaa.",
        details={
            "hourly_wage": Decimal("13.50"),
            "contact": "Leena, 040 1",
            "how_to_apply": "",
            "apply_by": None,
        },
    )
    hiring.publish(world["north_employer"], case)
    return case, profile


def test_shortlist_meeting_consent_trial_and_decision(world):
    case, profile = _published_case(world)
    boss = _client(world["north_employer"])
    assert boss.post(f"/hire/{case.pk}/candidates/", {"action": "shortlist"}).status_code == 302
    page = boss.get(f"/hire/{case.pk}/candidates/").content.decode()
    assert profile.pseudonym in page and world["north_seeker"].first_name not in page
    not_listed = boss.post(f"/hire/{case.pk}/candidates/", {"action": "ask", "person": "K-NOTLISTED"})
    assert not_listed.status_code == 400
    assert (
        boss.post(f"/hire/{case.pk}/candidates/", {"action": "ask", "person": profile.pseudonym}).status_code
        == 302
    )
    # the trial cannot be planned before the person agrees
    early = boss.post(
        f"/hire/{case.pk}/candidates/",
        {"action": "trial", "person": profile.pseudonym, "starts_on": "2026-12-01", "ends_on": "2026-12-31"},
    )
    assert early.status_code == 400
    from kohtaanto.web.hiring.models import MeetingRequest

    meeting = MeetingRequest.objects.get(case=case)
    other = _client(world["south_seeker"])
    assert other.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes"}).status_code == 404
    me = _client(world["north_seeker"])
    assert world["north_org"].name in me.get("/me/sharing/").content.decode()
    assert me.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes"}).status_code == 302
    page = boss.get(f"/hire/{case.pk}/candidates/").content.decode()
    assert world["north_seeker"].get_full_name() in page  # the name, after consent
    bad = boss.post(
        f"/hire/{case.pk}/candidates/",
        {
            "action": "trial",
            "person": profile.pseudonym,
            "starts_on": "2026-12-31",
            "ends_on": "2026-12-01",
            "notes": "Pakkaus",
        },
    )
    assert bad.status_code == 400 and "Pakkaus" in bad.content.decode()
    ok = boss.post(
        f"/hire/{case.pk}/candidates/",
        {"action": "trial", "person": profile.pseudonym, "starts_on": "2026-12-01", "ends_on": "2026-12-31"},
    )
    assert ok.status_code == 302 and case.trials.count() == 1
    assert (
        boss.post(
            f"/hire/{case.pk}/candidates/", {"action": "decide", "person": profile.pseudonym, "hired": "yes"}
        ).status_code
        == 302
    )
    case.refresh_from_db()
    assert case.decision == "hired" and case.hired_id == profile.pk
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"meeting.asked", "meeting.answered", "identity.revealed", "work_trial.planned"} <= actions


def test_onboarding_plan_checks_instructions_and_sets_follow_ups(world, monkeypatch):
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import FollowUp, MeetingRequest

    case, profile = _published_case(world)
    boss = _client(world["north_employer"])
    early = boss.post(
        f"/hire/{case.pk}/onboarding/", {"action": "plan", "mentor": "Leena", "starts_on": "2027-01-04"}
    )
    assert early.status_code == 400  # no hiring decision yet
    hiring.shortlist(world["north_employer"], case, "fi")
    meeting = hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    hiring.answer_meeting(world["north_seeker"], meeting, True)
    hiring.decide(
        world["north_employer"], case, MeetingRequest.objects.get(pk=meeting.pk), True, dt.date(2026, 12, 20)
    )
    bad = boss.post(
        f"/hire/{case.pk}/onboarding/",
        {"action": "plan", "mentor": "", "starts_on": "tammikuu", "steps": "Turvakierros"},
    )
    assert bad.status_code == 400 and "Turvakierros" in bad.content.decode()
    saved = boss.post(
        f"/hire/{case.pk}/onboarding/",
        {
            "action": "plan",
            "mentor": "Leena",
            "starts_on": "2027-01-31",
            "steps": "Turvakierros\nHygienia",
            "instructions": "Työvuoron päätyttyä suoritetaan siivoaminen esim. mopilla.",
        },
    )
    html = saved.content.decode()
    assert saved.status_code == 200 and 'id="check-heading"' in html and "esim." in html
    dues = list(FollowUp.objects.filter(case=case).values_list("months", "due_on"))
    assert dues == [
        (1, dt.date(2027, 2, 28)),
        (3, dt.date(2027, 4, 30)),
        (6, dt.date(2027, 7, 31)),
        (12, dt.date(2028, 1, 31)),
    ]
    first = FollowUp.objects.get(case=case, months=1)
    typed = {"action": "follow_up", "follow_up": first.pk, "notes": "Hyvin", "adjust": "on"}
    bad = boss.post(
        f"/hire/{case.pk}/onboarding/", {**typed, "still_employed": "yes", "hours_per_week": "99"}
    )
    assert bad.status_code == 400 and "Hyvin" in bad.content.decode() and 'value="99"' in bad.content.decode()
    first.refresh_from_db()
    assert first.done_on is None
    # not before it is due: a 1-month follow-up is not recorded on the first day
    early = boss.post(
        f"/hire/{case.pk}/onboarding/", {**typed, "still_employed": "yes", "hours_per_week": "20"}
    )
    assert early.status_code == 400 and "28.2.2027" in early.content.decode()
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2027, 3, 1))
    done = boss.post(
        f"/hire/{case.pk}/onboarding/", {**typed, "still_employed": "yes", "hours_per_week": "20"}
    )
    assert done.status_code == 302
    first.refresh_from_db()
    assert first.done_on is not None and first.adjust and first.notes == "Hyvin"
    assert first.still_employed is True and first.hours_per_week == 20
    # moving the first day moves the open follow-ups, not the done one
    boss.post(
        f"/hire/{case.pk}/onboarding/", {"action": "plan", "mentor": "Leena", "starts_on": "2027-02-01"}
    )
    assert FollowUp.objects.get(case=case, months=3).due_on == dt.date(2027, 5, 1)
    assert FollowUp.objects.get(case=case, months=1).due_on == dt.date(2027, 2, 28)


def test_add_months_clamps_to_the_month_end():
    from kohtaanto.rules.months import add_months

    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2027, 11, 15), 3) == dt.date(2028, 2, 15)


def test_the_person_shares_adjustments_with_one_employer_only(world):
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.matching.runs import match_job

    case, profile = _published_case(world)
    case.job.spec["demands"] = {"physical.lifting_carrying": 3}
    case.job.spec["accommodations"] = {"physical.lifting_carrying": 1}
    case.job.save()
    hiring.shortlist(world["north_employer"], case, "en")
    meeting = hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    me = _client(world["north_seeker"])
    assert me.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes"}).status_code == 302
    [row] = match_job(world["north_employer"], case.job, 5, "en").results
    assert row["name"] and row["accommodations"] == [] and "accommodations_hidden" not in row
    assert me.post(f"/me/sharing/{world['north_org'].pk}/choices/", {"share": "yes"}).status_code == 302
    [row] = match_job(world["north_employer"], case.job, 5, "en").results
    assert row["accommodations"] == [{"attribute": "physical.lifting_carrying", "levels": 1}]
    assert AuditEvent.objects.filter(action="sharing.changed_for_employer").count() == 1
    # a second employer the person also tells their name to sees the name, not the adjustments
    from tests.factories import OrganisationFactory, make_user

    other_org = OrganisationFactory(municipality=world["north_org"].municipality)
    other_boss = make_user("employer", organisation=other_org, username="other_boss")
    other_job = services.create_job(other_boss, other_org, spec=case.job.spec, title="Pakkaaja")
    [row] = match_job(other_boss, other_job, 5, "en").results
    assert not row.get("name") and row["accommodations"] == []
    services.reveal_identity(world["north_seeker"], profile, other_org)
    [row] = match_job(other_boss, other_job, 5, "en").results
    assert row["name"] and row["accommodations"] == []
    [row] = match_job(world["north_employer"], case.job, 5, "en").results
    assert row["accommodations"] == [{"attribute": "physical.lifting_carrying", "levels": 1}]


def test_the_person_chooses_per_item_and_per_employer_what_else_is_shown(world):
    from kohtaanto.web.hiring import services as hiring

    case, profile = _published_case(world)
    profile.details = {
        "history": ["Leipomo Aamu, pakkaaja 2019-2022"],
        "education": ["Ammattikoulu, elintarvikeala"],
        "languages": {"finnish": "B1"},
    }
    profile.save()
    hiring.shortlist(world["north_employer"], case, "en")
    meeting = hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    me = _client(world["north_seeker"])
    boss = _client(world["north_employer"])
    answered = me.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes", "items": ["history", "bogus"]})
    assert answered.status_code == 302
    page = boss.get(f"/hire/{case.pk}/candidates/").content.decode()
    assert "Leipomo Aamu, pakkaaja 2019-2022" in page
    shown = " ".join(re.findall(r'<dl class="shared">(.*?)</dl>', page, re.S))  # not tokens elsewhere
    assert "Leipomo Aamu" in shown and "Ammattikoulu" not in page and "B1" not in shown
    read = AuditEvent.objects.filter(action="personal_data.viewed", object_id=str(profile.pk))
    assert read.filter(data={"place": "candidates"}, actor_id=world["north_employer"].pk).exists()
    # the person changes their mind on the sharing page: education instead of history
    org = world["north_org"].pk
    assert me.post(f"/me/sharing/{org}/choices/", {"items": ["education"]}).status_code == 302
    page = boss.get(f"/hire/{case.pk}/candidates/").content.decode()
    assert "Ammattikoulu, elintarvikeala" in page and "Leipomo Aamu" not in page
    events = AuditEvent.objects.filter(action="sharing.changed_for_employer")
    assert [e.data["items"] for e in events] == [["education"]]
    sharing = me.get("/me/sharing/").content.decode()
    assert f'id="item-org-{org}-education" name="items" value="education" checked' in sharing
    # taking the name back hides the name and every item, and the person can no longer be chosen
    assert me.post(f"/me/sharing/{org}/withdraw/").status_code == 302
    page = boss.get(f"/hire/{case.pk}/candidates/").content.decode()
    assert "Ammattikoulu" not in page and world["north_seeker"].get_full_name() not in page
    refused = boss.post(
        f"/hire/{case.pk}/candidates/",
        {"action": "decide", "person": profile.pseudonym, "hired": "yes"},
    )
    assert refused.status_code == 400
    case.refresh_from_db()
    assert not case.decision


def test_tasks_are_suggested_from_the_roles_occupation(world):
    from decimal import Decimal

    from kohtaanto.taxonomy.vocabulary import starter
    from kohtaanto.web.hiring import services as hiring

    case = hiring.create_case(world["north_employer"], world["north_org"], "Varasto")
    hiring.save_need(
        world["north_employer"],
        case,
        reasons=["workload"],
        text="",
        overloaded=["Varastotyöntekijä", "Toimitusjohtaja"],
    )
    warehouse, boss_role = (r["id"] for r in case.inventory["workplace"]["roles"])
    hiring.add_task(
        world["north_employer"],
        case,
        role_id=warehouse,
        name="Keräily",
        hours=Decimal(10),
        skill="warehouse.pick_orders",
        level=2,
        answers={},
    )
    me = _client(world["north_employer"])
    page = me.get(f"/hire/{case.pk}/tasks/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    labels = {s.id: s.labels.fi for s in starter().skills}
    assert page.count('aria-labelledby="role-suggested-') == 1  # none made up for a managing director
    section = page[page.index('aria-labelledby="role-suggested-1"') :]
    section = section[: section.index("</section>")]
    assert "Varastotyöntekijä" in section and "Toimitusjohtaja" not in section
    assert labels["warehouse.receive_deliveries"] in section
    assert labels["warehouse.pick_orders"] not in section  # the role already has it
    added = me.post(
        f"/hire/{case.pk}/tasks/",
        {"action": "suggested", "role": warehouse, "skill": "warehouse.receive_deliveries"},
    )
    assert added.status_code == 302
    case.refresh_from_db()
    roles = {r["id"]: r for r in case.inventory["workplace"]["roles"]}
    assert [t["skills"][0]["id"] for t in roles[warehouse]["tasks"]] == [
        "warehouse.pick_orders",
        "warehouse.receive_deliveries",
    ]
    assert roles[boss_role]["tasks"] == []


def _pdf_text(body: bytes) -> str:
    """The text operators of a PDF made by reportlab (streams are ASCII85 and Flate encoded)."""
    import base64
    import contextlib
    import re
    import zlib

    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", body, re.S):
        data = stream.strip()
        if data.endswith(b"~>"):
            data = base64.a85decode(data, adobe=True)
        with contextlib.suppress(zlib.error):
            data = zlib.decompress(data)
        out.append(data.decode("latin-1"))
    return "\n".join(out)


def test_supports_follow_the_facts_given_and_deadlines_follow_the_planned_start(world):
    case, profile = _published_case(world)
    me = _client(world["north_employer"])
    carve = {"action": "carve", "person": profile.pseudonym, "registered_unemployed": "on"}
    # a bad fact is a field error that keeps what was typed, and makes no proposals
    bad = me.post(f"/hire/{case.pk}/carve/", {**carve, "unemployment_months": "-3"})
    assert bad.status_code == 400 and 'value="-3"' in bad.content.decode()
    assert "Option 1" not in bad.content.decode()
    given = {**carve, "unemployment_months": "30", "reduced_work_ability": "on"}
    assert me.post(f"/hire/{case.pk}/carve/", given, HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    assert me.post(f"/hire/{case.pk}/carve/", {"action": "choose", "index": "0"}).status_code == 302
    case.refresh_from_db()
    assert case.support_facts["reduced_work_ability"] and case.support_facts["unemployment_months"] == 30
    names = [s["name"] for s in case.chosen["supports"]]
    assert names and all(s["id"].startswith("pay_subsidy") for s in case.chosen["supports"])
    carved = AuditEvent.objects.filter(action="hiring_case.carved").latest("sequence")
    assert carved.data["support_facts"] is True and "reduced_work_ability" not in json.dumps(carved.data)
    # the planned start: bad dates keep the input and change nothing
    for typed, said in (
        ("2027-02-31", "VVVV-KK-PP"),  # not a date: how to write one
        ("2000-01-01", "Anna päivä tästä päivästä kahden vuoden päähän."),  # a past day: which days are fine
    ):
        refused = me.post(f"/hire/{case.pk}/supports/", {"starts_on": typed}, HTTP_ACCEPT_LANGUAGE="fi")
        html = refused.content.decode()
        assert refused.status_code == 400 and f'value="{typed}"' in html and said in html
    case.refresh_from_db()
    assert case.planned_start is None
    start = dt.date.today() + dt.timedelta(days=30)
    assert me.post(f"/hire/{case.pk}/supports/", {"starts_on": start.isoformat()}).status_code == 302
    case.refresh_from_db()
    assert case.planned_start == start
    page = me.get(f"/hire/{case.pk}/supports/").content.decode()
    assert all(name in page for name in names)
    assert page.count(f'<time datetime="{start.isoformat()}">') == len(names)  # the decision before day 1
    # the PDF says the same: the supports, the deadline and the net cost
    pdf = me.get(f"/hire/{case.pk}/supports.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    assert f"{start.day}.{start.month}.{start.year}" in text
    assert str(case.chosen["net_monthly_cost"]).replace(".", ",") in text
    # the start-and-follow-up step starts from the planned day and lists what to apply for
    case.decision = "hired"
    case.save()
    onboarding = me.get(f"/hire/{case.pk}/onboarding/").content.decode()
    assert f'name="starts_on" value="{start.isoformat()}"' in onboarding
    assert 'id="apply-heading"' in onboarding and all(name in onboarding for name in names)
    # a case without a chosen job has no summary to print
    empty = HiringCase.objects.create(organisation=world["north_org"], title="Tyhjä")
    assert me.get(f"/hire/{empty.pk}/supports.pdf").status_code == 404
    assert _client(world["south_employer"]).get(f"/hire/{case.pk}/supports.pdf").status_code == 404


def test_a_work_trials_observations_enter_the_profile_only_with_the_persons_yes(world):
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import WorkTrial

    case, profile = _published_case(world)
    assert hiring.trial_attributes(case)[0] == "physical.sitting"  # no demands: the physical group
    case.job.spec["demands"] = {"physical.lifting_carrying": 2}
    case.job.save()
    hiring.shortlist(world["north_employer"], case, "fi")
    meeting = hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    me, boss = _client(world["north_seeker"]), _client(world["north_employer"])
    me.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes"})
    today = dt.date.today()
    planned = boss.post(
        f"/hire/{case.pk}/candidates/",
        {
            "action": "trial",
            "person": profile.pseudonym,
            "starts_on": (today - dt.timedelta(days=10)).isoformat(),
            "ends_on": today.isoformat(),
            "notes": "Pakkaamisen kokeilu",
            "supervisor": "Leena Leipuri",
            "trial_tasks": ["Pakkaus"],
        },
    )
    assert planned.status_code == 302
    trial = WorkTrial.objects.get()
    assert (trial.supervisor, trial.tasks) == ("Leena Leipuri", ["Pakkaus"])
    [attribute] = hiring.trial_attributes(case)
    assert attribute == "physical.lifting_carrying"  # the job's demand
    bad = boss.post(
        f"/hire/{case.pk}/candidates/", {"action": "observe", "trial": trial.pk, f"obs_{attribute}": "nine"}
    )
    assert bad.status_code == 400
    trial.refresh_from_db()
    assert trial.observations == {}
    saved = boss.post(
        f"/hire/{case.pk}/candidates/",
        {"action": "observe", "trial": trial.pk, f"obs_{attribute}": "3", "propose": "on"},
    )
    assert saved.status_code == 302
    trial.refresh_from_db()
    assert trial.observations == {attribute: 3} and trial.proposal == "proposed"
    event = AuditEvent.objects.get(action="work_trial.observed")
    assert event.data == {"trial": trial.pk, "attributes": 1, "proposed": True}  # no levels in the trail
    profile.refresh_from_db()
    assert profile.spec["capacities"][attribute] == 2  # unchanged until the person says yes
    overview = me.get("/me/").content.decode()
    assert f"/me/trials/{trial.pk}/" in overview
    assert (
        _client(world["south_seeker"]).post(f"/me/trials/{trial.pk}/", {"answer": "yes"}).status_code == 404
    )
    assert me.post(f"/me/trials/{trial.pk}/", {"answer": "yes"}).status_code == 302
    profile.refresh_from_db()
    trial.refresh_from_db()
    assert profile.spec["capacities"][attribute] == 3 and trial.proposal == "accepted"
    assert f"/me/trials/{trial.pk}/" not in me.get("/me/").content.decode()


def test_a_published_job_keeps_what_each_accommodation_really_raises():
    """Publishing used to turn every accommodation into one level; the catalogue item says how many."""
    from kohtaanto.carving.io import read_workplace
    from kohtaanto.web.hiring.services import accommodation_effects

    examples = Path(__file__).resolve().parents[2] / "examples" / "carving"
    source = read_workplace(examples / "accounting_office.yaml")
    two = next(a for a in source.accommodations if a.raises_by == 2)
    one = next(a for a in source.accommodations if a.raises_by == 1 and a.attribute != two.attribute)
    stored_before = [{"id": two.id, "attribute": two.attribute}]  # a proposal without raises_by
    assert accommodation_effects(stored_before, source) == {two.attribute: 2}
    chosen = [
        {"id": two.id, "attribute": two.attribute, "raises_by": 2},
        {"id": one.id, "attribute": one.attribute, "raises_by": 1},
        {"id": "x", "attribute": two.attribute, "raises_by": 4},
    ]
    assert accommodation_effects(chosen, source) == {two.attribute: 5, one.attribute: 1}


def test_a_swedish_speaking_employers_words_are_kept_in_swedish(world):
    from decimal import Decimal

    from kohtaanto.web.hiring import services as hiring

    boss = world["north_employer"]
    boss.language = "sv"
    boss.save(update_fields=["language"])
    case = hiring.create_case(boss, world["north_org"], "Fler händer")
    hiring.save_need(boss, case, reasons=["workload"], text="", overloaded=["Bagare"])
    role = case.inventory["workplace"]["roles"][0]
    assert role["title"] == {"sv": "Bagare"}
    hiring.add_task(
        boss,
        case,
        role_id=role["id"],
        name="Packa bröd",
        hours=Decimal(10),
        skill="food_production.pack_food",
        level=2,
        answers={},
    )
    case.refresh_from_db()
    task = case.inventory["workplace"]["roles"][0]["tasks"][0]
    assert task["name"] == {"sv": "Packa bröd"}
    source = hiring.validated(case)  # the carving format takes a name in any one language
    assert source is not None and source.workplace.roles[0].tasks[0].name.get("fi") == "Packa bröd"
    page = _client(boss).get(f"/hire/{case.pk}/tasks/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert ">Packa bröd<" in page and "Bagare" in page


def test_a_decision_and_a_follow_up_wait_for_the_day_they_are_about(world):
    from django.utils import translation

    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import FollowUp, MeetingRequest

    case, profile = _published_case(world)
    boss = world["north_employer"]
    hiring.shortlist(boss, case, "fi")
    meeting = hiring.ask_to_meet(boss, case, profile.pseudonym)
    hiring.answer_meeting(world["north_seeker"], meeting, True)
    meeting = MeetingRequest.objects.get(pk=meeting.pk)
    hiring.plan_trial(
        boss,
        case,
        request=meeting,
        starts_on=dt.date(2027, 1, 4),
        ends_on=dt.date(2027, 1, 29),
        notes="",
        supervisor="",
    )
    with translation.override("fi"), pytest.raises(hiring.CaseError) as early:
        hiring.decide(boss, case, meeting, True, dt.date(2026, 12, 20))
    assert "4.1.2027" in early.value.errors["person"][0]
    case.refresh_from_db()
    assert case.decision == ""
    hiring.decide(boss, case, meeting, True, dt.date(2027, 1, 15))  # during the trial
    hiring.save_onboarding(
        boss, case, mentor="Leena", starts_on=dt.date(2027, 2, 1), steps=[], instructions="", arranged=[]
    )
    year = FollowUp.objects.get(case=case, months=12)
    with pytest.raises(hiring.CaseError):
        hiring.record_follow_up(boss, case, follow_up=year, notes="", adjust=False, on=dt.date(2027, 2, 1))
    year.refresh_from_db()
    assert year.done_on is None  # nothing feeds the retention figures before the year is up
    hiring.record_follow_up(boss, case, follow_up=year, notes="", adjust=False, on=dt.date(2028, 2, 1))


def test_the_new_jobs_wage_is_asked_on_the_carving_page_and_counts(world):
    """The wage is shown for the employer to set before any cost; the proposals count it, a bad one is
    a field error that keeps what was typed."""
    case, profile = _published_case(world)
    me = _client(world["north_employer"])
    page = me.get(f"/hire/{case.pk}/carve/").content.decode()
    assert "Uuden työn tuntipalkka, euroa" in page and 'name="hourly_wage"' in page
    carve = {"action": "carve", "person": profile.pseudonym, "registered_unemployed": "on"}
    bad = me.post(f"/hire/{case.pk}/carve/", {**carve, "hourly_wage": "2"})
    assert bad.status_code == 400 and 'value="2"' in bad.content.decode()
    assert me.post(f"/hire/{case.pk}/carve/", {**carve, "hourly_wage": "15,40"}).status_code == 200
    case.refresh_from_db()
    assert case.inventory["workplace"]["new_job_hourly_wage"] == "15.40"
    assert me.post(f"/hire/{case.pk}/carve/", {"action": "choose", "index": "0"}).status_code == 302
    case.refresh_from_db()
    hours = Decimal(str(case.chosen["hours_per_week"]))
    expected = (hours * Decimal("4.33") * Decimal("15.40")).quantize(Decimal("0.01"))
    assert abs(Decimal(str(case.chosen["monthly_wage"])) - expected) <= Decimal("0.05")
    assert AuditEvent.objects.filter(action="hiring_case.updated", data__new_job_hourly_wage="15.40").exists()
