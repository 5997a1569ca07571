from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation

from kohtaanto.web.audit.models import AuditEvent

pytestmark = pytest.mark.db

HIRE = {
    "legal_form": "company",
    "business_activity": "yes",
    "age": "35",
    "unemployment_months": "8",
    "reduced_work_ability": "on",
    "monthly_wage": "3000",
    "hours_per_week": "37.5",
    "on": "2025-03-01",
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_employer_page_prefills_the_legal_form_and_shows_supports(world):
    world["north_org"].legal_form = "association"
    world["north_org"].save()
    client = signed_in(world["north_employer"])
    page = client.get("/supports/hire/").content.decode()
    assert "Mitä tukea voin saada?" in page
    assert '<option value="association" selected>' in page
    html = client.post("/supports/hire/", HIRE).content.decode()
    assert "Palkkatuki, alentunut työkyky (70 %)" in html
    assert "1\xa0770 €" in html  # grouped as Finnish writes it, no ",00" on whole euros
    assert "Harkinnanvarainen: työllisyysalue päättää" in html
    assert 'href="https://tyomarkkinatori.fi/lisatietoa-palveluista/palkkatuki"' in html


def test_nothing_is_stored_or_audited(world):
    client = signed_in(world["north_employer"])
    before = AuditEvent.objects.count()
    assert client.post("/supports/hire/", HIRE).status_code == 200
    assert AuditEvent.objects.count() == before


def test_field_errors_keep_what_was_typed(world):
    client = signed_in(world["north_employer"])
    response = client.post("/supports/hire/", {**HIRE, "monthly_wage": "-5", "hours_per_week": "abc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and 'value="35"' in html
    partial = client.post("/supports/hire/", {**HIRE, "monthly_wage": ""}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200 and partial.content.decode().lstrip().startswith(
        '<div id="supports-hire">'
    )


def test_a_date_before_the_modelled_rules_is_a_field_error(world):
    response = signed_in(world["north_employer"]).post("/supports/hire/", {**HIRE, "on": "2020-01-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "säännöt vasta 1.7.2023 alkaen; päivälle 1.1.2020" in html  # Finnish, Finnish dates
    assert "2023-07-01" not in html and "the engine models" not in html


def test_part_time_page_in_swedish_with_table_and_chart(world):
    user = world["north_seeker"]
    user.language = "sv"
    user.save()
    client = signed_in(user)
    html = client.post(
        "/supports/part-time/",
        {"benefit": "labour_market_support", "earnings": "800", "hours_percent": "50", "on": "2025-03-01"},
    ).content.decode()
    assert "Om jag arbetar deltid…" in html
    assert "1\u00a0200,02" in html or "1200,02" in html
    assert 'role="img"' in html and "<polyline" in html and "Diagrammet som tabell" in html


def test_part_time_earnings_related_needs_the_daily_allowance(world):
    response = signed_in(world["north_seeker"]).post(
        "/supports/part-time/",
        {"benefit": "earnings_related", "earnings": "800", "hours_percent": "50", "on": "2025-03-01"},
    )
    assert response.status_code == 400
    assert "työttömyyskassan päätöksessä" in response.content.decode()


def test_pages_need_signing_in(db):
    assert Client().get("/supports/hire/").status_code == 302
    assert Client().get("/supports/part-time/").status_code == 302


def test_date_inputs_carry_iso_dates_in_every_language(world):

    for language in ("fi", "sv", "en"):
        user = world["north_employer"]
        user.language = language
        user.save()
        html = signed_in(user).get("/supports/hire/").content.decode()
        value = re.search(r'<input type="date" name="on" value="([^"]*)"', html)
        assert value and re.fullmatch(r"\d{4}-\d\d-\d\d", value.group(1)), (language, value)


def test_can_i_study_while_unemployed_page(world):
    from django.test import Client

    client = Client()
    client.force_login(world["north_seeker"])
    assert client.get("/supports/study/").status_code == 200
    form = {
        "age": "28",
        "benefit": "labour_market_support",
        "kind": "vocational_course",
        "starts_on": "2025-09-01",
        "months": "4",
        "hours_per_day": "6",
        "vocational": "on",
        "established_work_months": "0",
        "on": "2025-09-01",
    }
    answer = client.post("/supports/study/", form)
    html = answer.content.decode()
    assert answer.status_code == 200 and 'id="study-answer-heading"' in html
    assert world["north"].name_fi in html and "HE_59+2018" in html  # next step names the area; sources
    bad = client.post("/supports/study/", {**form, "age": "7", "months": "kolme"})
    page = bad.content.decode()
    assert bad.status_code == 400 and "field-error" in page and 'value="kolme"' in page


def test_the_job_seeker_finds_the_study_question_on_the_dashboard_and_in_the_menu(world):
    from django.test import Client

    client = Client()
    client.force_login(world["north_seeker"])
    html = client.get("/").content.decode()
    assert 'aria-labelledby="study-card-heading"' in html
    assert html.count('href="/supports/study/"') == 2  # the card and the menu
    study = client.get("/supports/study/").content.decode()
    assert 'href="/supports/study/" aria-current="page"' in study


def test_the_study_page_says_until_when_the_increased_benefit_is_paid(world):
    from django.test import Client

    client = Client()
    client.force_login(world["north_seeker"])
    form = {
        "age": "30",
        "benefit": "earnings_related",
        "monthly_wage": "2500",
        "kind": "vocational_qualification",
        "starts_on": "2024-09-01",
        "months": "24",
        "agreed_in_plan": "on",
        "training_need_found": "on",
        "established_work_months": "0",
        "on": "2025-02-01",
    }
    html = client.post("/supports/study/", form, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "7.6.2025" in html and "200" in html
    later = client.post("/supports/study/", {**form, "starts_on": "2025-01-08"}).content.decode()
    assert "7.6.2025" not in later and 'id="study-answer-heading"' in later


def test_the_study_page_asks_what_decides_lukio_adult_basic_short_studies_and_amounts(world):
    from django.test import Client

    client = Client()
    client.force_login(world["north_seeker"])
    base = {
        "age": "30",
        "benefit": "labour_market_support",
        "starts_on": "2025-09-01",
        "months": "24",
        "established_work_months": "0",
        "on": "2025-09-01",
    }

    with translation.override("fi"):  # the person's own language (Finnish) is used
        yes = translation.pgettext("study result", "Yes, the benefit continues")
        no = translation.pgettext("study result", "No, the benefit does not continue")

    def heading(form: dict[str, str]) -> str:
        response = client.post("/supports/study/", {**base, **form})
        found = re.search(r'id="study-answer-heading"[^>]*>([^<]+)<', response.content.decode())
        return found.group(1) if found else f"status {response.status_code}"

    assert heading({"kind": "lukio", "credits": "150"}) == no
    assert heading({"kind": "lukio", "credits": "40"}) == yes
    missing = client.post("/supports/study/", {**base, "kind": "lukio"})
    assert missing.status_code == 400 and 'id="id_credits_error"' in missing.content.decode()
    assert heading({"kind": "adult_basic", "courses_per_year": "22"}) == no
    course = {"kind": "vocational_course", "months": "4", "hours_per_day": "6"}
    assert heading(course) == yes
    assert heading({**course, "used_short_study": "on"}) == no
    three_days = {"kind": "vocational_course", "months": "", "days": "3", "hours_per_day": "7"}
    assert heading(three_days) == yes
    neither = client.post("/supports/study/", {**base, "kind": "other", "months": ""})
    assert neither.status_code == 400 and 'id="id_months_error"' in neither.content.decode()
    both = client.post("/supports/study/", {**base, "kind": "other", "days": "5"})
    assert both.status_code == 400 and 'id="id_days_error"' in both.content.decode()
    plan = {"kind": "vocational_qualification", "agreed_in_plan": "on", "training_need_found": "on"}
    assert heading({**plan, "benefit": "basic", "benefit_days_left": "0"}) == no
    wage = {**plan, "benefit": "earnings_related", "monthly_wage": "2500"}
    html = client.post("/supports/study/", {**base, **wage}).content.decode()
    assert re.search(r"1\D?525,21", html)  # 70,94 EUR a day (the 2025 wage deduction 3.54 %) x 21,5


def test_the_coach_sees_the_study_answer_only_when_the_person_shows_it(world):
    from django.test import Client

    from kohtaanto.web.coaching.models import CaseloadEntry
    from kohtaanto.web.matching.models import ConsentRecord, SeekerProfile

    me = Client()
    me.force_login(world["north_seeker"])
    form = {
        "age": "30",
        "benefit": "labour_market_support",
        "kind": "vocational_qualification",
        "starts_on": "2025-09-01",
        "months": "24",
        "agreed_in_plan": "on",
        "training_need_found": "on",
        "on": "2025-09-01",
        "keep": "on",
    }
    assert me.post("/supports/study/", form).status_code == 200
    profile = SeekerProfile.objects.get(person=world["north_seeker"])
    assert profile.study_plan["situation"]["studies"]["kind"] == "vocational_qualification"
    CaseloadEntry.objects.create(professional=world["north_professional"], profile=profile)
    coach = Client()
    coach.force_login(world["north_professional"])
    entry = CaseloadEntry.objects.get(profile=profile)
    page = coach.get(f"/caseload/{entry.pk}/").content.decode()
    assert 'id="study-heading"' in page and 'id="study-answer-heading"' not in page  # not shown yet
    me.post("/supports/study/", {**form, "show_coach": "on"})
    page = coach.get(f"/caseload/{entry.pk}/").content.decode()
    assert 'id="study-answer-heading"' in page and "omaehtoinen" in page
    assert [(c.purpose, c.granted) for c in ConsentRecord.objects.filter(purpose="study_plan_to_coach")] == [
        ("study_plan_to_coach", True)
    ]
    me.post("/supports/study/", form)  # kept, no longer shown
    assert 'id="study-answer-heading"' not in coach.get(f"/caseload/{entry.pk}/").content.decode()
    assert not ConsentRecord.objects.filter(purpose="study_plan_to_coach").first().granted
    from kohtaanto.web.matching import seeker

    with translation.override("en"):
        history = seeker.consent_history(world["north_seeker"], profile)
        to_coach = translation.pgettext("consent", "your employment coach")
        study_rows = [row for row in history if "studies I plan" in str(row["purpose"])]
    assert study_rows and {row["recipient"] for row in study_rows} == {to_coach}
