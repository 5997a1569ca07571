from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from kohtaanto.taxonomy.store import import_esco

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)  # the import time the store records

pytestmark = pytest.mark.db

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def taxonomy(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    import_esco([FIXTURE], tmp_path / "taxonomy", "0.9.0", at=NOW)
    from kohtaanto.web.matching import api_skills as skills

    skills._services.cache_clear()
    yield tmp_path
    skills._services.cache_clear()


def test_extract_and_normalise(world, taxonomy):
    client = client_for(world["north_seeker"])
    response = client.post(
        "/api/v1/skills/extract/", {"text": "I helped customers and stocked shelves"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["language"] == "en"
    uris = [s["uri"] for s in body["skills"]]
    assert "http://data.europa.eu/esco/skill/test-stock-shelves" in uris
    titles = client.post(
        "/api/v1/skills/normalize-title/", {"title": "forklift driver", "language": "en"}, format="json"
    ).json()
    assert titles[0]["uri"] == "http://data.europa.eu/esco/occupation/test-forklift-driver"
    finnish = client.post(
        "/api/v1/skills/normalize-title/",
        {"title": "Trukkikuski (sijaisuus)", "language": "fi"},
        format="json",
    ).json()
    assert finnish[0]["uri"] == "http://data.europa.eu/esco/occupation/test-forklift-driver"
    assert (finnish[0]["label"], finnish[0]["label_language"]) == ("trukinkuljettaja", "fi")
    swedish = client.post(
        "/api/v1/skills/normalize-title/", {"title": "truckförare", "language": "sv"}, format="json"
    ).json()  # no Swedish labels: the name falls back visibly
    assert swedish[0]["uri"] == "http://data.europa.eu/esco/occupation/test-forklift-driver"
    assert swedish[0]["label_language"] in {"fi", "en"} and swedish[0]["matched"] == "truckförare"


def test_errors(world, settings, tmp_path):
    settings.DATA_DIR = tmp_path  # nothing imported
    from kohtaanto.web.matching import api_skills as skills

    skills._services.cache_clear()
    client = client_for(world["north_seeker"])
    assert client.post("/api/v1/skills/extract/", {"text": ""}, format="json").status_code == 400
    missing = client.post("/api/v1/skills/extract/", {"text": "siivous"}, format="json")
    assert missing.status_code == 503 and missing.json()["error"]["code"] == "taxonomy_not_imported"


def test_suggestions_work_before_and_after_an_import(world, settings, tmp_path):
    from kohtaanto.web.matching import api_skills as skills

    settings.DATA_DIR = tmp_path  # nothing imported: the starter vocabulary answers
    skills._services.cache_clear()
    client = client_for(world["north_seeker"])
    before = client.get("/api/v1/skills/suggest/", {"q": "hyll", "language": "fi"})
    assert before.status_code == 200, before.content
    assert before.json() and all(s["source"] == "starter" for s in before.json())
    assert any(s["name"] == "Hyllyjen täyttäminen" for s in before.json())

    import_esco([FIXTURE], tmp_path / "taxonomy", "0.9.0", at=NOW)
    skills._services.cache_clear()
    after = client.get("/api/v1/skills/suggest/", {"q": "stock shel", "language": "en"}).json()
    assert {s["source"] for s in after} == {"starter", "esco"}
    assert "http://data.europa.eu/esco/skill/test-stock-shelves" in [s["id"] for s in after]
    skills._services.cache_clear()

    bad = client.get("/api/v1/skills/suggest/", {"q": "", "language": "xx"})
    assert bad.status_code == 400
    assert set(bad.json()["error"]["fields"]) == {"q", "language"}
