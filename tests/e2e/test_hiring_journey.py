"""The employer's journey in the browser, in Finnish end to end (axe on every step), and its first step
in Swedish and English. Screenshots of each step go to build/screenshots/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kohtaanto.web.hiring.services import FOLLOW_UP_MONTHS
from kohtaanto.web.matching import seeker
from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_accessibility import scan

pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(scope="module", autouse=True)
def warm_skills():
    seeker.warm_up(("fi",))


def step(page, name: str) -> None:
    """Save a screenshot and require no serious or critical accessibility violation on the page."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"employer-{name}.png"), full_page=True)
    blocking = [f"{v['id']}: {v['help']}" for v in scan(page) if v["impact"] in ("serious", "critical")]
    assert blocking == [], name


def add_task(page, name: str, hours: str, skill: str) -> None:
    page.locator("details:has(input[value=add_task]) > summary").click() if not page.locator(
        "#id_name"
    ).is_visible() else None
    page.locator("#id_name").fill(name)
    page.locator("#id_hours").fill(hours)
    page.locator("#id_skill").fill(skill)
    page.locator("form:has(input[value=add_task]) input[name=q_standing][value=often]").check()
    page.locator("button:has-text('Lisää tehtävä')").last.click()
    try:
        page.locator(".messages").wait_for()
    except Exception:
        print(page.locator("main").inner_text()[:3000])
        raise


def test_employer_journey_in_finnish(page, demo_world):
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.locator("nav a[href='/hire/']").click()
    step(page, "1-cases")
    page.locator("#id_title").fill("Aamuvuoron lisäkädet")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/need/")
    page.locator("main form button[type=submit]").click()  # nothing chosen: a field error
    page.locator(".error-summary").wait_for()
    page.locator("input[name=reasons][value=overtime]").check()
    page.locator("#id_overloaded").fill("Leipuri")
    step(page, "2-need")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/tasks/")
    add_task(page, "Leipien pakkaus", "10", "Elintarvikkeiden pakkaaminen")
    add_task(page, "Taikinan valmistelu", "8", "Työ leipomossa")
    assert page.locator("#role-leipuri ~ table tbody tr, section:has(#role-leipuri) tbody tr").count() >= 2
    step(page, "3-tasks")
    page.locator("a:has-text('Seuraavaksi: uusi työ')").click()
    page.wait_for_url("**/carve/")
    from kohtaanto.web.matching.models import SeekerProfile

    baker = SeekerProfile.objects.get(person__username="tyonhakija1").pseudonym  # the demo's baker
    page.locator(f"input[name=person][value='{baker}']").check()
    # what the baker's coach told, for the supports only
    page.locator("#id_unemployment_months").fill("-1")
    page.locator("main form button[type=submit]").first.click()
    page.locator(".error-summary").wait_for()
    assert page.locator("#id_unemployment_months").input_value() == "-1"
    page.locator("#id_unemployment_months").fill("14")
    page.locator("#id_reduced_work_ability").check()
    page.locator("main form button[type=submit]").first.click()
    page.locator("#proposals-heading").wait_for()
    assert "Nettokustannus kuukaudessa" in page.locator("#proposals-heading ~ .grid").inner_text()
    step(page, "4-carve")
    page.locator("button:has-text('Valitse vaihtoehto 1')").click()
    page.wait_for_url("**/supports/")
    assert "Palkkatuki" in page.locator("main table").first.inner_text()
    # the 24-month cost after the supports, with the month the subsidy ends
    page.locator("#profile-heading").wait_for()
    assert "24 kuukaudessa työ maksaa sinulle" in page.locator("section.printable").inner_text()
    starts = dt.date.today() + dt.timedelta(days=21)
    page.locator("#id_starts_on").fill(starts.isoformat())
    page.locator("form:has(#id_starts_on) button").click()
    page.locator(f"main table time[datetime='{starts.isoformat()}']").first.wait_for()
    step(page, "5-supports")
    pdf = page.request.get(page.locator("a[href$='supports.pdf']").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    page.locator("a:has-text('Seuraavaksi: ilmoitus')").click()
    assert page.locator("#id_text").input_value()  # written from the carved tasks
    page.locator("button[value=check]").click()
    page.locator("#check-heading").wait_for()
    step(page, "6-ad-checked")
    page.locator("button[value=publish]").click()
    page.locator("#published-heading").wait_for()
    step(page, "7-published")
    page.locator("a:has-text('Seuraavaksi: ehdokkaat')").click()
    page.locator("button:has-text('Tee lyhyt lista')").click()
    page.locator("article.match").first.wait_for()
    assert baker in page.locator("main").inner_text()  # pseudonyms until the person agrees
    page.locator(f"article.match:has-text('{baker}') button").click()
    page.locator(".messages").wait_for()
    step(page, "8-candidates")
    case_url = page.url

    # the person says yes on their own sharing page; their name then reaches the employer
    page.locator(".session button[type=submit]").click()
    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    waiting = page.locator("#waiting-heading ~ ul").inner_text()  # on the front page, first thing
    assert "Kuusijärven Leipomo Oy haluaa tavata sinut." in waiting
    page.screenshot(path=str(SHOTS / "seeker-meeting-request.png"), full_page=True)
    page.locator("a:has-text('Vastaa kyllä tai ei')").click()
    page.locator("#meetings-heading ~ ul input[name=contact]").first.fill("040 123 4567")
    page.locator("#meetings-heading ~ ul button[value=yes]").first.click()
    page.locator(".messages").wait_for()
    page.goto("/")
    assert "Sovit tapaamisen: Kuusijärven Leipomo Oy" in page.locator("#agreed-heading ~ ul").inner_text()
    page.locator(".session button[type=submit]").click()
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    page.goto(case_url)
    assert "Matti Meikäläinen" in page.locator("main").inner_text()
    assert "Näin tavoitat hänet: 040 123 4567" in page.locator("main").inner_text()
    trial = dt.date.today()  # the trial has begun, so the decision may follow it today
    page.locator("#id_starts_on").fill(trial.isoformat())
    page.locator("#id_ends_on").fill((trial + dt.timedelta(days=25)).isoformat())
    page.locator("button:has-text('Suunnittele kokeilu')").click()
    page.locator(".messages").wait_for()
    page.locator("button:has-text('Palkkaamme tämän henkilön')").click()
    page.locator(".messages").wait_for()
    step(page, "9-decision")
    page.locator(".journey a:has-text('Aloitus ja seuranta')").click()
    page.locator("#id_mentor").fill("Leena Leipuri")
    page.locator("#id_starts_on").fill("2027-02-01")
    page.locator("#id_steps").fill("Turvallisuuskierros\nHygieniaohjeet")
    page.locator("#id_instructions").fill("Pese kädet ennen työtä. Pakkaa leivät laatikoihin.")
    page.locator("button:has-text('Tallenna suunnitelma')").click()
    page.locator("#check-heading").wait_for()
    page.goto(page.url)
    assert page.locator("#follow-heading ~ ul > li").count() == len(FOLLOW_UP_MONTHS)  # 1, 3, 6, 12
    step(page, "10-onboarding")


@pytest.mark.parametrize(("language", "heading"), [("sv", "Rekrytering"), ("en", "Hiring")])
def test_starting_a_case_in_swedish_and_english(page, demo_world, language, heading):
    sign_in(page, "tyonantaja3", demo_world.PASSWORD)
    choose_language(page, language)
    page.goto("/hire/")
    assert page.locator("h1").inner_text() == heading
    page.locator("#id_title").fill("Case")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/need/")
    page.locator("input[name=reasons]").first.check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/tasks/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_carving_a_job_in_swedish_and_english(page, demo_world, language):
    from kohtaanto.taxonomy.vocabulary import starter
    from kohtaanto.web.matching.models import SeekerProfile

    labels = {s.id: s.labels.get(language) for s in starter().skills}
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, language)
    page.goto("/hire/")
    page.locator("#id_title").fill("Morning shift")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/need/")
    page.locator("input[name=reasons][value=workload]").check()
    page.locator("#id_overloaded").fill("Bagare")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/tasks/")
    task_form = page.locator("form:has(input[value=add_task])")
    for name, hours, skill in (
        ("Packing", "10", "food_production.pack_food"),
        ("Dough", "8", "food_production.bakery_work"),
    ):
        if not page.locator("#id_name").is_visible():
            page.locator("details:has(input[value=add_task]) > summary").click()
        page.locator("#id_name").fill(name)
        page.locator("#id_hours").fill(hours)
        page.locator("#id_skill").fill(labels[skill])
        task_form.locator("button[type=submit]").click()
        page.locator(".messages").wait_for()
    page.locator(".journey a[href$='/carve/']").click()
    baker = SeekerProfile.objects.get(person__username="tyonhakija1").pseudonym
    page.locator(f"input[name=person][value='{baker}']").check()
    page.locator("form:has(input[value=carve]) button").click()
    page.locator("#proposals-heading").wait_for()
    step(page, f"carve-{language}")
    page.locator("form:has(input[value=choose]) button").first.click()
    page.wait_for_url("**/supports/")
    assert page.locator("#summary-heading").is_visible()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_readme_walk_names_what_binds_and_the_fixes_reach_a_proposal(page, demo_world, width):
    """The README's inputs (Leipien pakkaus 10 h with lifting "sometimes", + Työ leipomossa) leave the
    baker short of his 15 h and above his lifting capacity: the page says both, in Finnish, and the
    fixes offered on the spot (more hours, a lifting aid) lead to a proposal."""
    from kohtaanto.web.matching.models import SeekerProfile

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.goto("/hire/")
    page.locator("#id_title").fill(f"Aamuvuoron lisäkädet {width}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/need/")
    page.locator("input[name=reasons][value=overtime]").check()
    page.locator("#id_overloaded").fill("Leipuri")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/tasks/")
    page.locator("button:has-text('+ Työ leipomossa')").first.click()
    page.locator(".messages").wait_for()
    if not page.locator("#id_name").is_visible():
        page.locator("details:has(input[value=add_task]) > summary").click()
    page.locator("#id_name").fill("Leipien pakkaus")
    page.locator("#id_hours").fill("10")
    page.locator("#id_skill").fill("Elintarvikkeiden pakkaaminen")
    page.locator("form:has(input[value=add_task]) input[name=q_lifting][value=sometimes]").check()
    page.locator("button:has-text('Lisää tehtävä')").last.click()
    page.locator(".messages").wait_for()
    page.locator("a:has-text('Seuraavaksi: uusi työ')").click()
    baker = SeekerProfile.objects.get(person__username="tyonhakija1").pseudonym
    card = page.locator(f".person-card:has(input[value='{baker}'])")
    assert "enintään 5 kg" in card.inner_text()  # what the work must allow, never why
    card.locator("input[name=person]").check()
    page.locator("#id_reduced_work_ability").check()
    page.locator("form:has(input[value=carve]) button[type=submit]").click()
    page.locator("#binding-heading").wait_for()
    reasons = page.locator(".binding .reasons").inner_text()
    assert "vähintään 15 h viikossa" in reasons and "on nyt 2 h" in reasons
    assert (
        "Leipien pakkaus: nostaminen ja kantaminen" in reasons and "henkilö pystyy »enintään 5 kg" in reasons
    )
    step(page, f"carve-binding-{width}")

    # fix 1: more hours for the bakery work, on the tasks page
    page.locator("a:has-text('Anna tehtäville lisää tunteja')").click()
    page.wait_for_url("**/tasks/")
    row = page.locator("tr:has(th:has-text('Työ leipomossa'))")
    row.locator("input[name=hours]").fill("6")
    row.locator("form.hours button").click()
    page.locator(".messages").wait_for()
    assert row.locator("input[name=hours]").input_value() == "6"
    page.locator("a:has-text('Seuraavaksi: uusi työ')").click()
    page.locator(f"input[name=person][value='{baker}']").check()
    page.locator("#id_reduced_work_ability").check()
    page.locator("form:has(input[value=carve]) button[type=submit]").click()
    page.locator("#binding-heading").wait_for()
    assert "on nyt 6 h" in page.locator(".binding .reasons").inner_text()

    # fix 2: a lifting aid from the list with the employer's estimate: proposals, with its support
    adjust = page.locator("form.adjust").first
    adjust.locator("input[name=one_off_cost]").fill("1200")
    adjust.locator("button[type=submit]").click()
    page.locator("#proposals-heading").wait_for()
    proposal = page.locator("#proposals-heading ~ .grid article").first.inner_text()
    assert "Nostoapuvälineet tai nostopöytä" in proposal and "järjestelytuki" in proposal.lower()
    assert "Leipien pakkaus: 10 h" in proposal
    step(page, f"carve-fixed-{width}")
