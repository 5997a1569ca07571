"""The application details in the browser (issue 27): the demo baker's employer opens them from the
supports step and reads what is filled in and what is missing, in Finnish and Swedish, on a desktop and a
360 px phone, with axe on every page; the PDF and the JSON carry the same packet."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_risk_card import look

pytestmark = pytest.mark.e2e
WORDS = {
    "fi": ("Palkkatukihakemus", "Puuttuu", "Henkilötunnus", "Noudatettava työehtosopimus"),
    "sv": ("Ansökan om lönesubvention", "Saknas", "Personbeteckning", "Kollektivavtal som följs"),
}


def test_the_employer_reads_the_application_details(page, demo_world):
    from kohtaanto.web.hiring.sample import bakery_case

    case = bakery_case(publish=True, title="Hakemuksen testi")
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    for language, words in WORDS.items():
        choose_language(page, language)
        page.goto(f"/hire/{case.pk}/supports/")
        page.locator(f"a[href='/hire/{case.pk}/application/']").click()
        text = page.locator("main").inner_text()
        for w in words:
            assert w in text, (language, w)
        assert case.job.title in text  # the published ad's title fills the job title
        look(page, f"application-{language}")
        page.set_viewport_size({"width": 360, "height": 800})
        look(page, f"application-{language}-360")
        page.set_viewport_size({"width": 1280, "height": 900})
    body = page.request.get(f"/hire/{case.pk}/application.json").json()
    assert body["applications"][0]["key"] == "pay_subsidy_application"
    assert page.request.get(f"/hire/{case.pk}/application.pdf").body().startswith(b"%PDF")
