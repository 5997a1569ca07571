"""The support application packet (issue 27): every field the applications ask, filled from the hiring
case where kohtaanto knows it; the rest marked missing with where to find it; the same packet as a page,
a PDF and JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client

from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.supports import ledger as ledgers

pytestmark = pytest.mark.db
CHOSEN = {
    "hours_per_week": 18.0,
    "monthly_wage": 1052.19,
    "tasks": [
        {"name": "Leipien pakkaus", "hours_per_week": 10},
        {"name": "Taikinan valmistelu", "hours_per_week": 8},
    ],
    "accommodations": [{"name": "Sähköpöytä"}],
    "supports": [
        {"id": "pay_subsidy_reduced_work_ability", "rate": 70.0, "monthly_amount": 736.53, "max_months": 10},
        {"id": "pay_subsidy_disadvantaged", "rate": 50.0, "monthly_amount": 526.1, "max_months": 10},
        {"id": "work_arrangement_tools", "total_max": 4000.0},
    ],
}


@pytest.fixture
def case(world):
    org = world["north_org"]
    org.legal_form = "association"
    org.save()
    ledgers.add_grant(
        actor=world["north_employer"],
        organisation=org,
        version=None,
        grant=ledgers.NewGrant(decided_on=dt.date(2025, 5, 1), amount=Decimal("1200"), granted_by="x"),
    )
    return HiringCase.objects.create(
        organisation=org,
        title="Aamuvuoro",
        chosen=CHOSEN,
        planned_start=dt.date(2027, 2, 1),
        claim_period_months=2,
        support_facts={"registered_unemployed": True},
        inventory={"workplace": {"business_activity": True, "new_job_hourly_wage": "13.5"}},
    )


def _fields(body, key):
    app = next(a for a in body["applications"] if a["key"] == key)
    return app, {f["key"]: f for s in app["sections"] for f in s["fields"]}


def test_the_packet_fills_what_the_case_knows_and_marks_the_rest(world, case):
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(world["north_employer"])
    body = json.loads(client.get(f"/hire/{case.pk}/application.json").content)
    app, f = _fields(body, "pay_subsidy_application")
    assert f["employer.business_id"]["data"] == world["north_org"].business_id
    assert f["support.kind"]["data"] == "pay_subsidy_reduced_work_ability"  # the larger of the alternatives
    assert f["support.period"]["data"] == {"from": "2027-02-01", "to": "2027-11-30"}  # ten months
    assert f["support.payment_period"]["data"] == 2
    assert f["job.monthly_pay"]["data"] == "1052.19"
    assert f["job.pay_basis"]["data"] == "time_hourly"
    assert f["employer.de_minimis_3_years"]["data"] == "1200.00"
    assert "attachment.tax_papers" in f  # an association that carries on business
    for never_kept in ("person.name", "person.identity_code"):
        assert f[never_kept]["missing"] and f[never_kept]["data"] == ""
    assert f["job.collective_agreement"]["missing"] and f["job.collective_agreement"]["status"] == "verified"
    assert f["job.title"]["missing"]  # no ad published yet
    assert app["missing"] == sum(1 for v in f.values() if v["missing"])
    _, g = _fields(body, "work_arrangement_application")
    assert g["support.work_arrangement_tools"]["data"] == "4000.0"
    assert g["support.what"]["data"] == "Sähköpöytä"
    assert g["attachment.doctors_statement"]["missing"]
    page = client.get(f"/hire/{case.pk}/application/").content.decode()
    assert "Palkkatukihakemus" in page and "Puuttuu" in page and "1\u00a0052,19 €" in page
    assert "Työolosuhteiden järjestelytukihakemus" in page
    assert "tietoa puuttuu vielä" in page
    pdf = client.get(f"/hire/{case.pk}/application.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_case_without_a_carved_job_has_no_packet(world):
    bare = HiringCase.objects.create(organisation=world["north_org"], title="x")
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(world["north_employer"])
    assert client.get(f"/hire/{bare.pk}/application.json").status_code == 404
    assert "Valitse ensin uusi työ." in client.get(f"/hire/{bare.pk}/application/").content.decode()
