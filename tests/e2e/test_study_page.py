"""The page "Voinko opiskella työttömänä?" in a real browser, in each language and with scripts off: the
answer with its reasons, what the person must do and the next step; a field error keeps what was typed."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.e2e
TITLES = {
    "fi": ("Voinko opiskella työttömänä?", "Kyllä, etuus jatkuu"),
    "sv": ("Kan jag studera som arbetslös?", "Ja, förmånen fortsätter"),
    "en": ("Can I study while unemployed?", "Yes, the benefit continues"),
}


def _fill(page, months: str) -> None:
    page.locator("#id_age").fill("30")
    page.locator("#id_kind").select_option("vocational_qualification")
    page.locator("#id_starts_on").fill("2026-01-12")
    page.locator("#id_months").fill(months)
    page.locator("#id_agreed_in_plan").check()
    page.locator("#id_training_need_found").check()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_job_seeker_asks_whether_they_can_study(page, demo_world, language):
    title, yes = TITLES[language]
    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    choose_language(page, language)
    page.goto("/supports/study/")
    assert page.locator("h1").inner_text() == title
    _fill(page, "24")
    page.locator("#supports-study button[type=submit]").click()
    page.locator("#study-answer-heading").wait_for()
    assert page.locator("#study-answer-heading").inner_text() == yes
    assert page.locator(".results li").count() >= 5
    assert page.locator(".results a[href^='http']").count() >= 1


def test_the_page_works_without_scripts_and_keeps_typed_input(browser, live_server, demo_world):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    page.goto("/supports/study/")
    _fill(page, "12")
    page.locator("#id_age").fill("7")
    page.locator("#supports-study button[type=submit]").click()
    assert page.locator(".field-error").count() >= 1
    assert page.locator("#id_age").input_value() == "7"
    assert page.locator("#id_months").input_value() == "12"
    page.locator("#id_age").fill("30")
    page.locator("#supports-study button[type=submit]").click()
    assert page.locator("#study-answer-heading").count() == 1
    context.close()
