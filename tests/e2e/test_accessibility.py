"""axe-core on every page, signed in as the role that sees it, in Finnish, Swedish and English.
Zero serious or critical violations are allowed; minor and moderate ones are reported."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import choose_language, sign_in

pytestmark = pytest.mark.a11y

AXE = Axe()
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}

# (who, path, what to do before the scan)
PAGES = [
    (None, "/login/", None),
    (None, "/no-such-page/", None),
    ("tyonhakija1", "/", None),
    ("tyonantaja1", "/", None),
    ("tyonantaja1", "/organisations/{org}/edit/", None),
    ("ammattilainen1", "/", None),
    ("ammattilainen1", "/organisations/{org}/edit/", "submit-invalid"),
    ("ammattilainen1", "/organisations/", None),
    ("ammattilainen1", "/organisations/new/", None),
    ("analyytikko", "/", None),
    ("analyytikko", "/outcomes/", None),
    ("analyytikko", "/outcomes/regions/", None),
    ("analyytikko", "/esf/", "esf-import"),
    ("ammattilainen1", "/outcomes/", None),
    ("yllapitaja", "/", "verify-chain"),
    ("yllapitaja", "/audit/", None),
    ("yllapitaja", "/audit/?since=2026-02-01&until=2026-01-01", None),
    ("yllapitaja", "/audit/verify/", "post-verify"),
    ("tyonantaja1", "/supports/hire/", None),
    ("tyonantaja1", "/supports/hire/", "hire-results"),
    ("tyonantaja1", "/supports/hire/", "hire-errors"),
    ("tyonhakija1", "/supports/part-time/", None),
    ("tyonhakija1", "/supports/part-time/", "part-time-results"),
    ("tyonhakija1", "/supports/study/", None),
    ("tyonhakija1", "/supports/study/", "study-results"),
    ("tyonantaja1", "/supports/right-to-work/", "rtw-results"),
    ("tyonhakija1", "/supports/pension/", "pension-results"),
    ("tyonantaja1", "/supports/de-minimis/", "de-minimis-room"),
    ("tyonhakija1", "/supports/year/", "year-results"),
    ("tyonhakija1", "/supports/year/", "year-errors"),
    ("tyonantaja1", "/supports/employer-cost/", "cost-results"),
    ("tyonantaja1", "/jobs/", None),
    ("tyonantaja1", "/jobs/", "job-matches"),
    ("tyonhakija1", "/my-matches/", "my-matches"),
    ("ammattilainen1", "/caseload/", None),
    ("ammattilainen1", "/caseload/", "caseload-add"),
    ("ammattilainen1", "/outreach/", None),
    ("ammattilainen1", "/outreach/{org}/", None),
    ("ammattilainen1", "/outreach/{org}/", "outreach-errors"),
    ("ammattilainen1", "/outreach/import/", None),
    ("ammattilainen1", "/pools/", None),
    ("ammattilainen1", "/pools/", "pool-carve"),
    ("ammattilainen1", "/selko/", None),
    ("ammattilainen1", "/selko/", "selko-results"),
    ("ammattilainen1", "/selko/", "selko-errors"),
    ("tyonhakija1", "/me/", None),
    ("tyonhakija1", "/me/skills/", None),
    ("tyonhakija1", "/me/languages/", None),
    ("tyonhakija1", "/me/capacity/physical/", None),
    ("tyonhakija1", "/me/work/", None),
    ("tyonhakija1", "/me/work/", "work-errors"),
    ("tyonhakija1", "/me/sharing/", None),
    ("tyonhakija1", "/me/income/", None),
    ("tyonhakija1", "/me/income/", "part-time-results"),
    ("tyonhakija1", "/me/data/", None),
    ("tyonantaja1", "/hire/", None),
    ("tyonantaja1", "/hire/{case}/need/", None),
    ("tyonantaja1", "/hire/{case}/tasks/", None),
    ("tyonantaja1", "/hire/{case}/carve/", None),
    ("tyonantaja1", "/hire/{case}/supports/", None),
    ("tyonantaja1", "/hire/{case}/ad/", None),
    ("tyonantaja1", "/hire/{case}/candidates/", "shortlist"),
    ("tyonantaja1", "/hire/{case}/onboarding/", None),
    (None, "/api/docs/", None),
    ("yllapitaja", "/admin/", None),
    ("yllapitaja", "/admin/accounts/organisation/", None),
    ("yllapitaja", "/admin/audit/auditevent/", None),
]


def scan(page) -> list[dict[str, object]]:
    results = AXE.run(page, options=OPTIONS)
    return results.response["violations"]


def _shortlist(page) -> None:
    page.locator("main form button[type=submit]").first.click()
    page.locator("article.match").first.wait_for()


def _outreach_errors(page) -> None:
    form = page.locator("form:has(input[name=action][value=activity])")
    if not form.is_visible():
        page.locator("details:has(input[value=activity]) > summary").click()
    form.locator("#id_happened_on").fill("2099-01-01")
    form.locator("button[type=submit]").click()
    page.locator(".error-summary").wait_for()


def _caseload_add(page) -> None:
    page.locator("form:has(#id_profile) button[type=submit]").click()
    page.locator("#status-heading").wait_for()
    page.locator("form:has(input[value=match]) button").click()
    page.locator("#matches-heading").wait_for()


def _pool_carve(page) -> None:
    page.locator("main ul a[href^='/pools/']").first.click()
    page.locator("#pipeline-heading").wait_for()
    for box in page.locator("input[name=members]").all()[:2]:
        box.check()
    page.locator("form:has(#id_person) button[type=submit]").click()
    page.locator("#shared-proposals, .error-summary").first.wait_for()


def _esf_import(page) -> None:
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "examples" / "esf" / "eura2021.csv"
    page.locator("#id_file").set_input_files(str(sample))
    page.locator("form:has(#id_file) button[type=submit]").click()
    page.locator("#esf-report").wait_for()
    page.locator("main table a[href^='/esf/']").first.click()
    page.locator("#class-heading").wait_for()


def _study_results(page) -> None:
    page.locator("#id_age").fill("28")
    page.locator("#id_kind").select_option("vocational_course")
    page.locator("#id_starts_on").fill("2026-01-15")
    page.locator("#id_months").fill("4")
    page.locator("#id_hours_per_day").fill("6")
    page.locator("#id_vocational").check()
    page.locator("#supports-study button[type=submit]").click()
    page.locator("#study-answer-heading").wait_for()


def _rtw_results(page) -> None:
    page.locator("#id_status_5").check()  # asylum seeker
    page.locator("#id_travel_document").check()
    page.locator("#supports-right-to-work button[type=submit]").click()
    page.locator("#rtw-answer").wait_for()


def _pension_results(page) -> None:
    page.locator("#id_pre_pension_earnings").fill("2000")
    page.locator("#id_offered_pay").fill("1500")
    page.locator("#supports-pension button[type=submit]").click()
    page.locator("#pension-answer").wait_for()


def _de_minimis_room(page) -> None:
    page.locator("#id_decided_on").fill("2025-02-01")
    page.locator("#id_amount").fill("120000")
    page.locator("#id_granted_by").fill("ELY-keskus")
    page.locator("form:has(#id_amount) button[type=submit]").click()
    page.locator("main table").wait_for()
    page.locator("#id_new_amount").fill("50000")
    page.locator("form:has(#id_new_amount) button[type=submit]").click()
    page.locator("#room-heading").wait_for()


def _year_form(page) -> None:
    page.locator("#id_municipality").fill("Tampere")
    page.locator("#id_rent").fill("600")
    page.locator("#id_pay_kind_0").check()
    page.locator("#id_hourly_wage").fill("13.50")
    page.locator("#id_hours_per_week").fill("20")
    page.locator("#id_work_start").fill("2026-03-01")
    page.locator("#id_on").fill("2026-01-01")


def _year_results(page) -> None:
    _year_form(page)
    page.locator("#supports-year button[type=submit]").click()
    page.locator("#year-heading").wait_for()
    for summary in page.locator("#supports-year details summary").all():
        summary.click()


def _year_errors(page) -> None:
    _year_form(page)
    page.locator("#id_municipality").fill("Atlantis")
    page.locator("#supports-year button[type=submit]").click()
    page.locator("#supports-year .error-summary").wait_for()


def _cost_results(page) -> None:
    page.locator("#id_start").fill("2026-02-01")
    page.locator("#id_wage_month").fill("2100")
    page.locator("#id_subsidy_1").check()
    page.locator("#id_subsidy_months").fill("6")
    page.locator("#supports-employer-cost button[type=submit]").click()
    page.locator("#cost-heading").wait_for()


MORE_ACTIONS = {
    "year-results": _year_results,
    "year-errors": _year_errors,
    "cost-results": _cost_results,
    "rtw-results": _rtw_results,
    "pension-results": _pension_results,
    "de-minimis-room": _de_minimis_room,
    "study-results": _study_results,
    "esf-import": _esf_import,
    "pool-carve": _pool_carve,
    "shortlist": _shortlist,
    "outreach-errors": _outreach_errors,
    "caseload-add": _caseload_add,
}


def _prepare(page, action: str | None) -> None:
    if action in MORE_ACTIONS:
        MORE_ACTIONS[action](page)
    elif action == "submit-invalid":
        page.locator("#id_business_id").fill("1234567-0")
        page.locator("#organisation-form button[type=submit]").click()
        page.locator(".error-summary").wait_for()
    elif action == "hire-results":
        page.locator("#id_reduced_work_ability").check()
        page.locator("#id_monthly_wage").fill("2500")
        page.locator("#supports-hire button[type=submit]").click()
        page.locator("#results-heading").wait_for()
        page.locator("details.other-supports summary").click()
    elif action == "hire-errors":
        page.locator("#id_monthly_wage").fill("")
        page.locator("#supports-hire button[type=submit]").click()
        page.locator("#supports-hire .error-summary").wait_for()
    elif action == "part-time-results":
        page.locator("#id_earnings").fill("800")
        page.locator("#supports-part-time button[type=submit]").click()
        page.locator("#month-heading").wait_for()
    elif action == "job-matches":
        page.locator("main form button[type=submit]").first.click()
        page.locator("#results-heading").wait_for()
        page.locator(".match details summary").first.click()
    elif action == "my-matches":
        page.locator("main form button[type=submit]").click()
        page.locator("#carving-heading").wait_for()
    elif action == "selko-results":
        page.locator("#id_text").fill(
            "Hakemukset toimitetaan esim. sähköpostilla ma–pe klo 8–16. "
            "Saavuttuasi ilmoittaudu vastaanotossa, jossa suoritetaan henkilöllisyyden tarkistaminen "
            "ennen työvaatteiden vastaanottamista."
        )
        page.locator("#plainlang-form button[type=submit]").click()
        page.locator("#score-heading").wait_for()
        page.locator("#plainlang-results details summary").first.click()
    elif action == "selko-errors":
        page.locator("#plainlang-form button[type=submit]").click()
        page.locator("#plainlang-results .error-summary").wait_for()
    elif action == "work-errors":
        page.locator("#id_hours_min").fill("40")
        page.locator("#id_hours_max").fill("20")
        page.locator("main form button[type=submit]").click()
        page.locator(".error-summary").wait_for()
    elif action == "verify-chain":
        page.locator("#chain-heading ~ form button").click()
        page.locator("#verification .status").wait_for()


WHO = list(dict.fromkeys(who for who, _, _ in PAGES))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("who", WHO, ids=[w or "anonymous" for w in WHO])
def test_pages_have_no_serious_accessibility_violations(page, demo_world, who, language):
    """Every page of one role in one language, in one browser session (the demo is loaded once per role
    and language); every page is scanned, and all blocking findings are listed together."""
    from kohtaanto.web.accounts.models import Organisation

    org = Organisation.objects.get(business_id="9800001-6")
    if who:
        sign_in(page, who, demo_world.PASSWORD)
    else:
        page.goto("/login/")
    choose_language(page, language)
    case = None
    rows: list[dict[str, object]] = []
    blocking: list[str] = []
    for _, path, action in [p for p in PAGES if p[0] == who]:
        if action == "post-verify":
            page.goto("/")
            page.locator("#chain-heading ~ form").evaluate("form => form.submit()")
            page.wait_for_url("**/audit/verify/")
        else:
            if "{case}" in path and case is None:
                from kohtaanto.web.hiring.sample import bakery_case

                case = bakery_case().pk  # the demo bakery's case, carved and published
            page.goto(path.format(org=org.pk, case=case))
        _prepare(page, action)
        violations = scan(page)
        rows.append(
            {
                "page": path,
                "who": who or "anonymous",
                "language": language,
                "action": action,
                "violations": {v["id"]: v["impact"] for v in violations},
            }
        )
        blocking += [
            f"{path} {action or ''}: {v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    write_fragment(f"{who or 'anonymous'}-{language}", rows)
    assert blocking == []


def write_fragment(name: str, rows: list[dict[str, object]]) -> None:
    """This scan's rows for the session's report (tests/conftest.py joins them into axe-report.json)."""
    folder = Path(os.environ["KOHTAANTO_AXE_FRAGMENTS"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
