"""Sign-in through OpenID Connect (mozilla-django-oidc) against a local fake provider: the whole code flow
over loopback HTTP, linking an account by verified e-mail then by subject, and the refusals: off unless
configured, a forged token, a wrong state, an unverified address, a locked account."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.models import AuditEvent
from tests.fake_oidc import FakeProvider

pytestmark = pytest.mark.db


@pytest.fixture
def provider(settings):
    with FakeProvider() as fake:
        for name, value in fake.settings().items():
            setattr(settings, name, value)
        yield fake


def _sign_in(client: Client, provider: FakeProvider):
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302
    location = start["Location"]
    assert location.startswith(provider.base + "/authorize?")
    back = provider.authorize(urlsplit(location).query)
    parts = urlsplit(back)
    return client.get(f"{parts.path}?{parts.query}")


def _signed_in_user(client: Client) -> User | None:
    from django.contrib.auth import get_user

    class Request:
        session = client.session

    user = get_user(Request())
    return user if user.is_authenticated else None


def test_it_is_off_unless_configured(db):
    assert Client().get("/oidc/authenticate/").status_code == 404
    assert Client().get("/oidc/callback/?code=x&state=y").status_code == 404
    assert "oidc" not in Client().get("/login/").content.decode()


def test_the_login_page_offers_the_provider(provider):
    page = Client().get("/login/").content.decode()
    assert 'href="/oidc/authenticate/"' in page


def test_a_verified_email_links_the_account_then_the_subject_signs_in(provider, world):
    person = world["north_professional"]
    person.email = "aila@alue.example"
    person.save()
    provider.claims = {"sub": "area-idp-123", "email": "Aila@alue.example", "email_verified": True}
    client = Client()
    answer = _sign_in(client, provider)
    assert answer.status_code == 302 and answer["Location"] == "/"
    assert _signed_in_user(client) == person
    person.refresh_from_db()
    assert person.oidc_subject == "area-idp-123"
    assert AuditEvent.objects.filter(action="account.oidc_linked", object_id=str(person.pk)).count() == 1
    assert AuditEvent.objects.filter(action="session.signed_in", actor_id=person.pk).exists()
    # later: the subject alone is enough, even when the address changed at the provider
    provider.claims = {"sub": "area-idp-123", "email": "other@alue.example", "email_verified": True}
    again = Client()
    _sign_in(again, provider)
    assert _signed_in_user(again) == person


def test_an_unverified_email_or_an_unknown_subject_is_refused(provider, world):
    person = world["north_seeker"]
    person.email = "maija@example.invalid"
    person.save()
    provider.claims = {"sub": "someone", "email": "maija@example.invalid", "email_verified": False}
    client = Client()
    answer = _sign_in(client, provider)
    assert answer.status_code == 302 and answer["Location"] != "/"
    assert _signed_in_user(client) is None
    person.refresh_from_db()
    assert person.oidc_subject == ""


def test_a_token_signed_with_another_key_is_refused(provider, world):
    person = world["north_professional"]
    User.objects.filter(pk=person.pk).update(oidc_subject="area-idp-9")
    provider.claims = {"sub": "area-idp-9"}
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    client = Client(raise_request_exception=False)
    answer = _sign_in(client, provider)
    assert answer.status_code in (302, 400, 403)
    assert _signed_in_user(client) is None


def test_a_wrong_state_is_refused(provider, world):
    User.objects.filter(pk=world["north_professional"].pk).update(oidc_subject="area-idp-9")
    provider.claims = {"sub": "area-idp-9"}
    client = Client(raise_request_exception=False)
    start = client.get("/oidc/authenticate/")
    back = urlsplit(provider.authorize(urlsplit(start["Location"]).query))
    forged = back.query.replace("state=", "state=x")
    answer = client.get(f"{back.path}?{forged}")
    assert answer.status_code in (302, 400, 403)
    assert _signed_in_user(client) is None


def test_an_inactive_account_cannot_sign_in(provider, world):
    User.objects.filter(pk=world["north_professional"].pk).update(oidc_subject="area-idp-9", is_active=False)
    provider.claims = {"sub": "area-idp-9"}
    client = Client()
    _sign_in(client, provider)
    assert _signed_in_user(client) is None


def test_new_job_seekers_are_made_only_when_an_area_is_configured(provider, world, settings):
    provider.claims = {"sub": "suomifi-1", "given_name": "Uusi", "family_name": "Hakija"}
    client = Client()
    _sign_in(client, provider)
    assert _signed_in_user(client) is None and not User.objects.filter(oidc_subject="suomifi-1").exists()
    settings.KOHTAANTO_OIDC_NEW_JOB_SEEKERS_AREA = world["north"].name_fi
    client = Client()
    _sign_in(client, provider)
    made = User.objects.get(oidc_subject="suomifi-1")
    assert _signed_in_user(client) == made
    assert (made.role, made.employment_area, made.first_name, made.has_usable_password()) == (
        "job_seeker",
        world["north"],
        "Uusi",
        False,
    )
    assert AuditEvent.objects.filter(action="account.created_by_oidc").count() == 1


def test_a_locked_account_is_not_replaced_by_a_new_one(provider, world, settings):
    User.objects.filter(pk=world["north_seeker"].pk).update(oidc_subject="suomifi-9", is_active=False)
    settings.KOHTAANTO_OIDC_NEW_JOB_SEEKERS_AREA = world["north"].name_fi
    provider.claims = {"sub": "suomifi-9"}
    client = Client()
    _sign_in(client, provider)
    assert _signed_in_user(client) is None
    assert User.objects.filter(oidc_subject="suomifi-9").count() == 1
