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


def test_the_api_limits_requests_per_user_and_per_address(world, settings):
    from django.core.cache import cache
    from rest_framework.test import APIClient

    cache.clear()
    settings.KOHTAANTO_API_RATES = {"user": "3/min", "anon": "2/min"}
    client = APIClient()
    client.force_authenticate(world["north_seeker"])
    codes = [client.get("/api/v1/me/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/api/v1/me/")
    assert limited.json()["error"]["code"] == "throttled" and int(limited["Retry-After"]) > 0
    other = APIClient()
    other.force_authenticate(world["north_professional"])
    assert other.get("/api/v1/me/").status_code == 200  # per user
    anonymous = APIClient()
    codes = [anonymous.post("/api/v1/auth/token/", {}, format="json").status_code for _ in range(3)]
    assert codes == [400, 400, 429]  # per address, where anonymous calls are allowed at all
    cache.clear()


def test_an_oversized_request_body_is_a_400_with_a_json_body(world):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world["north_seeker"])
    huge = "a" * 3_000_000
    response = client.post("/api/v1/plainlang/check/", {"text": huge}, format="json")
    assert response.status_code in (400, 413)
    assert response.json()["error"]["status"] == response.status_code


def test_deeply_nested_json_is_a_400_not_a_crash(world):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world["north_seeker"])
    deep = "[" * 100_000 + "]" * 100_000
    response = client.generic("POST", "/api/v1/supports/hire/", deep, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["error"]["message"]


def _sign_in(username: str, password: str, address: str) -> int:
    return (
        Client(REMOTE_ADDR=address).post("/login/", {"username": username, "password": password}).status_code
    )


def test_password_spraying_from_one_address_makes_that_address_wait(world):
    for n in range(20):  # one try each at twenty accounts: no single account reaches axes' five
        assert _sign_in(f"guess{n}", "Summer2026!", "203.0.113.7") == 200
    assert _sign_in("n_pro", TEST_PASSWORD, "203.0.113.7") == 429
    assert _sign_in("n_pro", TEST_PASSWORD, "198.51.100.1") == 302  # nobody else waits


def test_one_address_cannot_lock_an_account_but_many_addresses_make_strangers_wait(world):
    assert _sign_in("n_seeker", TEST_PASSWORD, "198.51.100.20") == 302  # the person's own address
    for _ in range(4):
        _sign_in("n_seeker", "wrong-password", "203.0.113.9")
    assert _sign_in("n_seeker", TEST_PASSWORD, "198.51.100.21") == 302  # one address locks nobody out
    for n in range(10):
        _sign_in("n_seeker", "wrong-password", f"203.0.113.{100 + n}")
    assert _sign_in("n_seeker", TEST_PASSWORD, "198.51.100.22") == 429  # a new address waits
    assert _sign_in("n_seeker", TEST_PASSWORD, "198.51.100.20") == 302  # where the person signed in before


def test_api_tokens_end_and_their_owner_sees_and_revokes_them(world):
    import datetime as dt

    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    issued = client.post(
        "/api/v1/auth/token/", {"username": "n_pro", "password": TEST_PASSWORD}, format="json"
    )
    body = issued.json()
    assert issued.status_code == 200 and body["expires"] > dt.datetime.now(dt.UTC).isoformat()
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    [listed] = client.get("/api/v1/me/tokens/").json()
    assert listed["prefix"] == body["token"][:4] and body["token"] not in str(listed)
    assert client.delete("/api/v1/me/tokens/").status_code == 204
    assert client.get("/api/v1/me/").status_code == 401
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1
    # an old token has ended
    again = client.post(
        "/api/v1/auth/token/", {"username": "n_pro", "password": TEST_PASSWORD}, format="json"
    )
    key = again.json()["token"]
    Token.objects.filter(key=key).update(created=Token.objects.get(key=key).created - dt.timedelta(days=31))
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    ended = client.get("/api/v1/me/")
    assert ended.status_code == 401 and "expired" in ended.json()["error"]["message"]
    # signing out of the web app ends the person's tokens
    fresh = client.post(
        "/api/v1/auth/token/", {"username": "n_pro", "password": TEST_PASSWORD}, format="json"
    )
    browser = Client()
    browser.post("/login/", {"username": "n_pro", "password": TEST_PASSWORD})
    browser.post("/logout/")
    client.credentials(HTTP_AUTHORIZATION=f"Token {fresh.json()['token']}")
    assert client.get("/api/v1/me/").status_code == 401


def test_integration_accounts_have_a_limit_class_of_their_own(world, settings):
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from rest_framework.test import APIClient

    from kohtaanto.web.api.throttles import INTEGRATION_GROUP

    cache.clear()
    settings.KOHTAANTO_API_RATES = {"user": "2/min", "anon": "2/min", "integration": "5/min"}
    world["north_pro"] = world["north_professional"]
    world["north_pro"].groups.add(Group.objects.create(name=INTEGRATION_GROUP))
    tool, person = APIClient(), APIClient()
    tool.force_authenticate(world["north_pro"])
    person.force_authenticate(world["north_seeker"])
    assert [person.get("/api/v1/me/").status_code for _ in range(3)] == [200, 200, 429]
    assert [tool.get("/api/v1/me/").status_code for _ in range(6)] == [200] * 5 + [429]
    cache.clear()
