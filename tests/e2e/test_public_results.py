"""The public results of an employment area in the browser (issue 27), as anyone without an account:
from the footer to the area's page, in Finnish and Swedish, on a desktop and a 360 px phone; the figures
on the page are the ones the open data (CSV) carries. Axe runs on every page."""

from __future__ import annotations

import csv
import io

import pytest

from tests.e2e.conftest import choose_language
from tests.e2e.test_risk_card import look

pytestmark = pytest.mark.e2e
WORDS = {
    "fi": ("Tulokset alueittain", "ihmistä sai työpaikan", "Miten luvut lasketaan", "Sivun avoin data (CSV)"),
    "sv": (
        "Resultat per område",
        "personer fick ett jobb",
        "Hur talen räknas",
        "Öppna data bakom sidan (CSV)",
    ),
}


def test_anyone_reads_an_areas_results_and_its_open_data(page, demo_world):
    from kohtaanto.web.accounts.models import EmploymentArea

    area = EmploymentArea.objects.order_by("name_fi").first()
    page.goto("/login/")
    for language, (footer, hired, how, data) in WORDS.items():
        choose_language(page, language)
        page.locator("footer").get_by_text(footer).click()
        page.wait_for_url("**/results/")
        page.locator("main").get_by_role(
            "link", name=area.name_fi if language == "fi" else area.name_sv or area.name_fi
        ).click()
        text = page.locator("main").inner_text()
        assert hired in text and how in text and data in text, language
        look(page, f"public-results-{language}")
        page.set_viewport_size({"width": 360, "height": 800})
        look(page, f"public-results-{language}-360")
        page.set_viewport_size({"width": 1280, "height": 900})
        shown = page.locator(".key-figures .big-number").first.inner_text()
        href = page.locator("main").get_by_text(data).get_attribute("href")
        rows = list(csv.DictReader(io.StringIO(page.request.get(href).body().decode("utf-8-sig"))))
        hires = next(r for r in rows if r["figure"] == "hires")
        # the page shows what the data says: the number, or "fewer than 5" where the data withholds it
        assert shown == (hires["value"] or {"fi": "alle 5", "sv": "färre än 5"}[language]), (shown, hires)
