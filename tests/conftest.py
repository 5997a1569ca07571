from __future__ import annotations

import json
import os
import shutil
import uuid
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

# Markers by folder: `-m unit` is the fast set (`make check`), `-m db` what the PostgreSQL pass needs.
FOLDER_MARKERS = {"unit": "unit", "db": "db", "e2e": "e2e"}
SOURCE = Path(__file__).resolve().parent.parent / "src"


def _data_dir() -> Path:
    return Path(os.environ.get("KOHTAANTO_DATA_DIR", ".")).resolve()


def pytest_configure(config: pytest.Config) -> None:
    """One folder per run for the accessibility scans' rows; xdist workers inherit it."""
    if not hasattr(config, "workerinput") and "KOHTAANTO_AXE_FRAGMENTS" not in os.environ:
        os.environ["KOHTAANTO_AXE_FRAGMENTS"] = str(_data_dir() / "axe" / uuid.uuid4().hex)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The accessibility report of the run: every scan's findings in DATA_DIR/axe-report.json."""
    folder = Path(os.environ.get("KOHTAANTO_AXE_FRAGMENTS", "/nonexistent"))
    if hasattr(terminalreporter.config, "workerinput") or not folder.is_dir():
        return
    rows = [row for part in sorted(folder.glob("*.json")) for row in json.loads(part.read_text("utf-8"))]
    shutil.rmtree(folder, ignore_errors=True)
    if not rows:
        return
    target = _data_dir() / "axe-report.json"
    target.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    counts: dict[str, int] = {}
    for row in rows:
        for impact in row["violations"].values():
            counts[impact] = counts.get(impact, 0) + 1
    terminalreporter.write_line(
        f"axe: {len(rows)} page scans; violations by impact: {counts or 'none'}; report {target}"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        path = Path(str(item.path))
        if path.is_relative_to(SOURCE):
            item.add_marker(pytest.mark.unit)  # doctests of the domain core
        elif path.is_relative_to(tests) and len(path.relative_to(tests).parts) > 1:
            marker = FOLDER_MARKERS.get(path.relative_to(tests).parts[0])
            if marker:
                item.add_marker(getattr(pytest.mark, marker))


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
