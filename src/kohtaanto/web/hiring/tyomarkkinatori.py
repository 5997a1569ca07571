"""A carved job as a posting for Työmarkkinatori, the public job-market service, in the block structure of
its job-posting management interface (P66, run by KEHA on its Kipa platform). The interface needs KEHA's
approval and its OpenAPI description was not available to us, so this is a documented mapping
(docs/job-posting.md): every field carries where it comes from and whether its name is verified.
Nothing is sent: the employer or their service provider copies or uploads it."""

from __future__ import annotations

from typing import Any

from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services import category_code, json_ld
from kohtaanto.web.matching.mappers import job_spec

FORMAT, VERSION = "kohtaanto-tyomarkkinatori-posting", 1
INTERFACE = {
    "name": "Työmarkkinatori P66 Jobposting Management API (KEHA, Kipa)",
    "documentation": "https://tyomarkkinatori.fi/jobposting-new/documentation/KIPA-manage-jobpostings-en.html",
    "path": "/kipa/p66/v1/jobposting/{businessId}/{externalId}",
    "status": "the interface and its blocks verified; the field names assumed (secondhand)",
}


def _is_municipality_code(code: str) -> bool:
    return len(code) == 3 and code.isdigit()


def posting(case: HiringCase, *, public_url: str) -> dict[str, Any]:
    """The posting and the mapping behind it. ``public_url`` is the job's page on kohtaanto (how to apply)."""
    body = json_ld(case)  # refuses a case without a published job
    job, org = case.job, case.organisation
    if job is None:
        raise ValueError("no published job")
    details = case.ad_details or {}
    salary = body.get("baseSalary", {}).get("value", {})
    spec = job_spec(job)
    hours_min, hours_max = spec.hours_min, spec.hours_max
    posting = {
        "owner": {"businessId": org.business_id, "name": org.name},
        "position": {
            "title": {"fi": job.title},
            "jobDescription": {"fi": body["description"]},
            "occupation": {
                k: v
                for k, v in (
                    ("esco", category_code(body, "ESCO occupations")),
                    ("isco", category_code(body, "ISCO-08")),
                )
                if v  # only once ESCO is imported
            },
            "skills": [s["name"] for s in body.get("skills", [])],
            "workTime": "02" if body["employmentType"] == "PART_TIME" else "01",
            "hoursPerWeek": {"min": hours_min, "max": hours_max},
            "salary": {"amount": salary.get("value"), "currency": "EUR", "per": "hour"} if salary else None,
            "startDate": body.get("jobStartDate"),
            "remoteWork": body.get("jobLocationType") == "TELECOMMUTE",
        },
        "location": {
            "countryCode": "FI",
            # Statistics Finland's three-digit code; a made-up code (the demo's) is left out
            **(
                {"municipalityCode": org.municipality.code}
                if _is_municipality_code(org.municipality.code)
                else {}
            ),
            "municipality": org.municipality.name_fi,
        },
        "application": {
            "published": body["datePosted"],
            "expires": details.get("apply_by") or body["validThrough"],
            "url": public_url,
            "openPositions": job.headcount,
        },
        "contacts": [{"text": details["contact"]}] if details.get("contact") else [],
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "interface": INTERFACE,
        "businessId": org.business_id,
        "externalId": f"kohtaanto-job-{job.pk}",
        "posting": posting,
        "mapping": MAPPING,
    }


MAPPING = [
    {
        "field": "owner.businessId",
        "from": "the employer's Y-tunnus",
        "status": "verified (businessId in the path)",
    },
    {"field": "owner.name", "from": "the employer's name", "status": "assumed"},
    {"field": "position.title.fi", "from": "the published ad's title", "status": "secondhand"},
    {"field": "position.jobDescription.fi", "from": "the published ad's text", "status": "secondhand"},
    {
        "field": "position.occupation.esco",
        "from": "the ESCO occupation of the job's skills",
        "status": "assumed",
    },
    {
        "field": "position.occupation.isco",
        "from": "its ISCO-08 group",
        "status": "assumed (ISCO filter verified)",
    },
    {"field": "position.skills", "from": "the job's skills by name", "status": "assumed"},
    {
        "field": "position.workTime",
        "from": "01 full-time, 02 part-time (under 35 h)",
        "status": "secondhand codes",
    },
    {"field": "position.hoursPerWeek", "from": "the carved job's hours", "status": "assumed"},
    {"field": "position.salary", "from": "the hourly wage", "status": "assumed"},
    {"field": "position.startDate", "from": "the planned start", "status": "assumed"},
    {
        "field": "location.municipalityCode",
        "from": "Statistics Finland's municipality code",
        "status": "secondhand",
    },
    {"field": "application.published", "from": "the day the job was published", "status": "secondhand"},
    {"field": "application.expires", "from": "the last day to apply, else 60 days", "status": "secondhand"},
    {"field": "application.url", "from": "the job's public page on kohtaanto", "status": "secondhand"},
    {"field": "application.openPositions", "from": "how many are hired", "status": "secondhand"},
    {"field": "contacts", "from": "the ad's contact", "status": "secondhand"},
]
