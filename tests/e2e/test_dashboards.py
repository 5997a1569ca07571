"""Sign in as each role in each language and check what the dashboard shows."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.e2e

# What each role's dashboard must show, per language: translated headings and real data.
EXPECTED = {
    "yllapitaja": {
        "fi": ["Aktiiviset käyttäjät roolin mukaan", "Tapahtumalokin eheys", "Käyttäjä lisättiin"],
        "sv": ["Aktiva användare per roll", "Händelseloggens integritet", "Användaren lades till"],
        "en": ["Active users by role", "Audit trail integrity", "User added"],
    },
    "analyytikko": {
        "fi": ["Tilastot", "Työnantajat yhteisömuodon mukaan", "Järvilaakson työllisyysalue (demo)"],
        "sv": ["Statistik", "Arbetsgivare per organisationsform", "Sjödalens sysselsättningsområde (demo)"],
        "en": ["Statistics", "Employers by legal form", "Järvilaakson työllisyysalue (demo)"],
    },
    "ammattilainen1": {
        "fi": ["Alueesi työnantajat", "Kuusijärven Leipomo Oy", "Pihlajaranta", "Meikäläinen"],
        "sv": ["Arbetsgivarna i ditt område", "Kuusijärven Leipomo Oy", "Rönnstrand", "Meikäläinen"],
        "en": ["Employers in your area", "Kuusijärven Leipomo Oy", "Pihlajaranta", "Meikäläinen"],
    },
    "tyonantaja1": {
        "fi": ["Organisaatiosi", "Kuusijärven Leipomo Oy", "9800001-6", "Teollisuus", "Perheleipomo"],
        "sv": ["Din organisation", "Kuusijärven Leipomo Oy", "9800001-6", "Tillverkning", "Familjebageri"],
        "en": [
            "Your organisation",
            "Kuusijärven Leipomo Oy",
            "9800001-6",
            "Manufacturing",
            "A family bakery",
        ],
    },
    "tyonhakija1": {
        "fi": ["Tervetuloa, Matti", "Omat tietosi", "Kuusijärvi", "Työnhakija"],
        "sv": ["Välkommen, Matti", "Dina uppgifter", "Granträsk", "Arbetssökande"],
        "en": ["Welcome, Matti", "Your details", "Kuusijärvi", "Job seeker"],
    },
}
NOT_SHOWN = {
    # Analysts see counts only, never people.
    "analyytikko": ["Meikäläinen", "Mallikas"],
    # An employer does not see the other employers or the job seekers.
    "tyonantaja1": ["Haapakosken Kyläyhdistys ry", "Meikäläinen"],
    # A job seeker sees the employers they agreed to meet (the demo baker, the bakery), no other.
    "tyonhakija1": ["Haapakosken Kyläyhdistys ry", "Mallikas"],
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("username", list(EXPECTED))
def test_dashboard_for_each_role_in_each_language(page, demo_world, username, language):
    sign_in(page, username, demo_world.PASSWORD)
    choose_language(page, language)
    assert page.locator("html").get_attribute("lang") == language
    main = page.locator("main").inner_text()
    for text in EXPECTED[username][language]:
        assert text in main, (username, language, text)
    for text in NOT_SHOWN.get(username, []):
        assert text not in main, (username, language, text)
    # The recent-actions list shows this person's own actions, including the language change.
    changed = {"fi": None, "sv": "Språket byttes", "en": "Language changed"}[language]
    assert changed is None or changed in main
    assert "user.language_changed" not in main and "session.signed_in" not in main  # words, not codes


def test_language_follows_the_person_to_a_new_session(browser, live_server, demo_world):
    first = browser.new_context(base_url=live_server.url)
    page = first.new_page()
    sign_in(page, "tyonhakija2", demo_world.PASSWORD)
    choose_language(page, "sv")
    first.close()
    second = browser.new_context(base_url=live_server.url)  # no cookies: another device
    page = second.new_page()
    page.goto("/login/")
    assert page.locator("html").get_attribute("lang") == "fi"  # Finnish before signing in
    sign_in(page, "tyonhakija2", demo_world.PASSWORD)
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "Dina uppgifter" in page.locator("main").inner_text()
    second.close()


def test_keyboard_user_can_skip_to_content_and_sign_out(page, demo_world):
    sign_in(page, "tyonhakija3", demo_world.PASSWORD)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.locator("header form button[type=submit]", has_text="Logga ut").click()
    page.wait_for_url("**/login/")


def test_an_employer_sees_but_cannot_change_who_the_organisation_is(page, demo_world):
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    page.locator("main a.button[href$='/edit/']").click()
    for field in ("#id_name", "#id_business_id", "#id_legal_form", "#id_municipality"):
        assert page.locator(field).is_disabled(), field
    assert "voivat korjata tämän" in page.locator("main").inner_text()
    assert page.locator("#id_sector").is_enabled()


def test_organisation_form_errors_and_htmx_save(page, demo_world):
    from kohtaanto.web.accounts.models import Organisation

    sign_in(page, "ammattilainen1", demo_world.PASSWORD)
    page.goto(f"/organisations/{Organisation.objects.get(business_id='9800001-6').pk}/edit/")
    page.locator("#id_business_id").fill("1234567-0")
    page.locator("#id_name").fill("Kuusijärven Leipomo ja Kahvila Oy")
    page.locator("#organisation-form button[type=submit]").click()
    error = page.locator(".error-summary")
    error.wait_for()
    assert "Anna kelvollinen Y-tunnus" in error.inner_text()
    assert page.locator("#id_business_id").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_name").input_value() == "Kuusijärven Leipomo ja Kahvila Oy"  # nothing lost
    page.locator("#id_business_id").fill("9800001-6")
    page.locator("#organisation-form button[type=submit]").click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    assert "Kuusijärven Leipomo ja Kahvila Oy" in page.locator("main").inner_text()


def test_administrator_verifies_the_audit_chain_with_htmx(page, demo_world):
    sign_in(page, "yllapitaja", demo_world.PASSWORD)
    page.locator("#chain-heading ~ form button").click()
    status = page.locator("#verification .status")
    status.wait_for()
    assert "Ehjä" in status.inner_text()
    page.goto("/audit/?action=organisation.created")
    rows = page.locator("#audit-results tbody tr")
    assert rows.count() == 4
