"""The matching pages: jobs with a 'find people' action, results with the decision-support notice,
and a job seeker's jobs that fit."""

from __future__ import annotations

import pytest

from kohtaanto.web.matching import pool as live
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import MatchingRun
from tests.db.test_matching_api import BAKER, JOB
from tests.db.test_pages import signed_in

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def fresh_pool():
    live.reset()
    yield
    live.reset()


def test_employer_finds_people_for_a_job_and_the_page_says_a_person_decides(world):
    services.create_profile(
        None, spec=BAKER, person=world["north_seeker"], area=world["north"], open_to_employers=True
    )
    job = services.create_job(None, world["north_org"], spec=JOB, title="Leipomoapulainen")
    client = signed_in(world["north_employer"])
    listing = client.get("/jobs/")
    assert listing.status_code == 200 and "Leipomoapulainen" in listing.content.decode()
    offer = client.get(f"/jobs/{job.pk}/matches/")  # a reload or a bookmark: an offer to search, no run
    assert offer.status_code == 200 and not MatchingRun.objects.filter(job=job).exists()
    page = client.post(f"/jobs/{job.pk}/matches/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'role="note"' in html and 'id="notice-heading"' in html
    profile = world["north_seeker"].seeker_profile
    assert profile.pseudonym in html and world["north_seeker"].first_name not in html
    assert MatchingRun.objects.filter(job=job, actor=world["north_employer"]).count() == 1
    other = signed_in(world["south_employer"])
    assert other.post(f"/jobs/{job.pk}/matches/").status_code == 404
    assert signed_in(world["north_seeker"]).get("/jobs/").status_code == 404


def test_job_seeker_sees_jobs_that_fit_and_those_that_do_not(world):
    services.create_profile(None, spec=BAKER, person=world["north_seeker"], area=world["north"])
    services.create_job(None, world["north_org"], spec=JOB, title="Leipomoapulainen")
    services.create_job(
        None, world["north_org"], spec={**JOB, "hours_min": 37.5, "hours_max": 40}, title="Kokoaikainen"
    )
    client = signed_in(world["north_seeker"])
    assert client.get("/my-matches/").status_code == 200
    html = client.post("/my-matches/").content.decode()
    assert "Leipomoapulainen" in html and "Kokoaikainen" in html
    assert html.index("Leipomoapulainen") < html.index("Kokoaikainen")  # the misfit is listed with its reason
    assert MatchingRun.objects.filter(kind="person", actor=world["north_seeker"]).count() == 1


def test_a_job_seeker_without_a_profile_is_told_how_to_get_one(world):
    html = signed_in(world["south_seeker"]).get("/my-matches/").content.decode()
    assert 'role="note"' in html and "<form" not in html.split("<main", 1)[1].split("</main>")[0]
