"""A bounded schemathesis run against /api/schema/: generated requests, signed in as an
administrator (who reaches every operation), must never get a 5xx, every response must match the
documented schema (status code and body), and every 4xx must carry the API's JSON error shape."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from kohtaanto.web.project.wsgi import application

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)  # the import time the store records

pytestmark = pytest.mark.db

MAX_EXAMPLES = 25
SCHEMA = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}


def test_the_schema_lists_the_api():
    assert len(OPERATIONS) >= 10
    assert "PATCH /api/v1/organisations/{id}/" in OPERATIONS


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calls go through the WSGI app directly, not Django's test client, so do what that client does:
    keep request signals from closing the connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def imported_taxonomy(settings, tmp_path):
    """The skills endpoints answer 503 until a taxonomy is imported; give them the small fixture."""
    from kohtaanto.taxonomy.store import import_esco
    from kohtaanto.web.matching import api_skills as skills

    settings.DATA_DIR = tmp_path
    import_esco(
        [Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"],
        tmp_path / "taxonomy",
        "0.9.0",
        at=NOW,
    )
    skills._services.cache_clear()
    yield
    skills._services.cache_clear()


@pytest.fixture(autouse=True)
def generous_api_rates(settings):
    """The fuzzer runs at the default rate limits (not the suite's generous ones): its account belongs
    to the integrations' group, whose limit class is its own, as a real load or fuzz tool's would."""
    settings.KOHTAANTO_API_RATES = {"user": "600/min", "anon": "60/min", "integration": "6000/min"}


TOTALS: dict[str, int] = {"requests": 0, "5xx": 0, "operations": 0}


@pytest.fixture(scope="module", autouse=True)
def report_totals(request):
    yield
    capsys = request.config.pluginmanager.getplugin("capturemanager")
    with capsys.global_and_fixture_disabled():
        print(
            f"\nfuzzing: {TOTALS['requests']} requests over {TOTALS['operations']} operations, "
            f"{TOTALS['5xx']} answered 5xx (default rate limits, the fuzzer in the integrations' class)"
        )


@pytest.fixture
def admin_token(world):
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from kohtaanto.web.api.throttles import INTEGRATION_GROUP

    world["admin"].groups.add(Group.objects.get_or_create(name=INTEGRATION_GROUP)[0])
    return Token.objects.create(user=world["admin"]).key


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_errors_and_one_error_shape(label, admin_token):
    operation = OPERATIONS[label]
    seen: dict[int, int] = {}

    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        response = case.call_and_validate(
            headers={"Authorization": f"Token {admin_token}"},
            checks=[not_a_server_error, response_schema_conformance],
        )
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        TOTALS["requests"] += 1
        TOTALS["5xx"] += response.status_code >= 500
        if 400 <= response.status_code < 500:
            body = response.json()
            assert set(body) == {"error"}, body
            assert body["error"]["status"] == response.status_code
            assert isinstance(body["error"]["message"], str)

    run()
    TOTALS["operations"] += 1
    assert seen, "no request was sent"
    assert max(seen) < 500
