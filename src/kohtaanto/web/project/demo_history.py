"""A year of made-up work in the demo area, so the outcome dashboard shows trends from the first login.

Everything is generated from a fixed seed relative to the day the demo is loaded: outreach contacts and
needs found with the area's employers (three of them micro-firms), hiring cases from the needs, carved and
ordinary jobs, work trials, hiring decisions and follow-ups at 3, 6 and 12 months. The rows are written in
bulk as seed data, with one audit event that says so; nothing here is about a real person or company.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kohtaanto.rules.report import support_label
from kohtaanto.web.accounts.models import Organisation, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.hiring.models import FollowUp, HiringCase, WorkTrial
from kohtaanto.web.matching.models import JobKind, JobPosting, JobStatus, SeekerProfile
from kohtaanto.web.matching.services import clean_job_spec
from kohtaanto.web.outreach.models import Activity, EmployerRelation, Need, Stage

SEED = 2026
MONTHS = 12
NEEDS = (
    "Tarvitsisimme jonkun muutamaksi tunniksi viikossa pakkaamaan tilauksia.",
    "Aamuisin on ruuhkaa: joku voisi täyttää hyllyt ja purkaa kuormat.",
    "Leipurit tekevät ylitöitä, koska tiskit ja siivous jäävät heille.",
    "Hoitajien aika menee ruokien jakamiseen ja pyykkiin.",
    "Asiakaspalvelussa tarvittaisiin apua puhelimeen iltapäivisin.",
)
SUPPORTS = (  # (support, euros a month at most for the demo's wage)
    ("pay_subsidy_reduced_work_ability", 736.53),
    ("pay_subsidy_disadvantaged", 526.10),
    ("senior_employment_subsidy", 1310.00),
)
MICRO_FIRMS = (
    (
        "Vesijärven Kahvila Oy", "3200020-8", "I", "398",
        ("Pieni kahvila satamassa.", "Ett litet kafé i hamnen.", "A small café by the harbour."),
    ),
    (
        "Hollolan Pihapalvelu Tmi", "3200021-6", "N", "098",
        (
            "Pihatöitä ja lumitöitä kotitalouksille.",
            "Gårdsarbete och snöröjning för hushåll.",
            "Yard work and snow clearing for households.",
        ),
    ),
    (
        "Orimattilan Pesula Oy", "3200022-4", "S", "560",
        (
            "Pesula yrityksille ja kotitalouksille.",
            "Tvätteri för företag och hushåll.",
            "A laundry for businesses and households.",
        ),
    ),
)  # fmt: skip


def _day(today: dt.date, months_ago: int, rng: random.Random) -> dt.date:
    start = today - dt.timedelta(days=30 * months_ago)
    return start + dt.timedelta(days=rng.randrange(28))


def _moment(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


INVENTORIES = {
    "3200020-8": ("Kahvilatyöntekijä", "Lahti", [
        ("Astioiden tiskaus", 6, "kitchen.wash_dishes"),
        ("Pöytien siivous", 4, "kitchen.set_clear_tables"),
        ("Lattioiden pesu", 4, "cleaning.mop_floors"),
    ]),
    "3200021-6": ("Pihatyöntekijä", "Hollola", [
        ("Lehtien haravointi", 6, "gardening.rake_leaves"),
        ("Pihojen lakaisu", 6, "property_maintenance.sweep_yards"),
        ("Lumityöt", 4, "property_maintenance.clear_snow"),
    ]),
    "3200022-4": ("Pesulatyöntekijä", "Orimattila", [
        ("Tilojen siivous", 6, "cleaning.mop_floors"),
        ("Roskien vienti", 3, "cleaning.empty_bins"),
        ("Liinavaatteiden viikkaus", 6, "laundry_textiles.fold_linen"),
    ]),
}  # fmt: skip


def _inventory(firm: Organisation) -> dict[str, Any]:
    title, place, tasks = INVENTORIES[firm.business_id]
    return {
        "workplace": {
            "id": f"firm-{firm.business_id[:7]}",
            "name": firm.name,
            "municipality": place,
            "legal_form": "company",
            "new_job_hourly_wage": "13.50",
            "roles": [
                {
                    "id": "staff",
                    "title": {"fi": title},
                    "hourly_cost": "26",
                    "tasks": [
                        {
                            "id": f"t{n}",
                            "name": {"fi": name},
                            "hours": str(hours),
                            "skills": [{"id": skill, "level": 2}],
                        }
                        for n, (name, hours, skill) in enumerate(tasks, start=1)
                    ],
                }
            ],
        }
    }


def _history_inventory(organisation: Organisation, hours: int) -> dict[str, Any]:
    """An earlier case's inventory: the role whose packing was split off into the carved job, if any."""
    from kohtaanto.web.hiring.services import empty_inventory

    inventory = empty_inventory(organisation)
    if hours:
        inventory["workplace"]["roles"] = [
            {
                "id": "ammattilaiset",
                "title": {"fi": "Ammattilaiset"},
                "holders": 2,
                "hourly_cost": "26",
                "tasks": [
                    {
                        "id": "pakkaus",
                        "name": {"fi": "Pakkaus"},
                        "hours": str(hours),
                        "skills": [{"id": "warehouse.pack_goods", "level": 2}],
                    }
                ],
            }
        ]
    return inventory


def talent_pool(firms: list[Organisation], professional: User) -> None:
    """The micro-firms' task inventories and their shared talent pool."""
    from kohtaanto.web.matching.services import save_inventory
    from kohtaanto.web.outreach.models import TalentPool

    for firm in firms:
        if firm.business_id in INVENTORIES:
            save_inventory(None, firm, _inventory(firm))
    if len(firms) >= 2:
        pool = TalentPool.objects.create(
            name="Järvilaakson pienyrityspooli", area=firms[0].municipality.area, created_by=professional
        )
        pool.members.set(firms)


def micro_firms(area_municipalities: dict[str, Any]) -> list[Organisation]:
    """The talent pool's three micro-firms (made-up companies)."""
    firms = []
    for name, business_id, sector, code, (fi, sv, en) in MICRO_FIRMS:
        municipality = area_municipalities.get(code)
        if municipality is None:
            continue
        firm, _ = Organisation.objects.get_or_create(
            business_id=business_id,
            defaults={
                "name": name,
                "legal_form": "company",
                "size_class": "micro",
                "sector": sector,
                "municipality": municipality,
                "description_fi": fi,
                "description_sv": sv,
                "description_en": en,
            },
        )
        firms.append(firm)
    return firms


def load(
    organisations: list[Organisation], professional: User, today: dt.date | None = None
) -> dict[str, int]:
    """Write the year; returns the counts written."""
    today = today or timezone.localdate()
    rng = random.Random(SEED)  # noqa: S311 - made-up demo data, not a secret
    profiles = list(SeekerProfile.objects.order_by("pk"))
    counts = {"activities": 0, "needs": 0, "cases": 0, "hires": 0, "trials": 0, "follow_ups": 0}
    with transaction.atomic():
        for org in organisations:
            EmployerRelation.objects.get_or_create(
                organisation=org,
                defaults={
                    "stage": Stage.LEARNING,
                    "owner": professional,
                    "next_contact_on": today + dt.timedelta(days=rng.randrange(-5, 30)),
                },
            )
        activities, needs = [], []
        for months_ago in range(MONTHS, 0, -1):
            # outreach grows through the year, as an area's employer work does
            for _ in range(3 + (MONTHS - months_ago) // 3 + rng.randrange(3)):
                org = rng.choice(organisations)
                activities.append(
                    Activity(
                        organisation=org,
                        kind=rng.choice(["visit", "call", "call", "meeting", "email"]),
                        happened_on=_day(today, months_ago, rng),
                        notes="",
                        by=professional,
                    )
                )
            for _ in range(1 + rng.randrange(2 + (MONTHS - months_ago) // 4)):
                needs.append(
                    Need(
                        organisation=rng.choice(organisations),
                        text=rng.choice(NEEDS),
                        roles="",
                        hours_per_week=Decimal(rng.choice([8, 10, 12, 15, 20])),
                        found_on=_day(today, months_ago, rng),
                        by=professional,
                    )
                )
        Activity.objects.bulk_create(activities)
        counts["activities"] = len(activities)
        for need in needs:
            need.save()
        counts["needs"] = len(needs)
        for need in needs:
            if rng.random() > 0.75:
                continue
            counts["cases"] += 1
            _case(need, professional, profiles, rng, today, counts)
        record(actor=None, action="demo.history_loaded", object_type="demo", data=counts)
    return counts


def _case(
    need: Need, professional: User, profiles: list[SeekerProfile], rng: random.Random, today: dt.date,
    counts: dict[str, int],
) -> None:  # fmt: skip
    carved = rng.random() < 0.6
    created = need.found_on + dt.timedelta(days=rng.randrange(1, 10))
    hours = rng.choice([10, 12, 15, 18, 20, 25])
    supports = [
        {"id": sid, "name": support_label(sid, "fi"), "monthly_amount": amount}
        for sid, amount in SUPPORTS[: rng.choice([0, 1, 1, 2])]
    ]
    # the wage of the carved job at the demo inventory's 13.50 €/h with 21 % side costs, 4.33 weeks a month
    cost = (Decimal(hours) * Decimal("4.33") * Decimal("13.50") * Decimal("1.21")).quantize(Decimal("0.01"))
    support = Decimal(str(max((amount for _, amount in SUPPORTS[: len(supports)]), default=0)))
    chosen = (
        {
            "hours_per_week": hours,
            "tasks": [{"id": "pakkaus", "name": "Pakkaus", "role": "ammattilaiset", "hours_per_week": hours}],
            "freed_hours_by_role": {"ammattilaiset": str(Decimal(hours) * Decimal("0.6"))},
            "supports": supports,
            "employer_monthly_cost": str(cost),
            "pay_support_per_month": str(support),
            "net_monthly_cost": str(max(Decimal(0), cost - support)),
            "training_path": {"kind": rng.choice(["none", "none", "accreditation", "apprenticeship"])},
        }
        if carved
        else {}
    )
    job = JobPosting.objects.create(
        organisation=need.organisation,
        title="Muokattu työ" if carved else "Työntekijä",
        kind=JobKind.CARVED if carved else JobKind.ORDINARY,
        status=JobStatus.CLOSED,
        spec=clean_job_spec(
            {
                "skills": [{"skill": "warehouse.pack_goods", "level": 2}],
                "hours_min": hours,
                "hours_max": hours,
            }
        ),
    )
    JobPosting.objects.filter(pk=job.pk).update(created_at=_moment(created))
    decided = created + dt.timedelta(days=rng.randrange(14, 75))
    decision = ""
    if decided <= today:
        decision = "hired" if rng.random() < (0.7 if carved else 0.5) else "not_hired"
    case = HiringCase.objects.create(
        organisation=need.organisation,
        created_by=professional,
        title=need.text[:80],
        need={"reasons": ["workload"], "text": need.text, "overloaded": []},
        inventory=_history_inventory(need.organisation, hours if carved else 0),
        chosen=chosen,
        job=job,
        decision=decision,
        decided_on=decided if decision else None,
    )
    HiringCase.objects.filter(pk=case.pk).update(created_at=_moment(created))
    need.case = case
    need.save(update_fields=["case"])
    if profiles and rng.random() < 0.45:
        starts = created + dt.timedelta(days=7)
        WorkTrial.objects.create(
            case=case, profile=rng.choice(profiles), starts_on=starts, ends_on=starts + dt.timedelta(days=14)
        )
        counts["trials"] += 1
    if decision != "hired":
        return
    counts["hires"] += 1
    employed = True
    for months, keep in ((3, 0.88), (6, 0.85), (12, 0.85)):
        due = decided + dt.timedelta(days=30 * months)
        if due > today:
            break
        employed = employed and rng.random() < keep
        FollowUp.objects.create(
            case=case,
            months=months,
            due_on=due,
            done_on=due + dt.timedelta(days=rng.randrange(0, 7)),
            still_employed=employed,
            hours_per_week=Decimal(hours) if employed else None,
        )
        counts["follow_ups"] += 1
