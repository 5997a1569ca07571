"""Step 3: carving a new job for one person from the inventory, and choosing it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import pgettext
from pydantic import ValidationError as PydanticError

from kohtaanto.carving.schema import field_errors as pydantic_lines
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import copy_into, locked, save_changed
from kohtaanto.web.core.rules import field_errors
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, may_change, set_step
from kohtaanto.web.hiring.services.inventory import validated
from kohtaanto.web.matching.models import SeekerProfile


# -- 3. carving -----------------------------------------------------------------------------------
def pool_for(actor: User | None, case: HiringCase) -> list[SeekerProfile]:
    """People a proposal can be made for: the area's job seekers who are shown to employers (pseudonyms);
    a professional also sees the rest of their area (the people they coach)."""
    area = case.organisation.municipality.area
    people = SeekerProfile.objects.filter(area=area, looking=True)
    if getattr(actor, "role", None) == "employer":
        people = people.filter(open_to_employers=True)
    return list(people.order_by("pseudonym"))


@dataclass(frozen=True)
class Carved:
    """What carving for one person gave: proposals, or the constraints that bind and how far."""

    proposals: list[dict[str, Any]]
    reasons: list[dict[str, Any]] = field(default_factory=list)  # Binding.as_dict(), hours first
    gaps: dict[str, int] = field(default_factory=dict)  # attribute -> levels an adjustment must raise


def _place_name(code: str, language: str) -> str:
    from kohtaanto.matching.places import find

    place = find(code) if code else None
    if place is None:
        return ""
    return place.sv if language == "sv" else place.fi


def pool_cards(actor: User | None, case: HiringCase, language: str) -> list[dict[str, Any]]:
    """The pool as cards an employer can choose from: the skills the case's tasks ask for that each
    person has and lacks, other skills, hours, days, place and the functional limits the person shares
    with employers (levels in plain words, never a reason). Nothing the person keeps hidden is shown."""
    from kohtaanto.core.formatting import number, weekday
    from kohtaanto.taxonomy.vocabulary import attribute_label, level_text, skill_label
    from kohtaanto.web.matching import mappers
    from kohtaanto.web.matching.runs import view_for

    wanted = {
        s["id"]
        for r in case.inventory.get("workplace", {}).get("roles", [])
        for t in r.get("tasks", [])
        for s in t.get("skills", [])
    }
    cards = []
    for profile in pool_for(actor, case):
        person = mappers.carving_person(
            profile, mappers.candidate(profile), view_for(actor, profile, case.organisation)
        )
        has = {s.id for s in person.skills}
        days = [w.day for w in person.availability] or ["mon", "tue", "wed", "thu", "fri"]
        cards.append(
            {
                "pseudonym": profile.pseudonym,
                "has": sorted(skill_label(s, language) for s in wanted & has),
                "lacks": sorted(skill_label(s, language) for s in wanted - has),
                "other": sorted(skill_label(s, language) for s in has - wanted)[:6],
                "hours": (number(person.hours.min, language), number(person.hours.max, language)),
                "days": ", ".join(weekday(d, language) for d in dict.fromkeys(days)),
                "place": _place_name(person.municipality, language),
                "limits": [
                    (attribute_label(a, language), level_text(a, level, language))
                    for a, level in sorted(person.capacities.items())
                    if level < 5
                ],
            }
        )
    return cards


def carve(
    actor: User | None,
    case: HiringCase,
    *,
    profile: SeekerProfile,
    language: str,
    on: dt.date,
    alternatives: int = 3,
    facts: dict[str, Any] | None = None,
    hourly_wage: Decimal | None = None,
) -> Carved:
    """Proposals for one person of the pool, or, when none fits, each binding constraint in plain words.
    ``facts`` (what the person or their coach told: registered unemployed, months unemployed, 55 or
    older, reduced work ability) feed only the supports and the net cost, never the fit; they are kept
    on the case so the supports step can be revisited."""
    from kohtaanto.carving.diagnose import gaps_to_close
    from kohtaanto.carving.schema import SettingsIn, SupportFacts
    from kohtaanto.carving.service import carve_workplace
    from kohtaanto.carving.solver import SolverSettings
    from kohtaanto.web.core.rules import engine
    from kohtaanto.web.matching import mappers
    from kohtaanto.web.matching.runs import view_for

    may_change(actor, case.organisation)
    if profile not in pool_for(actor, case):
        permissions.require(False, "this person is not in your pool")  # not shown: a 403 page
    if hourly_wage is not None:
        set_new_job_wage(actor, case, hourly_wage)
    source = validated(case)
    if source is None:
        raise CaseError({"inventory": [pgettext("hiring", "Add at least one task first.")]})
    if "side_cost_rate" not in case.inventory.get("workplace", {}):
        # no rate of the employer's own: the statutory averages of the day, as the 24-month profile counts
        from kohtaanto.rules.employer_cost import statutory_side_cost_rate

        rate = statutory_side_cost_rate(engine().parameters, on)
        source = source.model_copy(
            update={"workplace": source.workplace.model_copy(update={"side_cost_rate": rate})}
        )
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
    return Carved(
        proposals=list(mappers.json_safe(found.proposals)),
        reasons=[r.as_dict() for r in found.reasons],
        gaps=gaps_to_close(found.reasons),
    )


def set_new_job_wage(actor: User | None, case: HiringCase, hourly_wage: Decimal) -> HiringCase:
    """The new job's hourly wage, which the proposals' costs and supports are counted at."""
    may_change(actor, case.organisation)
    if not Decimal(5) <= hourly_wage <= Decimal(100):
        raise CaseError(
            {"hourly_wage": [pgettext("hiring", "Give the hourly wage in euros, from 5 to 100.")]}
        )
    with transaction.atomic():
        fresh = locked(case)
        workplace = fresh.inventory.setdefault("workplace", {})
        if workplace.get("new_job_hourly_wage") == str(hourly_wage):
            return case
        workplace["new_job_hourly_wage"] = str(hourly_wage)
        save_changed(fresh, ["inventory"])
        copy_into(fresh, case)
        record(
            actor=actor,
            action="hiring_case.updated",
            obj=case,
            data={"new_job_hourly_wage": str(hourly_wage)},
        )
    return case


def choose(actor: User | None, case: HiringCase, proposal: dict[str, Any], pseudonym: str) -> HiringCase:
    may_change(actor, case.organisation)
    return set_step(actor, case, "carving", chosen=proposal, person=pseudonym)
