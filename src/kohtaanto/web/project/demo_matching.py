"""Demo profiles, jobs and a task inventory, so matching works in the demo from the first login.

The demo area's own municipalities are fictional; places of work and residence here are real
municipalities of the Lahti region, so commuting distances come from the real table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kohtaanto.web.accounts.models import EmploymentArea, Organisation, User
from kohtaanto.web.matching import services

WEEK = ["mon", "tue", "wed", "thu", "fri"]

PROFILES: dict[str, dict[str, Any]] = {
    "tyonhakija1": {
        "flags": {"open_to_employers": True, "share_accommodations": True},
        "spec": {
            "skills": {
                "food_production.bakery_work": 2,
                "kitchen.wash_dishes": 3,
                "food_production.pack_food": 3,
                "transversal.be_on_time": 4,
            },
            "capacities": {"physical.lifting_carrying": 2, "physical.standing": 3},
            "hours_min": 15,
            "hours_max": 25,
            "days": WEEK,
            "municipality": "Lahti",
            "max_commute_km": 30,
            "working_language": "C1",
            "preferred_occupations": ["bakery_worker"],
        },
    },
    "tyonhakija2": {
        "flags": {"open_to_employers": True},
        "spec": {
            "skills": {
                "cleaning.mop_floors": 3,
                "cleaning.empty_bins": 3,
                "property_maintenance.sweep_yards": 2,
                "gardening.rake_leaves": 2,
            },
            "hours_min": 20,
            "hours_max": 30,
            "days": WEEK,
            "municipality": "Hollola",
            "working_language": "B2",
        },
    },
    "tyonhakija3": {
        "flags": {"open_to_employers": True},
        "spec": {
            "skills": {
                "care_support.keep_company": 3,
                "care_support.help_at_meals": 2,
                "care_support.read_aloud": 3,
                "language_and_communication.swedish_basic": 4,
            },
            "capacities": {"physical.lifting_carrying": 1},
            "hours_min": 10,
            "hours_max": 20,
            "days": ["mon", "tue", "wed", "thu"],
            "municipality": "Orimattila",
            "working_language": "B1",
        },
    },
    "tyonhakija4": {
        "flags": {"open_to_employers": False},
        "spec": {
            "skills": {
                "office_support.scan_documents": 3,
                "office_support.enter_data": 3,
                "digital_basics.use_spreadsheets": 3,
                "language_and_communication.english_at_work": 4,
            },
            "hours_min": 20,
            "hours_max": 37.5,
            "days": WEEK,
            "municipality": "Lahti",
            "remote": "prefer",
            "working_language": "A2",
            "trainable_levels": 2,
        },
    },
    "tyonhakija5": {
        "flags": {"open_to_employers": True, "share_accommodations": False},
        "spec": {
            "skills": {
                "property_maintenance.change_light_bulbs": 3,
                "property_maintenance.do_small_repairs": 2,
                "gardening.mow_lawns": 3,
                "property_maintenance.clear_snow": 3,
            },
            "capacities": {"physical.climbing": 1, "cognitive.attention_concentration": 3},
            "hours_min": 25,
            "hours_max": 37.5,
            "days": WEEK,
            "municipality": "Heinola",
            "max_commute_km": 45,
            "working_language": "C2",
        },
    },
    "tyonhakija6": {
        "flags": {"open_to_employers": True},
        "spec": {
            "skills": {
                "customer_service.greet_customers": 3,
                "customer_service.guide_visitors": 2,
                "office_support.file_documents": 2,
                "digital_basics.use_computer": 3,
            },
            "capacities": {"environment.noise": 2},
            "hours_min": 15,
            "hours_max": 30,
            "days": ["mon", "tue", "wed", "thu", "fri", "sat"],
            "municipality": "Lahti",
            "working_language": "B1",
        },
    },
}

# Two people who read the service in Arabic and in Ukrainian wrote their skills in their own language.
STORIES: dict[str, tuple[str, str]] = {
    "tyonhakija4": (
        "عملت في مكتب في حلب خمس سنوات. كنت أدخل البيانات في الحاسوب وأمسح الوثائق ضوئياً "
        "وأرتب الملفات. أستخدم جداول البيانات كل يوم.",
        "ar",
    ),
    "tyonhakija6": (
        "Я працювала адміністраторкою в готелі в Києві. Зустрічала гостей, показувала їм дорогу, "
        "відповідала на дзвінки і вела документи на комп'ютері.",
        "uk",
    ),
}

JOBS: dict[str, list[dict[str, Any]]] = {
    "leipomo": [
        {
            "title": "Leipomoapulainen, aamuvuoro (osa-aikainen)",
            "kind": "carved",
            "description": "Pakkaamista, tiskiä ja taikinan valmistelua aamuisin. Rauhallinen perehdytys.",
            "spec": {
                "skills": [
                    {"skill": "food_production.bakery_work", "level": 2},
                    {"skill": "food_production.pack_food", "level": 2},
                    {"skill": "kitchen.wash_dishes", "level": 2, "essential": False},
                ],
                "demands": {"physical.lifting_carrying": 3, "physical.standing": 3},
                "accommodations": {"physical.lifting_carrying": 1},
                "hours_min": 15,
                "hours_max": 25,
                "days": WEEK,
                "municipality": "Lahti",
                "working_language": "A2",
                "plain_language_onboarding": True,
                "occupation": "bakery_worker",
            },
        }
    ],
    "kylayhdistys": [
        {
            "title": "Kylätalon kiinteistö- ja pihatyöt",
            "description": "Kylätalon siivous, pihan hoito ja pienet korjaukset.",
            "spec": {
                "skills": [
                    {"skill": "cleaning.mop_floors", "level": 2},
                    {"skill": "property_maintenance.sweep_yards", "level": 2},
                    {"skill": "gardening.mow_lawns", "level": 1, "essential": False},
                ],
                "demands": {"physical.bending_kneeling": 3},
                "hours_min": 20,
                "hours_max": 25,
                "days": WEEK,
                "municipality": "Hollola",
                "working_language": "A2",
                "plain_language_onboarding": True,
            },
        }
    ],
    "saatio": [
        {
            "title": "Viriketoiminnan avustaja / Aktivitetsassistent",
            "description": "Seurana oleminen, ääneen lukeminen ja ruokailussa avustaminen.",
            "spec": {
                "skills": [
                    {"skill": "care_support.keep_company", "level": 2},
                    {"skill": "care_support.help_at_meals", "level": 2},
                    {"skill": "care_support.organise_activities", "level": 2, "essential": False},
                ],
                "demands": {"physical.lifting_carrying": 2, "social.customer_contact": 3},
                "accommodations": {"physical.lifting_carrying": 1},
                "hours_min": 10,
                "hours_max": 20,
                "days": WEEK,
                "municipality": "Orimattila",
                "working_language": "B1",
            },
        }
    ],
    "kaupunki": [
        {
            "title": "Kiinteistöhuollon työntekijä",
            "headcount": 2,
            "spec": {
                "skills": [
                    {"skill": "property_maintenance.change_light_bulbs", "level": 2},
                    {"skill": "property_maintenance.do_small_repairs", "level": 2},
                    {"skill": "property_maintenance.clear_snow", "level": 2, "essential": False},
                ],
                "demands": {"physical.climbing": 2},
                "accommodations": {"physical.climbing": 1},
                "hours_min": 30,
                "hours_max": 37.5,
                "days": WEEK,
                "municipality": "Lahti",
                "working_language": "B1",
            },
        },
        {
            "title": "Kirjaston asiakaspalvelu ja aineistojen käsittely",
            "spec": {
                "skills": [
                    {"skill": "customer_service.greet_customers", "level": 2},
                    {"skill": "office_support.file_documents", "level": 2},
                    {"skill": "digital_basics.use_computer", "level": 2, "essential": False},
                ],
                "demands": {"environment.noise": 2, "social.customer_contact": 3},
                "hours_min": 20,
                "hours_max": 30,
                "days": ["tue", "wed", "thu", "fri", "sat"],
                "municipality": "Lahti",
                "working_language": "B1",
                "plain_language_onboarding": True,
            },
        },
    ],
}

INVENTORY = Path(__file__).resolve().parents[4] / "examples" / "carving" / "warehouse.yaml"


def load(area: EmploymentArea, organisations: dict[str, Organisation], people: dict[str, User]) -> None:
    from kohtaanto.web.matching import seeker as journey

    for username, profile in PROFILES.items():
        created = services.create_profile(
            None, spec=profile["spec"], person=people[username], area=area, **profile["flags"]
        )
        if username in STORIES:  # written in the person's own language
            text, language = STORIES[username]
            journey.save_story(people[username], created, text, language)
    for key, jobs in JOBS.items():
        for job in jobs:
            values = {k: v for k, v in job.items() if k != "spec"}
            services.create_job(None, organisations[key], spec=job["spec"], **values)
    if INVENTORY.exists():  # the example warehouse stands in for the town's logistics centre
        payload = yaml.safe_load(INVENTORY.read_text(encoding="utf-8"))
        payload.pop("people", None)
        payload["workplace"].update({"municipality": "Lahti", "legal_form": "municipality"})
        services.save_inventory(None, organisations["kaupunki"], payload)
