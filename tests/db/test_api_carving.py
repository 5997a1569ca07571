from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rest_framework.test import APIClient

pytestmark = pytest.mark.db

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "carving"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def example(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def test_carve_returns_proposals_with_the_documented_fields(world):
    data = example("warehouse")
    body = {
        "workplace": data["workplace"],
        "accommodations": data["accommodations"],
        "people": data["people"][:2],
        "settings": {"on": "2026-11-27"},
        "alternatives": 2,
        "time_limit": 5,
    }
    response = client_for(world["north_professional"]).post(
        "/api/v1/carving/carve/?lang=en", body, format="json"
    )
    assert response.status_code == 200, response.content
    people = response.json()["people"]
    assert [p["person"] for p in people] == [p["id"] for p in data["people"][:2]]
    proposal = people[0]["proposals"][0]
    for key in (
        "person",
        "tasks",
        "hours_per_week",
        "freed_hours_by_role",
        "accommodations",
        "objective",
        "optimal",
        "gap",
        "excluded",
        "net_monthly_cost",
        "supports",
        "job_description",
    ):
        assert key in proposal
    assert isinstance(proposal["hours_per_week"], float)
    assert proposal["excluded"] and all(isinstance(v, str) for v in proposal["excluded"].values())


def test_pool_mode(world):
    places = [example("warehouse"), example("accounting_office")]
    people = [*places[0]["people"][:2], *places[1]["people"][:2]]
    body = {
        "workplaces": [{"workplace": p["workplace"], "accommodations": p["accommodations"]} for p in places],
        "people": people,
        "settings": {"on": "2026-11-27"},
        "time_limit": 5,
    }
    response = client_for(world["north_employer"]).post("/api/v1/carving/pool/", body, format="json")
    assert response.status_code == 200, response.content
    result = response.json()
    assert {p["person"] for p in result["people"]} == {p["id"] for p in people}
    assert result["objective"] > 0 and "gap" in result


def test_bad_input_is_a_400_with_field_paths_and_job_seekers_may_not_carve(world):
    client = client_for(world["north_professional"])
    bad = client.post("/api/v1/carving/carve/", {"workplace": {"id": "x"}, "people": []}, format="json")
    assert bad.status_code == 400
    fields = bad.json()["error"]["fields"]
    assert "people" in fields and "workplace.name" in fields
    wrong_type = client.post("/api/v1/carving/carve/", ["not", "an", "object"], format="json")
    assert wrong_type.status_code == 400
    seeker = client_for(world["north_seeker"]).post("/api/v1/carving/carve/", {}, format="json")
    assert seeker.status_code == 403
