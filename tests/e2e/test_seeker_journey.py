"""The job seeker's journey in the browser, in Finnish end to end; its critical step in Swedish and English.
Screenshots of each step go to build/screenshots/ (kept as CI artifacts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kohtaanto.web.matching import seeker
from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_accessibility import scan

pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(scope="module", autouse=True)
def warm_skills():
    seeker.warm_up(("fi", "sv"))  # the starter vocabulary's vectors, once


def shot(page, name: str) -> None:
    """Save a screenshot and require no serious or critical accessibility violation on the page."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"seeker-{name}.png"), full_page=True)
    blocking = [f"{v['id']}: {v['help']}" for v in scan(page) if v["impact"] in ("serious", "critical")]
    assert blocking == [], name


def test_job_seeker_journey_in_finnish(page, demo_world):
    sign_in(page, "tyonhakija2", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.locator("nav a[href='/me/']").click()
    assert page.locator("h1").inner_text() == "Oma polkuni töihin"
    shot(page, "1-overview")

    page.locator(".journey a[href='/me/skills/']").click()
    page.locator("#id_text").fill("Olen siivonnut toimistoja ja pessyt lattioita. Kotona laitan ruokaa.")
    page.locator("form.card button[type=submit]").click()
    page.locator("#found-heading").wait_for()
    assert page.locator(".evidence mark").count() >= 1
    shot(page, "2-skills-found")
    page.locator("button:has-text('Tallenna taitoni')").click()
    page.locator(".messages").wait_for()
    assert page.locator("#mine-heading ~ table tbody tr").count() >= 3

    page.goto("/me/capacity/physical/")
    page.locator("input[name='physical.lifting_carrying'][value='3']").check()
    shot(page, "3-capacity")
    page.locator("button[name=next]").click()
    page.wait_for_url("**/me/capacity/sensory_communication/")

    page.goto("/me/work/")
    page.locator("#id_hours_min").fill("40")
    page.locator("#id_hours_max").fill("20")
    page.locator("main form button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert page.locator("#id_municipality").input_value() == "Hollola"  # what was there is kept
    page.locator("#id_hours_min").fill("20")
    page.locator("#id_hours_max").fill("30")
    page.locator("main form button[type=submit]").click()
    page.locator(".messages").wait_for()
    shot(page, "4-work")

    page.locator(".journey a[href='/me/languages/']").click()
    page.locator("#id_finnish").select_option("B1")
    page.locator("#id_history").fill("Siivooja, Lahden Siivous Oy, 2018-2022")
    page.locator("main form button[type=submit]").click()
    page.locator(".messages").wait_for()
    assert page.locator("#id_history").input_value().startswith("Siivooja")

    page.locator(".journey a[href='/me/sharing/']").click()
    assert not page.locator("#id_share_accommodations").is_checked()  # nothing shared by default
    page.locator("#id_open_to_employers").check()
    page.locator("main form button[type=submit]").first.click()
    page.locator(".messages").wait_for()
    assert page.locator("#history-heading ~ .table-wrap tbody tr").count() >= 1
    shot(page, "5-sharing")

    page.locator(".journey a[href='/me/income/']").click()
    assert page.locator("#id_hours_percent").input_value() == "80"  # 30 h of full time
    page.locator("#id_earnings").fill("-5")
    page.locator("#supports-part-time button[type=submit]").click()
    page.locator("#supports-part-time .error-summary").wait_for()
    page.locator("#id_earnings").fill("700")
    page.locator("#id_remember").check()
    page.locator("#supports-part-time button[type=submit]").click()
    page.locator("#month-heading").wait_for()
    shot(page, "6-income")

    page.locator(".journey a[href='/my-matches/']").click()
    page.locator("main form button[type=submit]").first.click()
    page.locator("#jobs-heading").wait_for()
    assert "Miksi tämä sopii minulle?" in page.locator("#jobs-heading ~ article").first.inner_text()
    page.locator("form.interest button").first.click()
    page.locator(".messages").wait_for()
    shot(page, "7-matches")

    page.locator(".journey a[href='/me/data/']").click()
    with page.expect_download() as download:
        page.locator("a[href='/me/data/export.json']").click()
    assert download.value.suggested_filename.startswith("kohtaanto-my-data-")
    shot(page, "8-data")


@pytest.mark.parametrize(("language", "heading"), [("sv", "Mina färdigheter"), ("en", "My skills")])
def test_skills_step_in_swedish_and_english(page, demo_world, language, heading):
    sign_in(page, "tyonhakija3", demo_world.PASSWORD)
    choose_language(page, language)
    page.goto("/me/skills/")
    assert page.locator("h1").inner_text() == heading
    page.locator("#id_text").fill("Jag har städat kontor och tvättat golv.")  # a Swedish text in any UI
    page.locator("#id_language").select_option("sv")
    page.locator("form.card button[type=submit]").click()
    page.locator("#found-heading").wait_for()
    assert page.locator("input[name=pick]").count() >= 1


@pytest.mark.parametrize("language", ["sv", "en"])
def test_capacity_sharing_and_income_in_swedish_and_english(page, demo_world, language):
    from kohtaanto.web.seeker.forms import NOT_SAYING

    sign_in(page, "tyonhakija3", demo_world.PASSWORD)
    choose_language(page, language)
    page.goto("/me/capacity/physical/")
    page.locator(f"input[name='physical.lifting_carrying'][value='{NOT_SAYING}']").check()
    page.locator("button[name=next]").click()
    page.wait_for_url("**/me/capacity/sensory_communication/")
    shot(page, f"capacity-{language}")
    page.goto("/me/sharing/")
    assert not page.locator("#id_share_accommodations").is_checked()
    page.locator("#id_open_to_employers").check()
    page.locator("main form button[type=submit]").first.click()
    page.locator(".messages").wait_for()
    shot(page, f"sharing-{language}")
    page.goto("/me/income/")
    page.locator("#id_earnings").fill("600")
    page.locator("#supports-part-time button[type=submit]").click()
    page.locator("#month-heading").wait_for()
    shot(page, f"income-{language}")
