"""The de minimis record (issue 27): the employer names the companies linked to its own (the single
undertaking) by answering plain questions, records the aid each received, and downloads the record the
granting authority and the central register ask for; the linked company's aid counts in the room left."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.supports.models import LinkedUndertaking
from kohtaanto.web.supports.register import COLUMNS

pytestmark = pytest.mark.db
LINKED_ID = "0112038-9"  # a valid check digit


def _employer(world) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(world["north_employer"])
    return client


def test_a_linked_company_is_asked_plainly_and_a_bad_answer_keeps_what_was_typed(world):
    client = _employer(world)
    page = client.post(
        "/supports/de-minimis/",
        {"action": "link", "name": "Emoyhtiö Oy", "business_id": "0112038-1", "version": "0"},
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert 'value="Emoyhtiö Oy"' in html  # the typed name is kept
    assert html.count('class="errors"') >= 2  # the business ID and the links are both named
    assert LinkedUndertaking.objects.count() == 0
    saved = client.post(
        "/supports/de-minimis/",
        {
            "action": "link",
            "name": "Emoyhtiö Oy",
            "business_id": LINKED_ID,
            "links": ["majority_votes", "appoints_board"],
            "version": "0",
        },
    )
    assert saved.status_code == 302
    linked = LinkedUndertaking.objects.get()
    assert (linked.majority_votes, linked.appoints_board, linked.dominant_influence) == (True, True, False)
    assert AuditEvent.objects.filter(action="de_minimis.linked_added").count() == 1
    listed = client.get("/supports/de-minimis/").content.decode()
    assert "Emoyhtiö Oy" in listed and "yli puolet äänistä" in listed


def test_removing_a_company_or_a_grant_asks_first(world):
    """The page's remove button opens the question; only its "yes" sends the removal (no JavaScript)."""
    client = _employer(world)
    link = {"action": "link", "name": "Emoyhtiö Oy", "business_id": LINKED_ID, "links": ["majority_votes"]}
    assert client.post("/supports/de-minimis/", {**link, "version": "0"}).status_code == 302
    grant = {"action": "add", "decided_on": "2026-02-01", "amount": "1000", "granted_by": "ELY-keskus"}
    assert client.post("/supports/de-minimis/", {**grant, "version": "1"}).status_code in (200, 302)
    html = client.get("/supports/de-minimis/").content.decode()
    for question, yes in (
        ("Poistetaanko Emoyhtiö Oy yrityksesi ryhmästä?", "Kyllä, poista yritys"),
        ("Poistetaanko 1.2.2026 myönnetty 1\xa0000 euron tuki?", "Kyllä, poista tuki"),
    ):
        at = html.index(question)
        opened = html.rfind('<details class="confirm">', 0, at)
        assert opened > html.rfind("</details>", 0, at), question  # the question is behind the button
        assert yes in html[at : html.index("</details>", at)]


def test_the_record_carries_both_companies_grants_and_the_room_counts_them(world):
    client = _employer(world)
    org = world["north_org"]
    client.post(
        "/supports/de-minimis/",
        {"action": "link", "name": "Emoyhtiö Oy", "business_id": "0112038 9", "links": ["majority_votes"]},
    )  # typed with a space: stored with its hyphen
    for recipient, amount in ((org.business_id, "1000.00"), (LINKED_ID, "250000.00")):
        response = client.post(
            "/supports/de-minimis/",
            {
                "action": "add",
                "decided_on": "2026-03-02",
                "amount": amount,
                "granted_by": "Pohjoisen työllisyysalue",
                "instrument": "grant",
                "regulation": "2023/2831",
                "recipient_business_id": recipient,
                "reference": "TA-1/2026",
            },
        )
        assert response.status_code == 302, response.content.decode()[:400]
    record = json.loads(client.get("/supports/de-minimis/record.json").content)
    assert record["single_undertaking"]["applicant"]["business_id"] == org.business_id
    assert record["single_undertaking"]["linked"] == [
        {
            "name": "Emoyhtiö Oy",
            "business_id": LINKED_ID,
            "links": ["majority_votes"],
            "through_other_companies": False,
        }
    ]
    by_id = {g["beneficiary_id"]: g for g in record["grants"]}
    assert by_id[LINKED_ID]["beneficiary_name"] == "Emoyhtiö Oy"
    assert by_id[LINKED_ID]["aid_amount_eur"] == "250000.00"
    assert by_id[org.business_id]["sector_nace_section"] == org.sector
    assert by_id[org.business_id]["decision_number"] == "TA-1/2026"
    assert record["room"]["received_in_window_eur"] == "251000.00"
    assert record["room"]["room_left_eur"] == "49000.00"
    rows = list(csv.reader(io.StringIO(client.get("/supports/de-minimis/record.csv").content.decode())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 3
    # a company whose aid is on the ledger cannot be dropped from the group
    linked = LinkedUndertaking.objects.get()
    refused = client.post("/supports/de-minimis/", {"action": "unlink", "linked": linked.pk})
    assert refused.status_code == 400
    assert "Poista ensin" in refused.content.decode()
    assert LinkedUndertaking.objects.count() == 1


def test_a_grant_cannot_name_a_company_outside_the_group(world):
    client = _employer(world)
    response = client.post(
        "/supports/de-minimis/",
        {
            "action": "add",
            "decided_on": "2026-03-02",
            "amount": "10",
            "granted_by": "x",
            "instrument": "grant",
            "regulation": "2023/2831",
            "recipient_business_id": LINKED_ID,
        },
    )
    assert response.status_code == 400
    assert 'value="x"' in response.content.decode()
