"""A hiring case carried to a published carved job on the demo data (benchmarks and browser tests)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kohtaanto.web.accounts.models import User
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching.models import SeekerProfile


def bakery_case(
    publish: bool = True, *, title: str = "Aamuvuoron lisäkädet", on: dt.date = dt.date(2026, 11, 28)
) -> HiringCase:
    """The demo bakery's morning-shift case, carved for the demo baker (``tyonhakija1``) on ``on``, with
    the facts their coach told for the supports (14 months unemployed, a confirmed reduced work ability)."""
    boss = User.objects.get(username="tyonantaja1")
    case = hiring.create_case(boss, boss.organisation, title)
    hiring.save_need(boss, case, reasons=["overtime"], text="", overloaded=["Leipuri"])
    role = case.inventory["workplace"]["roles"][0]["id"]
    hiring.add_task(
        boss,
        case,
        role_id=role,
        name="Leipien pakkaus",
        hours=Decimal(10),
        skill="food_production.pack_food",
        level=2,
        answers={},
    )
    hiring.add_task(
        boss,
        case,
        role_id=role,
        name="Taikinan valmistelu",
        hours=Decimal(8),
        skill="food_production.bakery_work",
        level=2,
        answers={},
    )
    baker = SeekerProfile.objects.get(person__username="tyonhakija1")
    told = {"registered_unemployed": True, "unemployment_months": 14, "reduced_work_ability": True}
    proposal = hiring.carve(boss, case, profile=baker, language="fi", on=on, facts=told).proposals[0]
    hiring.choose(boss, case, proposal, baker.pseudonym)
    if publish:
        publish_ad(case)
    return case


def publish_ad(case: HiringCase) -> None:
    """Publish the carved job with the demo bakery's ad: the proposal's description, the pay and contact."""
    boss = User.objects.get(username="tyonantaja1")
    hiring.save_ad(
        boss,
        case,
        case.chosen["job_description"]["fi"],
        details={
            "hourly_wage": Decimal("13.50"),
            "contact": "Leena Leipuri, 040 123 4567",
            "how_to_apply": "",
            "apply_by": None,
        },
    )
    hiring.publish(boss, case)
