"""The two supports pages in the browser, in each language."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.e2e

TEXTS = {
    "fi": (
        "Mitä tukea voin saada?",
        "Palkkatuki, alentunut työkyky (70 %)",
        "Jos teen osa-aikatyötä…",
        "Kuukautesi",
    ),
    "sv": (
        "Vilket stöd kan jag få?",
        "Lönesubvention, nedsatt arbetsförmåga (70 %)",
        "Om jag arbetar deltid…",
        "Din månad",
    ),
    "en": (
        "What support can I get?",
        "Pay subsidy, reduced work ability (70 %)",
        "If I work part-time…",
        "Your month",
    ),
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_employer_finds_the_supports_for_a_hire(page, demo_world, language):
    title, support, _, _ = TEXTS[language]
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, language)
    page.locator("main a.button[href='/supports/hire/']").click()
    assert page.locator("h1").inner_text() == title
    page.locator("#id_age").fill("35")
    page.locator("#id_unemployment_months").fill("8")
    page.locator("#id_reduced_work_ability").check()
    page.locator("#id_monthly_wage").fill("3000")
    page.locator("#id_on").fill("2025-03-01")
    page.locator("#supports-hire button[type=submit]").click()
    results = page.locator("#results-heading")
    results.wait_for()
    text = page.locator("#supports-hire .results").inner_text()
    assert support in text
    grouped = {"fi": "1 770 €", "sv": "1 770 €", "en": "1,770 €"}[language]  # each locale's grouping
    assert grouped in text.replace("\u00a0", " ")
    assert page.url.endswith("/supports/hire/")  # htmx kept the page; nothing went into the address


def test_form_errors_are_shown_by_htmx_and_focus_moves_to_them(page, demo_world):
    sign_in(page, "tyonantaja2", demo_world.PASSWORD)
    page.goto("/supports/hire/")
    page.locator("#id_monthly_wage").fill("")
    page.locator("#supports-hire button[type=submit]").click()
    summary = page.locator("#supports-hire .error-summary")
    summary.wait_for()
    assert summary.evaluate("el => el === document.activeElement")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_job_seeker_compares_the_month_with_and_without_work(page, demo_world, language):
    _, _, title, month = TEXTS[language]
    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    choose_language(page, language)
    page.locator("main a.button[href='/supports/part-time/']").click()
    assert page.locator("h1").inner_text() == title
    page.locator("#id_earnings").fill("800")
    page.locator("#id_on").fill("2025-03-01")
    page.locator("#supports-part-time button[type=submit]").click()
    page.locator("#month-heading").wait_for()
    assert page.locator("#month-heading").inner_text() == month
    table = page.locator("table.income").inner_text().replace("\u00a0", "").replace(" ", "")
    assert "800,02" in table or "800.02" in table
    assert "1200,02" in table or "1,200.02" in table  # grouped: a no-break space in fi and sv, a comma in en
    chart = page.locator("figure.chart svg")
    assert chart.get_attribute("role") == "img"
    assert page.locator("figure.chart polyline").count() == 2
