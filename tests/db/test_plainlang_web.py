"""The plain-language API and page: checks, field errors, rule switches per user and organisation."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.plainlang.services import MAX_CHARACTERS

pytestmark = pytest.mark.db
TEXT = "Hakemukset toimitetaan esim. sähköpostilla. Etsimme nuorekasta varastomiestä."


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_check_returns_score_findings_and_never_stores_the_text(world):
    response = api(world["north_employer"]).post(
        "/api/v1/plainlang/check/", {"text": TEXT, "profile": "job-ad"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["language"] == "fi" and 0 <= body["score"] <= 100 and body["mode"] in ("voikko", "heuristic")
    rules = {f["rule"] for f in body["findings"]}
    assert {"word.abbreviation", "ad.exclusionary", "ad.gendered_title"} <= rules
    for finding in body["findings"]:
        assert TEXT[finding["start"] : finding["end"]] == finding["text"]
    assert not AuditEvent.objects.filter(data__icontains="nuorekasta").exists()


def test_api_check_errors_are_400_with_field_names(world):
    client = api(world["north_seeker"])
    for body, field in (
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "x", "profile": "poem"}, "profile"),
        ({"text": "x", "language": "de"}, "language"),
        ({"text": "x" * (MAX_CHARACTERS + 1)}, "text"),
    ):
        response = client.post("/api/v1/plainlang/check/", body, format="json")
        assert response.status_code == 400 and field in response.json()["error"]["fields"], body
    assert APIClient().post("/api/v1/plainlang/check/", {"text": "x"}, format="json").status_code == 401


def test_rules_switched_off_by_the_user_and_by_the_organisation(world):
    employer = api(world["north_employer"])
    assert (
        employer.put(
            "/api/v1/plainlang/settings/", {"disabled": ["word.abbreviation"]}, format="json"
        ).status_code
        == 200
    )
    org = world["north_org"].pk
    put = employer.put(
        f"/api/v1/organisations/{org}/plainlang-settings/", {"disabled": ["ad.gendered_title"]}, format="json"
    )
    assert put.status_code == 200, put.content
    body = employer.post(
        "/api/v1/plainlang/check/", {"text": TEXT, "profile": "job-ad"}, format="json"
    ).json()
    rules = {f["rule"] for f in body["findings"]}
    assert (
        "word.abbreviation" not in rules and "ad.gendered_title" not in rules and "ad.exclusionary" in rules
    )
    assert body["disabled"] == ["ad.gendered_title", "word.abbreviation"]
    settings = employer.get("/api/v1/plainlang/settings/").json()
    assert settings["disabled"] == ["word.abbreviation"] and settings["organisation_disabled"] == [
        "ad.gendered_title"
    ]
    assert len(settings["rules"]) == 17
    bad = employer.put("/api/v1/plainlang/settings/", {"disabled": ["no.such"]}, format="json")
    assert bad.status_code == 400 and "disabled" in bad.json()["error"]["fields"]
    other = api(world["south_employer"]).put(
        f"/api/v1/organisations/{org}/plainlang-settings/", {"disabled": []}, format="json"
    )
    assert other.status_code == 404
    assert AuditEvent.objects.filter(action="plainlang_rules.set").count() == 2


def test_page_checks_with_htmx_and_shows_field_errors(world):
    client = Client()
    client.force_login(world["north_professional"])
    page = client.get("/selko/")
    assert page.status_code == 200 and 'name="text"' in page.content.decode()
    partial = client.post(
        "/selko/", {"text": TEXT, "profile": "job-ad", "language": "auto"}, HTTP_HX_REQUEST="true"
    )
    html = partial.content.decode()
    assert partial.status_code == 200 and "<html" not in html
    assert 'class="finding sev-problem"' in html and 'id="finding-1"' in html and 'role="note"' in html
    assert "<mark" in html and "nuorekasta" in html
    full = client.post("/selko/", {"text": "   ", "profile": "job-ad", "language": "auto"})
    assert full.status_code == 400 and "error-summary" in full.content.decode()
    saved = client.post("/selko/rules/", {"disabled": ["word.rare"]})
    assert saved.status_code == 302
    assert 'value="word.rare" checked' in client.get("/selko/").content.decode()


@pytest.mark.parametrize(
    ("language", "points", "familiar"), [("fi", "pistettä", "tuttuja"), ("sv", "poäng", "vanliga")]
)
def test_the_page_says_what_the_band_means_and_what_the_score_rests_on(world, language, points, familiar):
    from kohtaanto.plainlang.check import band_meaning, check

    user = world["north_professional"]
    user.language = language
    user.save(update_fields=["language"])
    client = Client()
    client.force_login(user)
    html = client.post("/selko/", {"text": TEXT, "profile": "job-ad", "language": "fi"}).content.decode()
    meaning = band_meaning(check(TEXT, "job-ad", "fi").band, language)
    assert meaning in html and points in meaning and familiar in meaning
    others = [band_meaning(b, language) for b in ("easy", "fairly_easy", "fairly_hard", "hard")]
    assert sum(m in html for m in others) == 1  # its own band's, not another's
