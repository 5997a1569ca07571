"""The privacy suite plays the attacker.

- An employer writes probe jobs, one demand at a time, to learn capacities a person keeps to themself:
  nothing an employer can see may change with those capacities (no flag, no part of the score, no
  sentence, no place in the ranking), and a series of such jobs is flagged and then refused.
- Every role other than the person tries to give or take back the person's consents: refused.
- After the person takes a consent back, and after they delete their profile and account, every
  stored place a value could remain is read: the runs (through the API and in the database), the
  hiring cases, the export, the live index.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching import pool as live
from kohtaanto.web.matching import seeker, services
from kohtaanto.web.matching.models import ConsentRecord, MatchingRun, SeekerProfile

pytestmark = pytest.mark.db
WEEK = ["mon", "tue", "wed", "thu", "fri"]
PERSON = {
    "skills": {"cleaning.mop_floors": 3, "cleaning.clean_toilets": 2},
    "capacities": {"physical.lifting_carrying": 2, "environment.noise": 1, "physical.standing": 3},
    "hours_min": 15,
    "hours_max": 30,
    "days": WEEK,
    "municipality": "Lahti",
    "working_language": "B1",
}
OTHER = {**PERSON, "skills": {"cleaning.mop_floors": 2}, "capacities": {}}
JOB = {
    "skills": [{"skill": "cleaning.mop_floors", "level": 2}],
    "hours_min": 15,
    "hours_max": 25,
    "days": WEEK,
    "municipality": "Lahti",
    "working_language": "B1",
}
PROBED = ("physical.lifting_carrying", "environment.noise", "physical.standing")


@pytest.fixture(autouse=True)
def fresh_pool():
    live.reset()
    yield
    live.reset()


def _api(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _seen_by_employer(employer: APIClient, job_id: int, pseudonym: str) -> list[object]:
    """Everything an employer can read about one person from a match: whether they are listed, where,
    and the whole row (the run's own number and time left out)."""
    body = employer.post(f"/api/v1/jobs/{job_id}/matches/?lang=fi").json()
    rows = body["results"]
    place = (
        [r["person"] for r in rows].index(pseudonym) if any(r["person"] == pseudonym for r in rows) else None
    )
    row = next(({k: v for k, v in r.items() if k != "job"} for r in rows if r["person"] == pseudonym), None)
    return [place, len(rows), body["considered"], json.dumps(row, sort_keys=True)]


def _probe(world, employer: APIClient) -> list[list[object]]:
    """Twelve one-attribute jobs (three attributes, four levels each) and one without demands."""
    seen = []
    jobs = [({}, {})] + [({a: level}, {}) for a in PROBED for level in (1, 2, 3, 4)]
    jobs += [({a: 4}, {a: 1}) for a in PROBED]  # with an offered adjustment, too
    for number, (wanted, offered) in enumerate(jobs):
        spec = {**JOB, "demands": wanted, "accommodations": offered}
        made = employer.post("/api/v1/jobs/", {"title": f"Siivous {number}", "spec": spec}, format="json")
        assert made.status_code == 201, made.content
        seen.append(_seen_by_employer(employer, made.json()["id"], world["pseudonym"]))
    return seen


@pytest.fixture
def probe_world(world, settings):
    settings.KOHTAANTO_EMPLOYER_RUN_LIMITS = {"runs_per_hour": 1000, "probes_per_day": 1000}
    person = world["north_seeker"]
    profile = services.create_profile(person, spec=PERSON, open_to_employers=True)
    services.create_profile(None, spec=OTHER, area=world["north"], open_to_employers=True)
    world["profile"], world["pseudonym"] = profile, profile.pseudonym
    return world


def test_probe_jobs_learn_nothing_about_capacities_the_person_keeps(probe_world):
    world = probe_world
    employer = _api(world["north_employer"])
    before = _probe(world, employer)
    no_demands = before[0]
    # every probe shows the employer exactly what the job without demands shows
    assert all(seen[:3] == no_demands[:3] for seen in before)
    assert all(
        json.loads(seen[3])["components"] == json.loads(no_demands[3])["components"] for seen in before
    )
    for seen in before:
        row = json.loads(seen[3])
        assert row["accommodations"] == [] and "accommodations_hidden" not in row
        assert not any(
            word in line for line in row["explanation"] for word in ("Nostaminen", "Melu", "Seisominen")
        )
    # the person changes the capacities they keep: the employer's view does not move at all
    me = world["north_seeker"]
    for group, values in (
        ("physical", {"physical.lifting_carrying": 5, "physical.standing": 0}),
        ("environment", {"environment.noise": 4}),
    ):
        seeker.save_capacities(me, SeekerProfile.objects.get(pk=world["profile"].pk), group, values)
    after = _probe(world, employer)
    assert [s[:2] + s[3:] for s in after] == [s[:2] + s[3:] for s in before]


def test_the_same_probes_do_see_adjustments_the_person_shares(probe_world):
    """The control: the probe is sensitive, so the test above would fail if capacities leaked."""
    world = probe_world
    services.update_profile(world["north_seeker"], world["profile"], share_accommodations=True)
    employer = _api(world["north_employer"])
    seen = _probe(world, employer)
    listed = [json.loads(s[3]) for s in seen]
    assert any(row is None for row in listed)  # a shared capacity can rule a person out
    assert any(row and row["accommodations"] for row in listed)


def test_one_attribute_probes_are_flagged_then_refused(world, settings):
    settings.KOHTAANTO_EMPLOYER_RUN_LIMITS = {"runs_per_hour": 100, "probes_per_day": 3}
    services.create_profile(world["north_seeker"], spec=PERSON, open_to_employers=True)
    employer = _api(world["north_employer"])
    job = employer.post("/api/v1/jobs/", {"title": "Siivous", "spec": JOB}, format="json").json()
    codes = []
    for level in range(1, 6):
        employer.patch(
            f"/api/v1/jobs/{job['id']}/",
            {"spec": {**JOB, "demands": {"physical.lifting_carrying": level}}},
            format="json",
        )
        codes.append(employer.post(f"/api/v1/jobs/{job['id']}/matches/").status_code)
    assert codes == [200, 200, 200, 200, 429]  # three flagged runs a day are allowed, not a fourth
    refused = employer.post(f"/api/v1/jobs/{job['id']}/matches/")
    assert refused.json()["error"]["code"] == "throttled" and int(refused["Retry-After"]) > 3600
    probes = list(MatchingRun.objects.order_by("pk").values_list("probe", flat=True))
    assert probes == [False, True, True, True]
    flagged = AuditEvent.objects.filter(action="matching_run.recorded", data__probe=True)
    assert flagged.count() == 3
    # a professional of the area is not limited by the employer's searches
    pro = _api(world["north_professional"])
    assert pro.post(f"/api/v1/jobs/{job['id']}/matches/").status_code == 200


@pytest.mark.parametrize("role", ["north_professional", "admin"])
def test_nobody_but_the_person_gives_or_takes_back_a_consent(world, role):
    person = world["north_seeker"]
    profile = services.create_profile(person, spec=PERSON)
    other = _api(world[role])
    ledger = ConsentRecord.objects.count()
    for flag in ("open_to_employers", "share_accommodations", "share_with_coach"):
        refused = other.patch(f"/api/v1/profiles/{profile.pk}/", {flag: True}, format="json")
        assert refused.status_code == 403, (flag, refused.content)
        assert "only the person" in refused.json()["error"]["message"]
    profile.refresh_from_db()
    assert not (profile.open_to_employers or profile.share_accommodations or profile.share_with_coach)
    assert ConsentRecord.objects.count() == ledger
    # what is not a consent may still be kept by the person's professional
    if role == "north_professional":
        changed = other.patch(
            f"/api/v1/profiles/{profile.pk}/", {"spec": {**PERSON, "hours_max": 20}}, format="json"
        )
        assert changed.status_code == 200
    # a new profile made for someone else starts with every consent off
    stranger = User.objects.create_user("n_seeker2", role="job_seeker", employment_area=world["north"])
    made = other.post(
        "/api/v1/profiles/", {"spec": PERSON, "person": stranger.pk, "open_to_employers": True}, format="json"
    )
    assert made.status_code == 403
    # the person does it themself, and the ledger says so
    mine = _api(person).patch(f"/api/v1/profiles/{profile.pk}/", {"open_to_employers": True}, format="json")
    assert mine.status_code == 200
    row = ConsentRecord.objects.latest("pk")
    assert row.granted and row.given_by_id == person.pk
    from kohtaanto.web.matching.consent import projection

    profile.refresh_from_db()
    assert (
        projection(profile)
        == {
            "open_to_employers": True,
            "share_accommodations": False,
            "share_with_coach": False,
        }
        == {
            name: getattr(profile, name)
            for name in ("open_to_employers", "share_accommodations", "share_with_coach")
        }
    )


def test_an_employer_of_another_area_never_sees_the_person(world):
    services.create_profile(world["north_seeker"], spec=PERSON, open_to_employers=True)
    south = _api(world["south_employer"])
    job = south.post("/api/v1/jobs/", {"title": "Siivous", "spec": JOB}, format="json").json()
    body = south.post(f"/api/v1/jobs/{job['id']}/matches/").json()
    assert body["results"] == [] and body["considered"] == 0


def _stored_text() -> str:
    """Every stored place a person's data could remain after a consent change."""
    runs = [(r.results, r.considered) for r in MatchingRun.objects.all()]
    cases = [(c.person, c.chosen) for c in HiringCase.objects.all()]
    return json.dumps([runs, cases], default=str)


def test_withdrawal_and_erasure_reach_every_stored_run_and_case(world, settings):
    settings.KOHTAANTO_EMPLOYER_RUN_LIMITS = {"runs_per_hour": 1000, "probes_per_day": 1000}
    person = world["north_seeker"]
    person.first_name, person.last_name = "Aino", "Esimerkki"
    person.save()
    me = _api(person)
    me.put(
        "/api/v1/profiles/me/",
        {"spec": PERSON, "open_to_employers": True, "share_accommodations": True},
        format="json",
    )
    profile = SeekerProfile.objects.get(person=person)
    ref = profile.pseudonym
    assert (
        me.post(
            "/api/v1/profiles/me/reveal/", {"organisation": world["north_org"].pk}, format="json"
        ).status_code
        == 204
    )
    employer = _api(world["north_employer"])
    spec = {
        **JOB,
        "demands": {"physical.lifting_carrying": 3},
        "accommodations": {"physical.lifting_carrying": 1},
    }
    job = employer.post("/api/v1/jobs/", {"title": "Siivous", "spec": spec}, format="json").json()
    run = employer.post(f"/api/v1/jobs/{job['id']}/matches/?lang=en").json()["run"]
    case = hiring.create_case(world["north_employer"], world["north_org"], "Siivous")
    hiring.choose(world["north_employer"], case, {"person": ref, "tasks": []}, ref)
    pro_run = _api(world["north_professional"]).post(f"/api/v1/profiles/{profile.pk}/matches/").json()["run"]

    [row] = employer.get(f"/api/v1/matching/runs/{run}/").json()["results"]
    assert row["name"] == "Aino Esimerkki" and row["accommodations"]
    assert "Esimerkki" not in _stored_text()  # names are never stored in a run

    # 1. the name back: the run no longer names the person
    me.post(
        "/api/v1/profiles/me/reveal/", {"organisation": world["north_org"].pk, "reveal": False}, format="json"
    )
    [row] = employer.get(f"/api/v1/matching/runs/{run}/").json()["results"]
    assert "name" not in row and row["accommodations"]
    # 2. adjustments back: gone from the API and from the stored row
    me.put(
        "/api/v1/profiles/me/",
        {"spec": PERSON, "open_to_employers": True, "share_accommodations": False},
        format="json",
    )
    [row] = employer.get(f"/api/v1/matching/runs/{run}/").json()["results"]
    assert row["accommodations"] == [] and not any("Lifting" in line for line in row["explanation"])
    [stored] = MatchingRun.objects.get(pk=run).results
    assert stored["accommodations"] == [] and not any("Lifting" in line for line in stored["explanation"])
    # 3. no longer shown to employers: the row leaves the employer's run
    me.put("/api/v1/profiles/me/", {"spec": PERSON, "open_to_employers": False}, format="json")
    assert employer.get(f"/api/v1/matching/runs/{run}/").json()["results"] == []
    assert MatchingRun.objects.get(pk=run).results == []
    # 4. the profile deleted: no run, case or index holds the pseudonym
    browser = Client()
    browser.force_login(person)
    assert browser.post("/me/data/", {"action": "delete", "confirm": "on"}).status_code == 302
    assert ref not in _stored_text()
    assert not MatchingRun.objects.filter(pk=pro_run).exists()  # the run about the person is gone
    assert HiringCase.objects.get(pk=case.pk).person == ""
    assert ref not in live.live_pool(live.EMPLOYERS).members(None)
    deleted = AuditEvent.objects.get(action="seeker_profile.deleted")
    assert deleted.data["runs_deleted"] == 1 and deleted.data["cases"] == 1
    # 5. the account deleted: closed, no name, no token, no session
    token = APIClient()
    issued = token.post(
        "/api/v1/auth/token/",
        {"username": person.username, "password": "a-long-test-passphrase-42"},
        format="json",
    )
    assert issued.status_code == 200
    token.credentials(HTTP_AUTHORIZATION=f"Token {issued.json()['token']}")
    assert browser.post("/me/data/", {"action": "account", "confirm_account": "on"}).status_code == 302
    assert token.get("/api/v1/me/").status_code == 401
    assert browser.get("/me/data/").status_code == 302
    account = User.objects.get(pk=person.pk)
    assert not account.is_active and "Esimerkki" not in json.dumps(
        [account.username, account.first_name, account.last_name, account.email]
    )


def test_analysts_read_runs_without_any_person_or_actor(world):
    services.create_profile(world["north_seeker"], spec=PERSON, open_to_employers=True)
    pro = _api(world["north_professional"])
    job = pro.post(
        "/api/v1/jobs/",
        {"title": "Siivous", "spec": JOB, "organisation": world["north_org"].pk},
        format="json",
    ).json()
    run = pro.post(f"/api/v1/jobs/{job['id']}/matches/").json()["run"]
    analyst = _api(world["analyst"])
    listed = analyst.get("/api/v1/matching/runs/").json()
    one = analyst.get(f"/api/v1/matching/runs/{run}/").json()
    for body in [*listed, one]:
        assert not {"actor", "profile", "job"} & set(body) and isinstance(body["results"], int)
    assert "n_pro" not in json.dumps([listed, one])
