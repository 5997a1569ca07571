"""The risk card and the supervisor's guide in the browser (issue 26): the demo baker looks at the card
first and shares the trial's pace; the employer then reads it in Finnish, Swedish and English, on a desktop
and on a 360 px phone; the guide is drafted, saved with its plain-language check and printable. Axe runs
on every page; screenshots go to build/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_accessibility import scan

pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TEXTS = {  # what each language must show on the card once the baker has shared the trial
    "fi": ("Riskikortti", "viikko 2: 60\u00a0%", "Yksi sairauspäivä maksaa sinulle", "Melu"),
    "sv": ("Riskkort", "vecka 2: 60\u00a0%", "En sjukdag kostar dig", "Buller"),
    "en": ("Risk card", "week 2 60 %", "One sick day costs you", "Noise"),
}


def look(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    blocking = [f"{v['id']}: {v['help']}" for v in scan(page) if v["impact"] in ("serious", "critical")]
    assert blocking == [], name
    body = page.locator("main").inner_text()
    assert "None" not in body and "_" not in body.replace("__", ""), name


def test_the_baker_shares_and_the_employer_reads_the_card_in_three_languages(page, demo_world):
    from kohtaanto.web.hiring.models import HiringCase, RiskCard
    from kohtaanto.web.project.demo_confidence import TITLE

    case = HiringCase.objects.get(title=TITLE)
    card = RiskCard.objects.get(case=case)
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.goto(f"/hire/{case.pk}/risk-card/")
    assert "Odottaa: henkilö katsoo kortin ensin." in page.locator("main").inner_text()
    assert "viikko 2" not in page.locator("main").inner_text()
    look(page, "risk-card-employer-waiting-fi")
    page.goto("/logout/") if page.locator("a[href='/logout/']").count() else None
    page.context.clear_cookies()

    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.goto("/me/")
    page.locator(f"a[href='/me/risk-cards/{card.pk}/']").click()
    assert "viikko 2: 60\u00a0%" in page.locator("main").inner_text()
    look(page, "risk-card-seeker-fi")
    page.set_viewport_size({"width": 360, "height": 800})
    look(page, "risk-card-seeker-fi-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("button[name=answer][value=share]").click()
    page.wait_for_url("**/me/")
    assert "Nyt: työnantaja näkee, mitä kokeilusi näytti." in page.locator("main").inner_text()
    page.context.clear_cookies()

    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    for language, expected in TEXTS.items():
        choose_language(page, language)
        page.goto(f"/hire/{case.pk}/risk-card/")
        text = page.locator("main").inner_text()
        for words in expected:
            assert words in text, (language, words)
        look(page, f"risk-card-employer-{language}")
        if language != "en":
            page.set_viewport_size({"width": 360, "height": 800})
            look(page, f"risk-card-employer-{language}-360")
            page.set_viewport_size({"width": 1280, "height": 900})


def test_the_employer_saves_the_guide_with_its_plain_language_check(page, demo_world):
    from kohtaanto.web.hiring.models import HiringCase, WorkplaceGuide
    from kohtaanto.web.project.demo_confidence import TITLE

    case = HiringCase.objects.get(title=TITLE)
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    for language, first in (
        ("sv", "Guide för chefen"),
        ("en", "Guide for the supervisor"),
        ("fi", "Ohje esihenkilölle"),
    ):
        choose_language(page, language)
        page.goto(f"/hire/{case.pk}/guide/")
        assert page.locator("#id_text").input_value().startswith(first)
        look(page, f"guide-{language}")
    # Finnish last: edit, save, read the check; the saved text comes back on the next visit
    page.locator("#id_text").fill(page.locator("#id_text").input_value() + "- Kahvitauko on kello 8.\n")
    page.locator("main form button[type=submit]:has-text('Tallenna ja tarkista')").click()
    page.locator(".messages").wait_for()
    look(page, "guide-saved-fi")
    saved = WorkplaceGuide.objects.get(case=case)
    assert saved.text.endswith("Kahvitauko on kello 8.") and saved.score is not None
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"/hire/{case.pk}/guide/")
    assert page.locator("#id_text").input_value().endswith("Kahvitauko on kello 8.")
    look(page, "guide-fi-360")
    page.emulate_media(media="print")
    assert page.locator(".guide-print").is_visible() and not page.locator("#id_text").is_visible()


def test_the_language_kit_with_arabic_right_to_left_and_swedish_with_ukrainian(page, demo_world):
    from kohtaanto.web.hiring.models import HiringCase
    from kohtaanto.web.project.demo_confidence import TITLE

    case = HiringCase.objects.get(title=TITLE)
    sign_in(page, "tyonhakija1", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.goto("/me/")
    page.locator(f"a[href='/me/language-kits/{case.pk}/']").click()
    page.locator("#id_gloss").select_option("ar")
    page.locator("form.filter-row button[type=submit]").click()
    page.wait_for_url("**gloss=ar**")
    noise = page.locator("td[lang=ar]").first
    assert noise.get_attribute("dir") == "rtl"
    assert noise.evaluate("cell => getComputedStyle(cell).direction") == "rtl"
    assert "melu" in page.locator("main").inner_text()
    look(page, "language-kit-seeker-fi-ar")
    page.set_viewport_size({"width": 360, "height": 800})
    look(page, "language-kit-seeker-fi-ar-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    # the person says an Arabic word is wrong and is back on the kit
    noise.get_by_role("link").click()
    page.wait_for_url("**/words/**/ar/report/**")
    assert "luonnoksia" in page.locator("main").inner_text()
    look(page, "language-kit-report-word-fi")
    page.get_by_label("Parempi sana (ei pakollinen)").fill("ضوضاء")
    page.get_by_role("button", name="Lähetä").click()
    page.wait_for_url("**gloss=ar**")
    assert "Kiitos. Tarkistaja katsoo sanan." in page.locator("body").inner_text()
    page.context.clear_cookies()

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "sv")
    page.goto(f"/hire/{case.pk}/language-kit/?language=sv&gloss=uk")
    text = page.locator("main").inner_text()
    assert "buller" in text and "шум" in text and "Dag 1" in text and "Språkmål" in text
    look(page, "language-kit-employer-sv-uk")


def test_the_payment_claims_of_a_hire_in_finnish_and_swedish(page, demo_world):
    import datetime as dt

    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import HiringCase, MeetingRequest
    from kohtaanto.web.project.demo_confidence import TITLE

    case = HiringCase.objects.get(title=TITLE)
    boss = case.created_by
    meeting = MeetingRequest.objects.get(case=case)
    hiring.decide(boss, case, meeting, True, dt.date.today())
    hiring.save_onboarding(
        boss,
        HiringCase.objects.get(pk=case.pk),
        mentor="Leena Leipuri",
        starts_on=dt.date.today() + dt.timedelta(days=14),
        steps=[],
        instructions="",
        arranged=[],
    )
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    for language, heading in (
        ("fi", "Maksatushakemukset: milloin tuki haetaan maksuun"),
        ("sv", "Ansökningar om utbetalning: när stödet ska sökas"),
    ):
        choose_language(page, language)
        page.goto(f"/hire/{case.pk}/onboarding/")
        section = page.locator("section:has(#claims-heading)")
        assert heading in section.inner_text()
        assert section.locator("tbody tr").count() >= 10  # ten months of the 70 % subsidy, month by month
        look(page, f"claims-{language}")
        page.set_viewport_size({"width": 360, "height": 800})
        look(page, f"claims-{language}-360")
        page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#id_claim_period_months").select_option("3")
    page.locator("form:has(#id_claim_period_months) button[type=submit]").click()
    page.locator(".messages").wait_for()
    assert page.locator("section:has(#claims-heading) tbody tr").count() == 4


def test_the_pace_page_and_the_public_job_page_in_finnish_and_swedish(page, demo_world):
    from kohtaanto.web.hiring.models import HiringCase, WorkTrial
    from kohtaanto.web.project.demo_confidence import TITLE

    case = HiringCase.objects.get(title=TITLE)
    trial = WorkTrial.objects.get(case=case)
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    for language, label in (
        ("fi", "Leipien pakkaus, viikko 2, prosenttia"),
        ("sv", "Leipien pakkaus, vecka 2, procent"),
    ):
        choose_language(page, language)
        page.goto(f"/hire/{case.pk}/trials/{trial.pk}/pace/")
        assert page.get_by_label(label).input_value() == "60"  # the demo's packing in week 2
        look(page, f"pace-{language}")
        page.set_viewport_size({"width": 360, "height": 800})
        look(page, f"pace-{language}-360")
        page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()
    for language, words in (("fi", "Ammatti: Leipuri."), ("sv", "Yrke: Bagare.")):
        page.goto("/")  # anonymous: the sign-in page's language switch
        choose_language(page, language)
        page.goto(f"/jobs/{case.job_id}/")
        assert words in page.locator("main").inner_text()
        assert "Leena Leipuri, 040 123 4567" in page.locator("main").inner_text()
        look(page, f"public-job-{language}")
        page.set_viewport_size({"width": 360, "height": 800})
        look(page, f"public-job-{language}-360")
        page.set_viewport_size({"width": 1280, "height": 900})
