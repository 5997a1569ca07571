"""The pages issue 22 adds: right to work for employers, the pension earnings limit for the person, the
employer's de minimis ledger (used by the supports page), and yleistuki on the part-time page."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections
from django.test import Client
from django.utils import translation

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.core.errors import Conflict, PermissionDenied
from kohtaanto.web.supports import ledger as ledgers
from kohtaanto.web.supports.models import LedgerGrant

pytestmark = pytest.mark.db


def signed_in(user, language: str = "fi") -> Client:
    user.language = language
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_right_to_work_asks_for_a_missing_date_and_counts_months_by_the_law(world):
    client = signed_in(world["north_employer"])
    page = client.get("/supports/right-to-work/").content.decode()
    assert "Saako hän tehdä töitä?" in page and "Turvapaikanhakija, joka odottaa päätöstä" in page
    missing = client.post(
        "/supports/right-to-work/", {"status": "asylum_seeker", "travel_document": "on", "on": "2025-06-01"}
    )
    html = missing.content.decode()
    assert missing.status_code == 200
    assert "Ei voi vielä sanoa: yksi tieto puuttuu." in html and "Kerro hakemuksen päivä" in html
    assert "Ei, ei nyt." not in html
    full = client.post(
        "/supports/right-to-work/",
        {"status": "asylum_seeker", "travel_document": "on", "applied_on": "2025-01-31", "on": "2025-04-30"},
    ).content.decode()
    assert "Kyllä, hän saa tehdä töitä." in full and "Töitä saa tehdä 30.4.2025 alkaen." in full
    assert "Säilytä tiedot 4 vuotta" in full
    assert "Ulkomaalaislaki 301/2004, 79 §" in full  # the provision
    assert "2025-04-30" not in full.split("<main", 1)[-1].replace('value="2025-04-30"', "")


def test_right_to_work_in_swedish_and_the_protection_period(world):
    client = signed_in(world["north_employer"], "sv")
    html = client.post(
        "/supports/right-to-work/",
        {
            "status": "work_permit_ended",
            "employment_ended_on": "2025-07-31",
            "permit_category": "other",
            "on": "2025-08-15",
        },
    ).content.decode()
    assert "Skyddsperioden slutar 31.10.2025." in html
    assert "Meddela Migri om anställningen upphör i förtid." in html


def test_pension_page_shows_the_limit_with_and_without_the_work_and_the_rest(world):
    client = signed_in(world["north_seeker"])
    over = client.post(
        "/supports/pension/",
        {"kind": "partial", "pre_pension_earnings": "2000", "offered_pay": "1500", "on": "2025-06-01"},
    ).content.decode()
    assert "Voit ansaita 1\xa0200 euroa kuukaudessa ja pitää eläkkeesi." in over  # 60 % of 2 000
    assert "Työstä maksetaan 300 euroa kuukaudessa enemmän kuin rajasi." in over
    assert "lepäämään 3–24 kuukaudeksi" in over
    fits = client.post(
        "/supports/pension/", {"kind": "full", "offered_pay": "900", "on": "2025-06-01"}
    ).content.decode()
    assert "Voit ansaita 986,30 euroa kuukaudessa" in fits  # no earnings given: the guarantee-pension floor
    assert "Työ sopii: jäät 86,30 euroa rajan alle." in fits
    bad = client.post("/supports/pension/", {"kind": "full", "offered_pay": "-1", "on": "2025-06-01"})
    assert bad.status_code == 400 and 'value="-1"' in bad.content.decode()


def test_de_minimis_ledger_room_warning_and_the_hire_page_uses_it(world):
    client = signed_in(world["north_employer"])
    assert "Tukia ei ole vielä kirjattu." in client.get("/supports/de-minimis/").content.decode()
    before = AuditEvent.objects.filter(action="de_minimis.grant_added").count()
    added = client.post(
        "/supports/de-minimis/",
        {
            "action": "add",
            "decided_on": "2025-02-01",
            "amount": "290000",
            "granted_by": "ELY",
            "version": "0",
        },
    )
    assert added.status_code == 302
    assert AuditEvent.objects.filter(action="de_minimis.grant_added").count() == before + 1
    page = client.post(
        "/supports/de-minimis/", {"action": "room", "decision_on": "2026-03-01", "new_amount": "12000"}
    ).content.decode()
    assert "Uusi 12\xa0000 euron tuki ylittäisi rajan." in page
    assert "1.3.2026 tilaa on jäljellä 10\xa0000 euroa 300\xa0000 euron rajasta." in page
    hire = client.post(
        "/supports/hire/",
        {
            "legal_form": "company",
            "business_activity": "yes",
            "unemployment_months": "8",
            "reduced_work_ability": "on",
            "monthly_wage": "2000",
            "hours_per_week": "30",
            "aid_basis": "de_minimis",
            "on": "2026-03-01",
        },
    ).content.decode()
    assert "kirjanpitoasi vasten: 1 tuki kirjattu" in hire
    assert "300\xa0000" in hire  # the de minimis warning names the ceiling the ledger fills


def test_a_stale_ledger_form_is_refused_and_keeps_what_was_typed(world):
    client = signed_in(world["north_employer"])
    ok = {"action": "add", "decided_on": "2025-02-01", "amount": "1000", "granted_by": "ELY", "version": "0"}
    assert client.post("/supports/de-minimis/", ok).status_code == 302
    stale = client.post("/supports/de-minimis/", {**ok, "amount": "2500", "granted_by": "Kunta"})
    assert stale.status_code == 400
    html = stale.content.decode()
    assert "Joku muutti kirjanpitoa" in html and 'value="Kunta"' in html and 'value="2500' in html
    assert LedgerGrant.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_adds_with_the_same_version_never_lose_one_silently(world):
    org = world["north_org"]
    user = world["north_employer"]
    ledgers.ledger_of(org)
    results: list[str] = []
    barrier = threading.Barrier(2)

    def add(amount: int) -> None:
        close_old_connections()
        barrier.wait()
        try:
            ledgers.add_grant(
                actor=user,
                organisation=org,
                version=0,
                grant=ledgers.NewGrant(
                    decided_on=__import__("datetime").date(2025, 1, 1), amount=amount, granted_by="ELY"
                ),
            )
            results.append("saved")
        except Conflict:
            results.append("conflict")
        finally:
            close_old_connections()

    threads = [threading.Thread(target=add, args=(a,)) for a in (100, 200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict", "saved"]
    assert LedgerGrant.objects.count() == 1


def test_only_the_employers_own_people_keep_the_ledger(world):
    client = signed_in(world["north_seeker"])
    assert client.get("/supports/de-minimis/").status_code == 403
    with pytest.raises(PermissionDenied):
        ledgers.add_grant(
            actor=world["north_seeker"],
            organisation=world["north_org"],
            version=None,
            grant=ledgers.NewGrant(
                decided_on=__import__("datetime").date(2025, 1, 1), amount=1, granted_by="x"
            ),
        )


def test_part_time_page_names_yleistuki_from_may_2026(world):
    client = signed_in(world["north_seeker"])
    with translation.override("fi"):
        html = client.post(
            "/supports/part-time/",
            {
                "benefit": "labour_market_support",
                "earnings": "800",
                "hours_percent": "50",
                "on": "2026-06-01",
            },
        ).content.decode()
    assert '<th scope="row">Yleistuki</th>' in html
    assert "Yleistuki korvaa työmarkkinatuen" in html


def test_the_hire_page_shows_how_each_support_is_counted_and_who_decided_then(world):
    world["north_org"].legal_form = "association"
    world["north_org"].save()
    client = signed_in(world["north_employer"])
    form = {
        "legal_form": "association",
        "business_activity": "no",
        "unemployment_months": "26",
        "monthly_wage": "2000",
        "hours_per_week": "30",
    }
    html = client.post("/supports/hire/", {**form, "on": "2025-03-01"}).content.decode()
    assert "Miten tuki lasketaan" in html
    assert "Palkkakustannuksia lasketaan enintään 65 %:lta alan täydestä työajasta" in html  # the C1 note
    assert "1\xa0998,75" in html
    before = client.post("/supports/hire/", {**form, "on": "2024-06-03"}).content.decode()
    assert "Harkinnanvarainen: TE-toimisto päättää" in before
    assert "Harkinnanvarainen: työllisyysalue päättää" not in before
