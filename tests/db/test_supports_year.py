"""Does the work pay? The page, the API and the bad-input paths, as a job seeker and a coach see them."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent

pytestmark = pytest.mark.db

# income-year-fi.md T7: a seasonal job in Tampere, 2 300 a month May-July 2026.
SEASON = {
    "municipality": "Tampere",
    "adults": "1",
    "children": "",
    "rent": "600",
    "benefit": "labour_market_support",
    "pay_kind": "monthly",
    "wage_month": "2300",
    "hours_per_week": "37.5",
    "work_start": "2026-05-01",
    "work_end": "2026-07-31",
    "on": "2026-01-01",
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_seasonal_job_shows_the_year_the_difference_and_what_to_report(world):
    client = signed_in(world["north_seeker"])
    response = client.post("/supports/year/", SEASON)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kannattaako työ?" in html
    # the engine's T7 result, in Finnish money format
    assert "Työn kanssa sinulla on yhteensä 2\xa0935,50 euroa enemmän." in html
    assert "9\xa0912,44" in html and "6\xa0976,94" in html
    assert "Uusi asumistuki maksetaan 1.6.2026 alkaen" in html  # the review lag, in plain words
    assert "Työstä kertyy 3 kuukautta työssäoloehtoon" in html
    # the chart's coordinates never carry a decimal comma
    svg = html[html.index("<svg") : html.index("</svg>")]
    for attribute in re.findall(r' (?:x|y|x1|x2|y1|y2)="([^"]*)"', svg):
        assert "," not in attribute
    for points in re.findall(r'points="([^"]*)"', svg):
        assert all(re.fullmatch(r"[\d.]+,[\d.]+", pair) for pair in points.split())
    # what-if: a month's later start is compared side by side
    assert "Työ alkaa kuukautta myöhemmin (1.6.2026)" in html
    assert "session." not in html and "None" not in html


def test_swedish_page_speaks_swedish(world):
    user = world["north_seeker"]
    user.language = "sv"
    user.save()
    client = signed_in(user)
    html = client.post("/supports/year/", SEASON).content.decode()
    assert "Lönar sig arbetet?" in html
    assert "Med arbetet har du sammanlagt 2\xa0935,50 euro mer." in html


def test_bad_input_names_the_field_and_keeps_what_was_typed(world):
    client = signed_in(world["north_seeker"])
    response = client.post(
        "/supports/year/", {**SEASON, "municipality": "Atlantis", "rent": "-5", "children": "4, 30"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kuntaa Atlantis ei löydy" in html
    assert "Kirjoita jokaisen lapsen ikä numerona" in html
    assert 'value="2300"' in html and 'value="Atlantis"' in html
    response = client.post("/supports/year/", {**SEASON, "work_end": "2026-04-01"})
    assert response.status_code == 400
    assert "Työ ei voi päättyä ennen kuin se alkaa." in response.content.decode()


def test_hourly_work_finds_the_break_even_hours_and_nothing_is_stored(world):
    client = signed_in(world["north_seeker"])
    before = AuditEvent.objects.count()
    data = {**SEASON, "pay_kind": "hourly", "hourly_wage": "14", "hours_per_week": "20", "work_end": ""}
    html = client.post("/supports/year/", data).content.decode()
    assert "Työ kannattaa" in html and "viikkotunnista alkaen" in html
    assert "5 viikkotuntia enemmän" in html
    assert AuditEvent.objects.count() == before


def test_api_answers_the_year_and_the_employer_cost(world):
    client = signed_in(world["north_seeker"])
    situation = {
        "start": "2026-01-01",
        "municipality": "Tampere",
        "rent": 600,
        "work": {"start": "2026-05-01", "end": "2026-07-31", "wage_month": 2300, "hours_per_week": 37.5},
    }
    response = client.post("/api/v1/supports/year/?on=2026-01-01", situation, content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["difference"] == 2935.5
    assert body["with_work"]["months"][7]["social_assistance"] == 462.87
    assert "what_if" not in body  # asked for only
    asked = client.post(
        "/api/v1/supports/year/?on=2026-01-01&lang=en",
        {**situation, "what_if": True},
        content_type="application/json",
    ).json()
    later = asked["what_if"][-1]
    assert later["choice"] == "The work starts a month later (2026-06-01)" and later["wage"] == 4600.0
    assert any("Tulot nousevat" in reason for reason in body["reasons"])
    bad = client.post(
        "/api/v1/supports/year/", {**situation, "municipality": "Atlantis"}, content_type="application/json"
    )
    assert bad.status_code == 400 and "municipality" in bad.json()["error"]["fields"]
    cost = client.post(
        "/api/v1/supports/employer-cost/",
        {"start": "2025-01-01", "wage_month": 2000, "supports": [{"kind": "pay_subsidy", "months": 10}]},
        content_type="application/json",
    )
    assert cost.status_code == 200
    assert cost.json()["total"]["net_cost"] == 49399.06
    claims = client.post(
        "/api/v1/supports/payment-calendar/?on=2026-12-07",
        {
            "start": "2026-12-01",
            "supports": [{"kind": "pay_subsidy", "months": 10, "monthly_amount": 736.53}],
        },
        content_type="application/json",
    )
    assert claims.status_code == 200 and len(claims.json()["claims"]) == 10
    assert claims.json()["next"]["deadline"] == "2027-02-28"
    empty = client.post(
        "/api/v1/supports/payment-calendar/",
        {"start": "2026-12-01", "supports": []},
        content_type="application/json",
    )
    assert empty.status_code == 400 and "supports" in empty.json()["error"]["fields"]


COST = {
    "start": "2025-01-01",
    "wage_month": "2000",
    "months": "24",
    "subsidy": "pay_subsidy:disadvantaged",
    "subsidy_months": "10",
    "holiday_bonus_share": "50",
    "sick_start": "2025-06-02",
    "sick_days": "18",
}


def test_employer_sees_the_24_months_and_where_the_subsidy_ends(world):
    client = signed_in(world["north_employer"])
    html = client.post("/supports/employer-cost/", COST).content.decode()
    assert "Mitä rekrytointi maksaa?" in html
    # T9 with the illness: 49 399,06 - 405,12 of Kela's sickness allowance to the employer
    assert "24 kuukaudessa rekrytointi maksaa sinulle tukien jälkeen 48\xa0993,94 euroa." in html
    assert (
        "Palkkatuki päättyy ennen 1.11.2025. "
        "Kuukauden nettokustannus nousee 1\xa0404,20 eurosta 2\xa0404,20 euroon." in html
    )
    assert "405,12" in html and "11/2025" in html
    # what an illness of four weeks costs after Kela's allowance to the employer (14 x 50,64 a day)
    assert "Mitä sairastuminen maksaa sinulle" in html and "708,96" in html


def test_employer_cost_form_errors_name_the_field(world):
    client = signed_in(world["north_employer"])
    response = client.post("/supports/employer-cost/", {**COST, "subsidy_months": "", "wage_month": "-1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Anna kuukaudet päätöksestä." in html and 'value="2025-06-02"' in html
