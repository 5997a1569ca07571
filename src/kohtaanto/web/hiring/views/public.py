"""Open carved jobs for everyone (no sign-in): the job's page with its schema.org JobPosting, and an Atom
feed of an employment area's open carved jobs. Only what the employer published is shown: the ad, the
employer, the place, the hours and the pay; never the person the job was carved for."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from kohtaanto.taxonomy.occupations import for_skills
from kohtaanto.web.accounts.models import EmploymentArea
from kohtaanto.web.core.ui import reader_language
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching.mappers import job_spec


def _open_cases() -> Any:
    return HiringCase.objects.filter(job__kind="carved", job__status="open").select_related(
        "job", "organisation__municipality__area"
    )


@require_GET
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    """An open carved job as a page anyone can read, with the JobPosting as JSON-LD for job boards."""
    case = get_object_or_404(_open_cases(), job__pk=pk)
    body = hiring.json_ld(case)
    found = for_skills([need.skill for need in job_spec(case.job).skills if need.skill])
    occupation = {  # the name in the reader's language; the JSON-LD keeps the Finnish one
        "name": found.labels.get(reader_language()) if found else "",
        "isco": hiring.category_code(body, "ISCO-08"),
    }
    from kohtaanto.taxonomy.vocabulary import skill_label

    skills = [skill_label(s["termCode"], reader_language()) for s in body.get("skills", [])]
    return render(
        request,
        "hiring/public_job.html",
        {
            "case": case,
            "job": case.job,
            # `</` cannot close the script element early: JSON allows the escaped slash
            "json_ld": json.dumps(body, ensure_ascii=False).replace("</", "<\\/"),
            "posting": body,
            "occupation": occupation,
            "skills": skills,
        },
    )


class AreaJobsFeed(Feed):
    """An Atom feed of an employment area's open carved jobs, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, pk: int) -> EmploymentArea:
        return get_object_or_404(EmploymentArea, pk=pk)

    def title(self, obj: EmploymentArea) -> str:
        return pgettext("job feed", "Open carved jobs: %(area)s") % {"area": obj.name_fi}

    def link(self, obj: EmploymentArea) -> str:
        return reverse("hiring:area_feed", args=[obj.pk])

    def subtitle(self, obj: EmploymentArea) -> str:
        return pgettext(
            "job feed", "New jobs made to fit people's hours and abilities, published on kohtaanto."
        )

    def items(self, obj: EmploymentArea) -> list[HiringCase]:
        return list(
            _open_cases().filter(organisation__municipality__area=obj).order_by("-job__created_at")[:50]
        )

    def item_title(self, item: HiringCase) -> str:
        return f"{item.job.title} – {item.organisation.name}" if item.job else item.title

    def item_description(self, item: HiringCase) -> str:
        return escape(item.job.description if item.job else "")

    def item_link(self, item: HiringCase) -> str:
        return reverse("hiring:public_job", args=[item.job_id])

    def item_pubdate(self, item: HiringCase) -> dt.datetime | None:
        return item.job.created_at if item.job else None

    def item_updateddate(self, item: HiringCase) -> dt.datetime | None:
        return item.job.updated_at if item.job else None


def area_feed(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "GET":
        raise Http404
    return AreaJobsFeed()(request, pk=pk)
