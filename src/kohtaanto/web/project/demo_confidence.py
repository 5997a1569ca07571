"""The demo's hire in progress: the bakery's morning job carved for the demo baker, who agreed to meet;
a three-week work trial with the pace written week by week; the risk card asked and waiting for the baker
to look at it first (sign in as ``tyonhakija1`` to answer, then as ``tyonantaja1`` to read it)."""

from __future__ import annotations

import datetime as dt

from kohtaanto.web.accounts.models import User
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.sample import bakery_case, publish_ad
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
    case = bakery_case(publish=False, title=TITLE, on=today)
    # the dough machine is loud: a safety-relevant demand the card and the guide name
    inventory = case.inventory
    for task in inventory["workplace"]["roles"][0]["tasks"]:
        if task["name"].get("fi") == "Taikinan valmistelu":
            task["demands"] = {"environment.noise": {"level": 3, "exposure": "often"}}
    HiringCase.objects.filter(pk=case.pk).update(
        inventory=inventory, planned_start=today + dt.timedelta(days=14)
    )
    case.refresh_from_db()
    publish_ad(case)
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
