"""The demo's hire in progress: the bakery's morning job carved for the demo baker, who agreed to meet;
a three-week work trial with the pace written week by week; the risk card asked and waiting for the baker
to look at it first (sign in as ``tyonhakija1`` to answer, then as ``tyonantaja1`` to read it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kohtaanto.web.accounts.models import Organisation, User
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching.models import SeekerProfile

TITLE = "Leipien pakkaus aamuisin"
PACE = (  # (task, week, per cent of the usual pace)
    ("Leipien pakkaus", 1, 45),
    ("Leipien pakkaus", 2, 60),
    ("Leipien pakkaus", 3, 70),
    ("Taikinan valmistelu", 2, 55),
    ("Taikinan valmistelu", 3, 65),
)


def load(today: dt.date) -> HiringCase:
    boss = User.objects.get(username="tyonantaja1")
    baker = SeekerProfile.objects.get(person__username="tyonhakija1")
    bakery = Organisation.objects.get(members=boss)  # the demo employer user's bakery
    case = hiring.create_case(boss, bakery, TITLE)
    hiring.save_need(boss, case, reasons=["overtime"], text="", overloaded=["Leipuri"])
    role = case.inventory["workplace"]["roles"][0]["id"]
    for name, hours, skill in (
        ("Leipien pakkaus", 10, "food_production.pack_food"),
        ("Taikinan valmistelu", 8, "food_production.bakery_work"),
    ):
        hiring.add_task(
            boss, case, role_id=role, name=name, hours=Decimal(hours), skill=skill, level=2, answers={}
        )
    told = {"registered_unemployed": True, "unemployment_months": 14, "reduced_work_ability": True}
    proposal = hiring.carve(boss, case, profile=baker, language="fi", on=today, facts=told).proposals[0]
    hiring.choose(boss, case, proposal, baker.pseudonym)
    # the dough machine is loud: a safety-relevant demand the card and the guide name
    inventory = case.inventory
    for task in inventory["workplace"]["roles"][0]["tasks"]:
        if task["name"].get("fi") == "Taikinan valmistelu":
            task["demands"] = {"environment.noise": {"level": 3, "exposure": "often"}}
    HiringCase.objects.filter(pk=case.pk).update(
        inventory=inventory, planned_start=today + dt.timedelta(days=14)
    )
    case.refresh_from_db()
    hiring.save_ad(
        boss,
        case,
        proposal["job_description"]["fi"],
        details={
            "hourly_wage": Decimal("13.50"),
            "contact": "Leena Leipuri, 040 123 4567",
            "how_to_apply": "",
            "apply_by": None,
        },
    )
    hiring.publish(boss, case)
    hiring.shortlist(boss, case, "fi")
    meeting = hiring.ask_to_meet(boss, case, baker.pseudonym)
    hiring.answer_meeting(baker.person, meeting, True, contact="040 765 4321")
    trial = hiring.plan_trial(
        boss,
        case,
        request=meeting,
        starts_on=today - dt.timedelta(days=24),
        ends_on=today - dt.timedelta(days=4),
        notes="Aamuvuoro klo 6-10",
        supervisor="Leena Leipuri",
        tasks=["Leipien pakkaus", "Taikinan valmistelu"],
    )
    rows = [{"task": t, "week": w, "percent": p} for t, w, p in PACE]
    hiring.record_pace(boss, case, trial=trial, rows=rows, on=today)
    hiring.ask_risk_card(boss, case, profile=baker)
    return case
