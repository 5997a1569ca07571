from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db.backends.signals import connection_created

from tests.factories import (
    AreaFactory,
    MunicipalityFactory,
    OrganisationFactory,
    make_user,
)

PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite tests use a database file, not Django's shared in-memory one: threads of the concurrency
    tests then lock it as the app's processes do (IMMEDIATE transactions waiting on a busy timeout),
    instead of failing at once on the shared cache's table locks."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        folder = Path(settings.DATA_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(folder / f"test-{os.getpid()}.sqlite3")


def _maintenance(sender, connection, **kwargs):
    """On PostgreSQL every test connection may TRUNCATE the audit trail (Django flushes tables between
    transactional tests); production connections are refused it (migration audit 0004)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET kohtaanto.maintenance = 'on'")


connection_created.connect(_maintenance)


@pytest.fixture(autouse=True)
def generous_api_rates(settings):
    """The suite sends many API requests as one user; the rate limits have their own test."""
    settings.KOHTAANTO_API_RATES = {"user": "100000/min", "anon": "100000/min"}


@pytest.fixture
def world(db):
    """Two employment areas, each with a municipality, an employer, an employer user,
    a professional and a job seeker; plus an analyst and an administrator."""
    return make_world()


@pytest.fixture
def tx_world(transactional_db):
    """The same world, committed, for tests whose threads each use their own database connection."""
    return make_world()


def make_world():
    north, south = AreaFactory(name_fi="Pohjoisen testialue"), AreaFactory(name_fi="Etelän testialue")
    n_mun, s_mun = MunicipalityFactory(area=north), MunicipalityFactory(area=south)
    n_org, s_org = OrganisationFactory(municipality=n_mun), OrganisationFactory(municipality=s_mun)
    return {
        "north": north,
        "south": south,
        "north_municipality": n_mun,
        "south_municipality": s_mun,
        "north_org": n_org,
        "south_org": s_org,
        "north_employer": make_user("employer", organisation=n_org, username="n_employer"),
        "south_employer": make_user("employer", organisation=s_org, username="s_employer"),
        "north_professional": make_user("professional", employment_area=north, username="n_pro"),
        "south_professional": make_user("professional", employment_area=south, username="s_pro"),
        "north_seeker": make_user("job_seeker", employment_area=north, username="n_seeker"),
        "south_seeker": make_user("job_seeker", employment_area=south, username="s_seeker"),
        "analyst": make_user("analyst", username="analyst"),
        "admin": make_user("administrator", username="admin"),
    }
