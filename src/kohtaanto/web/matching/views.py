"""Matching pages: an employer's or professional's jobs with ranked, explained people, and a job
seeker's (or their professional's) jobs that fit. Running a match records it, so it is a POST.
Every result page says that the suggestions support a decision a person makes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.matching import runs, services
from kohtaanto.web.matching.journey import interests_of
from kohtaanto.web.matching.models import SeekerProfile
from kohtaanto.web.matching.probes import ProbeLimit

MATCHERS = (Role.EMPLOYER, Role.PROFESSIONAL, Role.ADMINISTRATOR)


@login_required
@require_http_methods(["GET"])
def job_list(request: AuthenticatedRequest) -> HttpResponse:
    if request.user.role not in MATCHERS:
        raise Http404
    jobs = services.jobs_for(request.user).order_by("status", "title")
    return render(request, "matching/jobs.html", {"jobs": jobs})


def probe_limit_text() -> str:
    return pgettext(
        "matching",
        "Searching for people is paused for a while: your organisation's searches changed the demands of "
        "one job many times. Your employment area's professionals can help you describe the job.",
    )


@login_required
@require_POST
def job_matches(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.user.role not in MATCHERS:
        raise Http404
    job = get_object_or_404(services.jobs_for(request.user), pk=pk)
    try:
        view = runs.match_job(request.user, job, 20, ui_language())
    except ProbeLimit:
        messages.error(request, probe_limit_text())
        return redirect("matching:jobs")
    context = {"job": job, "view": view.as_dict(), "employer": request.user.role == Role.EMPLOYER}
    return render(request, "matching/job_matches.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_matches(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    """GET explains and offers the search; POST runs it (jobs, then carving opportunities)."""
    if pk is None:
        if request.user.role != Role.JOB_SEEKER:
            raise Http404
        profile = SeekerProfile.objects.filter(person=request.user).first()
    else:
        profile = get_object_or_404(services.profiles_for(request.user), pk=pk)
    view = None
    if request.method == "POST" and profile is not None:
        view = runs.match_person(request.user, profile, 20, ui_language()).as_dict()
    own = request.user.role == Role.JOB_SEEKER
    context = {
        "profile": profile,
        "view": view,
        "notice": runs.decision_support_notice(),
        "own": own,
        "interested": interests_of(profile) if own else set(),
    }
    if own:
        from kohtaanto.web.matching.journey import STEPS, steps_done

        done = steps_done(profile)
        context["steps"] = [(key, label, url, done[key], key == "matches") for key, label, url in STEPS]
    return render(request, "matching/person_matches.html", context)
