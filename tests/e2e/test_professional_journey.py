"""The professional's journey in the browser, in Finnish: outreach → need → task inventory → carved job →
hire → follow-up, a job carved from two micro-firms of a talent pool, the caseload and the outcomes.
Screenshots go to build/screenshots/ with the axe check on every step."""

from __future__ import annotations

import datetime as dt

import pytest

from kohtaanto.web.matching import seeker
from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_hiring_journey import add_task
from tests.e2e.test_hiring_journey import step as employer_step

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", autouse=True)
def warm_skills():
    seeker.warm_up(("fi",))


def step(page, name: str) -> None:
    employer_step(page, f"professional-{name}")


def publish_and_hire(page, demo_world, pseudonym: str, username: str) -> None:
    """From the supports step: publish the ad, shortlist, ask to meet; the person says yes; hire."""
    page.locator("a:has-text('Seuraavaksi: ilmoitus')").click()
    page.locator("button[value=publish]").click()
    page.locator("#published-heading").wait_for()
    page.locator("a:has-text('Seuraavaksi: ehdokkaat')").click()
    page.locator("button:has-text('Tee lyhyt lista')").click()
    page.locator(f"article.match:has-text('{pseudonym}') button").click()
    page.locator(".messages").wait_for()
    case_url = page.url
    page.locator(".session button[type=submit]").click()
    sign_in(page, username, demo_world.PASSWORD)
    page.goto("/me/sharing/")
    page.locator("#meetings-heading ~ ul button[value=yes]").first.click()
    page.locator(".messages").wait_for()
    page.locator(".session button[type=submit]").click()
    sign_in(page, "ammattilainen1", demo_world.PASSWORD)
    page.goto(case_url)
    page.locator("button:has-text('Palkkaamme tämän henkilön')").click()
    page.locator(".messages").wait_for()


def test_professional_journey_in_finnish(page, demo_world):
    from kohtaanto.web.accounts.models import Organisation
    from kohtaanto.web.matching.models import SeekerProfile

    bakery = Organisation.objects.get(business_id="9800001-6")
    baker = SeekerProfile.objects.get(person__username="tyonhakija1").pseudonym
    sign_in(page, "ammattilainen1", demo_world.PASSWORD)
    choose_language(page, "fi")

    # outreach: a visit, then the need in the employer's words
    page.locator("nav a[href='/outreach/']").click()
    step(page, "1-outreach")
    page.locator(f"main table a[href='/outreach/{bakery.pk}/']").click()
    if not page.locator("#id_happened_on").is_visible():
        page.locator("details:has(input[value=activity]) > summary").click()
    page.locator("#id_kind").select_option("visit")
    page.locator("#id_notes").fill("Leipurit tekevät ylitöitä aamuisin.")
    page.locator("form:has(input[value=activity]) button[type=submit]").click()
    page.locator(".messages").wait_for()
    page.locator("details:has(input[value=need]) > summary").click()
    need = "Tarvitsisimme jonkun aamuisin pakkaamaan leipiä ja valmistelemaan taikinaa."
    page.locator("#id_text").fill(need)
    page.locator("#id_roles").fill("Leipuri")
    page.locator("#id_hours_per_week").fill("18")
    page.locator("form:has(input[value=need]) button[type=submit]").click()
    page.locator(".messages").wait_for()
    step(page, "2-need")

    # one click to a task inventory, then the hiring journey for the baker
    page.locator("form:has(input[value=to_case]) button").first.click()
    page.wait_for_url("**/tasks/")
    add_task(page, "Leipien pakkaus", "10", "Elintarvikkeiden pakkaaminen")
    add_task(page, "Taikinan valmistelu", "8", "Työ leipomossa")
    step(page, "3-tasks")
    page.locator(".journey a[href$='/carve/']").click()
    page.locator(f"input[name=person][value='{baker}']").check()
    page.locator("#id_unemployment_months").fill("14")
    page.locator("#id_reduced_work_ability").check()
    page.locator("form:has(input[value=carve]) button").click()
    page.locator("#proposals-heading").wait_for()
    page.locator("form:has(input[value=choose]) button").first.click()
    page.wait_for_url("**/supports/")
    publish_and_hire(page, demo_world, baker, "tyonhakija1")
    step(page, "4-hired")

    # start and a follow-up: still employed, hours now
    page.locator(".journey a:has-text('Aloitus ja seuranta')").click()
    page.locator("#id_mentor").fill("Leena Leipuri")
    page.locator("#id_starts_on").fill((dt.date.today() - dt.timedelta(days=40)).isoformat())
    page.locator("button:has-text('Tallenna suunnitelma')").click()
    page.locator(".messages").wait_for()
    first = page.locator("#follow-heading ~ ul > li").first
    first.locator("input[name=still_employed][value=yes]").check()
    first.locator("input[name=hours_per_week]").fill("18")
    first.locator("button[type=submit]").click()
    page.locator(".messages").wait_for()
    assert "yhä töissä" in page.locator("#follow-heading ~ ul > li").first.inner_text()
    step(page, "5-follow-up")

    # a talent pool of three micro-firms: one job from two of them, each firm's share shown
    page.goto("/pools/")
    page.locator("main ul a[href^='/pools/']").first.click()
    page.locator("label:has-text('Hollolan Pihapalvelu')").click()
    page.locator("label:has-text('Orimattilan Pesula')").click()
    gardener = SeekerProfile.objects.get(person__username="tyonhakija2").pseudonym  # yards and cleaning
    page.locator("#id_person").select_option(gardener)
    page.locator("form:has(#id_person) button[type=submit]").click()
    page.locator("#shared-1").wait_for()
    shares = page.locator("article:has(#shared-1) table tbody tr")
    assert shares.count() == 2  # both firms carry a part of the one job
    step(page, "6-pool")
    # the shared job goes on to a hire and a follow-up like any other
    page.locator("article:has(#shared-1) form:has(input[value=start]) button").click()
    page.wait_for_url("**/supports/")
    publish_and_hire(page, demo_world, gardener, "tyonhakija2")
    page.locator(".journey a:has-text('Aloitus ja seuranta')").click()
    page.locator("#id_mentor").fill("Pekka Piha")
    page.locator("#id_starts_on").fill((dt.date.today() - dt.timedelta(days=35)).isoformat())
    page.locator("button:has-text('Tallenna suunnitelma')").click()
    page.locator(".messages").wait_for()
    first = page.locator("#follow-heading ~ ul > li").first
    first.locator("input[name=still_employed][value=yes]").check()
    first.locator("button[type=submit]").click()
    page.locator(".messages").wait_for()
    step(page, "6b-pool-job-follow-up")

    # the caseload and the outcomes show the work
    page.goto("/caseload/")
    page.locator("form:has(#id_profile) button[type=submit]").click()
    page.locator("#status-heading").wait_for()
    step(page, "7-caseload")
    page.locator("nav a[href='/outcomes/']").click()
    hires = page.locator("#figures-heading ~ table tr:has-text('Rekrytoinnit') td").first.inner_text()
    assert int(hires) >= 1
    step(page, "8-outcomes")
