from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from django.test import Client
from django.utils import translation

from kohtaanto.web.accounts.models import LegalForm, Role
from kohtaanto.web.core.i18n import catalogues

pytestmark = pytest.mark.db


@pytest.mark.parametrize("language", ["fi", "sv", "ru", "et", "ar", "uk", "so"])
def test_catalogue_is_complete(language):
    (path,) = [p for p in catalogues() if p.parts[-3] == language]
    with path.open("rb") as handle:
        catalog = read_po(handle)
    missing = [
        m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert missing == [] and fuzzy == []


def test_model_choices_are_translated():
    with translation.override("fi"):
        assert str(Role.JOB_SEEKER.label) == "Työnhakija"
        assert str(LegalForm.ASSOCIATION.label) == "Yhdistys"
    with translation.override("sv"):
        assert str(Role.JOB_SEEKER.label) == "Arbetssökande"
        assert str(LegalForm.ASSOCIATION.label) == "Förening"


@pytest.mark.parametrize(
    ("language", "text"), [("fi", "Kirjaudu sisään"), ("sv", "Logga in"), ("en", "Sign in")]
)
def test_login_page_in_each_language(db, language, text):
    client = Client()
    client.cookies["kohtaanto_language"] = language
    html = client.get("/login/").content.decode()
    assert f'<html lang="{language}">' in html and text in html


def test_a_language_chosen_on_the_sign_in_page_is_kept_after_signing_in(world):
    from kohtaanto.web.audit.models import AuditEvent

    user = world["north_employer"]
    user.language = "fi"
    user.save()
    client = Client()
    client.post("/language/", {"language": "sv", "next": "/login/"})
    client.force_login(user)  # the same signal as the sign-in form
    html = client.get("/").content.decode()
    user.refresh_from_db()
    assert user.language == "sv" and '<html lang="sv">' in html
    assert AuditEvent.objects.filter(action="user.language_changed").count() == 1
    # a cookie alone (another person's choice on a shared computer) does not change the account
    other = world["south_employer"]
    stranger = Client()
    stranger.cookies["kohtaanto_language"] = "en"
    stranger.force_login(other)
    other.refresh_from_db()
    assert other.language != "en"


def test_each_language_says_how_far_it_has_come():
    from django.conf import settings

    from kohtaanto.web.core.i18n import translation_status

    status = {s.code: s for s in translation_status()}
    assert list(status) == [code for code, _name in settings.LANGUAGES]
    assert all(s.strings > 0 and s.share == 1 for s in status.values())
    assert {s.code for s in status.values() if s.covers == "journey"} == {"ru", "et", "ar", "uk", "so"}
    assert status["ar"].state == "second_review" and status["fi"].state == "written"


def test_arabic_chosen_on_the_sign_in_page_stays_a_job_seekers(world):
    employer, seeker = world["north_employer"], world["north_seeker"]
    for user in (employer, seeker):
        user.language = "fi"
        user.save()
        client = Client()
        assert client.post("/language/", {"language": "ar", "next": "/login/"}).status_code == 302
        assert '<html lang="ar" dir="rtl">' in client.get("/login/").content.decode()
        client.force_login(user)  # the same signal as the sign-in form
        html = client.get("/").content.decode()
        user.refresh_from_db()
        if user == seeker:
            assert user.language == "ar" and '<html lang="ar" dir="rtl">' in html
        else:  # the employer reads the service in their own language, and signing in still works
            assert user.language == "fi" and '<html lang="fi">' in html
