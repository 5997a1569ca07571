from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kohtaanto.web.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD, valid_business_id

pytestmark = pytest.mark.db


def token_client(username: str) -> APIClient:
    client = APIClient()
    response = client.post(
        "/api/v1/auth/token/", {"username": username, "password": TEST_PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def test_token_authentication_and_me(world):
    client = token_client("n_employer")
    me = client.get("/api/v1/me/").json()
    assert me["username"] == "n_employer" and me["role"] == "employer"
    assert me["organisation"] == world["north_org"].pk
    assert AuditEvent.objects.filter(action="api_token.issued", actor_username="n_employer").count() == 1


def test_unauthenticated_requests_get_401_with_the_error_shape(db):
    response = APIClient().get("/api/v1/organisations/")
    assert response.status_code == 401
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == 401 and body["error"]["code"] == "not_authenticated"
    assert isinstance(body["error"]["message"], str)


def test_wrong_password_for_a_token(world):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "n_employer", "password": "nope"}, format="json"
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_validation_errors_are_400_with_per_field_messages(world):
    client = token_client("n_pro")
    response = client.post(
        "/api/v1/organisations/",
        {
            "name": "",
            "business_id": "1234567-0",
            "legal_form": "castle",
            "size_class": "huge",
            "municipality": 10**9,
        },
        format="json",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert {"name", "legal_form", "size_class", "sector", "municipality"} <= set(error["fields"])
    assert all(isinstance(m, str) for messages in error["fields"].values() for m in messages)


def test_model_rules_come_back_as_field_errors(world):
    client = token_client("n_pro")
    body = {
        "name": "Tarkistus Oy",
        "business_id": "1234567-0",
        "legal_form": "company",
        "size_class": "micro",
        "sector": "G",
        "municipality": world["north_municipality"].pk,
    }
    response = client.post("/api/v1/organisations/", body, format="json")
    assert response.status_code == 400
    assert "business_id" in response.json()["error"]["fields"]
    body["business_id"] = world["north_org"].business_id  # duplicate
    response = client.post("/api/v1/organisations/", body, format="json")
    assert response.status_code == 400 and "business_id" in response.json()["error"]["fields"]
    body["business_id"] = valid_business_id(700)
    response = client.post("/api/v1/organisations/", body, format="json")
    assert response.status_code == 201
    assert response.json()["employment_area"] == world["north"].pk


@pytest.mark.parametrize("payload", ["not json", '{"language": ', "[1, 2]", '{"language": "xx"}'])
def test_malformed_bodies_are_400_never_500(world, payload):
    client = token_client("n_seeker")
    response = client.generic("PATCH", "/api/v1/me/", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_language_can_be_set_through_the_api(world):
    client = token_client("n_seeker")
    response = client.patch("/api/v1/me/", {"language": "en"}, format="json")
    assert response.status_code == 200 and response.json()["language"] == "en"
    world["north_seeker"].refresh_from_db()
    assert world["north_seeker"].language == "en"


def test_unknown_api_paths_are_json_404(db):
    response = APIClient().get("/api/v2/anything")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_audit_events_api_for_administrators(world):
    client = token_client("admin")
    rows = client.get("/api/v1/audit-events/", {"action": "api_token.issued"}).json()["results"]
    assert [row["actor_username"] for row in rows] == ["admin"]
    bad = client.get("/api/v1/audit-events/", {"since": "yesterday"})
    assert bad.status_code == 400 and "since" in bad.json()["error"]["fields"]


def test_openapi_schema_and_docs(db):
    client = APIClient()
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    spec = schema.json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/organisations/" in spec["paths"]
    assert "Error" in spec["components"]["schemas"]
    docs = client.get("/api/docs/").content.decode()
    assert "<code>PATCH /api/v1/organisations/{id}/</code>" in docs
    assert 'id="schema-Error"' in docs and "business_id" in docs


def test_field_errors_of_list_items_keep_the_item_index():
    from kohtaanto.web.api.errors import _field_lists

    detail = {"rows": [{}, {"name": ["too long"]}, {"name": ["empty"]}], "note": ["bad"]}
    assert _field_lists(detail) == {"rows.1.name": ["too long"], "rows.2.name": ["empty"], "note": ["bad"]}
