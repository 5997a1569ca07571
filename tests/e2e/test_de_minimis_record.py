"""The de minimis record in the browser (issue 27): the demo employer adds the company that owns theirs by
ticking the plain questions, records that company's grant, and sees both in the record; in Finnish and
Swedish, on a desktop and a 360 px phone, with axe on every page."""

from __future__ import annotations

import json

import pytest

from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_risk_card import look

pytestmark = pytest.mark.e2e
OWNER = "0112038-9"


def test_the_employer_names_the_group_and_downloads_the_record(page, demo_world):
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    choose_language(page, "fi")
    page.goto("/supports/de-minimis/")
    form = page.locator("form:has(input[name=action][value=link])")
    form.get_by_label("Yrityksen nimi").fill("Omistaja Oy")
    form.get_by_label("Y-tunnus").fill("0112038-1")  # a wrong check digit
    form.get_by_label("Toisella yrityksellä on yli puolet äänistä", exact=False).check()
    form.locator("button[type=submit]").click()
    assert form.get_by_label("Yrityksen nimi").input_value() == "Omistaja Oy"  # kept
    assert "Y-tunnus" in page.locator(".error-summary, .errors").first.inner_text()
    look(page, "de-minimis-linked-error-fi")
    form.get_by_label("Y-tunnus").fill(OWNER)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/supports/de-minimis/")
    assert "Omistaja Oy" in page.locator("#group-heading ~ table").inner_text()
    grant = page.locator("form:has(input[name=action][value=add])")
    grant.get_by_label("Päätöksen päivä", exact=False).fill("2026-02-02")
    grant.get_by_label("Määrä euroina").fill("12000")
    grant.get_by_label("Myöntäjä").fill("Järvilaakson työllisyysalue")
    grant.get_by_label("Mikä yritys sai tuen").select_option(OWNER)
    grant.locator("button[type=submit]").click()
    page.wait_for_url("**/supports/de-minimis/")
    look(page, "de-minimis-record-fi")
    page.set_viewport_size({"width": 360, "height": 800})
    look(page, "de-minimis-record-fi-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    record = json.loads(page.request.get("/supports/de-minimis/record.json").text())
    received = {g["beneficiary_id"]: g["aid_amount_eur"] for g in record["grants"]}
    assert received[OWNER] == "12000.00"
    choose_language(page, "sv")
    text = page.locator("main").inner_text()
    assert "Företag som hör ihop med ditt" in text and "Omistaja Oy" in text
    look(page, "de-minimis-record-sv")
    page.set_viewport_size({"width": 360, "height": 800})
    look(page, "de-minimis-record-sv-360")
