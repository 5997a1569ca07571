"""The employer's journey, step by step: need, task inventory, carving, supports, job ad.

Each step saves on the case (one audit event naming the step). The inventory is a draft in the
``kohtaanto.carving/1`` format; once it validates it is also the organisation's task inventory, so
job seekers nearby see it as a carving opportunity.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext
from pydantic import ValidationError as PydanticError

from kohtaanto.carving.schema import WorkplaceFile
from kohtaanto.carving.schema import field_errors as pydantic_lines
from kohtaanto.core.language import pick, resolve
from kohtaanto.core.vocabulary import EXPOSURES
from kohtaanto.rules.months import add_months
from kohtaanto.taxonomy import occupations
from kohtaanto.taxonomy.vocabulary import demands, starter
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import copy_into, locked, save_changed
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.privacy import health_errors
from kohtaanto.web.core.rules import field_errors
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching import services as matching
from kohtaanto.web.matching.models import JobKind, JobPosting, SeekerProfile

NEEDS = ("shortage", "workload", "overtime", "growth", "other")
SECTOR_DOMAINS = {
    "A": ("gardening",),
    "B": ("construction_support", "property_maintenance"),
    "C": ("food_production", "warehouse"),
    "D": ("property_maintenance", "office_support"),
    "E": ("recycling", "cleaning", "logistics"),
    "F": ("construction_support", "property_maintenance"),
    "G": ("retail", "warehouse", "customer_service"),
    "H": ("warehouse", "logistics"),
    "I": ("kitchen", "cleaning", "customer_service"),
    "J": ("it_support", "office_support"),
    "K": ("office_support", "customer_service"),
    "L": ("property_maintenance", "cleaning"),
    "M": ("office_support", "digital_basics"),
    "N": ("cleaning", "property_maintenance", "office_support"),
    "O": ("office_support", "property_maintenance", "gardening", "customer_service"),
    "P": ("early_childhood_support", "kitchen"),
    "Q": ("care_support", "kitchen", "laundry_textiles", "cleaning"),
    "R": ("customer_service", "gardening"),
    "S": ("customer_service", "cleaning", "recycling"),
    "T": ("cleaning", "care_support", "gardening"),
}


CaseError = InvalidInput  # a step's input that does not validate; ``errors`` maps fields to messages


def cases_for(user: Any) -> Any:
    return HiringCase.objects.select_related("organisation__municipality__area").filter(
        organisation__in=permissions.organisations_for(user)
    )


def _may(actor: Any, organisation: Organisation) -> None:
    permissions.require(
        actor is None or permissions.can_change_organisation(actor, organisation), "not your organisation"
    )


@contextmanager
def _editing(actor: Any, case: HiringCase, step: str, version: int | None = None) -> Iterator[HiringCase]:
    """The case's row, locked, to change: only the fields that changed are saved, with one audit event.
    Two people adding tasks at once both keep theirs; ``version`` (what the writer saw) turns a
    concurrent change into :class:`~kohtaanto.web.core.concurrency.Conflict`."""
    with transaction.atomic():
        fresh = locked(case, version)
        before = {
            f.attname: copy.deepcopy(getattr(fresh, f.attname))
            for f in HiringCase._meta.concrete_fields
            if f.attname not in ("version", "updated_at")
        }
        yield fresh
        changed = [name for name, value in before.items() if getattr(fresh, name) != value]
        if changed:
            save_changed(fresh, changed)
            record(actor=actor, action="hiring_case.updated", obj=fresh, data={"step": step})
    copy_into(fresh, case)


def _set(actor: Any, case: HiringCase, step: str, **values: Any) -> HiringCase:
    with _editing(actor, case, step) as fresh:
        for name, value in values.items():
            setattr(fresh, name, value)
    return case


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold().translate(str.maketrans("äöåé", "aoae"))).strip("-")
    return slug[:40] or "x"


def create_case(actor: Any, organisation: Organisation, title: str) -> HiringCase:
    _may(actor, organisation)
    if not 0 < len(title.strip()) <= 200:
        raise CaseError({"title": ["give the case a short name"]})
    inventory = empty_inventory(organisation)
    with transaction.atomic():
        case = HiringCase.objects.create(
            organisation=organisation, created_by=actor, title=title.strip(), inventory=inventory
        )
        record(actor=actor, action="hiring_case.created", obj=case, data={"organisation": organisation.pk})
    return case


def _place(organisation: Organisation) -> str:
    from kohtaanto.matching.places import find

    name = organisation.municipality.name_fi
    return name if find(name) else ""


# -- 1. need --------------------------------------------------------------------------------------
def save_need(
    actor: Any,
    case: HiringCase,
    reasons: list[str],
    text: str,
    overloaded: list[str],
    version: int | None = None,
) -> HiringCase:
    _may(actor, case.organisation)
    unknown = [r for r in reasons if r not in NEEDS]
    if unknown or not reasons:
        raise CaseError({"reasons": ["choose at least one reason"]})
    with _editing(actor, case, "need", version) as fresh:
        fresh.need = {
            **{k: v for k, v in fresh.need.items() if k == "pool"},  # a talent pool's case stays one
            "reasons": reasons,
            "text": text.strip()[:2000],
            "overloaded": [o.strip() for o in overloaded if o.strip()][:20],
        }
        for title in fresh.need["overloaded"]:  # each overloaded role starts the inventory
            if not any(
                pick(r["title"], "fi").casefold() == title.casefold()
                for r in fresh.inventory["workplace"]["roles"]
            ):
                _add_role_values(fresh, title, 1, Decimal("30"), written_in(actor))
    return case


# -- 2. task inventory ----------------------------------------------------------------------------
def written_in(actor: Any) -> str:
    """The language someone's own words are stored under: the language they use kohtaanto in."""
    return resolve(getattr(actor, "language", None))


def _add_role_values(case: HiringCase, title: str, holders: int, hourly_cost: Decimal, language: str) -> str:
    roles = case.inventory["workplace"]["roles"]
    base, n = _slug(title), 1
    ids = {r["id"] for r in roles}
    rid = base
    while rid in ids:
        n += 1
        rid = f"{base}-{n}"
    roles.append(
        {
            "id": rid,
            "title": {language: title.strip()},
            "holders": holders,
            "hourly_cost": str(hourly_cost),
            "tasks": [],
        }
    )
    return rid


def add_role(actor: Any, case: HiringCase, title: str, holders: int, hourly_cost: Decimal) -> HiringCase:
    _may(actor, case.organisation)
    errors: dict[str, list[str]] = {}
    if not 0 < len(title.strip()) <= 120:
        errors["title"] = ["give the role a name"]
    if not 1 <= holders <= 1000:
        errors["holders"] = ["1-1000 people"]
    if not Decimal(5) <= hourly_cost <= Decimal(500):
        errors["hourly_cost"] = ["5-500 euros an hour"]
    if errors:
        raise CaseError(errors)
    with _editing(actor, case, "inventory") as fresh:
        _add_role_values(fresh, title, holders, hourly_cost, written_in(actor))
    return case


def add_task(
    actor: Any,
    case: HiringCase,
    role_id: str,
    name: str,
    hours: Decimal,
    skill: str | None,
    level: int,
    answers: dict[str, str],
    below_level: bool = False,
) -> HiringCase:
    _may(actor, case.organisation)
    with _editing(actor, case, "inventory") as fresh:
        roles = {r["id"]: r for r in fresh.inventory["workplace"]["roles"]}
        errors: dict[str, list[str]] = {}
        if role_id not in roles:
            errors["role"] = ["choose a role"]
        if not 0 < len(name.strip()) <= 120:
            errors["name"] = ["give the task a name"]
        if not Decimal("0.25") <= hours <= Decimal(40):
            errors["hours"] = ["0.25-40 hours a week"]
        if skill is not None and skill not in {s.id for s in starter().skills}:
            errors["skill"] = ["choose a skill from the list"]
        if not 1 <= level <= 5:
            errors["level"] = ["level 1-5"]
        asked = {q.id for q in demands().task_questions}
        bad = [k for k, v in answers.items() if k not in asked or v not in EXPOSURES]
        if bad:
            errors["answers"] = ["answer each question with how often"]
        if errors:
            raise CaseError(errors)
        tasks = [t for r in roles.values() for t in r["tasks"]]
        tid, n = _slug(name), 1
        while any(t["id"] == tid for t in tasks):
            n += 1
            tid = f"{_slug(name)}-{n}"
        task_demands: dict[str, Any] = {}
        for key, exposure in answers.items():
            if exposure != "never":
                question = demands().task_question(key)
                task_demands[question.attribute] = {"level": question.level, "exposure": exposure}
        roles[role_id]["tasks"].append(
            {
                "id": tid,
                "name": {written_in(actor): name.strip()},
                "hours": str(hours),
                "skills": [{"id": skill, "level": level}] if skill else [],
                "demands": task_demands,
                "below_holder_level": below_level,
            }
        )
        _sync(actor, fresh)
    return case


def remove_task(actor: Any, case: HiringCase, task_id: str) -> HiringCase:
    _may(actor, case.organisation)
    with _editing(actor, case, "inventory") as fresh:
        for role in fresh.inventory["workplace"]["roles"]:
            role["tasks"] = [t for t in role["tasks"] if t["id"] != task_id]
        _sync(actor, fresh)
    return case


def validated(case: HiringCase) -> WorkplaceFile | None:
    """The inventory as a carving input, or None while it is incomplete (a role without tasks)."""
    payload = json.loads(json.dumps(case.inventory))
    payload["workplace"]["roles"] = [r for r in payload["workplace"]["roles"] if r["tasks"]]
    if not payload["workplace"]["roles"]:
        return None
    try:
        return WorkplaceFile.model_validate(payload)
    except PydanticError as exc:
        raise CaseError(field_errors(pydantic_lines(exc))) from None


def _sync(actor: Any, case: HiringCase) -> None:
    """A complete inventory is also the organisation's, for carving opportunities (not a talent pool's
    merged inventory, which belongs to several employers)."""
    if case.need.get("pool"):
        return
    source = validated(case)
    if source is not None:
        matching.save_inventory(actor, case.organisation, source.model_dump(mode="json"))


def empty_inventory(organisation: Organisation) -> dict[str, Any]:
    """A new case's task inventory: the workplace, no roles yet."""
    return {
        "format": "kohtaanto.carving/1",
        "workplace": {
            "id": _slug(organisation.name),
            "name": organisation.name,
            "municipality": matching.municipality_code(_place(organisation)) if _place(organisation) else "",
            "legal_form": organisation.legal_form,
            "business_activity": organisation.legal_form != "municipality",
            "new_job_hourly_wage": "13.50",
            "roles": [],
        },
        "accommodations": [],
    }


def suggestions(case: HiringCase, language: str, limit: int = 12) -> list[tuple[str, str]]:
    """Tasks the sector usually has (starter skills of its domains) that are not in the inventory yet."""
    domains = SECTOR_DOMAINS.get(case.organisation.sector, ("cleaning", "office_support"))
    roles = case.inventory.get("workplace", {}).get("roles", [])
    have = {s["id"] for r in roles for t in r.get("tasks", []) for s in t.get("skills", [])}
    out = [
        (s.id, s.labels.get(language)) for s in starter().skills if s.domain in domains and s.id not in have
    ]
    return out[:limit]


@cache
def _esco_links(version: str) -> tuple[Any, dict[str, list[tuple[str, float]]]]:
    from django.conf import settings

    from kohtaanto.taxonomy import linking
    from kohtaanto.taxonomy.store import TaxonomyStore, store_path

    store = TaxonomyStore(store_path(Path(settings.DATA_DIR) / "taxonomy", version))
    return store, linking.load(store.path)


def _esco_extra(occupation: occupations.StarterOccupation) -> list[str]:
    """More tasks from the imported ESCO occupation's skills that are linked to starter skills."""
    from django.conf import settings

    from kohtaanto.taxonomy.store import available_versions

    versions = available_versions(Path(settings.DATA_DIR) / "taxonomy")
    if not versions:
        return []
    store, links = _esco_links(versions[-1])
    return occupations.esco_tasks(occupation, store, links)


def role_suggestions(case: HiringCase, language: str, limit: int = 10) -> list[dict[str, Any]]:
    """For each role whose title names a known occupation: the tasks that occupation usually has and
    the role does not list yet (from the occupation list, then from ESCO when it is imported)."""
    names = {s.id: s.labels.get(language) for s in starter().skills}
    out = []
    for role in case.inventory["workplace"]["roles"]:
        found = occupations.guess(pick(role["title"], "fi"), limit=1)
        if not found:
            continue
        occupation = found[0].occupation
        have = {s["id"] for t in role["tasks"] for s in t["skills"]}
        ids = occupations.task_suggestions(occupation, have, _esco_extra(occupation), limit)
        if ids:
            out.append(
                {
                    "role": role["id"],
                    "title": pick(role["title"], language),
                    "occupation": occupation.labels.get(language),
                    "tasks": [(sid, names[sid]) for sid in ids],
                }
            )
    return out


def tasks_from_text(text: str, language: str) -> list[dict[str, Any]]:
    """Task candidates from a pasted job description: one per line or sentence, with a likely skill."""
    from kohtaanto.web.matching import seeker

    pieces = [p.strip(" -•*\t") for line in text.splitlines() for p in re.split(r"(?<=[.!?;])\s+", line)]
    out = []
    for piece in pieces:
        if len(piece) < 4:
            continue
        found = seeker.suggest_skills(piece, language, k=1)
        out.append(
            {
                "name": piece[:120],
                "skill": found[0]["id"] if found else None,
                "label": found[0]["label"] if found else "",
            }
        )
        if len(out) >= 20:
            break
    return out


# -- 3. carving -----------------------------------------------------------------------------------
def pool_for(actor: Any, case: HiringCase) -> list[SeekerProfile]:
    """People a proposal can be made for: the area's job seekers who are shown to employers (pseudonyms);
    a professional also sees the rest of their area (the people they coach)."""
    area = case.organisation.municipality.area
    people = SeekerProfile.objects.filter(area=area, looking=True)
    if getattr(actor, "role", None) == "employer":
        people = people.filter(open_to_employers=True)
    return list(people.order_by("pseudonym"))


def carve(
    actor: Any,
    case: HiringCase,
    profile: SeekerProfile,
    language: str,
    on: dt.date,
    alternatives: int = 3,
    facts: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Proposals for one person of the pool. ``facts`` (what the person or their coach told: registered
    unemployed, months unemployed, 55 or older, reduced work ability) feed only the supports and the net
    cost, never the fit; they are kept on the case so the supports step can be revisited."""
    from kohtaanto.carving.schema import SettingsIn, SupportFacts
    from kohtaanto.carving.service import carve_workplace
    from kohtaanto.carving.solver import SolverSettings
    from kohtaanto.web.core.rules import engine
    from kohtaanto.web.matching import mappers
    from kohtaanto.web.matching.runs import view_for

    _may(actor, case.organisation)
    if profile not in pool_for(actor, case):
        permissions.require(False, "this person is not in your pool")
    source = validated(case)
    if source is None:
        raise CaseError({"inventory": ["add at least one task first"]})
    try:
        support_facts = SupportFacts.model_validate(facts or {})
    except PydanticError as exc:
        raise CaseError(field_errors(pydantic_lines(exc))) from None
    view = view_for(actor, profile, case.organisation)  # kept capacities never shape an employer's jobs
    person = mappers.carving_person(profile, mappers.candidate(profile), view).model_copy(
        update={
            "reach": [source.workplace.municipality] if source.workplace.municipality else [],
            "support_facts": support_facts,
        }
    )
    found = carve_workplace(
        source,
        [person],
        source.accommodations,
        SettingsIn(),
        engine(),
        on,
        SolverSettings(time_limit=5.0),
        alternatives,
        language,
    )[0]
    with transaction.atomic():
        fresh = locked(case)
        fresh.support_facts = support_facts.model_dump(mode="json") if facts else {}
        save_changed(fresh, ["support_facts"])
        copy_into(fresh, case)
        record(  # the facts themselves stay out of the audit trail: only that they were given
            actor=actor,
            action="hiring_case.carved",
            obj=case,
            data={
                "person": profile.pseudonym,
                "proposals": len(found.proposals),
                "support_facts": bool(facts),
            },
        )
    return list(mappers.json_safe(found.proposals))


def choose(actor: Any, case: HiringCase, proposal: dict[str, Any], pseudonym: str) -> HiringCase:
    _may(actor, case.organisation)
    return _set(actor, case, "carving", chosen=proposal, person=pseudonym)


# -- 5. job ad ------------------------------------------------------------------------------------
def plan_start(actor: Any, case: HiringCase, starts_on: dt.date, today: dt.date) -> HiringCase:
    """The day the new job is meant to start; the supports' deadlines are counted from it."""
    _may(actor, case.organisation)
    if not today <= starts_on <= today + dt.timedelta(days=730):
        raise CaseError({"starts_on": [pgettext("hiring", "Give a day from today to two years ahead.")]})
    return _set(actor, case, "supports", planned_start=starts_on)


def save_ad(actor: Any, case: HiringCase, text: str, version: int | None = None) -> HiringCase:
    _may(actor, case.organisation)
    if not 0 < len(text.strip()) <= 10_000:
        raise CaseError({"ad_text": ["write the ad (at most 10 000 characters)"]})
    with _editing(actor, case, "ad", version) as fresh:
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


def publish(actor: Any, case: HiringCase) -> JobPosting:
    """The carved job as an open job in the area's pool (its skills, demands and hours from the proposal)."""
    _may(actor, case.organisation)
    source = validated(case)
    if not case.chosen or source is None or not case.ad_text:
        raise CaseError({"non_field_errors": ["choose a carved job and write the ad first"]})
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
    _set(actor, case, "published", job=job)
    return job


def json_ld(case: HiringCase) -> dict[str, Any]:
    """schema.org JobPosting for other job boards."""
    job = case.job
    if job is None:
        raise CaseError({"job": ["publish the job first"]})
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


# -- 6. candidates, meetings, work trials, decision ------------------------------------------------
def shortlist(actor: Any, case: HiringCase, language: str) -> Any:
    """Rank the pool for the published job (a recorded run) and keep it as the case's shortlist."""
    from kohtaanto.web.matching.runs import match_job

    _may(actor, case.organisation)
    if case.job is None:
        raise CaseError({"job": ["publish the job first"]})
    view = match_job(actor, case.job, 10, language)
    _set(actor, case, "candidates", shortlist=view.run)
    return view


def ask_to_meet(actor: Any, case: HiringCase, pseudonym: str) -> Any:
    from kohtaanto.web.hiring.models import MeetingRequest

    _may(actor, case.organisation)
    from kohtaanto.web.matching.redaction import present

    shown = {row["person"] for row in (present(case.shortlist, actor) if case.shortlist else [])}
    profile = SeekerProfile.objects.filter(pseudonym=pseudonym, looking=True).first()
    if profile is None or pseudonym not in shown:
        raise CaseError({"person": ["ask only people on the shortlist"]})
    with transaction.atomic():
        request, created = MeetingRequest.objects.get_or_create(case=case, profile=profile)
        if created:
            record(actor=actor, action="meeting.asked", obj=case, data={"person": pseudonym})
    return request


def answer_meeting(
    actor: Any,
    request: Any,
    accept: bool,
    share_accommodations: bool = False,
    items: list[str] | None = None,
) -> None:
    """The person answers; a yes tells the employer who they are (an identity reveal they can take back)."""
    from kohtaanto.web.hiring.models import MeetingStatus

    permissions.require(
        getattr(actor, "pk", None) is not None and request.profile.person_id == actor.pk,
        "only the person answers",
    )
    with transaction.atomic():
        request.status = MeetingStatus.ACCEPTED if accept else MeetingStatus.DECLINED
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at"])
        record(actor=actor, action="meeting.answered", obj=request.case, data={"accepted": accept})
        if accept:
            matching.reveal_identity(
                actor,
                request.profile,
                request.case.organisation,
                share_accommodations=share_accommodations,
                items=items or [],
            )


def plan_trial(
    actor: Any,
    case: HiringCase,
    request: Any,
    starts_on: dt.date,
    ends_on: dt.date,
    notes: str,
    supervisor: str = "",
    tasks: list[str] | None = None,
) -> Any:
    from kohtaanto.web.hiring.models import MeetingStatus, WorkTrial

    _may(actor, case.organisation)
    errors: dict[str, list[str]] = {}
    if request.case_id != case.pk or request.status != MeetingStatus.ACCEPTED:
        errors["person"] = ["plan a work trial with a person who agreed to meet"]
    if ends_on < starts_on:
        errors["ends_on"] = ["the trial ends after it starts"]
    elif (ends_on - starts_on).days > 366:
        errors["ends_on"] = ["plan at most a year at a time"]
    errors.update(health_errors("notes", notes))
    if errors:
        raise CaseError(errors)
    with transaction.atomic():
        trial = WorkTrial.objects.create(
            case=case,
            profile=request.profile,
            starts_on=starts_on,
            ends_on=ends_on,
            notes=notes.strip()[:2000],
            supervisor=supervisor.strip()[:120],
            tasks=[t.strip()[:120] for t in (tasks or []) if t.strip()][:30],
        )
        record(
            actor=actor,
            action="work_trial.planned",
            obj=case,
            data={"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
        )
    return trial


def trial_attributes(case: HiringCase) -> list[str]:
    """The functional attributes a trial is observed on: the job's demands, else the physical group."""
    demanded = list((case.job.spec.get("demands", {}) if case.job else {}).keys())
    if not demanded and case.chosen:
        demanded = sorted({a.get("attribute", "") for a in case.chosen.get("accommodations", [])} - {""})
    known = [a.id for a in demands().attributes]
    chosen = [a for a in demanded if a in known]
    return chosen or [a.id for a in demands().attributes if a.group == "physical"]


def record_observations(
    actor: Any, case: HiringCase, trial: Any, observed: dict[str, int], on: dt.date, propose: bool
) -> Any:
    """What the trial showed, per attribute (0-5). With ``propose`` the person is asked whether to take
    the observations into their own capacity profile; nothing changes in it without their yes."""
    _may(actor, case.organisation)
    known = {a.id for a in demands().attributes}
    if trial.case_id != case.pk:
        raise CaseError({"trial": ["not a trial of this case"]})
    if any(k not in known or not 0 <= v <= 5 for k, v in observed.items()):
        raise CaseError({"observations": [pgettext("hiring", "Choose a level from 0 to 5 for each.")]})
    if on < trial.starts_on:
        raise CaseError({"observed_on": [pgettext("hiring", "Observe once the trial has started.")]})
    with transaction.atomic():
        trial.observations, trial.observed_on = dict(sorted(observed.items())), on
        trial.proposal = "proposed" if propose and observed else ""
        trial.save(update_fields=["observations", "observed_on", "proposal"])
        record(  # the levels stay out of the audit trail
            actor=actor,
            action="work_trial.observed",
            obj=case,
            data={"trial": trial.pk, "attributes": len(observed), "proposed": trial.proposal == "proposed"},
        )
    return trial


def answer_trial_proposal(actor: Any, trial: Any, accept: bool) -> Any:
    """The person takes a trial's observations into their capacity profile, or keeps their own answers."""
    permissions.require(
        getattr(actor, "pk", None) is not None and trial.profile.person_id == actor.pk,
        "only the person decides what goes into their profile",
    )
    if trial.proposal != "proposed":
        raise CaseError({"trial": [pgettext("hiring", "There is nothing to answer.")]})
    with transaction.atomic():
        if accept:
            profile = trial.profile
            spec = dict(profile.spec)
            spec["capacities"] = {**spec.get("capacities", {}), **trial.observations}
            matching.update_profile(actor, profile, spec=spec)
        trial.proposal = "accepted" if accept else "declined"
        trial.save(update_fields=["proposal"])
        record(actor=actor, action="work_trial.proposal_answered", obj=trial.case, data={"accepted": accept})
    return trial


def decide(actor: Any, case: HiringCase, request: Any, hired: bool, on: dt.date) -> HiringCase:
    from kohtaanto.web.hiring.models import MeetingStatus

    _may(actor, case.organisation)
    if request.case_id != case.pk or request.status != MeetingStatus.ACCEPTED:
        raise CaseError({"person": ["decide about a person who agreed to meet"]})
    return _set(
        actor,
        case,
        "decision",
        decision="hired" if hired else "not_hired",
        decided_on=on,
        hired=request.profile if hired else None,
    )


# -- 7. onboarding and follow-up ------------------------------------------------------------------
FOLLOW_UP_MONTHS = (1, 3, 6, 12)


def save_onboarding(
    actor: Any,
    case: HiringCase,
    mentor: str,
    starts_on: dt.date,
    steps: list[str],
    instructions: str,
    arranged: list[str],
) -> Any:
    """The plan, and follow-ups at 1, 3 and 6 months from the first day (moved if the first day moves)."""
    from kohtaanto.web.hiring.models import FollowUp, OnboardingPlan

    _may(actor, case.organisation)
    errors: dict[str, list[str]] = {}
    if case.decision != "hired":
        errors["non_field_errors"] = ["record the hiring decision first"]
    if not 0 < len(mentor.strip()) <= 120:
        errors["mentor"] = ["name the mentor"]
    known = {a.get("id") for a in case.chosen.get("accommodations", [])}
    if set(arranged) - known:
        errors["arranged"] = ["choose from the adjustments of the chosen job"]
    if errors:
        raise CaseError(errors)
    with transaction.atomic():
        plan, _ = OnboardingPlan.objects.update_or_create(
            case=case,
            defaults={
                "mentor": mentor.strip(),
                "starts_on": starts_on,
                "steps": [s.strip() for s in steps if s.strip()][:30],
                "instructions": instructions.strip()[:10_000],
                "arranged": sorted(set(arranged)),
            },
        )
        for months in FOLLOW_UP_MONTHS:
            if not FollowUp.objects.filter(case=case, months=months, done_on__isnull=False).exists():
                FollowUp.objects.update_or_create(
                    case=case, months=months, defaults={"due_on": add_months(starts_on, months)}
                )
        record(actor=actor, action="onboarding.saved", obj=case, data={"starts_on": starts_on.isoformat()})
    return plan


def record_follow_up(
    actor: Any,
    case: HiringCase,
    follow_up: Any,
    notes: str,
    adjust: bool,
    on: dt.date,
    still_employed: bool | None = None,
    hours: Decimal | None = None,
) -> Any:
    _may(actor, case.organisation)
    if follow_up.case_id != case.pk:
        raise CaseError({"follow_up": ["not a follow-up of this case"]})
    if hours is not None and not Decimal(0) <= hours <= Decimal(60):
        raise CaseError({"hours_per_week": [pgettext("hiring", "Give the hours a week from 0 to 60.")]})
    if problems := health_errors("notes", notes):
        raise CaseError(problems)
    with transaction.atomic():
        follow_up.done_on, follow_up.notes, follow_up.adjust = on, notes.strip()[:4000], adjust
        follow_up.still_employed, follow_up.hours_per_week = still_employed, hours
        follow_up.save()
        record(
            actor=actor,
            action="follow_up.recorded",
            obj=case,
            data={"months": follow_up.months, "adjust": adjust, "still_employed": still_employed},
        )
    return follow_up
