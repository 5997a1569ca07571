"""Step 5: the start date, the job ad, publishing the carved job, and schema.org JobPosting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import pgettext

from kohtaanto.carving.schema import WorkplaceFile
from kohtaanto.matching.schema import JobSpecIn
from kohtaanto.web.accounts.models import User
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, editing, may_change, set_step, written_in
from kohtaanto.web.hiring.services.inventory import validated
from kohtaanto.web.matching import services as matching
from kohtaanto.web.matching.mappers import job_spec
from kohtaanto.web.matching.models import JobKind, JobPosting


# -- 5. job ad ------------------------------------------------------------------------------------
def plan_start(actor: User | None, case: HiringCase, starts_on: dt.date, today: dt.date) -> HiringCase:
    """The day the new job is meant to start; the supports' deadlines are counted from it."""
    may_change(actor, case.organisation)
    if not today <= starts_on <= today + dt.timedelta(days=730):
        raise CaseError({"starts_on": [pgettext("hiring", "Give a day from today to two years ahead.")]})
    return set_step(actor, case, "supports", planned_start=starts_on)


def save_ad(
    actor: User | None,
    case: HiringCase,
    text: str,
    version: int | None = None,
    *,
    details: dict[str, Any] | None = None,
    today: dt.date | None = None,
) -> HiringCase:
    """The ad's words and, when given, its practical part: the hourly wage (the employer's, from the
    collective agreement), whom to contact and how, and the last day to apply."""
    may_change(actor, case.organisation)
    errors: dict[str, list[str]] = {}
    if not 0 < len(text.strip()) <= 10_000:
        errors["text"] = [pgettext("hiring", "Write the ad (at most 10 000 characters).")]
    clean = _clean_details(details, today, errors) if details is not None else None
    if errors:
        raise CaseError(errors)
    with editing(actor, case, "ad", version) as fresh:
        fresh.ad_text = text.strip()
        if clean is not None:
            fresh.ad_details = clean
            if clean["hourly_wage"]:  # the wage the employer gives is also the one the costs are counted at
                fresh.inventory["workplace"]["new_job_hourly_wage"] = clean["hourly_wage"]
    return case


def _clean_details(
    details: dict[str, Any], today: dt.date | None, errors: dict[str, list[str]]
) -> dict[str, Any]:
    wage = details.get("hourly_wage")
    if wage is not None and (not isinstance(wage, Decimal) or not Decimal(5) <= wage <= Decimal(100)):
        errors["hourly_wage"] = [pgettext("hiring", "Give the hourly wage in euros, from 5 to 100.")]
    contact = " ".join(str(details.get("contact") or "").split())
    if len(contact) > 200:
        errors["contact"] = [pgettext("hiring", "Write at most 200 characters.")]
    apply = " ".join(str(details.get("how_to_apply") or "").split())
    if len(apply) > 300:
        errors["how_to_apply"] = [pgettext("hiring", "Write at most 300 characters.")]
    last_day = details.get("apply_by")
    if last_day is not None and today is not None and last_day < today:
        errors["apply_by"] = [pgettext("hiring", "Give a day from today onwards, or leave it empty.")]
    return {
        "hourly_wage": str(wage) if isinstance(wage, Decimal) else "",
        "contact": contact,
        "how_to_apply": apply,
        "apply_by": last_day.isoformat() if last_day else "",
    }


def ad_facts(case: HiringCase, language: str) -> list[tuple[str, str]]:
    """The ad's practical part as (label, value) lines in ``language``: pay, place, hours, start, how to
    apply, contact and the last day to apply. A line without a value is left out."""
    from kohtaanto.core.formatting import amount, date, number

    details = case.ad_details or {}
    lines: list[tuple[str, str]] = []
    wage = details.get("hourly_wage") or case.inventory.get("workplace", {}).get("new_job_hourly_wage")
    if wage:
        lines.append(
            (
                pgettext("ad", "Pay"),
                pgettext("ad", "%(wage)s euros an hour, by the collective agreement")
                % {"wage": amount(Decimal(str(wage)), language)},
            )
        )
    municipality = case.organisation.municipality
    place = municipality.name_sv if language == "sv" and municipality.name_sv else municipality.name_fi
    lines.append((pgettext("ad", "Place"), f"{case.organisation.name}, {place}"))
    if case.chosen.get("hours_per_week"):
        hours = number(case.chosen["hours_per_week"], language)
        lines.append(
            (
                pgettext("ad", "Working time"),
                pgettext("ad", "about %(hours)s hours a week") % {"hours": hours},
            )
        )
    start = date(case.planned_start, language) if case.planned_start else pgettext("ad", "as agreed")
    lines.append((pgettext("ad", "Start"), start))
    lines.append(
        (
            pgettext("ad", "How to apply"),
            details.get("how_to_apply")
            or pgettext("ad", "Call or send an e-mail and tell us about yourself."),
        )
    )
    if details.get("contact"):
        lines.append((pgettext("ad", "Contact"), details["contact"]))
    if details.get("apply_by"):
        lines.append((pgettext("ad", "Apply by"), date(dt.date.fromisoformat(details["apply_by"]), language)))
    return lines


def ad_with_facts(case: HiringCase, language: str) -> str:
    """The published ad: the employer's words, then the practical part, in the ad's language."""
    from django.utils import translation

    with translation.override(language):
        lines = ad_facts(case, language)
    return case.ad_text.strip() + "\n\n" + "\n".join(f"{label}: {value}" for label, value in lines)


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
    if not (case.ad_details or {}).get("contact"):
        raise CaseError(
            {"contact": [pgettext("hiring", "Say whom to contact and how (a phone number or an e-mail).")]}
        )
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
            actor,
            case.organisation,
            spec=spec,
            title=title,
            description=ad_with_facts(case, written_in(actor)),
            kind=JobKind.CARVED,
        )
    else:
        job = matching.update_job(
            actor,
            case.job,
            spec=spec,
            title=title,
            description=ad_with_facts(case, written_in(actor)),
            status="open",
        )
    set_step(actor, case, "published", job=job)
    return job


def json_ld(case: HiringCase) -> dict[str, Any]:
    """schema.org JobPosting for other job boards (Google for Jobs, EURES): the ESCO occupation and its
    ISCO-08 group, the skills, hours, pay, place, start, how to apply and the employer with its Y-tunnus."""
    job = case.job
    if job is None:
        raise CaseError({"job": [pgettext("hiring", "Publish the job first.")]})
    org = case.organisation
    spec = job_spec(job)
    hours = spec.hours_max
    description = (
        job.description or str((case.chosen or {}).get("job_description", {}).get("fi", "")) or job.title
    )
    body: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "propertyID": "kohtaanto", "value": f"job-{job.pk}"},
        "title": job.title,
        "description": description,
        "datePosted": job.created_at.date().isoformat(),
        "validThrough": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "employmentType": "PART_TIME" if hours < 35 else "FULL_TIME",
        "hiringOrganization": {
            "@type": "Organization",
            "name": org.name,
            "identifier": {"@type": "PropertyValue", "propertyID": "Y-tunnus", "value": org.business_id},
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": org.municipality.name_fi,
                "addressCountry": "FI",
            },
        },
        "workHours": f"{spec.hours_min:g}-{hours:g} h/week",
        "totalJobOpenings": job.headcount,
        "directApply": False,
        **_json_ld_occupation(spec),
        **_json_ld_details(case),
    }
    if spec.remote_possible:
        body["jobLocationType"] = "TELECOMMUTE"
    return body


def category_code(body: dict[str, Any], code_set: str) -> str:
    """The code of a JobPosting's ``occupationalCategory`` in ``code_set`` ("ISCO-08", "ESCO occupations"),
    or "" (before an ESCO import the category is a name only)."""
    for entry in body.get("occupationalCategory") or []:
        if isinstance(entry, dict) and entry.get("inCodeSet") == code_set:
            return str(entry.get("codeValue", ""))
    return ""


def _json_ld_occupation(spec: JobSpecIn) -> dict[str, Any]:
    """The skills by name, and the occupation the carved job's skills point to: its name, and once ESCO is
    imported its ESCO concept and ISCO-08 group."""
    from kohtaanto.taxonomy.occupations import for_skills
    from kohtaanto.taxonomy.vocabulary import skill_label
    from kohtaanto.web.hiring.services.inventory import imported_esco

    skills = [need.skill for need in spec.skills if need.skill]
    out: dict[str, Any] = {}
    if skills:
        out["skills"] = [
            {
                "@type": "DefinedTerm",
                "name": skill_label(s, "fi"),
                "termCode": s,
                "inDefinedTermSet": "kohtaanto",
            }
            for s in skills
        ]
    occupation = for_skills(skills)
    if occupation is None:
        return out
    out["occupationalCategory"] = [occupation.labels.fi]  # the name; the codes come from the ESCO import
    esco = imported_esco()
    uri = esco[0].find(occupation.esco, "en", "occupation") if esco else None
    if esco and uri:
        name = occupation.labels.fi
        isco = esco[0].isco_group(uri)
        codes = [{"@type": "CategoryCode", "inCodeSet": "ISCO-08", "codeValue": isco, "name": name}]
        esco_code = {"@type": "CategoryCode", "inCodeSet": "ESCO occupations", "codeValue": uri, "name": name}
        out["occupationalCategory"] = [*(codes if isco else []), {**esco_code, "url": uri}]
    return out


def _json_ld_details(case: HiringCase) -> dict[str, Any]:
    """Pay, start, contact and the last day to apply, as schema.org names them."""
    details = case.ad_details or {}
    out: dict[str, Any] = {}
    wage = details.get("hourly_wage") or case.inventory.get("workplace", {}).get("new_job_hourly_wage")
    if wage:
        out["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "value": float(wage), "unitText": "HOUR"},
        }
    if case.planned_start:
        out["jobStartDate"] = case.planned_start.isoformat()
    contact = {"description": details.get("contact"), "contactType": details.get("how_to_apply")}
    if any(contact.values()):
        out["applicationContact"] = {"@type": "ContactPoint", **{k: v for k, v in contact.items() if v}}
    if details.get("apply_by"):
        out["validThrough"] = details["apply_by"]
    return out
