"""Pages name audit actions in the reader's language: every action the code records has a label, and a
dashboard shows the label, not the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from kohtaanto.web.audit.labels import ACTIONS, action_text, object_text

pytestmark = pytest.mark.db
SRC = Path(__file__).resolve().parents[2] / "src" / "kohtaanto"


def test_every_recorded_action_has_a_label():
    recorded = set()
    for path in SRC.rglob("*.py"):
        recorded |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert recorded and recorded <= set(ACTIONS), sorted(recorded - set(ACTIONS))


def test_labels_are_in_the_readers_language():
    with translation.override("fi"):
        assert action_text("session.signed_in") == "Kirjautui sisään"
        assert object_text("accounts.user") == "käyttäjä"
        assert action_text("no.such_action") == "Muu muutos"
    with translation.override("sv"):
        assert action_text("session.signed_in") == "Loggade in"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_dashboard_shows_no_action_codes(world, language):
    boss = world["north_employer"]
    boss.language = language
    boss.save()
    client = Client()
    client.force_login(boss)
    client.get("/")  # the sign-in itself is a recent action
    page = client.get("/").content.decode()
    assert "session.signed_in" not in page and "accounts.user" not in page
    assert ("Kirjautui sisään" if language == "fi" else "Loggade in") in page
