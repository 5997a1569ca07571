"""The job seeker's journey through the pages: own words → skills, languages, what suits me, hours and
place, sharing, interest, my data. Each step keeps typed input on an error and saves on its own."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from kohtaanto.skills.service import starter_extractor
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.matching import seeker, services
from kohtaanto.web.matching.models import ConsentRecord, IdentityReveal, Interest, SeekerProfile
from tests.unit.test_skills import TrigramEncoder

pytestmark = pytest.mark.db
STORY = "Olen tehnyt kaupan kassalla töitä ja täyttänyt hyllyjä. Osaan myös pestä lattioita."


@pytest.fixture(autouse=True)
def fast_extractor(monkeypatch, tmp_path):
    encoder = TrigramEncoder()
    monkeypatch.setattr(seeker, "_extractor", lambda language: starter_extractor(language, tmp_path, encoder))


@pytest.fixture
def me(world):
    client = Client()
    client.force_login(world["north_seeker"])
    return client


def test_a_text_in_another_language_than_the_one_chosen_is_pointed_out(me, world):
    """A Swedish text left under "suomi" is read as Finnish; the person is told, with both languages named,
    and can choose again. A Finnish text under "suomi" and a mixed one say nothing."""
    swedish = "Jag körde paketbil och delade ut paket till kunderna."
    page = me.post("/me/skills/", {"action": "suggest", "text": swedish, "language": "fi"}).content.decode()
    note = next(p for p in re.findall(r"<p>(.*?)</p>", page) if "Valittu: suomi" in p)
    assert "Näyttää olevan: svenska" in note and "Etsi taidot tekstistäni" in note
    assert SeekerProfile.objects.get(person=world["north_seeker"]).story == swedish  # kept as typed
    again = me.post("/me/skills/", {"action": "suggest", "text": swedish, "language": "sv"}).content.decode()
    assert "Valittu:" not in again
    for text in (STORY, "Osaan Excel ja Word"):
        page = me.post("/me/skills/", {"action": "suggest", "text": text, "language": "fi"}).content.decode()
        assert "Näyttää olevan" not in page


def test_skills_from_own_words_with_evidence_then_confirmed(me, world):
    page = me.post("/me/skills/", {"action": "suggest", "text": STORY, "language": "fi"})
    html = page.content.decode()
    assert page.status_code == 200 and "<mark>kassalla</mark>" in html
    assert 'value="retail.work_at_till" checked' in html
    profile = SeekerProfile.objects.get(person=world["north_seeker"])
    assert profile.story == STORY and profile.looking is False  # saved, not yet in the pool
    saved = me.post(
        "/me/skills/",
        {
            "action": "save",
            "pick": ["retail.work_at_till", "retail.stock_shelves"],
            "picklevel:retail.work_at_till": "3",
            "add": "Lattioiden pesu",
            "addlevel": "4",
        },
    )
    assert saved.status_code == 302
    after = me.get(saved["Location"]).content.decode()
    assert 'href="/me/languages/"' in after and "Seuraavaksi: Kielet ja työhistoria" in after  # the next step
    profile.refresh_from_db()
    assert profile.spec["skills"] == {
        "retail.work_at_till": 3,
        "retail.stock_shelves": 2,
        "cleaning.mop_floors": 4,
    }
    # change a level and remove one
    me.post(
        "/me/skills/",
        {
            "action": "save",
            "level:retail.work_at_till": "5",
            "level:retail.stock_shelves": "2",
            "level:cleaning.mop_floors": "4",
            "remove:retail.stock_shelves": "on",
        },
    )
    profile.refresh_from_db()
    assert profile.spec["skills"] == {"retail.work_at_till": 5, "cleaning.mop_floors": 4}


def test_skill_errors_keep_what_was_typed(me):
    empty = me.post("/me/skills/", {"action": "suggest", "text": "", "language": "fi"})
    assert empty.status_code == 400 and "error-summary" in empty.content.decode()
    unknown = me.post("/me/skills/", {"action": "save", "add": "kvanttifysiikan tohtorintutkinto xyz"})
    html = unknown.content.decode()
    assert unknown.status_code == 400 and "kvanttifysiikan tohtorintutkinto xyz" in html


def test_languages_and_history(me, world):
    bad = me.post("/me/languages/", {"finnish": "Z9", "history": "Kassa, Lahti 2019"})
    assert bad.status_code == 400 and "Kassa, Lahti 2019" in bad.content.decode()
    ok = me.post(
        "/me/languages/", {"finnish": "B1", "english": "B2", "history": "Kassa, Lahti 2019\nSiivous 2021"}
    )
    assert ok.status_code == 302
    profile = SeekerProfile.objects.get(person=world["north_seeker"])
    assert profile.details["languages"] == {"finnish": "B1", "english": "B2"}
    assert profile.details["history"] == ["Kassa, Lahti 2019", "Siivous 2021"]
    assert profile.spec["working_language"] == "B1"


def test_self_assessment_one_group_at_a_time_with_prefer_not_to_say(me, world):
    page = me.get("/me/capacity/")
    assert page.status_code == 302 and page["Location"].endswith("/me/capacity/physical/")
    form = me.get("/me/capacity/physical/").content.decode()
    assert "Kuinka painavia tavaroita voit nostaa ja kantaa?" in form or "How heavy" in form
    answers = {a.id: "x" for a in seeker.attributes("physical")}
    answers["physical.lifting_carrying"] = "2"
    answers["next"] = "1"
    moved = me.post("/me/capacity/physical/", answers)
    assert moved.status_code == 302 and moved["Location"].endswith("/me/capacity/sensory_communication/")
    profile = SeekerProfile.objects.get(person=world["north_seeker"])
    assert profile.spec["capacities"] == {"physical.lifting_carrying": 2}
    answers["physical.lifting_carrying"] = "9"
    bad = me.post("/me/capacity/physical/", answers)
    assert bad.status_code == 400
    answers["physical.lifting_carrying"] = "x"  # changing one's mind removes the answer
    me.post("/me/capacity/physical/", answers)
    profile.refresh_from_db()
    assert profile.spec["capacities"] == {}
    assert me.get("/me/capacity/no-such-group/").status_code == 404


def test_hours_and_place_with_field_errors(me, world):
    bad = me.post(
        "/me/work/",
        {"hours_min": "30", "hours_max": "20", "days": ["mon"], "municipality": "Atlantis", "remote": "no"},
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and "Atlantis" in html and "field-error" in html
    ok = me.post(
        "/me/work/",
        {
            "looking": "on",
            "hours_min": "15",
            "hours_max": "25",
            "days": ["mon", "tue"],
            "municipality": "Lahti",
            "max_commute_km": "30",
            "remote": "prefer",
        },
    )
    assert ok.status_code == 302
    profile = SeekerProfile.objects.get(person=world["north_seeker"])
    assert (
        profile.looking and profile.spec["municipality"] == "398" and profile.spec["days"] == ["mon", "tue"]
    )
    again = me.get("/me/work/").content.decode()
    assert 'value="30"' in again and 'value="30.0"' not in again  # the form shows what was typed


def test_sharing_reveals_withdrawal_and_history(me, world):
    profile = seeker.ensure_profile(world["north_seeker"])
    assert me.post("/me/sharing/", {"open_to_employers": "on"}).status_code == 302
    services.reveal_identity(world["north_seeker"], profile, world["north_org"], items=["history"])
    page = me.get("/me/sharing/").content.decode()
    history = page[page.index('id="history-heading"') :]
    assert world["north_org"].name in history
    assert me.post(f"/me/sharing/{world['north_org'].pk}/withdraw/").status_code == 302
    assert not IdentityReveal.objects.filter(profile=profile).exists()
    assert AuditEvent.objects.filter(action="identity.withdrawn").count() == 1
    ledger = [(c.purpose, c.granted) for c in ConsentRecord.objects.filter(profile=profile).order_by("pk")]
    assert ledger == [
        ("shown_to_employers", True),
        ("identity", True),
        ("items_to_employer", True),
        ("identity", False),
        ("items_to_employer", False),
    ]
    after = me.get("/me/sharing/").content.decode()
    rows = after[after.index("<tbody>", after.index("history-heading")) :].split("</tbody>")[0].count("<tr>")
    assert rows == 5


def test_interest_in_a_job_and_other_roles_are_kept_out(me, world):
    profile = seeker.ensure_profile(world["north_seeker"])
    job = services.create_job(None, world["north_org"], spec={}, title="Kassatyö")
    assert me.post(f"/me/interest/{job.pk}/", {"interested": "yes"}).status_code == 302
    assert Interest.objects.filter(profile=profile, job=job).exists()
    me.post(f"/me/interest/{job.pk}/", {"interested": "no"})
    assert not Interest.objects.filter(profile=profile, job=job).exists()
    employer = Client()
    employer.force_login(world["north_employer"])
    for path in ("/me/", "/me/skills/", "/me/data/export.json"):
        assert employer.get(path).status_code == 404


def test_my_data_export_and_deletion(me, world):
    profile = seeker.ensure_profile(world["north_seeker"])
    seeker.save_story(world["north_seeker"], profile, STORY, "fi")
    services.set_group(world["north_seeker"], profile, "age_band", "25-34")
    exported = me.get("/me/data/export.json")
    assert exported.status_code == 200 and "attachment" in exported["Content-Disposition"]
    body = json.loads(exported.content)
    assert body["profile"]["story"] == STORY and body["group_data"][0]["value"] == "25-34"
    assert body["account"]["username"] == "n_seeker" and body["my_actions"]
    refused = me.post("/me/data/", {"action": "delete"})
    assert refused.status_code == 400 and SeekerProfile.objects.filter(pk=profile.pk).exists()
    assert me.post("/me/data/", {"action": "delete", "confirm": "on"}).status_code == 302
    assert not SeekerProfile.objects.filter(pk=profile.pk).exists()
    kept = me.post("/me/data/", {"action": "account"})  # not confirmed: nothing happens
    assert kept.status_code == 400 and User.objects.get(pk=world["north_seeker"].pk).is_active
    gone = me.post("/me/data/", {"action": "account", "confirm_account": "on"})
    assert gone.status_code == 302 and gone["Location"].startswith("/login/")
    account = User.objects.get(pk=world["north_seeker"].pk)
    assert not account.is_active and not account.has_usable_password()
    assert account.username == f"deleted-{account.pk}" and not (account.first_name or account.email)
    assert AuditEvent.objects.filter(action="account.deleted", actor_id=account.pk).exists()
    assert me.get("/me/data/").status_code == 302  # signed out


def test_a_typed_skill_name_is_found_by_label_synonym_or_suggestion():
    assert seeker.skill_by_name("Lattioiden pesu", "fi") == "cleaning.mop_floors"
    assert seeker.skill_by_name("keräily", "fi") == "warehouse.pick_orders"  # a synonym
    assert seeker.skill_by_name("kassatyö myymäl", "fi") == "retail.work_at_till"  # the suggester's best
    assert seeker.skill_by_name("   ", "fi") is None


def test_income_step_uses_and_remembers_the_persons_own_benefit_situation(me, world):
    import re

    spec = {"skills": {"retail.stock_shelves": 2}, "capacities": {}, "hours_min": 10, "hours_max": 30}
    profile = services.create_profile(None, spec=spec, person=world["north_seeker"], area=world["north"])
    page = me.get("/me/income/").content.decode()
    # the working time starts from the hours the person wants (30 h of 37.5 h = 80 %)
    assert re.search(r'name="hours_percent" value="80"', page)
    # an earnings-related allowance needs the daily allowance: a field error that keeps the input
    typed = {"benefit": "earnings_related", "earnings": "900", "hours_percent": "50", "on": "2026-11-28"}
    bad = me.post("/me/income/", {**typed, "remember": "on"})
    assert bad.status_code == 400 and 'value="900"' in bad.content.decode()
    profile.refresh_from_db()
    assert profile.benefit == {}
    ok = me.post("/me/income/", {**typed, "full_daily_allowance": "62.40", "remember": "on"})
    assert ok.status_code == 200 and 'id="month-heading"' in ok.content.decode()
    profile.refresh_from_db()
    assert profile.benefit == {"benefit": "earnings_related", "full_daily_allowance": "62.40"}
    again = me.get("/me/income/").content.decode()
    assert re.search(r'<input[^>]*value="earnings_related"[^>]*checked', again)
    assert 'value="62.40"' in again
    # it is the person's alone: in their export, never in the matching profile
    exported = json.loads(me.get("/me/data/export.json").content)
    assert exported["profile"]["benefit"]["full_daily_allowance"] == "62.40"
    assert "benefit" not in profile.spec
    # unticking "remember" forgets it
    me.post("/me/income/", {**typed, "full_daily_allowance": "62.40"})
    profile.refresh_from_db()
    assert profile.benefit == {}
    assert AuditEvent.objects.filter(action="seeker_profile.updated", data__fields=["benefit"]).count() == 2
    other = Client()
    other.force_login(world["north_employer"])
    assert other.get("/me/income/").status_code == 404


def test_a_word_not_found_loses_nothing_ticked_and_offers_near_skills(me, world):
    me.post("/me/skills/", {"action": "suggest", "text": STORY, "language": "fi"})
    typo = me.post(
        "/me/skills/",
        {
            "action": "save",
            "pick": ["retail.work_at_till", "retail.stock_shelves"],
            "picklevel:retail.work_at_till": "3",
            "add": "lattioidenpesu",
            "addlevel": "4",
        },
    )
    html = typo.content.decode()
    assert typo.status_code == 400 and "lattioidenpesu" in html  # what was typed stays in the field
    assert "Muut valintasi tallennettiin" in html
    profile = SeekerProfile.objects.get(person=world["north_seeker"])
    assert profile.spec["skills"] == {"retail.work_at_till": 3, "retail.stock_shelves": 2}  # nothing lost
    offered = re.findall(r'name="add_id" value="([^"]+)"', html)
    assert "cleaning.mop_floors" in offered  # a near skill to choose, not added unasked
    chosen = me.post(
        "/me/skills/",
        {"action": "save", "add_id": "cleaning.mop_floors", "add": "lattioidenpesu", "addlevel": "4"},
    )
    assert chosen.status_code == 302
    profile.refresh_from_db()
    assert profile.spec["skills"] == {
        "retail.work_at_till": 3,
        "retail.stock_shelves": 2,
        "cleaning.mop_floors": 4,
    }
