from __future__ import annotations

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.db


def test_repeated_failed_logins_lock_the_account_for_a_while(world):
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "n_seeker", "password": "wrong-password"})
    response = client.post("/login/", {"username": "n_seeker", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "15" in response.content.decode()
    assert AuditEvent.objects.filter(action="session.locked_out").exists()
    # Another account from the same address is not locked.
    other = Client().post("/login/", {"username": "n_pro", "password": TEST_PASSWORD})
    assert other.status_code == 302


def test_api_token_lockout_is_a_json_error(world):
    from rest_framework.test import APIClient

    client = APIClient()
    for _ in range(5):
        client.post("/api/v1/auth/token/", {"username": "n_pro", "password": "wrong"}, format="json")
    response = client.post(
        "/api/v1/auth/token/", {"username": "n_pro", "password": TEST_PASSWORD}, format="json"
    )
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "locked_out"
