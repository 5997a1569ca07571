"""Every URL of the app with its arguments filled in, for the generated authorisation tests.

``routes()`` walks Django's URL resolver, so a new route appears here by itself; ``ARGUMENTS`` says which
object each route's arguments name. A route with an argument missing from it fails the test, so nobody
can add an object route without deciding who may reach it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

SKIP_PREFIXES = ("admin/",)  # the admin has its own permission system; tested in test_permissions
FORMAT_SUFFIX = re.compile(r"\\\.\(\?P<format>")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for pattern in patterns:
        text = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if (prefix + text).startswith(SKIP_PREFIXES):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + text, inner)
        elif isinstance(pattern, URLPattern):
            if FORMAT_SUFFIX.search(text) or pattern.name in (None, "api-not-found"):
                continue
            yield prefix + text, namespace + pattern.name


def routes() -> list[tuple[str, str]]:
    """(route, name) for every route except the admin and DRF's format-suffix twins."""
    return sorted(set(_walk(get_resolver().url_patterns)))


HIRING_CASE_ROUTES = (  # the steps of one hiring case, /hire/<pk>/...
    "hiring:need",
    "hiring:tasks",
    "hiring:carve",
    "hiring:supports",
    "hiring:supports_pdf",
    "hiring:application",
    "hiring:application_pdf",
    "hiring:application_json",
    "hiring:ad",
    "hiring:candidates",
    "hiring:onboarding",
    "hiring:risk",
    "hiring:guide",
    "hiring:language_kit",
    "hiring:json_ld",
    "hiring:tyomarkkinatori",
)
# route name -> {argument: target key}; a target is an object id in ``targets`` (own or foreign)
ARGUMENTS: dict[str, dict[str, str]] = {
    "coaching:person": {"pk": "caseload"},
    "esf:project": {"pk": "esf_project"},
    "esf:project_csv": {"pk": "esf_project"},
    "esf:project_pdf": {"pk": "esf_project"},
    "esf:indicators": {"pk": "esf_project"},
    "esf:indicators_csv": {"pk": "esf_project"},
    "esf:indicators_pdf": {"pk": "esf_project"},
    "esf:participant": {"pk": "esf_entry"},
    "outreach:pool": {"pk": "pool"},
    "outreach:employer": {"pk": "organisation"},
    "accounts:organisation_edit": {"pk": "organisation"},
    "matching:job_matches": {"pk": "job"},
    "matching:profile_matches": {"pk": "profile"},
    "seeker:capacity": {"group": "capacity_group"},
    "seeker:trial_answer": {"trial": "trial"},
    "seeker:risk_card": {"card": "risk_card"},
    "seeker:language_kit": {"case": "kit_case"},
    "hiring:public_job": {"pk": "open_carved_job"},
    "hiring:area_feed": {"pk": "area"},
    "outcomes:public_area": {"pk": "area"},
    "plainlang:report_word": {"word": "work_word", "language": "gloss_language"},
    "outcomes:public_csv": {"pk": "area"},
    "hiring:pace": {"pk": "case", "trial": "case_trial"},
    "seeker:withdraw_reveal": {"organisation": "organisation"},
    "seeker:share_with": {"organisation": "organisation"},
    "seeker:interest": {"job": "job"},
    "seeker:answer_meeting": {"meeting": "meeting"},
    **{name: {"pk": "case"} for name in HIRING_CASE_ROUTES},
    "api-plainlang-organisation-settings": {"pk": "organisation"},
    "api-profile": {"pk": "profile"},
    "api-profile-matches": {"pk": "profile"},
    "api-job": {"pk": "job"},
    "api-job-matches": {"pk": "job"},
    "api-inventory": {"pk": "organisation"},
    "api-matching-run": {"pk": "run"},
    "api-matching-fairness": {"pk": "run"},
    "employment-area-detail": {"pk": "area"},
    "organisation-detail": {"pk": "organisation"},
    "audit-event-detail": {"sequence": "audit_event"},
}
_ARG = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def url_for(route: str, name: str, targets: dict[str, Any]) -> str:
    """The path of a route with its arguments taken from ``targets``; KeyError if it is not in ARGUMENTS."""

    def fill(match: re.Match[str]) -> str:
        argument = match.group(1) or match.group(2)
        return str(targets[ARGUMENTS[name][argument]])

    path = _ARG.sub(fill, route)
    return "/" + path.replace("^", "").replace("$", "")


def demo_targets(
    username_seeker: str = "tyonhakija2", username_employer: str = "tyonantaja1"
) -> dict[str, Any]:
    """Objects of the demo data that belong to the demo's seeker, employer and professional."""
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.audit.models import AuditEvent
    from kohtaanto.web.coaching.models import CaseloadEntry
    from kohtaanto.web.esf.models import Project
    from kohtaanto.web.hiring.models import HiringCase, MeetingRequest, RiskCard, WorkTrial
    from kohtaanto.web.matching.models import JobPosting, MatchingRun, SeekerProfile
    from kohtaanto.web.outreach.models import TalentPool

    seeker = User.objects.get(username=username_seeker)
    employer = User.objects.get(username=username_employer)
    profile = SeekerProfile.objects.get(person=seeker)
    organisation = employer.organisation
    project, _ = Project.objects.get_or_create(
        code="S30000", defaults={"source": "eura2021", "name": "Testi"}
    )
    case = HiringCase.objects.filter(organisation=organisation).values_list("pk", flat=True).first()
    return {
        "case_trial": WorkTrial.objects.filter(case_id=case).values_list("pk", flat=True).first(),
        "risk_card": RiskCard.objects.filter(profile=profile).values_list("pk", flat=True).first(),
        "kit_case": None,
        "open_carved_job": JobPosting.objects.filter(kind="carved", status="open", organisation=organisation)
        .values_list("pk", flat=True)
        .first(),  # made by the matrix test: a carved case the person agreed to meet about
        "caseload": CaseloadEntry.objects.filter(profile__area=profile.area)
        .values_list("pk", flat=True)
        .first(),
        "esf_project": project.pk,
        "esf_entry": CaseloadEntry.objects.filter(profile__area=profile.area, project__isnull=False)
        .values_list("pk", flat=True)
        .first(),  # the demo project's participants
        "pool": TalentPool.objects.filter(area=profile.area).values_list("pk", flat=True).first(),
        "organisation": organisation.pk,
        "job": JobPosting.objects.filter(organisation=organisation).values_list("pk", flat=True).first(),
        "profile": profile.pk,
        "capacity_group": "physical",
        "work_word": "shift",  # reference data: a word of the language kit and a gloss language
        "gloss_language": "ar",
        "trial": WorkTrial.objects.filter(profile=profile).values_list("pk", flat=True).first(),
        "meeting": MeetingRequest.objects.filter(profile=profile).values_list("pk", flat=True).first(),
        "case": case,
        "run": MatchingRun.objects.filter(area=profile.area, actor__role="professional")
        .values_list("pk", flat=True)
        .first(),
        "area": profile.area_id,
        "audit_event": AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True).first(),
    }
