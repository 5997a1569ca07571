from __future__ import annotations

import json

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_sign_in(db):
    response = Client().get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_sign_in_and_out_are_audited(world):
    client = Client()
    response = client.post("/login/", {"username": "n_seeker", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="session.signed_in", actor_username="n_seeker").count() == 1
    client.post("/logout/")
    assert AuditEvent.objects.filter(action="session.signed_out", actor_username="n_seeker").count() == 1


def test_wrong_password_shows_a_form_error(world):
    response = Client().post("/login/", {"username": "n_seeker", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("north_seeker", ["Pohjoisen testialue", "Omat tietosi"]),
        ("north_employer", ["Organisaatiosi", "Y-tunnus"]),
        ("north_professional", ["Alueesi työnantajat", "Pohjoisen testialue"]),
        ("analyst", ["Tilastot", "Etelän testialue", "Pohjoisen testialue"]),
        ("admin", ["Tapahtumalokin eheys", "Aktiiviset käyttäjät roolin mukaan"]),
    ],
)
def test_each_role_has_a_dashboard_with_real_data_in_finnish_by_default(world, who, expected):
    html = signed_in(world[who]).get("/").content.decode()
    for text in expected:
        assert text in html, (who, text)
    assert '<html lang="fi">' in html


def test_language_choice_is_saved_to_the_user_and_audited(world):
    user = world["north_employer"]
    client = signed_in(user)
    response = client.post("/language/", {"language": "sv", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    user.refresh_from_db()
    assert user.language == "sv"
    event = AuditEvent.objects.get(action="user.language_changed")
    assert event.data == {"from": "fi", "to": "sv"}
    # A fresh session on another device gets Swedish without a cookie.
    html = signed_in(user).get("/").content.decode()
    assert '<html lang="sv">' in html and "Din organisation" in html


def test_language_switch_refuses_unknown_languages_and_foreign_redirects(world):
    client = signed_in(world["north_seeker"])
    assert client.post("/language/", {"language": "de"}).status_code == 400
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_anonymous_language_choice_uses_a_cookie(db):
    client = Client()
    client.post("/language/", {"language": "en", "next": "/login/"})
    html = client.get("/login/").content.decode()
    assert '<html lang="en">' in html and "Sign in" in html


def test_organisation_form_shows_field_errors_and_loses_nothing(world):
    client = signed_in(world["north_professional"])
    org = world["north_org"]
    url = f"/organisations/{org.pk}/edit/"
    data = {
        "name": "Muutettu Oy",
        "business_id": "1234567-0",
        "legal_form": "company",
        "size_class": "small",
        "sector": "G",
        "municipality": org.municipality_id,
        "description_fi": "Uusi kuvaus",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Anna kelvollinen Y-tunnus" in html
    assert 'value="Muutettu Oy"' in html and "Uusi kuvaus" in html  # what was typed is kept
    org.refresh_from_db()
    assert org.name != "Muutettu Oy"
    data["business_id"] = org.business_id
    assert client.post(url, data).status_code == 302
    org.refresh_from_db()
    assert org.name == "Muutettu Oy"


def test_an_employer_cannot_make_their_organisation_another_company(world):
    org = world["north_org"]
    before = (org.name, org.business_id, org.municipality_id)
    page = signed_in(world["north_employer"]).get(f"/organisations/{org.pk}/edit/").content.decode()
    assert 'name="business_id"' in page and "disabled" in page.split('name="business_id"')[1].split(">")[0]
    data = {
        "name": "Kilpailija Oyj",
        "business_id": "0112038-9",
        "legal_form": org.legal_form,
        "size_class": "small",
        "sector": "G",
        "municipality": world["south_municipality"].pk,
    }
    assert signed_in(world["north_employer"]).post(f"/organisations/{org.pk}/edit/", data).status_code == 302
    org.refresh_from_db()
    assert (org.name, org.business_id, org.municipality_id) == before and org.sector == "G"
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(world["north_employer"])
    for field, value in (("name", "Kilpailija Oyj"), ("business_id", "0112038-9")):
        refused = api.patch(f"/api/v1/organisations/{org.pk}/", {field: value}, format="json")
        assert refused.status_code == 403 and field in refused.json()["error"]["message"]
    assert (
        api.patch(f"/api/v1/organisations/{org.pk}/", {"size_class": "micro"}, format="json").status_code
        == 200
    )
    org.refresh_from_db()
    assert (org.name, org.business_id) == before[:2]


def test_htmx_form_posts_get_the_partial(world):
    client = signed_in(world["north_employer"])
    org = world["north_org"]
    response = client.post(f"/organisations/{org.pk}/edit/", {"name": ""}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps only 2xx responses
    assert html.lstrip().startswith("<form") and "<html" not in html and "error-summary" in html
    data = {
        "name": "Htmx Oy",
        "business_id": org.business_id,
        "legal_form": "company",
        "size_class": "small",
        "sector": "G",
        "municipality": org.municipality_id,
    }
    response = client.post(f"/organisations/{org.pk}/edit/", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Redirect"] == "/"


def test_employer_cannot_move_their_organisation_to_another_area_via_form(world):
    client = signed_in(world["north_professional"])
    org = world["north_org"]
    data = {
        "name": org.name,
        "business_id": org.business_id,
        "legal_form": "company",
        "size_class": "small",
        "sector": "G",
        "municipality": world["south_municipality"].pk,
    }
    response = client.post(f"/organisations/{org.pk}/edit/", data)
    assert response.status_code == 400
    org.refresh_from_db()
    assert org.municipality_id == world["north_municipality"].pk


def test_audit_view_filters_and_htmx_partial(world):
    from kohtaanto.web.audit.services import record

    record(actor=world["admin"], action="alpha.done")  # an action without a label reads "Muu muutos"
    record(actor=world["north_employer"], action="meeting.asked")

    def results(html: str) -> str:
        return html[html.index('<section id="audit-results"') :]

    client = signed_in(world["admin"])
    html = results(client.get("/audit/", {"action": "meeting.asked"}).content.decode())
    assert "Tapaamista pyydettiin" in html and "Muu muutos" not in html and "meeting.asked" not in html
    html = results(client.get("/audit/", {"actor": "admin"}).content.decode())
    assert "Muu muutos" in html and "Tapaamista pyydettiin" not in html
    partial = client.get("/audit/", {"action": "alpha.done"}, HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<section id="audit-results"')
    bad = client.get("/audit/", {"since": "2026-02-01", "until": "2026-01-01"}).content.decode()
    assert "Loppupäivä on ennen alkupäivää" in bad


def test_audit_verification_button(world):
    client = signed_in(world["admin"])
    html = client.post("/audit/verify/", HTTP_HX_REQUEST="true").content.decode()
    assert "Ehjä" in html


def test_security_headers_and_cookies(world):
    client = Client()
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Request-ID"]
    response = client.post("/login/", {"username": "n_seeker", "password": TEST_PASSWORD})
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_health_endpoint(db):
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_ready_endpoint_reports_the_database_and_the_queue(world):
    from kohtaanto.web.jobs.tasks import enqueue

    ready = Client().get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "queue": {"status": "ok"}}  # anonymous
    admin = Client()
    admin.force_login(world["admin"])
    assert admin.get("/readyz").json()["queue"] == {"status": "ok", "waiting": 0, "oldest_wait_seconds": 0}
    enqueue("probe", "waiting")
    assert admin.get("/readyz").json()["queue"]["waiting"] == 1
    assert "waiting" not in Client().get("/readyz").json()["queue"]


def test_ready_endpoint_is_503_when_the_database_does_not_answer(db, monkeypatch):
    from django.db.utils import OperationalError

    from kohtaanto.web.project import health_views as views

    class Down:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", Down())
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["database"] == "unavailable"
    assert response["Retry-After"] == "5"


def test_an_unreachable_database_gives_a_503_that_says_nothing_was_saved(db):
    from django.db.utils import OperationalError
    from django.test import RequestFactory

    from kohtaanto.web.api import errors

    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        api = errors.json_server_error(RequestFactory().get("/api/v1/profiles/me/"))
        page = errors.json_server_error(RequestFactory().get("/me/"))
    assert api.status_code == 503 and api["Retry-After"] == "5"
    assert json.loads(api.content)["error"]["code"] == "unavailable"
    assert page.status_code == 503 and "Mitään ei tallennettu" in page.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert errors.json_server_error(RequestFactory().get("/api/v1/x/")).status_code == 500
