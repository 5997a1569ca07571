"""The risk card the person sees first, the trial's pace by week, and the supervisor's guide (issue 26)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import RiskCard, WorkplaceGuide, WorkTrial
from kohtaanto.web.matching import services

pytestmark = pytest.mark.db
PACKER = {
    "skills": {"food_production.pack_food": 3, "kitchen.wash_dishes": 3},
    "capacities": {"physical.lifting_carrying": 2},
    "hours_min": 10,
    "hours_max": 25,
    "days": ["mon", "tue", "wed", "thu", "fri"],
    "working_language": "B1",
}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _case_with_trial(world):
    """A carved packing job (12 h packing, 6 h dishes), the person agreed to meet, a trial three weeks ago."""
    boss = world["north_employer"]
    profile = services.create_profile(
        None, spec=PACKER, person=world["north_seeker"], area=world["north"], open_to_employers=True
    )
    case = hiring.create_case(boss, world["north_org"], "Pakkaaja")
    hiring.save_need(boss, case, reasons=["workload"], text="", overloaded=["Leipuri"])
    role = case.inventory["workplace"]["roles"][0]["id"]
    for name, hours, skill in (
        ("Pakkaus", 12, "food_production.pack_food"),
        ("Tiskaus", 6, "kitchen.wash_dishes"),
    ):
        hiring.add_task(
            boss, case, role_id=role, name=name, hours=Decimal(hours), skill=skill, level=2, answers={}
        )
    told = {"registered_unemployed": True, "unemployment_months": 14, "reduced_work_ability": True}
    proposal = hiring.carve(
        boss, case, profile=profile, language="fi", on=dt.date(2026, 11, 28), facts=told
    ).proposals[0]
    hiring.choose(boss, case, proposal, profile.pseudonym)
    # the dishes are done in a noisy room: a safety-relevant demand the card and the guide must name
    inventory = case.inventory
    for task in inventory["workplace"]["roles"][0]["tasks"]:
        if task["name"]["fi"] == "Tiskaus":
            task["demands"] = {"environment.noise": {"level": 3, "exposure": "often"}}
    case.inventory = inventory
    case.planned_start = dt.date(2026, 12, 1)
    case.save()
    hiring.save_ad(
        boss,
        case,
        "Haemme pakkaajaa.",
        details={
            "hourly_wage": Decimal("13.50"),
            "contact": "Leena, 040 1",
            "how_to_apply": "",
            "apply_by": None,
        },
    )
    hiring.publish(boss, case)
    hiring.shortlist(boss, case, "fi")
    meeting = hiring.ask_to_meet(boss, case, profile.pseudonym)
    hiring.answer_meeting(
        world["north_seeker"], meeting, True, share_accommodations=False, items=[], contact=""
    )
    today = dt.date.today()
    trial = hiring.plan_trial(
        boss,
        case,
        request=meeting,
        starts_on=today - dt.timedelta(days=20),
        ends_on=today,
        notes="",
        tasks=["Pakkaus", "Tiskaus"],
    )
    return case, profile, trial


def test_the_person_sees_the_card_first_and_decides_whether_the_employer_sees_the_trial(world):
    case, profile, trial = _case_with_trial(world)
    boss, me = _client(world["north_employer"]), _client(world["north_seeker"])

    # the supervisor writes the pace week by week; a word instead of a number is refused, nothing is lost
    bad = boss.post(f"/hire/{case.pk}/trials/{trial.pk}/pace/", {"pace_0_1": "50", "pace_0_2": "puolet"})
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Pakkaus, viikko 2: anna tahti kokonaislukuna." in page and 'value="puolet"' in page
    assert WorkTrial.objects.get(pk=trial.pk).pace == []
    saved = boss.post(
        f"/hire/{case.pk}/trials/{trial.pk}/pace/",
        {"pace_0_1": "50", "pace_0_2": "65", "pace_0_3": "80%", "pace_1_1": "90"},
    )
    assert saved.status_code == 302
    trial.refresh_from_db()
    assert [(p["task"], p["week"], p["percent"]) for p in trial.pace] == [
        ("Pakkaus", 1, 50),
        ("Pakkaus", 2, 65),
        ("Pakkaus", 3, 80),
        ("Tiskaus", 1, 90),
    ]

    # the employer asks; until the person answers, the employer sees no figure of the card
    assert boss.post(f"/hire/{case.pk}/risk-card/", {"person": profile.pseudonym}).status_code == 302
    card = RiskCard.objects.get(case=case, profile=profile)
    waiting = boss.get(f"/hire/{case.pk}/risk-card/")
    assert "Odottaa: henkilö katsoo kortin ensin." in waiting.content.decode()
    assert waiting.context["rows"][0]["built"] is None

    # the person sees everything first, in their own words: the pace by week and the money
    overview = me.get("/me/").content.decode()
    assert f"/me/risk-cards/{card.pk}/" in overview
    mine = me.get(f"/me/risk-cards/{card.pk}/")
    text = mine.content.decode()
    assert "viikko 2: 65\u00a0%" in text and "Tiskaus" in text
    ramp = mine.context["built"]["ramp"]
    assert ramp["weeks"][0] == {"week": 1, "pace": round((12 * 50 + 6 * 90) / 18)}  # 63 %
    assert [t["full_at"] for t in ramp["tasks"]] == [4, 1]  # packing +15 a week reaches 95 % in week 4

    # they keep it: the employer's card has no trial part, worded as for a trial that observed nothing
    assert (
        me.post(f"/me/risk-cards/{card.pk}/", {"answer": "keep", "version": card.version}).status_code == 302
    )
    kept = boss.get(f"/hire/{case.pk}/risk-card/")
    kept_text = kept.content.decode()
    assert kept.context["rows"][0]["built"]["ramp"] is None
    assert "Tässä kortissa ei ole työkokeilun havaintoja tahdista." in kept_text
    assert "65\u00a0%" not in kept_text and "65 %" not in kept_text
    # the rest of the card: a sick day, the subsidy's end, the noisy dishes and the follow-ups
    built = kept.context["rows"][0]["built"]
    assert built["sick_day"]["days"] == 1 and built["sick_day"]["net"] > built["sick_day"]["pay"] > 0
    [subsidy] = built["supports"]
    assert subsidy["months"] == 10 and subsidy["until"] == dt.date(2027, 9, 30)
    assert "Yksi sairauspäivä maksaa sinulle" in kept_text and "30.9.2027" in kept_text
    [noise] = built["safety"]
    assert (noise["task"], noise["attribute"]) == ("Tiskaus", "Melu")
    assert "Tiskaus: Melu" in kept_text and "738/2002" in kept_text
    assert [f["months"] for f in built["follow_ups"]] == [1, 3, 6]

    # a stale answer is refused, not applied over the newer one
    me.post(f"/me/risk-cards/{card.pk}/", {"answer": "share", "version": card.version})
    assert RiskCard.objects.get(pk=card.pk).state == "withheld"
    # they change their mind and share: now the employer sees the pace
    fresh = RiskCard.objects.get(pk=card.pk)
    me.post(f"/me/risk-cards/{card.pk}/", {"answer": "share", "version": fresh.version})
    shared = boss.get(f"/hire/{case.pk}/risk-card/")
    assert "viikko 2: 65\u00a0%" in shared.content.decode()
    months = shared.context["rows"][0]["built"]["ramp"]["months"]
    assert months[0]["support"] > 0 and months[0]["gap_cost"] > 0

    # one audit event per change; the trail has no pace figure; the answer records its language
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("risk_card.answered") == 2 and actions.count("risk_card.asked") == 1
    event = AuditEvent.objects.filter(action="work_trial.pace_recorded").get()
    assert event.data == {"trial": trial.pk, "observations": 4}
    assert RiskCard.objects.get(pk=card.pk).answered_in == "fi"


def test_nobody_else_sees_or_answers_the_card(world):
    case, profile, _ = _case_with_trial(world)
    card = hiring.ask_risk_card(world["north_employer"], case, profile=profile)
    assert _client(world["south_seeker"]).get(f"/me/risk-cards/{card.pk}/").status_code == 404
    assert _client(world["south_employer"]).get(f"/hire/{case.pk}/risk-card/").status_code == 404
    with pytest.raises(hiring.CaseError):
        hiring.answer_risk_card(world["south_seeker"], card, share=True, language="fi")
    with pytest.raises(hiring.CaseError):  # only a person who agreed to meet
        hiring.ask_risk_card(
            world["north_employer"],
            case,
            profile=services.create_profile(None, spec=PACKER, person=None, area=world["north"]),
        )


def test_the_guide_is_drafted_from_the_job_checked_at_save_and_never_overwritten_silently(world):
    case, _, _ = _case_with_trial(world)
    boss = _client(world["north_employer"])
    draft = boss.get(f"/hire/{case.pk}/guide/").context["text"]
    assert "1. Pakkaus, noin 12 tuntia viikossa." in draft and "2. Tiskaus, noin 6 tuntia viikossa." in draft
    assert "Turvallisuus: Melu, usein:" in draft and "738/2002, 14 §" in draft
    assert "Älä kysy terveydestä." in draft
    swedish = boss.get(f"/hire/{case.pk}/guide/?language=sv").context["text"]
    assert "1. Pakkaus, cirka 12 timmar i veckan." in swedish and "Fråga inte om hälsa." in swedish

    saved = boss.post(f"/hire/{case.pk}/guide/", {"text": draft, "language": "fi", "version": ""})
    assert saved.status_code == 200 and saved.context["report"] is not None
    guide = WorkplaceGuide.objects.get(case=case)
    assert guide.text == draft.strip() and guide.score == saved.context["report"].score
    assert AuditEvent.objects.filter(action="guide.saved").count() == 1

    # a health detail is refused and the text kept; so is a save over someone else's newer save
    sick = boss.post(
        f"/hire/{case.pk}/guide/",
        {"text": draft + "\nHänellä on diagnoosi.", "language": "fi", "version": guide.version},
    )
    assert sick.status_code == 400 and "(diagnoosi)" in sick.content.decode()  # the field error names it
    assert "Hänellä on diagnoosi." in sick.content.decode()  # and what was typed is kept
    hiring.save_guide(
        world["north_employer"], case, text="Toinen versio.", language="fi", version=guide.version
    )
    stale = boss.post(
        f"/hire/{case.pk}/guide/", {"text": "Minun versioni.", "language": "fi", "version": guide.version}
    )
    assert stale.status_code == 400 and "Minun versioni." in stale.content.decode()
    assert WorkplaceGuide.objects.get(case=case).text == "Toinen versio."
    # a form opened before the first save carries no version: it cannot overwrite a guide saved since
    blind = boss.post(f"/hire/{case.pk}/guide/", {"text": "Ilman versiota.", "language": "fi", "version": ""})
    assert blind.status_code == 400 and WorkplaceGuide.objects.get(case=case).text == "Toinen versio."


def test_the_language_kit_glosses_the_jobs_words_and_the_person_chooses_the_language(world):
    from kohtaanto.web.hiring.models import MeetingRequest

    case, profile, _ = _case_with_trial(world)
    boss, me = _client(world["north_employer"]), _client(world["north_seeker"])
    page = boss.get(f"/hire/{case.pk}/language-kit/?gloss=ar")
    kit = page.context["kit"]
    words = {w["id"]: w for w in kit["words"]}
    # packing and dishes bring their domains' words, the noisy dishes the noise words, then the general ones
    assert {"packing", "dishwasher", "noise", "ear_protectors", "shift"} <= set(words)
    assert words["noise"]["word"] == "melu" and words["noise"]["gloss"] == "ضجيج"
    html = page.content.decode()
    assert '<td lang="ar" dir="rtl">ضجيج <a' in html and '<td lang="fi">Kova ääni' in html
    assert "Päivä 1" in kit["first_week"] and "Opit tehtävän ”Pakkaus”." in kit["first_week"]
    assert 0 <= kit["score"] <= 100
    assert [g["task"] for g in kit["goals"]] == ["Pakkaus", "Tiskaus"]
    assert [g["level"] for g in kit["goals"][0]["goals"]] == ["A1", "A2", "A2"]
    assert "ei ole selkokielen sertifikaatti" in html
    swedish = boss.get(f"/hire/{case.pk}/language-kit/?language=sv&gloss=uk").context["kit"]
    assert {w["id"]: w for w in swedish["words"]}["noise"]["word"] == "buller"
    assert "Dag 1" in swedish["first_week"]
    # an unknown language falls back to Finnish with no gloss, not to an error
    odd = boss.get(f"/hire/{case.pk}/language-kit/?language=xx&gloss=zz").context["kit"]
    assert (odd["language"], odd["gloss"]) == ("fi", "")

    # the person sees the kit of a job they agreed to meet about, in the language they choose
    assert f"/me/language-kits/{case.pk}/" in me.get("/me/").content.decode()
    mine = me.get(f"/me/language-kits/{case.pk}/?gloss=so")
    assert mine.status_code == 200 and "shaqada" in mine.content.decode()
    # the person says a Somali word is wrong, suggests another and is back on the kit
    kit_url = f"/me/language-kits/{case.pk}/?gloss=so"
    report_url = f"/words/noise/so/report/?next={quote(kit_url)}"
    assert report_url in mine.content.decode()  # the link beside the word
    form = me.get(report_url).content.decode()
    assert "Väärä sana" in mine.content.decode() and "luonnoksia" in form
    sent = me.post(report_url, {"suggestion": "buuq", "comment": "", "next": kit_url})
    assert sent.status_code == 302 and sent["Location"] == kit_url
    from kohtaanto.web.plainlang.models import WordReport

    report = WordReport.objects.get()
    assert (report.word, report.language, report.suggestion) == ("noise", "so", "buuq")
    assert report.shown and report.reported_by == world["north_seeker"]
    assert AuditEvent.objects.filter(action="language_kit.word_reported").count() == 1
    away = me.post("/words/noise/so/report/", {"suggestion": "x", "next": "https://evil.example/"})
    assert away["Location"] == "/"  # never sent to another site
    assert me.get("/words/no_such_word/so/report/").status_code == 404
    assert me.get("/words/noise/xx/report/").status_code == 404
    # not for a job they did not agree to meet about, nor for someone else
    MeetingRequest.objects.filter(case=case, profile=profile).update(status="declined")
    assert me.get(f"/me/language-kits/{case.pk}/").status_code == 404
    assert _client(world["south_seeker"]).get(f"/me/language-kits/{case.pk}/").status_code == 404
