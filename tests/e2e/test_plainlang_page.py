"""The plain-language page in the browser: type a text, see the score and the marked findings."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.e2e

AD = "Haemme nuorekasta varastomiestä. Hakemukset toimitetaan esim. sähköpostilla."


def test_employer_checks_a_job_ad_and_sees_marks_and_suggestions(page, demo_world):
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "en")
    page.locator("nav a[href='/selko/']").click()
    page.locator("#id_text").fill(AD)
    page.locator("#id_profile").select_option("job-ad")
    page.locator("#plainlang-form button[type=submit]").click()
    page.locator("#score-heading").wait_for()
    assert page.url.endswith("/selko/")  # htmx swapped the results in
    assert "of 100" in page.locator("#score-heading").inner_text()
    marks = page.locator(".checked-text mark")
    assert marks.count() >= 3
    assert "nuorekasta" in page.locator(".checked-text mark.sev-problem").first.inner_text()
    first = page.locator("ol.findings li").first.inner_text()
    assert first.startswith("Problem")  # the severity is in words, not only in colour
    assert "not an easy-language certificate" in page.locator("#plainlang-results [role=note]").inner_text()
    page.locator(".checked-text mark sup a").first.click()
    assert page.url.split("#")[-1].startswith("finding-")
