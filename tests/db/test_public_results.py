"""The public results page of an employment area: what anyone can read without signing in, counted by
hand on fixed records, with small groups hidden and nothing that names an employer or a person."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone

from kohtaanto.web.hiring.models import FollowUp
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import JobPosting
from kohtaanto.web.outcomes import results
from kohtaanto.web.outcomes.figures import complete_quarters
from tests.db.test_matching_api import JOB
from tests.db.test_outcomes import _at, _case

pytestmark = pytest.mark.db


def test_quarters_are_whole_and_end_before_today():
    quarters = complete_quarters(dt.date(2026, 12, 7))
    assert [(q.start, q.end) for q in quarters] == [
        (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    ]
    assert complete_quarters(dt.date(2026, 1, 1))[-1].end == dt.date(2025, 12, 31)


@pytest.fixture
def hires(world):
    """Quarter 2 of the window: two ordinary hires; quarter 3: six hires into carved jobs and one
    ordinary; six of the carved hires followed up at six months, five still in work."""
    org = world["north_org"]
    quarters = complete_quarters(timezone.localdate())
    second, third = quarters[1].start, quarters[2].start
    for n in range(2):
        _case(org, second, decision="hired", decided_on=second + dt.timedelta(days=10 + n))
    for n in range(6):
        job = services.create_job(None, org, spec=JOB, title=f"Muokattu {n}", kind="carved")
        _at(JobPosting, job, third)
        chosen = {"freed_hours_by_role": {"r": "2.5"}, "training_path": {"kind": "none"}}
        case = _case(
            org, third, job=job, chosen=chosen, decision="hired", decided_on=third + dt.timedelta(days=20)
        )
        FollowUp.objects.create(case=case, months=6, due_on=third, done_on=third, still_employed=n != 0)
    _case(org, third, decision="hired", decided_on=third + dt.timedelta(days=30))
    _case(world["south_org"], third, decision="hired", decided_on=third)  # another area
    return world


def test_results_count_by_hand_and_hide_what_could_be_subtracted(hires):
    r = results.compute(hires["north"], today=timezone.localdate())
    assert r.hires == 9
    assert r.hires_carved is None  # 6 carved and 3 ordinary: 3 is hidden, so 9 - 6 would reveal it
    assert [q.hires for q in r.quarters] == [0, None, None, 0]  # the 2 is hidden, and the 7 with it
    assert [q.carved_jobs for q in r.quarters] == [0, 0, 6, 0]
    assert r.carved_jobs == 6
    assert (r.retained_6, r.followed_6) == (83, 6)  # 5 of 6
    assert str(r.hours_freed) == "15.0"  # six hires, 2.5 hours each
    assert r.methods["job_modification"] == 6
    assert r.methods["work_trial"] == 0


def test_anyone_reads_the_page_in_finnish_and_the_open_data(hires):
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    area = hires["north"]
    page = client.get(f"/results/{area.pk}/").content.decode()
    assert "9</span> ihmistä sai työpaikan" in page
    assert "83&nbsp;%" in page and "6 ihmistä seurattiin" in page
    assert "15</span>" in page and "ei näytetä" in page
    assert hires["north_org"].name not in page  # no employer is named
    assert "Muokattu" not in page
    raw = client.get(f"/results/{area.pk}/data.csv").content
    assert raw.startswith("\ufeff".encode())  # a spreadsheet opens it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    headline = {r["figure"]: r for r in rows if r["start"] == rows[0]["start"] and r["end"] == rows[0]["end"]}
    assert headline["hires"]["value"] == "9" and headline["retained_6"]["value"] == "83"
    quarters = [r for r in rows if r["figure"] == "hires"][1:]
    assert [(q["value"], q["withheld"]) for q in quarters] == [
        ("0", "False"), ("", "True"), ("", "True"), ("0", "False"),
    ]  # fmt: skip
    assert client.get("/results/999999/").status_code == 404
    index = client.get("/results/").content.decode()
    assert f'href="/results/{area.pk}/"' in index
