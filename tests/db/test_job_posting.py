"""The published carved job for job boards (issue 27): its schema.org JobPosting is checked offline
against the vocabulary it uses (tests/fixtures/schemaorg/jobposting.yaml) and Google's required fields;
the job's public page and the employment area's Atom feed need no sign-in and show only the ad."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client

from kohtaanto.taxonomy.store import import_esco
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.matching import services

pytestmark = pytest.mark.db
VOCABULARY = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "fixtures" / "schemaorg" / "jobposting.yaml").read_text("utf-8")
)
ESCO_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"
HAND_PACKER = (  # a made-up concept in the fixture's style: the test's own ESCO import names it
    "Occupation,http://data.europa.eu/esco/occupation/test-hand-packer,9321,hand packer,packer,,released,"
    "2020-01-01T00:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,"
    "Hand packers pack goods.,9321.2\n"
)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LITERALS = {
    "Text": lambda v: isinstance(v, str) and v != "",
    "URL": lambda v: isinstance(v, str) and v.startswith(("http://", "https://")),
    "Number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Boolean": lambda v: isinstance(v, bool),
    "Date": lambda v: isinstance(v, str) and bool(DATE.match(v)),
    "DateTime": lambda v: isinstance(v, str) and bool(DATE.match(v[:10])),
}


def entries(body: bytes) -> list[Any]:
    """The entries of an Atom feed this app wrote."""
    root = ET.fromstring(body)  # noqa: S314 - the app's own feed in a test, not untrusted input
    return root.findall("{http://www.w3.org/2005/Atom}entry")


def problems(node: Any, path: str = "JobPosting") -> list[str]:
    """What in a JSON-LD node the vocabulary does not allow: unknown types and properties, wrong kinds."""
    kind = node.get("@type")
    if kind not in VOCABULARY["types"]:
        return [f"{path}: unknown type {kind!r}"]
    allowed = VOCABULARY["types"][kind]
    out = []
    for key, value in node.items():
        if key in ("@type", "@context"):
            continue
        ranges = allowed.get(key) or (
            ["Text", "URL", "PropertyValue"] if key in VOCABULARY["thing"] else None
        )
        if ranges is None:
            out.append(f"{path}.{key}: not a property of {kind}")
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if item.get("@type") not in ranges:
                    out.append(f"{path}.{key}: {item.get('@type')} is not one of {ranges}")
                else:
                    out += problems(item, f"{path}.{key}")
            elif not any(LITERALS[r](item) for r in ranges if r in LITERALS):
                out.append(f"{path}.{key}: {item!r} is not a {'/'.join(ranges)}")
    return out


def _published(world):
    boss = world["north_employer"]
    profile = services.create_profile(
        None,
        spec={"skills": {"food_production.pack_food": 3}, "hours_min": 10, "hours_max": 25},
        person=world["north_seeker"],
        area=world["north"],
        open_to_employers=True,
    )
    case = hiring.create_case(boss, world["north_org"], "Pakkaaja")
    hiring.save_need(boss, case, reasons=["workload"], text="", overloaded=["Leipuri"])
    role = case.inventory["workplace"]["roles"][0]["id"]
    hiring.add_task(
        boss,
        case,
        role_id=role,
        name="Pakkaus",
        hours=Decimal(12),
        skill="food_production.pack_food",
        level=2,
        answers={},
    )
    proposal = hiring.carve(boss, case, profile=profile, language="fi", on=dt.date(2026, 11, 28)).proposals[0]
    hiring.choose(boss, case, proposal, profile.pseudonym)
    case.planned_start = dt.date(2027, 1, 4)
    case.save()
    hiring.save_ad(
        boss,
        case,
        "Haemme pakkaajaa aamuvuoroon.",
        details={
            "hourly_wage": Decimal("13.50"),
            "contact": "Leena, 040 1",
            "how_to_apply": "",
            "apply_by": None,
        },
    )
    hiring.publish(boss, case)
    case.refresh_from_db()
    return case, profile


def _import_esco(tmp_path: Path) -> None:
    source = tmp_path / "esco"
    source.mkdir()
    for file in ESCO_FIXTURE.iterdir():
        (source / file.name).write_bytes(file.read_bytes())
    with (source / "occupations_en.csv").open("a", encoding="utf-8") as rows:
        rows.write(HAND_PACKER)
    import_esco([source], tmp_path / "taxonomy", "0.9.0", at=dt.datetime(2026, 12, 7, tzinfo=dt.UTC))


def test_the_job_posting_is_complete_and_valid_against_the_vocabulary(world, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    case, _ = _published(world)
    before = hiring.json_ld(case)  # before an ESCO import: the occupation by name only
    assert before["occupationalCategory"] == ["Pakkaaja"] and problems(before) == []
    _import_esco(tmp_path)
    posting = hiring.json_ld(case)
    assert problems(posting) == []
    for field in VOCABULARY["google"]["required"]:
        assert posting.get(field), field
    assert posting["employmentType"] in VOCABULARY["google"]["employmentType"]
    assert posting["baseSalary"]["value"]["unitText"] in VOCABULARY["google"]["unitText"]
    # the occupation the packing points to, with its ESCO concept and ISCO-08 group
    isco, esco = posting["occupationalCategory"]
    assert (isco["inCodeSet"], isco["codeValue"], isco["name"]) == ("ISCO-08", "9321", "Pakkaaja")
    assert esco["codeValue"].startswith("http://data.europa.eu/esco/occupation/")
    assert [s["termCode"] for s in posting["skills"]] == ["food_production.pack_food"]
    assert posting["hiringOrganization"]["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "Y-tunnus",
        "value": world["north_org"].business_id,
    }
    assert posting["jobStartDate"] == "2027-01-04" and posting["description"]


def test_the_validator_catches_what_the_vocabulary_does_not_allow():
    assert problems({"@type": "JobPosting", "salary": 5}) == [
        "JobPosting.salary: not a property of JobPosting"
    ]
    assert problems({"@type": "JobPosting", "datePosted": "7.12.2026"})
    assert problems({"@type": "JobPosting", "hiringOrganization": {"@type": "Place", "name": "x"}})
    assert problems({"@type": "JobPosting", "totalJobOpenings": "one"})


def test_anyone_reads_the_open_carved_job_and_the_areas_feed_but_nothing_else(world):
    case, profile = _published(world)
    anonymous = Client()
    page = anonymous.get(f"/jobs/{case.job_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert embedded and json.loads(embedded.group(1))["title"] == case.job.title
    assert "Haemme pakkaajaa aamuvuoroon." in html
    assert profile.pseudonym not in html and world["north_seeker"].last_name not in html

    feed = anonymous.get(f"/jobs/areas/{world['north'].pk}/feed.atom")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    found = entries(feed.content)
    links = [e.find("{http://www.w3.org/2005/Atom}link").get("href") for e in found]
    assert links == [f"http://testserver/jobs/{case.job_id}/"]
    assert profile.pseudonym not in feed.content.decode()
    assert entries(anonymous.get(f"/jobs/areas/{world['south'].pk}/feed.atom").content) == []

    # an ordinary job and a closed carved job are not public
    ordinary = services.create_job(world["north_employer"], world["north_org"], spec={}, title="Hyllytys")
    assert anonymous.get(f"/jobs/{ordinary.pk}/").status_code == 404
    services.update_job(world["north_employer"], case.job, status="closed")
    assert anonymous.get(f"/jobs/{case.job_id}/").status_code == 404
    assert entries(anonymous.get(f"/jobs/areas/{world['north'].pk}/feed.atom").content) == []
