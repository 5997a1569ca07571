"""Step 5: the start date, the job ad, publishing the carved job, and schema.org JobPosting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import pgettext

from kohtaanto.carving.schema import WorkplaceFile
from kohtaanto.web.accounts.models import User
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, editing, may_change, set_step
from kohtaanto.web.hiring.services.inventory import validated
from kohtaanto.web.matching import services as matching
from kohtaanto.web.matching.models import JobKind, JobPosting


# -- 5. job ad ------------------------------------------------------------------------------------
def plan_start(actor: User | None, case: HiringCase, starts_on: dt.date, today: dt.date) -> HiringCase:
    """The day the new job is meant to start; the supports' deadlines are counted from it."""
    may_change(actor, case.organisation)
    if not today <= starts_on <= today + dt.timedelta(days=730):
        raise CaseError({"starts_on": [pgettext("hiring", "Give a day from today to two years ahead.")]})
    return set_step(actor, case, "supports", planned_start=starts_on)


def save_ad(actor: User | None, case: HiringCase, text: str, version: int | None = None) -> HiringCase:
    may_change(actor, case.organisation)
    if not 0 < len(text.strip()) <= 10_000:
        raise CaseError({"ad_text": [pgettext("hiring", "Write the ad (at most 10 000 characters).")]})
    with editing(actor, case, "ad", version) as fresh:
        fresh.ad_text = text.strip()
    return case


def accommodation_effects(chosen: list[dict[str, Any]], source: WorkplaceFile) -> dict[str, int]:
    """How many levels each chosen accommodation raises its attribute by, as the catalogue item says (a
    proposal stored before it recorded ``raises_by`` is looked up in the workplace's catalogue; two items
    on one attribute add up, to at most 5)."""
    catalogue = {item.id: item.raises_by for item in source.accommodations}
    effects: dict[str, int] = {}
    for item in chosen:
        attribute = item.get("attribute")
        if not attribute:
            continue
        raises = int(item.get("raises_by") or catalogue.get(str(item.get("id")), 1))
        effects[attribute] = min(5, effects.get(attribute, 0) + raises)
    return effects


def publish(actor: User | None, case: HiringCase) -> JobPosting:
    """The carved job as an open job in the area's pool (its skills, demands and hours from the proposal)."""
    may_change(actor, case.organisation)
    source = validated(case)
    if not case.chosen or source is None or not case.ad_text:
        first = pgettext("hiring", "Choose a carved job and write the ad first.")
        raise CaseError({"non_field_errors": [first]})
    tasks = {t.id: t for r in source.workplace.roles for t in r.tasks}
    chosen_tasks = [tasks[t["id"]] for t in case.chosen["tasks"] if t["id"] in tasks]
    skills: dict[str, int] = {}
    job_demands: dict[str, int] = {}
    for task in chosen_tasks:
        for s in task.skills:
            skills[s.id] = max(skills.get(s.id, 0), s.level)
        for attribute, demand in task.demands.items():
            level = demand if isinstance(demand, int) else demand.level
            job_demands[attribute] = max(job_demands.get(attribute, 0), level)
    hours = float(case.chosen["hours_per_week"])
    spec = {
        "skills": [{"skill": s, "level": lv, "essential": True} for s, lv in sorted(skills.items())],
        "demands": job_demands,
        "accommodations": accommodation_effects(case.chosen.get("accommodations", []), source),
        "hours_min": max(0.0, hours - 2),
        "hours_max": hours + 2,
        "municipality": source.workplace.municipality,
        "plain_language_onboarding": True,
    }
    title = (
        str(case.chosen.get("job_description", {}).get("fi", case.title)).split("\n", 1)[0][:200]
        or case.title
    )
    if case.job is None:
        job = matching.create_job(
            actor, case.organisation, spec=spec, title=title, description=case.ad_text, kind=JobKind.CARVED
        )
    else:
        job = matching.update_job(
            actor, case.job, spec=spec, title=title, description=case.ad_text, status="open"
        )
    set_step(actor, case, "published", job=job)
    return job


def json_ld(case: HiringCase) -> dict[str, Any]:
    """schema.org JobPosting for other job boards."""
    job = case.job
    if job is None:
        raise CaseError({"job": [pgettext("hiring", "Publish the job first.")]})
    org = case.organisation
    hours = job.spec.get("hours_max", 0)
    return {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": job.description,
        "datePosted": job.created_at.date().isoformat(),
        "validThrough": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "employmentType": "PART_TIME" if hours < 35 else "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": org.name, "identifier": org.business_id},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": org.municipality.name_fi,
                "addressCountry": "FI",
            },
        },
        "workHours": f"{job.spec.get('hours_min', 0):g}-{hours:g} h/week",
        "totalJobOpenings": job.headcount,
        "directApply": False,
    }
