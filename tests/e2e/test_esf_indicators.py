"""The ESF+ common indicators in the browser (issue 27): the demo coach opens the demo project's
indicators from the project page, reads them in Finnish and Swedish on a desktop and a 360 px phone, follows
the list of details still to fill in to a participant's form and completes the missing education."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_risk_card import look

pytestmark = pytest.mark.e2e
WORDS = {
    "fi": (
        "Osallistujia yhteensä",
        "Pitkäaikaistyöttömät",
        "Täydennettävät tiedot",
        "korkein koulutus alussa",
    ),
    "sv": (
        "Deltagare totalt",
        "Långtidsarbetslösa",
        "Uppgifter som ska fyllas i",
        "högsta utbildning i början",
    ),
}


def test_the_coach_reads_the_indicators_and_completes_a_record(page, demo_world):
    from kohtaanto.web.esf.models import ParticipantRecord, Project
    from kohtaanto.web.project.demo_esf import CODE

    project = Project.objects.get(code=CODE)
    sign_in(page, "ammattilainen1", demo_world.PASSWORD)
    for language, words in WORDS.items():
        choose_language(page, language)
        page.goto(f"/esf/{project.pk}/")
        page.locator(f"a[href='/esf/{project.pk}/indicators/']").click()
        text = page.locator("main").inner_text()
        for w in words:
            assert w in text, (language, w)
        look(page, f"esf-indicators-{language}")
        page.set_viewport_size({"width": 360, "height": 800})
        look(page, f"esf-indicators-{language}-360")
        page.set_viewport_size({"width": 1280, "height": 900})
    choose_language(page, "fi")
    page.locator("#gaps-heading ~ table a").first.click()
    look(page, "esf-participant-fi")
    page.get_by_label("Lukio tai ammatillinen koulutus (ISCED 3–4)").check()
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_url("**/indicators/**")  # back on the list the coach came from
    assert "ESR+-tiedot tallennettiin." in page.locator("body").inner_text()
    assert (
        "Kaikilla ajanjakson osallistujilla on indikaattoreiden tarvitsemat tiedot."
        in page.locator("main").inner_text()
    )
    assert not ParticipantRecord.objects.filter(entry__project=project, education="").exists()
