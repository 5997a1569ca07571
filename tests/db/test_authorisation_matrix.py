"""Authorisation over every URL of the app and the API by every role, generated from the URL resolver.

For each route the policy below names the roles that may use it; every other role must be refused (403 or
404; anonymous visitors are sent to sign in, or get 401 from the API). Object routes are also tried with an
object of another employment area by every role allowed on its own (IDOR): all of those must be refused. A
route missing from the policy fails the test, and so does any 5xx. The demo data is the "own" side; a
second area with its own employer, professional and job seeker is the "foreign" side.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone

from kohtaanto.web.accounts.models import User
from kohtaanto.web.project import demo
from tests.db.authz_targets import ARGUMENTS, HIRING_CASE_ROUTES, demo_targets, routes, url_for
from tests.factories import AreaFactory, MunicipalityFactory, OrganisationFactory, make_user

pytestmark = pytest.mark.db

S, E, P, A, D = "job_seeker", "employer", "professional", "analyst", "administrator"
ALL = frozenset({S, E, P, A, D})
PUBLIC = "public"  # anonymous visitors too
OFF = "off"  # features off in this configuration answer 404 to everyone (OIDC: see test_oidc)
DEMO_USERS = {S: "tyonhakija2", E: "tyonantaja1", P: "ammattilainen1", A: "analyytikko", D: "yllapitaja"}

# route name -> (method, roles allowed); PUBLIC routes answer everyone
POLICY: dict[str, tuple[str, frozenset[str] | str]] = {
    "pages:dashboard": ("GET", ALL),
    "oidc_authentication_init": ("GET", OFF),
    "oidc_authentication_callback": ("GET", OFF),
    "pages:login": ("GET", PUBLIC),
    "pages:logout": ("POST", PUBLIC),
    "pages:set_language": ("POST", PUBLIC),
    "healthz": ("GET", PUBLIC),
    "hiring:public_job": ("GET", PUBLIC),  # an open carved job's page and the area's feed, for job boards
    "hiring:area_feed": ("GET", PUBLIC),
    "plainlang:report_word": ("GET", ALL),  # anyone signed in may say a word of the kit is wrong
    "plainlang:languages": ("GET", PUBLIC),  # the languages and their state; reporting needs a sign-in
    "outcomes:public_index": ("GET", PUBLIC),  # the public results: aggregates only, no sign-in
    "outcomes:public_area": ("GET", PUBLIC),
    "outcomes:public_csv": ("GET", PUBLIC),
    "readyz": ("GET", PUBLIC),
    "api-docs": ("GET", PUBLIC),
    "api-schema": ("GET", PUBLIC),
    "api-token": ("POST", PUBLIC),
    "audit:trail": ("GET", frozenset({D})),
    "audit:verify": ("POST", frozenset({D})),
    "audit-event-list": ("GET", frozenset({D})),
    "audit-event-detail": ("GET", frozenset({D})),
    "employment-area-list": ("GET", ALL),
    "employment-area-detail": ("GET", ALL),
    "organisation-list": ("GET", ALL),
    "organisation-detail": ("GET", frozenset({E, P, D})),
    "accounts:organisation_list": ("GET", frozenset({E, P, D})),
    "accounts:organisation_edit": ("GET", frozenset({E, P, D})),
    "accounts:organisation_create": ("GET", frozenset({P, D})),
    "api-me": ("GET", ALL),
    "api-me-tokens": ("GET", ALL),
    "api-jobs": ("GET", ALL),
    "api-job": ("GET", ALL),  # open jobs are public to signed-in people
    "api-job-matches": ("POST", frozenset({E, P, D})),
    "api-carving-carve": ("POST", frozenset({E, P, D})),
    "api-carving-pool": ("POST", frozenset({E, P, D})),
    "api-matching-pool": ("POST", frozenset({P, D})),
    "api-matching-runs": ("GET", ALL),  # each sees only runs they may see
    "api-matching-run": ("GET", frozenset({P, A, D})),  # the professional's own run; analysts: summary
    "api-matching-fairness": ("GET", frozenset({A, D})),
    "api-inventory": ("PUT", frozenset({E, P, D})),
    "api-plainlang-check": ("POST", ALL),
    "api-plainlang-settings": ("GET", ALL),
    "api-plainlang-organisation-settings": ("PUT", frozenset({E, P, D})),
    "api-profiles": ("GET", ALL),  # each sees only the profiles they may see
    "api-profile": ("GET", frozenset({S, P, D})),
    "api-profile-matches": ("POST", frozenset({S, P, D})),
    "api-profile-me": ("GET", frozenset({S})),
    "api-profile-me-groups": ("PUT", frozenset({S})),
    "api-profile-me-matches": ("POST", frozenset({S})),
    "api-profile-me-reveal": ("POST", frozenset({S})),
    "api-skills-extract": ("POST", ALL),
    "api-skills-normalize-title": ("POST", ALL),
    "api-skills-suggest": ("GET", ALL),
    "api-supports-de-minimis": ("POST", ALL),
    "api-supports-hire": ("POST", ALL),
    "api-supports-part-time": ("POST", ALL),
    "api-supports-pension": ("POST", ALL),
    "api-supports-right-to-work": ("POST", ALL),
    "api-supports-study": ("POST", ALL),
    "api-supports-year": ("POST", ALL),
    "api-supports-employer-cost": ("POST", ALL),
    "api-supports-payment-calendar": ("POST", ALL),
    "coaching:caseload": ("GET", frozenset({P, D})),
    "coaching:person": ("GET", frozenset({P})),  # the professional's own caseload only
    "esf:projects": ("GET", frozenset({P, A, D})),
    "esf:project": ("GET", frozenset({P, A, D})),
    "esf:project_csv": ("GET", frozenset({P, A, D})),
    "esf:project_pdf": ("GET", frozenset({P, A, D})),
    "esf:indicators": ("GET", frozenset({P, A, D})),
    "esf:indicators_csv": ("GET", frozenset({P, A, D})),
    "esf:indicators_pdf": ("GET", frozenset({P, A, D})),
    "esf:participant": ("GET", frozenset({P})),  # the coach's own participant only
    "outcomes:dashboard": ("GET", frozenset({P, A, D})),
    "outcomes:csv": ("GET", frozenset({P, A, D})),
    "outcomes:regions": ("GET", frozenset({A, D})),
    "outreach:employers": ("GET", frozenset({P, D})),
    "outreach:import": ("GET", frozenset({P, D})),
    "outreach:employer": ("GET", frozenset({P, D})),
    "outreach:pools": ("GET", frozenset({P, D})),
    "outreach:pool": ("GET", frozenset({P, D})),
    "matching:jobs": ("GET", frozenset({E, P, D})),
    "matching:job_matches": ("POST", frozenset({E, P, D})),
    "matching:profile_matches": ("GET", frozenset({S, P, D})),
    "matching:my_matches": ("GET", frozenset({S})),
    "plainlang:check": ("GET", ALL),
    "plainlang:rules": ("POST", ALL),
    "supports:hire": ("GET", ALL),
    "supports:part_time": ("GET", ALL),
    "supports:year": ("GET", ALL),
    "supports:employer_cost": ("GET", ALL),
    "supports:study": ("GET", ALL),
    "supports:right_to_work": ("GET", ALL),
    "supports:pension": ("GET", ALL),
    "supports:de_minimis": ("GET", frozenset({E})),
    "supports:de_minimis_record_json": ("GET", frozenset({E})),  # the employer's own record
    "supports:de_minimis_record_csv": ("GET", frozenset({E})),
    **{name: ("GET", frozenset({E, P, D})) for name in ("hiring:cases", *HIRING_CASE_ROUTES)},
    **{
        name: ("GET", frozenset({S}))
        for name in (
            "seeker:overview",
            "seeker:skills",
            "seeker:languages",
            "seeker:capacity_start",
            "seeker:capacity",
            "seeker:work",
            "seeker:income",
            "seeker:sharing",
            "seeker:data",
            "seeker:export",
        )
    },
    # the person's own answers: tried with the person's own objects and with another person's
    "seeker:trial_answer": ("POST", frozenset({S})),
    "seeker:risk_card": ("GET", frozenset({S})),
    "seeker:language_kit": ("GET", frozenset({S})),
    "hiring:pace": ("GET", frozenset({E, P, D})),
    "seeker:answer_meeting": ("POST", frozenset({S})),
    "seeker:interest": ("POST", frozenset({S})),
    "seeker:share_with": ("POST", frozenset({S})),
    "seeker:withdraw_reveal": ("POST", frozenset({S})),
}
# bodies and queries that pass validation, so that a refusal cannot hide behind a 400
BODIES = {"api-matching-pool": lambda t: {"area": t["area"]}}
QUERIES = {"api-matching-fairness": "?dimension=age_band", "api-skills-suggest": "?q=siivous"}
DENIED = {403, 404}


def _client(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _call(client: Client, method: str, url: str, body: dict | None = None):
    if method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        payload = json.dumps(body or {})
        return getattr(client, method.lower())(url, payload, content_type="application/json")
    return client.post(url, body or {})


def _refused(response, anonymous: bool, url: str) -> bool:
    if anonymous and url.startswith("/api/"):
        return response.status_code in (401, 403)
    if anonymous:
        return response.status_code == 302 and "/login/" in response.get("Location", "")
    return response.status_code in DENIED


def _foreign_side(own: dict) -> dict:
    """A second area with its own employer, professional and job seeker, and one object of each kind."""
    from kohtaanto.web.coaching.models import CaseloadEntry
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import MeetingRequest, RiskCard, WorkTrial
    from kohtaanto.web.matching import services
    from kohtaanto.web.matching.models import MatchingRun
    from kohtaanto.web.outreach.models import TalentPool

    area = AreaFactory(name_fi="Vieras testialue")
    org = OrganisationFactory(municipality=MunicipalityFactory(area=area))
    employer = make_user("employer", organisation=org, username="vieras_tyonantaja")
    professional = make_user("professional", employment_area=area, username="vieras_ammattilainen")
    person = make_user("job_seeker", employment_area=area, username="vieras_hakija")
    profile = services.create_profile(person, spec={"skills": {"retail.stock_shelves": 3}})
    job = services.create_job(employer, org, spec={}, title="Hyllytys")
    case = hiring.create_case(employer, org, "Hyllytys")
    meeting = MeetingRequest.objects.create(case=case, profile=profile)
    today = timezone.localdate()
    trial = WorkTrial.objects.create(
        case=case, profile=profile, starts_on=today, ends_on=today + dt.timedelta(days=7), proposal="proposed"
    )
    pool = TalentPool.objects.create(name="Vieras pooli", area=area, created_by=professional)
    entry = CaseloadEntry.objects.create(
        professional=professional, profile=profile, project_id=own["esf_project"]
    )
    run = MatchingRun.objects.create(
        kind="job", created_at=timezone.now(), area=area, inputs_digest="x", weights={}, job=job
    )
    return {
        **own,
        "caseload": entry.pk,
        "esf_entry": entry.pk,
        "pool": pool.pk,
        "organisation": org.pk,
        "job": job.pk,
        "profile": profile.pk,
        "trial": trial.pk,
        "case_trial": trial.pk,
        "risk_card": RiskCard.objects.create(case=case, profile=profile).pk,
        "kit_case": case.pk,
        "meeting": meeting.pk,
        "case": case.pk,
        "run": run.pk,
        "area": area.pk,
    }


def _complete_own_side(own: dict, users: dict[str, User]) -> dict:
    """Objects the demo data lacks on the own side: a caseload entry, a meeting request, a matching run."""
    from kohtaanto.web.coaching.models import CaseloadEntry
    from kohtaanto.web.hiring.models import HiringCase, MeetingRequest, RiskCard, WorkTrial
    from kohtaanto.web.matching import services
    from kohtaanto.web.matching.models import MatchingRun, SeekerProfile

    profile = SeekerProfile.objects.get(pk=own["profile"])
    organisation = users[E].organisation
    services.reveal_identity(users[S], profile, organisation, items=["history"])
    WorkTrial.objects.filter(pk=own["trial"]).update(
        proposal="proposed", observations={"physical.sitting": 3}
    )
    if own["caseload"] is None:
        own["caseload"] = CaseloadEntry.objects.create(professional=users[P], profile=profile).pk
    carved = HiringCase.objects.exclude(chosen={}).first()  # a decided carved case of the demo's history
    HiringCase.objects.filter(pk=own["case"]).update(chosen=carved.chosen)
    if own["meeting"] is None:
        own["meeting"] = MeetingRequest.objects.create(case_id=own["case"], profile=profile).pk
    if own["case_trial"] is None:
        today = timezone.localdate()
        own["case_trial"] = WorkTrial.objects.create(
            case_id=own["case"], profile=profile, starts_on=today, ends_on=today
        ).pk
    kit_case = HiringCase.objects.create(
        organisation=organisation, created_by=users[E], title="Kielipaketti", chosen=carved.chosen
    )
    MeetingRequest.objects.create(case=kit_case, profile=profile, status="accepted")
    own["kit_case"] = kit_case.pk
    if own["risk_card"] is None:
        own["risk_card"] = RiskCard.objects.create(case_id=own["case"], profile=profile).pk
    if own["run"] is None:
        own["run"] = MatchingRun.objects.create(
            kind="job",
            created_at=timezone.now(),
            area_id=own["area"],
            actor=users[P],
            inputs_digest="x",
            weights={},
        ).pk
    return own


def _verdict(allowed: frozenset[str] | str, role: str | None, response, request: str) -> str | None:
    """What is wrong with one answer under the policy, or None."""
    code, who, url = response.status_code, role or "anonymous", request.split(" ", 1)[1]
    if code >= 500:
        return f"{request} as {who}: {code}"
    if allowed == OFF:
        return None if code == 404 else f"{request} as {who}: {code}, the feature is off"
    may = allowed == PUBLIC or (role is not None and role in allowed)
    refused = code in (401, 403, 404) if allowed == PUBLIC else _refused(response, role is None, url)
    if may and refused:
        return f"{request} as {who}: refused ({code}) but allowed"
    if not may and not refused:
        return f"{request} as {who}: {code}, should be refused"
    return None


def test_every_route_and_role_is_allowed_or_refused_as_the_policy_says(db, capsys):
    demo.load()
    users = {role: User.objects.get(username=name) for role, name in DEMO_USERS.items()}
    own = _complete_own_side(demo_targets(), users)
    foreign = _foreign_side(own)
    found = routes()
    unclassified = sorted(name for _, name in found if name not in POLICY)
    assert unclassified == [], f"routes without a policy: {unclassified}"

    failures: list[str] = []
    cases = idor = 0
    # state-changing routes last, so their effects cannot change what the others see
    ordered = sorted(found, key=lambda r: (POLICY[r[1]][0] != "GET", r[1] == "pages:logout", r[1]))
    for route, name in ordered:
        method, allowed = POLICY[name]
        url = url_for(route, name, own) + QUERIES.get(name, "")
        body = BODIES.get(name, lambda t: None)(own)
        for role in (None, *DEMO_USERS):
            response = _call(_client(users.get(role)), method, url, body)
            cases += 1
            problem = _verdict(allowed, role, response, f"{method} {url}")
            if problem:
                failures.append(problem)
        # IDOR: the same route with another area's object, by every role allowed on its own object
        reference = {"capacity_group", "esf_project", "audit_event", "work_word", "gloss_language"}
        keys = set(ARGUMENTS.get(name, {}).values()) - reference
        if not keys or allowed in (PUBLIC, OFF):
            continue
        if name in ("employment-area-detail",):  # areas are public reference data
            continue
        other = url_for(route, name, foreign) + QUERIES.get(name, "")
        body = BODIES.get(name, lambda t: None)(foreign)
        for role in sorted(allowed - {D, A}):  # administrators and analysts are platform-wide by design
            if name in (
                "api-job",
                "seeker:interest",
            ):  # open jobs are public: any signed-in person may find them
                continue
            response = _call(_client(users[role]), method, other, body)
            idor += 1
            if response.status_code >= 500 or not _refused(response, False, other):
                failures.append(f"IDOR {method} {other} as {role}: {response.status_code}, should be refused")
    with capsys.disabled():
        print(f"\nauthorisation: {len(found)} routes, {cases} route×role cases, {idor} IDOR attempts")
    assert failures == [], "\n".join(failures)
