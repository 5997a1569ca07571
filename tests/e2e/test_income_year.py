"""Does the work pay? A job seeker's year and an employer's 24 months, in the browser, in each language."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.e2e

TEXTS = {
    "fi": (
        "Kannattaako työ?",
        "Työn kanssa sinulla on yhteensä",
        "Ilmoita Kelalle asumistuen tulomuutoksesta",
    ),
    "sv": ("Lönar sig arbetet?", "Med arbetet har du sammanlagt", "Anmäl till FPA ändringen i inkomsterna"),
    "en": ("Does the work pay?", "With the work you have", "Tell Kela about the change in income"),
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_seeker_sees_a_season_month_by_month(page, demo_world, language):
    title, difference, report = TEXTS[language]
    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    choose_language(page, language)
    page.locator("main a.button[href='/supports/year/']").click()
    assert page.locator("h1").inner_text() == title
    page.locator("#id_municipality").fill("Tampere")
    page.locator("#id_rent").fill("600")
    page.locator("#id_pay_kind_1").check()  # a monthly wage
    page.locator("#id_wage_month").fill("2300")
    page.locator("#id_hours_per_week").fill("37.5")
    page.locator("#id_work_start").fill("2026-05-01")
    page.locator("#id_work_end").fill("2026-07-31")
    page.locator("#id_on").fill("2026-01-01")
    page.locator("#supports-year button[type=submit]").click()
    page.locator("#year-heading").wait_for()
    text = page.locator("#supports-year .results").inner_text().replace("\u00a0", " ")
    amount = {"fi": "2 935,50", "sv": "2 935,50", "en": "2,935.50"}[language]
    assert difference in text and amount in text  # income-year-fi.md T7
    assert report in text
    rows = page.locator("table.year-table tbody tr")
    assert rows.count() == 13  # twelve months and the total
    svg = page.locator("#supports-year svg").inner_html()
    assert not re.search(r'(?:x|y|x1|x2|y1|y2)="[^"]*,', svg)  # coordinates never take the decimal comma
    assert page.url.endswith("/supports/year/")


def test_employer_sees_the_cost_step_when_the_subsidy_ends(page, demo_world):
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    page.goto("/supports/employer-cost/")
    page.locator("#id_start").fill("2025-01-01")
    page.locator("#id_wage_month").fill("2000")
    page.locator("#id_subsidy_1").check()
    page.locator("#id_subsidy_months").fill("10")
    page.locator("#supports-employer-cost button[type=submit]").click()
    page.locator("#cost-heading").wait_for()
    text = page.locator("#supports-employer-cost .results").inner_text().replace("\u00a0", " ")
    assert "49 399,06" in text  # income-year-fi.md T9
    assert "Palkkatuki päättyy ennen 1.11.2025" in text
