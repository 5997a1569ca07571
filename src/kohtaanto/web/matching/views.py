"""Matching pages: an employer's or professional's jobs with ranked, explained people, and a job
seeker's (or their professional's) jobs that fit. Running a match records it, so it is a POST.
Every result page says that the suggestions support a decision a person makes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.ui import reader_language, ui_language
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
    jobs = services.jobs_for(request.user).order_by("-status", "title")  # open jobs ("open" > "closed") first
    return render(request, "matching/jobs.html", {"jobs": jobs})


def probe_limit_text() -> str:
    return pgettext(
        "matching",
        "Searching for people is paused for a while: your organisation's searches changed the demands of "
        "one job many times. Your employment area's professionals can help you describe the job.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def job_matches(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """POST runs a search (recorded, and limited per organisation); GET shows this user's last search for
    the job in this session, so a reload or a bookmark shows the people again, or offers the search."""
    if request.user.role not in MATCHERS:
        raise Http404
    job = get_object_or_404(services.jobs_for(request.user), pk=pk)
    key = f"matches:job:{job.pk}"
    again = runs.job_view_again(request.user, job, request.session[key]) if key in request.session else None
    view = again.as_dict() if again else None
    if request.method == "POST":
        try:
            view = runs.match_job(request.user, job, 20, ui_language()).as_dict()
        except ProbeLimit:
            messages.error(request, probe_limit_text())
            return redirect("matching:jobs")
        request.session[key] = view["run"]
    context = {"job": job, "view": view, "employer": request.user.role == Role.EMPLOYER}
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
    key = f"matches:person:{profile.pk}" if profile is not None else ""
    view = request.session.get(key) if key else None  # the last search stays after "Interested" or a reload
    if request.method == "POST" and profile is not None:
        view = runs.match_person(request.user, profile, 20, reader_language()).as_dict()
        request.session[key] = view
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
