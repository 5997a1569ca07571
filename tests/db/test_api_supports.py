from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.db

HIRE = {
    "employer": {"legal_form": "company"},
    "person": {"age": 35, "reduced_work_ability": True},
    "job": {"monthly_wage": 3000, "hours_per_week": 37.5},
}


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_hire_answers_with_reasons_and_sources(world):
    response = client_for(world["north_employer"]).post(
        "/api/v1/supports/hire/?on=2025-03-01&lang=sv", HIRE, format="json"
    )
    assert response.status_code == 200
    support = next(s for s in response.json()["supports"] if s["id"] == "pay_subsidy_reduced_work_ability")
    assert support["monthly_amount"] == 1770.0 and support["eligible"] is True
    assert any("arbetssökande" in reason for reason in support["reasons"])
    assert support["sources"][0].startswith("https://")


@pytest.mark.parametrize(
    ("path", "body", "key", "value"),
    [
        (
            "part-time",
            {"benefit": "labour_market_support", "earnings_in_period": 800},
            "adjusted_daily_allowance",
            18.61,
        ),
        ("pension", {"kind": "full", "pre_pension_earnings_month": 3000}, "earnings_limit", 1200.0),
        ("right-to-work", {"status": "family_ties", "permit_granted": False}, "may_work", "no"),
        (
            "de-minimis",
            {"received": [{"decided_on": "2024-05-01", "amount": 290000}], "new_amount": 12000},
            "fits",
            False,
        ),
    ],
)
def test_each_question(world, path, body, key, value):
    response = client_for(world["north_seeker"]).post(
        f"/api/v1/supports/{path}/?on=2025-03-01", body, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()[key] == value


def test_field_errors_and_dates_outside_the_law_are_400(world):
    client = client_for(world["north_employer"])
    bad = client.post("/api/v1/supports/hire/", {"employer": {"legal_form": "castle"}}, format="json")
    assert bad.status_code == 400
    assert {"employer.legal_form", "person", "job"} <= set(bad.json()["error"]["fields"])
    early = client.post("/api/v1/supports/hire/?on=2020-01-01", HIRE, format="json")
    assert early.status_code == 400 and "on" in early.json()["error"]["fields"]
    assert client.post("/api/v1/supports/hire/?on=yesterday", HIRE, format="json").status_code == 400
    assert client.post("/api/v1/supports/hire/?lang=de", HIRE, format="json").status_code == 400


def test_questions_need_signing_in(db):
    assert APIClient().post("/api/v1/supports/hire/", HIRE, format="json").status_code == 401


def test_the_schema_documents_the_request_with_an_example(db):
    spec = APIClient().get("/api/schema/?format=json").json()
    body = spec["paths"]["/api/v1/supports/hire/"]["post"]["requestBody"]["content"]["application/json"]
    assert "employer" in body["schema"]["properties"]
    assert body.get("examples")


def test_the_study_question_answers_with_basis_obligations_and_sources(world):
    client = client_for(world["north_seeker"])
    body = {
        "age": 28,
        "benefit": "labour_market_support",
        "studies": {"kind": "vocational_course", "starts_on": "2025-09-01", "months": 4, "vocational": True,
                    "hours_per_day": 6},
    }  # fmt: skip
    answer = client.post("/api/v1/supports/study/?on=2025-09-01&lang=sv", body, format="json")
    data = answer.json()
    assert answer.status_code == 200 and data["basis"] == "short_term" and data["benefit_continues"] is True
    assert "report_before_start" in data["obligations"] and data["sources"] and data["reasons"]
    bad = client.post("/api/v1/supports/study/", {"age": 28, "benefit": "x", "studies": {}}, format="json")
    assert bad.status_code == 400 and "benefit" in json.dumps(bad.json()["error"])


def test_api_errors_are_english_and_answers_follow_the_persons_language(world):
    from kohtaanto.web.accounts import services as accounts

    swede = world["north_employer"]
    accounts.set_language(swede, "sv")
    api = client_for(swede)
    answer = api.post("/api/v1/supports/hire/?on=2025-03-01", HIRE, format="json")
    support = next(s for s in answer.json()["supports"] if s["id"] == "pay_subsidy_reduced_work_ability")
    assert any("arbetssökande" in reason for reason in support["reasons"])  # the saved language: Swedish
    assert answer["Content-Language"] == "en"
    bad = api.patch(f"/api/v1/organisations/{world['north_org'].pk}/", {"size_class": "huge"}, format="json")
    missing = api.post("/api/v1/supports/hire/", {"employer": {}}, format="json")
    messages = json.dumps([bad.json(), missing.json()], ensure_ascii=False)
    assert bad.status_code == 400 and missing.status_code == 400
    assert "is not a valid choice" in messages
    for swedish_or_finnish in ("är inte", "ogiltigt", "Tämä kenttä", "ei ole kelvollinen"):
        assert swedish_or_finnish not in messages
