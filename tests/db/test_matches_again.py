"""A search's results survive a reload and an "Interested": the employer's page answers GET with the last
search as they may see it now; the person's list stays after they say they are interested."""

from __future__ import annotations

import pytest
from django.test import Client

from kohtaanto.web.matching import services
from tests.db.test_hiring_journey import PACKER

pytestmark = pytest.mark.db


def _client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(user)
    return client


@pytest.fixture
def job(world):
    services.create_profile(
        None, spec=PACKER, person=world["north_seeker"], area=world["north"], open_to_employers=True
    )
    return services.create_job(
        world["north_employer"],
        world["north_org"],
        title="Pakkaaja",
        spec={
            "skills": [{"skill": "food_production.pack_food", "level": 2}],
            "hours_min": 10,
            "hours_max": 20,
        },
    )


def test_a_reload_shows_the_last_search_and_never_someone_who_withdrew(world, job):
    boss = _client(world["north_employer"])
    pseudonym = world["north_seeker"].seeker_profile.pseudonym
    first = boss.get(f"/jobs/{job.pk}/matches/")
    assert (
        first.status_code == 200 and pseudonym not in first.content.decode()
    )  # an offer to search, not a 405
    assert 'method="post"' in first.content.decode()
    assert pseudonym in boss.post(f"/jobs/{job.pk}/matches/").content.decode()
    again = boss.get(f"/jobs/{job.pk}/matches/").content.decode()
    assert pseudonym in again and "ajona" not in again
    assert "Henkilö osaa nämä" in again and "Osaat" not in again  # the employer reads about the person
    profile = world["north_seeker"].seeker_profile
    services.update_profile(world["north_seeker"], profile, open_to_employers=False)
    assert pseudonym not in boss.get(f"/jobs/{job.pk}/matches/").content.decode()


def test_interested_keeps_the_persons_list_of_jobs(world, job):
    me = _client(world["north_seeker"])
    found = me.post("/my-matches/").content.decode()
    assert "Pakkaaja" in found and "Osaat nämä" in found  # the person is spoken to
    said = me.post(f"/me/interest/{job.pk}/", {"interested": "yes"})
    assert said.status_code == 302
    after = me.get(said["Location"]).content.decode()
    assert "Pakkaaja" in after  # the list is still there, now with the interest recorded
