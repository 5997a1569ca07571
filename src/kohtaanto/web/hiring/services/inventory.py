"""Step 2: the task inventory: roles and tasks in the ``kohtaanto.carving/1`` format, suggestions from
occupations and ESCO, tasks read from free text."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import pgettext
from pydantic import ValidationError as PydanticError

from kohtaanto.carving.schema import WorkplaceFile
from kohtaanto.carving.schema import field_errors as pydantic_lines
from kohtaanto.core.language import pick
from kohtaanto.core.vocabulary import EXPOSURES
from kohtaanto.taxonomy import occupations
from kohtaanto.taxonomy.vocabulary import demands, starter
from kohtaanto.web.accounts.models import Organisation, User
from kohtaanto.web.core.rules import field_errors
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, editing, may_change, place_of, slug, written_in
from kohtaanto.web.matching import services as matching

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


# -- 2. task inventory ----------------------------------------------------------------------------
def add_role_values(case: HiringCase, title: str, holders: int, hourly_cost: Decimal, language: str) -> str:
    roles = case.inventory["workplace"]["roles"]
    base, n = slug(title), 1
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


def _role_errors(holders: int, hourly_cost: Decimal) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not 1 <= holders <= 1000:
        errors["holders"] = [pgettext("hiring", "Give 1–1000 people.")]
    if not Decimal(5) <= hourly_cost <= Decimal(500):
        errors["hourly_cost"] = [pgettext("hiring", "Give 5–500 euros an hour.")]
    return errors


def _task(case: HiringCase, task_id: str) -> dict[str, Any]:
    """One task of the case's inventory, to change in place; refused when it is no longer there."""
    for role in case.inventory["workplace"]["roles"]:
        for task in role["tasks"]:
            if task["id"] == task_id:
                return task
    raise CaseError({"task": [pgettext("hiring", "The task is no longer in the list.")]})


def add_role(
    actor: User | None, case: HiringCase, title: str, holders: int, hourly_cost: Decimal
) -> HiringCase:
    may_change(actor, case.organisation)
    errors = _role_errors(holders, hourly_cost)
    if not 0 < len(title.strip()) <= 120:
        errors["title"] = [pgettext("hiring", "Give the role a name.")]
    if errors:
        raise CaseError(errors)
    with editing(actor, case, "inventory") as fresh:
        add_role_values(fresh, title, holders, hourly_cost, written_in(actor))
    return case


def set_role(
    actor: User | None, case: HiringCase, *, role_id: str, holders: int, hourly_cost: Decimal
) -> HiringCase:
    """How many people hold a role and what an hour of their work costs (wage and side costs): a role
    named in the need step starts at 1 person and 30 €/h until the employer says otherwise."""
    may_change(actor, case.organisation)
    errors = _role_errors(holders, hourly_cost)
    if errors:
        raise CaseError(errors)
    with editing(actor, case, "inventory") as fresh:
        found = [r for r in fresh.inventory["workplace"]["roles"] if r["id"] == role_id]
        if not found:
            raise CaseError({"role": [pgettext("hiring", "Choose a role.")]})
        found[0]["holders"], found[0]["hourly_cost"] = holders, str(hourly_cost)
        sync_inventory(actor, fresh)
    return case


def add_task(  # noqa: PLR0913 - a task is eight facts; all but actor and case by keyword
    actor: User | None,
    case: HiringCase,
    *,
    role_id: str,
    name: str,
    hours: Decimal,
    skill: str | None,
    level: int,
    answers: dict[str, str],
    below_level: bool = False,
) -> HiringCase:
    may_change(actor, case.organisation)
    with editing(actor, case, "inventory") as fresh:
        roles = {r["id"]: r for r in fresh.inventory["workplace"]["roles"]}
        errors: dict[str, list[str]] = {}
        if role_id not in roles:
            errors["role"] = [pgettext("hiring", "Choose a role.")]
        if not 0 < len(name.strip()) <= 120:
            errors["name"] = [pgettext("hiring", "Give the task a name.")]
        if not Decimal("0.25") <= hours <= Decimal(40):
            errors["hours"] = [pgettext("hiring", "Give 0.25–40 hours a week.")]
        if skill is not None and skill not in {s.id for s in starter().skills}:
            errors["skill"] = [pgettext("hiring", "Choose a skill from the list.")]
        if not 1 <= level <= 5:
            errors["level"] = [pgettext("hiring", "Choose a level from 1 to 5.")]
        asked = {q.id for q in demands().task_questions}
        bad = [k for k, v in answers.items() if k not in asked or v not in EXPOSURES]
        if bad:
            errors["answers"] = [pgettext("hiring", "Answer each question with how often.")]
        if errors:
            raise CaseError(errors)
        tasks = [t for r in roles.values() for t in r["tasks"]]
        tid, n = slug(name), 1
        while any(t["id"] == tid for t in tasks):
            n += 1
            tid = f"{slug(name)}-{n}"
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
        sync_inventory(actor, fresh)
    return case


def remove_task(actor: User | None, case: HiringCase, task_id: str) -> HiringCase:
    may_change(actor, case.organisation)
    with editing(actor, case, "inventory") as fresh:
        for role in fresh.inventory["workplace"]["roles"]:
            role["tasks"] = [t for t in role["tasks"] if t["id"] != task_id]
        sync_inventory(actor, fresh)
    return case


def set_task_hours(actor: User | None, case: HiringCase, *, task_id: str, hours: Decimal) -> HiringCase:
    """Change how many hours a week a task takes (a suggested task starts at 2 h)."""
    may_change(actor, case.organisation)
    if not Decimal("0.25") <= hours <= Decimal(40):
        raise CaseError({"hours": [pgettext("hiring", "Give 0.25–40 hours a week.")]})
    with editing(actor, case, "inventory") as fresh:
        _task(fresh, task_id)["hours"] = str(hours.normalize())
        sync_inventory(actor, fresh)
    return case


def inventory_tasks(case: HiringCase) -> dict[str, dict[str, Any]]:
    """The tasks of the case's inventory by id, to read (the chosen job's tasks name them by id)."""
    return {
        task["id"]: task
        for role in case.inventory.get("workplace", {}).get("roles", [])
        for task in role.get("tasks", [])
    }


def task_demands(task: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """A stored task's demands as attribute -> (level, how often); a bare level is "sometimes"."""
    out: dict[str, tuple[int, str]] = {}
    for attribute, demand in task.get("demands", {}).items():
        if isinstance(demand, dict):
            out[attribute] = (int(demand.get("level", 0)), str(demand.get("exposure", "sometimes")))
        else:
            out[attribute] = (int(demand), "sometimes")
    return out


def task_answers(task: dict[str, Any]) -> dict[str, str]:
    """A stored task's demands as the answers to the plain questions (how often), "never" where none."""
    stored = task.get("demands", {})
    out = {}
    for question in demands().task_questions:
        demand = stored.get(question.attribute)
        out[question.id] = (
            demand.get("exposure", "sometimes")
            if isinstance(demand, dict)
            else ("never" if demand is None else "sometimes")
        )
    return out


def set_task_answers(
    actor: User | None, case: HiringCase, *, task_id: str, answers: dict[str, str]
) -> HiringCase:
    """Answer a task's plain questions again (a suggested task starts with "never" to each): each answer
    sets or clears the demand the question stands for; other demands of the task stay as they are."""
    may_change(actor, case.organisation)
    questions = {q.id: q for q in demands().task_questions}
    if set(answers) - set(questions) or any(v not in EXPOSURES for v in answers.values()):
        raise CaseError({"answers": [pgettext("hiring", "Answer each question with how often.")]})
    with editing(actor, case, "inventory") as fresh:
        task = _task(fresh, task_id)
        task_demands = dict(task.get("demands", {}))
        for key, exposure in answers.items():
            question = questions[key]
            if exposure == "never":
                task_demands.pop(question.attribute, None)
            else:
                task_demands[question.attribute] = {"level": question.level, "exposure": exposure}
        task["demands"] = task_demands
        sync_inventory(actor, fresh)
    return case


def adjustment_choices(attribute: str) -> list[tuple[int, Any]]:
    """The adjustments the functional-demand vocabulary lists for an attribute that the work-arrangement
    support can pay (aids and a co-worker's help), with their index: what the employer may add."""
    try:
        measures = demands().attribute(attribute).measures
    except KeyError:
        return []
    return [(i, m) for i, m in enumerate(measures) if m.support != "none"]


def add_adjustment(
    actor: User | None,
    case: HiringCase,
    *,
    attribute: str,
    measure: int,
    raises_by: int,
    one_off_cost: Decimal,
    help_hours: Decimal = Decimal(0),
) -> HiringCase:
    """Add an adjustment from the vocabulary's list to the case: it raises the person's capacity on
    ``attribute`` by ``raises_by`` levels (what the employer chose it to close), costs ``one_off_cost``
    (the employer's estimate) or a co-worker's ``help_hours`` a month, and its support is the
    work-arrangement support the vocabulary names."""
    may_change(actor, case.organisation)
    choices = dict(adjustment_choices(attribute))
    errors: dict[str, list[str]] = {}
    if measure not in choices:
        errors["measure"] = [pgettext("hiring", "Choose an adjustment from the list.")]
    if not 1 <= raises_by <= 5:
        errors["raises_by"] = [pgettext("hiring", "Choose a level from 1 to 5.")]
    if not Decimal(0) <= one_off_cost <= Decimal(100000):
        errors["one_off_cost"] = [pgettext("hiring", "Give the cost in euros, from 0 to 100 000.")]
    if not Decimal(0) <= help_hours <= Decimal(160):
        errors["help_hours"] = [pgettext("hiring", "Give 0–160 hours a month.")]
    if errors:
        raise CaseError(errors)
    chosen = choices[measure]
    key = f"{attribute.split('.')[-1]}_{measure}"
    with editing(actor, case, "inventory") as fresh:
        items = [a for a in fresh.inventory.get("accommodations", []) if a["id"] != key]
        items.append(
            {
                "id": key,
                "name": chosen.text.model_dump(include={"fi", "sv", "en"}),  # the workplace file speaks these
                "type": chosen.type,
                "attribute": attribute,
                "raises_by": raises_by,
                "one_off_cost": str(one_off_cost),
                "support": chosen.support,
                "help_hours_per_month": str(help_hours),
            }
        )
        fresh.inventory = {**fresh.inventory, "accommodations": items}
        sync_inventory(actor, fresh)
    return case


def remove_adjustment(actor: User | None, case: HiringCase, *, key: str) -> HiringCase:
    may_change(actor, case.organisation)
    with editing(actor, case, "inventory") as fresh:
        items = [a for a in fresh.inventory.get("accommodations", []) if a["id"] != key]
        fresh.inventory = {**fresh.inventory, "accommodations": items}
        sync_inventory(actor, fresh)
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


def sync_inventory(actor: User | None, case: HiringCase) -> None:
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
            "id": slug(organisation.name),
            "name": organisation.name,
            "municipality": matching.municipality_code(place_of(organisation))
            if place_of(organisation)
            else "",
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
def _esco_links(path: Path) -> tuple[Any, dict[str, list[tuple[str, float]]]]:
    from kohtaanto.taxonomy import linking
    from kohtaanto.taxonomy.store import TaxonomyStore

    store = TaxonomyStore(path)
    return store, linking.load(store.path)


def imported_esco() -> tuple[Any, dict[str, list[tuple[str, float]]]] | None:
    """The newest imported ESCO store with its links to the starter skills, or None before an import.
    Cached by the store's path, so a different data directory (a test's) opens its own store."""
    from django.conf import settings

    from kohtaanto.taxonomy.store import available_versions, store_path

    root = Path(settings.DATA_DIR) / "taxonomy"
    versions = available_versions(root)
    return _esco_links(store_path(root, versions[-1])) if versions else None


def _esco_extra(occupation: occupations.StarterOccupation) -> list[str]:
    """More tasks from the imported ESCO occupation's skills that are linked to starter skills."""
    found = imported_esco()
    if found is None:
        return []
    store, links = found
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
