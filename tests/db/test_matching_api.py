"""Matching through the API: from a job seeker's own profile to an explained match, with roles,
pseudonyms, recorded runs, incremental pool updates, fairness reports and clear errors."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.matching import pool as live
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import GroupDatum, MatchingRun, SeekerProfile
from tests.db.test_api import token_client
from tests.factories import make_user

pytestmark = pytest.mark.db

WEEK = ["mon", "tue", "wed", "thu", "fri"]
BAKER = {
    "skills": {"food_production.bakery_work": 3, "food_production.pack_food": 2},
    "capacities": {"physical.lifting_carrying": 2},
    "hours_min": 15,
    "hours_max": 25,
    "days": WEEK,
    "municipality": "Lahti",
    "working_language": "B2",
}
JOB = {
    "skills": [
        {"skill": "food_production.bakery_work", "level": 2},
        {"skill": "food_production.pack_food", "level": 2},
        {"skill": "kitchen.wash_dishes", "level": 1, "essential": False},
    ],
    "demands": {"physical.lifting_carrying": 3},
    "accommodations": {"physical.lifting_carrying": 1},
    "hours_min": 15,
    "hours_max": 25,
    "days": WEEK,
    "municipality": "Lahti",
    "working_language": "B1",
}


@pytest.fixture(autouse=True)
def fresh_pool():
    live.reset()
    yield
    live.reset()


def client_for(username: str) -> APIClient:
    """Signed in without a token round trip (the token endpoint is throttled; one test uses it)."""
    client = APIClient()
    client.force_authenticate(User.objects.get(username=username))
    return client


def _job(client, org=None, **overrides):
    body = {"title": "Leipomoapulainen", "spec": JOB, **overrides}
    if org is not None:
        body["organisation"] = org
    response = client.post("/api/v1/jobs/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_from_profile_to_explained_match_with_pseudonyms_until_the_person_reveals(world):
    seeker = token_client("n_seeker")
    created = seeker.put("/api/v1/profiles/me/", {"spec": BAKER, "open_to_employers": True}, format="json")
    assert created.status_code == 201, created.content
    pseudonym = created.json()["pseudonym"]
    assert created.json()["spec"]["municipality"] == "398"  # Lahti, as its municipality code

    employer = token_client("n_employer")
    job = _job(employer)
    response = employer.post(f"/api/v1/jobs/{job['id']}/matches/?lang=en")
    assert response.status_code == 200, response.content
    body = response.json()
    assert "not a decision" in body["notice"]
    [row] = body["results"]
    assert row["person"] == pseudonym and "name" not in row and "profile" not in row
    assert row["matched_skills"] == ["food_production.bakery_work", "food_production.pack_food"]
    assert row["gaps"] == [{"skill": "kitchen.wash_dishes", "levels": 1, "trainable": True}]
    assert set(row["components"]) == {"skills", "functional", "hours", "place", "language", "preferences"}
    assert row["accommodations"] == [] and "accommodations_hidden" not in row  # not shared: no trace
    assert row["components"]["functional"] == 1.0  # scored without the capacity the person keeps
    assert not any("lifting" in line for line in row["explanation"])
    assert "The job is in the same municipality." in row["explanation"]

    # the person shares accommodations and reveals their name to this employer
    assert (
        seeker.put(
            "/api/v1/profiles/me/",
            {"spec": BAKER, "open_to_employers": True, "share_accommodations": True},
            format="json",
        ).status_code
        == 200
    )
    reveal = seeker.post(
        "/api/v1/profiles/me/reveal/", {"organisation": world["north_org"].pk}, format="json"
    )
    assert reveal.status_code == 204
    [row] = employer.post(f"/api/v1/jobs/{job['id']}/matches/?lang=en").json()["results"]
    assert row["name"] == world["north_seeker"].get_full_name()
    assert row["accommodations"] == [{"attribute": "physical.lifting_carrying", "levels": 1}]

    run = MatchingRun.objects.get(pk=body["run"])
    assert run.actor_username == "n_employer" and run.job_id == job["id"] and len(run.inputs_digest) == 64
    assert run.considered == [pseudonym] and run.results[0]["person"] == pseudonym
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("matching_run.recorded") == 2 and "identity.revealed" in actions


def test_employers_see_only_people_who_chose_to_be_shown(world):
    services.create_profile(None, spec=BAKER, person=world["north_seeker"], area=world["north"])
    employer = client_for("n_employer")
    job = _job(employer)
    assert employer.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"] == []
    professional = client_for("n_pro")
    rows = professional.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"]
    assert [r["profile"] for r in rows] == [world["north_seeker"].seeker_profile.pk]


def test_a_professional_sees_only_their_own_areas_pool(world):
    services.create_profile(None, spec=BAKER, person=world["north_seeker"], area=world["north"])
    south = services.create_profile(None, spec=BAKER, person=world["south_seeker"], area=world["south"])
    job = _job(client_for("n_employer"))
    north_rows = client_for("n_pro").post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"]
    assert south.pseudonym not in [r["person"] for r in north_rows] and len(north_rows) == 1
    admin_rows = client_for("admin").post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"]
    assert south.pseudonym in [r["person"] for r in admin_rows] and len(admin_rows) == 2
    # the south professional may not run a job of a north employer, nor edit a north profile
    assert client_for("s_pro").post(f"/api/v1/jobs/{job['id']}/matches/").status_code == 404
    north = world["north_seeker"].seeker_profile
    assert (
        client_for("s_pro")
        .patch(f"/api/v1/profiles/{north.pk}/", {"looking": False}, format="json")
        .status_code
        == 404
    )


def test_other_roles_cannot_match_people_or_see_other_jobs(world):
    job = _job(client_for("n_employer"))
    assert client_for("s_employer").post(f"/api/v1/jobs/{job['id']}/matches/").status_code == 404
    assert client_for("n_seeker").post(f"/api/v1/jobs/{job['id']}/matches/").status_code == 403
    assert client_for("analyst").post(f"/api/v1/jobs/{job['id']}/matches/").status_code == 403


def test_a_changed_profile_counts_at_once_without_rebuilding_the_pool(world):
    seeker = client_for("n_seeker")
    seeker.put("/api/v1/profiles/me/", {"spec": BAKER, "open_to_employers": True}, format="json")
    professional = client_for("n_pro")
    job = _job(client_for("n_employer"))
    first = professional.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"][0]["score"]
    built = live.live_pool().rebuilds
    weaker = {**BAKER, "skills": {"food_production.bakery_work": 1, "food_production.pack_food": 2}}
    assert seeker.put("/api/v1/profiles/me/", {"spec": weaker}, format="json").status_code == 200
    second = professional.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"][0]["score"]
    assert second < first
    assert live.live_pool().rebuilds == built  # applied as an incremental update
    seeker.put("/api/v1/profiles/me/", {"spec": weaker, "looking": False}, format="json")
    assert professional.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"] == []


def test_profiles_differing_only_in_stored_protected_data_get_identical_scores(world):
    twin = make_user("job_seeker", employment_area=world["north"], username="twin", first_name="Zainab")
    a = services.create_profile(None, spec=BAKER, person=world["north_seeker"], area=world["north"])
    b = services.create_profile(None, spec=BAKER, person=twin, area=world["north"])
    services.set_group(world["north_seeker"], a, "age_band", "55-64")
    services.set_group(twin, b, "age_band", "25-34")
    services.set_group(twin, b, "origin", "born abroad")
    services.set_group(twin, b, "disability", "yes")
    job = _job(client_for("n_employer"))
    rows = client_for("n_pro").post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"]
    assert len(rows) == 2 and rows[0]["score"] == rows[1]["score"]
    assert rows[0]["components"] == rows[1]["components"]
    assert rows[0]["explanation"] == rows[1]["explanation"]


def test_person_to_jobs_with_reasons_and_carving_opportunities(world):
    seeker = client_for("n_seeker")
    seeker.put("/api/v1/profiles/me/", {"spec": BAKER}, format="json")
    employer = client_for("n_employer")
    fits = _job(employer)
    _job(employer, title="Kokopäiväinen", spec={**JOB, "hours_min": 37.5, "hours_max": 40})
    inventory = {
        "format": "kohtaanto.carving/1",
        "workplace": {
            "id": "leipomo",
            "name": "Leipomo",
            "municipality": "Hollola",
            "legal_form": "company",
            "new_job_hourly_wage": "13.50",
            "roles": [
                {
                    "id": "leipuri",
                    "title": {"fi": "Leipuri", "sv": "Bagare", "en": "Baker"},
                    "holders": 2,
                    "hourly_cost": "24.00",
                    "tasks": [
                        {
                            "id": "pakkaus",
                            "name": {"fi": "Pakkaaminen", "sv": "Packning", "en": "Packing"},
                            "hours": 12,
                            "skills": [{"id": "food_production.pack_food", "level": 2}],
                        },
                        {
                            "id": "tiskit",
                            "name": {"fi": "Tiskit", "sv": "Disk", "en": "Dishes"},
                            "hours": 8,
                            "skills": [{"id": "kitchen.wash_dishes", "level": 1}],
                        },
                    ],
                }
            ],
        },
    }
    put = employer.put(f"/api/v1/organisations/{world['north_org'].pk}/inventory/", inventory, format="json")
    assert put.status_code == 200, put.content
    body = seeker.post("/api/v1/profiles/me/matches/?lang=en").json()
    assert [r["job_id"] for r in body["results"]] == [fits["id"]]
    [excluded] = body["excluded"]
    assert excluded["title"] == "Kokopäiväinen" and "hours" in excluded["reason"].lower()
    [opportunity] = body["carving_opportunities"]
    assert opportunity["organisation_id"] == world["north_org"].pk and opportunity["hours_per_week"] >= 15
    assert "Packing" in opportunity["tasks"]
    assert MatchingRun.objects.get(pk=body["run"]).kind == "person"
    # a person who reads the service in Arabic gets the API's answers in Finnish (the API speaks fi, sv, en)
    User.objects.filter(username="n_seeker").update(language="ar")
    answered = client_for("n_seeker").post("/api/v1/profiles/me/matches/")
    assert answered.status_code == 200, answered.content
    assert "Pakkaaminen" in answered.json()["carving_opportunities"][0]["tasks"]


def test_pool_assignment_respects_headcounts(world):
    for i in range(3):
        user = make_user("job_seeker", employment_area=world["north"], username=f"pool{i}")
        services.create_profile(None, spec=BAKER, person=user, area=world["north"])
    employer = client_for("n_employer")
    two = _job(employer, headcount=2)
    response = client_for("n_pro").post("/api/v1/matching/pool/", {"min_score": 0.5}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["assigned"] == 2 and {r["job_id"] for r in body["results"]} == {two["id"]}
    assert (
        client_for("s_pro")
        .post("/api/v1/matching/pool/", {"area": world["north"].pk}, format="json")
        .status_code
        == 403
    )


def test_fairness_report_is_for_analysts_and_suppresses_small_groups(world):
    employer = client_for("n_employer")
    job = _job(employer)
    for i in range(24):
        user = make_user("job_seeker", employment_area=world["north"], username=f"f{i}")
        skills = BAKER["skills"] if i < 8 else {"kitchen.wash_dishes": 1}  # the top 8 are all younger
        profile = services.create_profile(
            None, spec={**BAKER, "skills": skills}, person=user, area=world["north"]
        )
        group = "younger" if i < 20 else "older"
        services.set_group(user, profile, "age_band", group)
    run = client_for("n_pro").post(f"/api/v1/jobs/{job['id']}/matches/?top=8").json()["run"]
    analyst = client_for("analyst")
    report = analyst.get(f"/api/v1/matching/runs/{run}/fairness/?dimension=age_band")
    assert report.status_code == 200, report.content
    groups = {g["group"]: g for g in report.json()["groups"]}
    assert groups["younger"]["eligible"] == 20 and groups["younger"]["rate"] == pytest.approx(8 / 20)
    assert groups["older"]["rate"] is None  # four people: too few to report
    assert "results" not in analyst.get(f"/api/v1/matching/runs/{run}/").json() or isinstance(
        analyst.get(f"/api/v1/matching/runs/{run}/").json()["results"], int
    )
    assert (
        client_for("n_pro").get(f"/api/v1/matching/runs/{run}/fairness/?dimension=age_band").status_code
        == 403
    )
    assert analyst.get(f"/api/v1/matching/runs/{run}/fairness/?dimension=shoe_size").status_code == 400
    assert GroupDatum.objects.count() == 24


def test_bad_input_gets_field_errors_and_nothing_is_saved(world):
    seeker = client_for("n_seeker")
    for spec, field in (
        ({**BAKER, "age": 57}, "spec.age"),
        ({**BAKER, "municipality": "Atlantis"}, "spec.municipality"),
        ({**BAKER, "hours_min": 30, "hours_max": 20}, "spec"),
        ({**BAKER, "working_language": "D9"}, "spec.working_language"),
    ):
        response = seeker.put("/api/v1/profiles/me/", {"spec": spec}, format="json")
        assert response.status_code == 400, response.content
        fields = response.json()["error"]["fields"]
        assert any(key.startswith(field) for key in fields), fields
    assert SeekerProfile.objects.count() == 0
    employer = client_for("n_employer")
    bad = employer.post("/api/v1/jobs/", {"title": "x", "spec": JOB, "headcount": 0}, format="json")
    assert bad.status_code == 400 and "headcount" in bad.json()["error"]["fields"]
    bad = employer.post("/api/v1/jobs/", {"title": "x", "spec": JOB, "salary": 1}, format="json")
    assert bad.status_code == 400 and "salary" in bad.json()["error"]["fields"]
    job = _job(employer)
    assert employer.post(f"/api/v1/jobs/{job['id']}/matches/?top=abc").status_code == 400
    assert employer.post(f"/api/v1/jobs/{job['id']}/matches/?lang=de").status_code == 400
    assert (
        seeker.put(
            "/api/v1/profiles/me/groups/", {"dimension": "age_band", "value": "x"}, format="json"
        ).status_code
        == 404
    )


def test_only_the_person_gives_group_data_or_reveals_identity(world):
    profile = services.create_profile(None, spec=BAKER, person=world["north_seeker"], area=world["north"])
    with pytest.raises(services.permissions.PermissionDenied):
        services.set_group(
            world["north_professional"],
            profile,
            "age_band",
            "x",
        )
    with pytest.raises(services.permissions.PermissionDenied):
        services.reveal_identity(world["north_employer"], profile, world["north_org"])
    seeker = client_for("n_seeker")
    assert (
        seeker.put(
            "/api/v1/profiles/me/groups/", {"dimension": "age_band", "value": "55-64"}, format="json"
        ).status_code
        == 204
    )
    assert (
        seeker.put(
            "/api/v1/profiles/me/groups/", {"dimension": "age_band", "value": None}, format="json"
        ).status_code
        == 204
    )
    assert GroupDatum.objects.count() == 0
    assert AuditEvent.objects.filter(action="group_data.withdrawn").count() == 1


def test_an_area_sets_its_own_weights_and_runs_use_them(world):
    services.create_profile(None, spec=BAKER, person=world["north_seeker"], area=world["north"])
    job = _job(client_for("n_employer"))
    with pytest.raises(services.InvalidInput) as bad:
        services.set_area_weights(world["admin"], world["north"], {"age": 1.0})
    assert "unknown weights: age" in str(bad.value)
    with pytest.raises(services.permissions.PermissionDenied):
        services.set_area_weights(world["north_professional"], world["north"], {"skills": 1.0})
    only_skills = {"skills": 1.0, "functional": 0, "hours": 0, "place": 0, "language": 0, "preferences": 0}
    services.set_area_weights(world["admin"], world["north"], only_skills)
    body = client_for("n_pro").post(f"/api/v1/jobs/{job['id']}/matches/").json()
    [row] = body["results"]
    # skills alone decide, in the upper half of the scale for a person with a relevant skill
    assert row["score"] == pytest.approx(0.5 + 0.5 * row["components"]["skills"], abs=1e-6)
    assert body["weights"]["hours"] == 0 and body["weights"]["skills"] == 1.0
    assert AuditEvent.objects.filter(action="matching_weights.set").count() == 1
