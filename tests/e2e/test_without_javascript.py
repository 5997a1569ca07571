"""Every journey page works without JavaScript: forms post, results and field errors come back as pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:  # the shared fixture, with scripts switched off
    context = browser.new_context(base_url=live_server.url, locale="en-US", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_job_seekers_steps_work_without_javascript(page, demo_world):
    sign_in(page, "tyonhakija2", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.goto("/me/income/")
    page.locator("#id_earnings").fill("-5")
    page.locator("#supports-part-time button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert page.locator("#id_earnings").input_value() == "-5"
    page.locator("#id_earnings").fill("650")
    page.locator("#supports-part-time button[type=submit]").click()
    page.locator("#month-heading").wait_for()
    page.goto("/me/sharing/")
    page.locator("#id_open_to_employers").check()
    page.locator("main form button[type=submit]").first.click()
    page.locator(".messages").wait_for()
    assert page.locator("#id_open_to_employers").is_checked()


def test_the_employers_steps_work_without_javascript(page, demo_world):
    from kohtaanto.web.hiring.sample import bakery_case

    case = bakery_case(publish=False).pk
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "en")
    page.goto(f"/hire/{case}/ad/")
    page.locator("#id_text").fill("Etsimme nuorekasta tekijää. Hakemukset toimitetaan esim. sähköpostilla.")
    page.locator("button[value=check]").click()
    page.locator("#check-heading").wait_for()
    assert "nuorekasta" in page.locator("#id_text").input_value()
    page.goto(f"/hire/{case}/supports/")
    page.locator("#id_starts_on").fill("2000-01-01")
    page.locator("form:has(#id_starts_on) button").click()
    assert page.locator("#id_starts_on").input_value() == "2000-01-01"
    assert page.locator(".errors").count() == 1
    assert page.locator(".print-button").is_hidden()  # the print button needs JavaScript: it stays hidden


def test_the_professionals_pages_work_without_javascript(page, demo_world):
    sign_in(page, "ammattilainen1", demo_world.PASSWORD)
    choose_language(page, "en")
    page.goto("/outreach/")
    page.locator("main table tbody a[href^='/outreach/']").first.click()
    page.locator("details:has(input[value=need]) > summary").click()
    page.locator("#id_text").fill("Someone for a few hours a week to sort the laundry.")
    page.locator("#id_hours_per_week").fill("lots")
    page.locator("form:has(input[value=need]) button[type=submit]").click()
    page.locator(".error-summary").wait_for()  # a field error, and the text is kept
    assert page.locator("#id_text").input_value().startswith("Someone for a few hours")
    page.goto("/pools/")
    page.locator("main ul a[href^='/pools/']").first.click()
    page.locator("label:has-text('Hollolan Pihapalvelu')").click()
    page.locator("label:has-text('Orimattilan Pesula')").click()
    page.locator("form:has(#id_person) button[type=submit]").click()
    page.locator("#shared-proposals").wait_for()
    page.goto("/outcomes/?start=2000-01-01&end=1999-01-01")
    page.locator(".error-summary").wait_for()
    page.goto("/outcomes/")
    page.locator("#figures-heading").wait_for()
