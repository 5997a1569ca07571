"""Fictional demo data: one employment area, three municipalities, four employers of different
legal forms and sizes, two professionals, six job seekers, one analyst and one administrator.

Every name here is invented. The business IDs are checksum-valid numbers from the 98xxxxx range
so they look real to the validator without being taken from the trade register.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from kohtaanto.matching.places import find
from kohtaanto.web.accounts import services
from kohtaanto.web.accounts.models import EmploymentArea, Organisation
from kohtaanto.web.core.roles import Role
from kohtaanto.web.project import demo_confidence, demo_esf, demo_history, demo_matching

AREA_FI = "Järvilaakson työllisyysalue (demo)"
AREA_SV = "Sjödalens sysselsättningsområde (demo)"
PASSWORD = "kohtaanto-demo-2026"

MUNICIPALITIES = [
    ("D01", "Kuusijärvi", "Granträsk"),
    ("D02", "Haapakoski", "Aspforsen"),
    ("D03", "Pihlajaranta", "Rönnstrand"),
]

# Päijät-Häme (the Lahti region), by municipality code (Statistics Finland).
LAHTI_REGION = ("398", "098", "560", "111", "016", "316", "081", "576", "781", "142")

EMPLOYERS = [
    {
        "key": "leipomo",
        "name": "Kuusijärven Leipomo Oy",
        "business_id": "9800001-6",
        "legal_form": "company",
        "size_class": "small",
        "sector": "C",
        "municipality": "D01",
        "description_fi": (
            "Perheleipomo, joka leipoo ruisleipää ja pullaa lähialueen kauppoihin. "
            "Aamuvuorossa on tehtäviä, jotka voi erottaa omaksi osa-aikaiseksi työkseen."
        ),
        "description_sv": "Familjebageri som bakar rågbröd och bullar åt butikerna i närområdet.",
        "description_en": (
            "A family bakery baking rye bread and buns for local shops. "
            "The morning shift has tasks that could become a part-time job of their own."
        ),
    },
    {
        "key": "kylayhdistys",
        "name": "Haapakosken Kyläyhdistys ry",
        "business_id": "9800002-4",
        "legal_form": "association",
        "size_class": "micro",
        "sector": "S",
        "municipality": "D02",
        "description_fi": "Kyläyhdistys ylläpitää kylätaloa ja järjestää talkoita ja tapahtumia.",
        "description_sv": "Byaföreningen sköter byagården och ordnar talkon och evenemang.",
        "description_en": "The village association runs the village hall and organises events.",
    },
    {
        "key": "saatio",
        "name": "Säätiö Lähitupa sr",
        "business_id": "9800003-2",
        "legal_form": "foundation",
        "size_class": "medium",
        "sector": "Q",
        "municipality": "D03",
        "description_fi": "Säätiö tuottaa asumis- ja päivätoiminnan palveluja ikääntyneille.",
        "description_sv": "Stiftelsen erbjuder boende- och dagverksamhet för äldre.",
        "description_en": "The foundation provides housing and day services for older people.",
    },
    {
        "key": "kaupunki",
        "name": "Pihlajarannan kaupunki",
        "business_id": "9800004-0",
        "legal_form": "municipality",
        "size_class": "large",
        "sector": "O",
        "municipality": "D03",
        "description_fi": "Kaupungin tilapalvelut, kirjasto ja puistot työllistävät monenlaisia osaajia.",
        "description_sv": "Stadens lokalservice, bibliotek och parker sysselsätter många slags kunnande.",
        "description_en": "The town's facility services, library and parks employ many kinds of skills.",
    },
]

PEOPLE = [
    # username, role, first, last, language, employer key
    ("yllapitaja", Role.ADMINISTRATOR, "Ylle", "Ylläpitäjä", "fi", None),
    ("analyytikko", Role.ANALYST, "Anni", "Analyysi", "fi", None),
    ("ammattilainen1", Role.PROFESSIONAL, "Aila", "Ammattilainen", "fi", None),
    ("ammattilainen2", Role.PROFESSIONAL, "Bo", "Exempelsson", "sv", None),
    ("tyonantaja1", Role.EMPLOYER, "Leena", "Leipuri", "fi", "leipomo"),
    ("tyonantaja2", Role.EMPLOYER, "Kalle", "Kyläläinen", "fi", "kylayhdistys"),
    ("tyonantaja3", Role.EMPLOYER, "Saga", "Stiftelsesson", "sv", "saatio"),
    ("tyonantaja4", Role.EMPLOYER, "Kaija", "Kaupunkinen", "fi", "kaupunki"),
    ("tyonhakija1", Role.JOB_SEEKER, "Matti", "Meikäläinen", "fi", None),
    ("tyonhakija2", Role.JOB_SEEKER, "Maija", "Mallikas", "fi", None),
    ("tyonhakija3", Role.JOB_SEEKER, "Sven", "Svensson-Exempel", "sv", None),
    ("tyonhakija4", Role.JOB_SEEKER, "Amina", "Esimerkki", "ar", None),  # reads Arabic
    ("tyonhakija5", Role.JOB_SEEKER, "Teemu", "Testaaja", "fi", None),
    ("tyonhakija6", Role.JOB_SEEKER, "Daria", "Demola", "uk", None),  # reads Ukrainian
]


def load() -> bool:
    """Create the demo data unless it exists. Returns ``True`` if it was created now."""
    if EmploymentArea.objects.filter(name_fi=AREA_FI).exists():
        return False
    with transaction.atomic():
        area = services.create_employment_area(None, name_fi=AREA_FI, name_sv=AREA_SV, kind="mixed")
        municipalities = {
            code: services.add_municipality(None, area, code=code, name_fi=fi, name_sv=sv)
            for code, fi, sv in MUNICIPALITIES
        }
        for code in LAHTI_REGION:  # real municipalities too, so register files of the region can be imported
            place = find(code)
            if place is not None:
                services.add_municipality(None, area, code=code, name_fi=place.fi, name_sv=place.sv)
        organisations: dict[str, Organisation] = {}
        for spec in EMPLOYERS:
            values = {k: v for k, v in spec.items() if k != "key"}
            values["municipality"] = municipalities[spec["municipality"]]
            organisations[spec["key"]] = services.create_organisation(None, **values)
        users = {}
        for username, role, first, last, language, employer in PEOPLE:
            users[username] = services.create_user(
                None,
                username=username,
                role=role,
                password=PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@demo.invalid",
                language=language,
                organisation=organisations[employer] if employer else None,
                employment_area=area if role in (Role.PROFESSIONAL, Role.JOB_SEEKER) else None,
                validate_password_strength=False,
            )
        demo_matching.load(area, organisations, users)
        by_code = {m.code: m for m in area.municipalities.all()}
        firms = demo_history.micro_firms(by_code)
        demo_history.talent_pool(firms, users["ammattilainen1"])
        demo_history.load([*organisations.values(), *firms], users["ammattilainen1"])
        demo_confidence.load(timezone.localdate())
        demo_esf.load(users["ammattilainen1"], timezone.localdate())
    return True


def print_logins() -> None:
    table = Table(title=f"Demo logins (password for all: {PASSWORD})")
    table.add_column("user name")
    table.add_column("role")
    table.add_column("name")
    table.add_column("language")
    for username, role, first, last, language, _employer in PEOPLE:
        table.add_row(username, str(role.value), f"{first} {last}", language)
    Console().print(table)
