"""Talent pools (osaajapoolit) of small employers: a shared pipeline, and one job carved from tasks at two
or three member firms with each firm's share of hours and cost."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import pgettext
from pydantic import ValidationError

from kohtaanto.carving import employer_group
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.roles import Role
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching.models import SeekerProfile, WorkplaceInventory
from kohtaanto.web.matching.services import profiles_for
from kohtaanto.web.outreach.models import EmployerRelation, Need, Stage, TalentPool

MAX_MEMBERS = 10


def pools_for(actor: Any) -> QuerySet[TalentPool]:
    if not permissions.is_practitioner(actor):
        return TalentPool.objects.none()
    pools = TalentPool.objects.select_related("area").prefetch_related("members")
    return pools if actor.role == Role.ADMINISTRATOR else pools.filter(area_id=actor.employment_area_id)


def create_pool(actor: Any, name: str, members: list[Organisation]) -> TalentPool:
    permissions.require(permissions.is_practitioner(actor), "only professionals make talent pools")
    errors: dict[str, list[str]] = {}
    name = name.strip()
    if not 0 < len(name) <= 120:
        errors["name"] = [pgettext("pools", "Give the pool a name.")]
    areas = {m.municipality.area_id for m in members}
    allowed = set(permissions.organisations_for(actor).values_list("pk", flat=True))
    if not 2 <= len(members) <= MAX_MEMBERS:
        errors["members"] = [pgettext("pools", "Choose 2 to 10 employers.")]
    elif len(areas) != 1 or any(m.pk not in allowed for m in members):
        errors["members"] = [pgettext("pools", "Choose employers of one area, your own.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        pool = TalentPool.objects.create(name=name, area_id=areas.pop(), created_by=actor)
        pool.members.set(members)
        record(actor=actor, action="talent_pool.created", obj=pool, data={"members": [m.pk for m in members]})
    return pool


def pipeline(pool: TalentPool) -> list[dict[str, Any]]:
    """Where each member stands: its outreach stage, open needs, cases in progress and hires."""
    members = list(pool.members.select_related("municipality").order_by("name"))
    stages = dict(
        EmployerRelation.objects.filter(organisation__in=members).values_list("organisation_id", "stage")
    )
    out = []
    for member in members:
        cases = HiringCase.objects.filter(organisation=member)
        out.append(
            {
                "organisation": member,
                "stage": stages.get(member.pk, ""),
                "stage_label": Stage(stages[member.pk]).label if member.pk in stages else "",
                "open_needs": Need.objects.filter(organisation=member, case__isnull=True).count(),
                "in_progress": cases.filter(decision="").count(),
                "hires": cases.filter(decision="hired").count(),
                "has_inventory": WorkplaceInventory.objects.filter(organisation=member).exists(),
            }
        )
    return out


def _merged(pool: TalentPool, members: list[Organisation]) -> tuple[list[Any], Any]:
    """The members' inventories as ``(key, name, inventory)`` and merged into one workplace."""
    from kohtaanto.carving.schema import WorkplaceFile

    inventories = {
        i.organisation_id: i.payload for i in WorkplaceInventory.objects.filter(organisation__in=members)
    }
    missing = [m.name for m in members if m.pk not in inventories]
    if missing:
        raise InvalidInput(
            {
                "members": [
                    pgettext("pools", "No task inventory yet: %(names)s") % {"names": ", ".join(missing)}
                ]
            }
        )
    try:
        sources = [(f"o{m.pk}", m.name, WorkplaceFile.model_validate(inventories[m.pk])) for m in members]
        return sources, employer_group.merge(sources, f"pool-{pool.pk}", pool.name)
    except (ValidationError, employer_group.GroupError) as exc:
        raise InvalidInput({"members": [str(exc).splitlines()[0]]}) from None


def carve_shared(
    actor: Any,
    pool: TalentPool,
    members: list[Organisation],
    profile: SeekerProfile,
    language: str,
    on: dt.date,
) -> list[dict[str, Any]]:
    """Proposals for one person, each one job from the chosen members' tasks, with every firm's share."""
    from kohtaanto.carving.schema import SettingsIn
    from kohtaanto.carving.service import carve_workplace
    from kohtaanto.carving.solver import SolverSettings
    from kohtaanto.web.core.rules import engine
    from kohtaanto.web.matching import mappers

    permissions.require(pools_for(actor).filter(pk=pool.pk).exists(), "not a pool of your area")
    permissions.require(profiles_for(actor).filter(pk=profile.pk).exists(), "not a person of your area")
    member_ids = set(pool.members.values_list("pk", flat=True))
    if not employer_group.MIN_FIRMS <= len(members) <= employer_group.MAX_FIRMS or any(
        m.pk not in member_ids for m in members
    ):
        raise InvalidInput({"members": [pgettext("pools", "Choose 2 or 3 employers of the pool.")]})
    sources, merged = _merged(pool, members)
    places = sorted({s.workplace.municipality for _, _, s in sources if s.workplace.municipality})
    person = mappers.carving_person(profile, mappers.candidate(profile)).model_copy(update={"reach": places})
    [found] = carve_workplace(
        merged,
        [person],
        merged.accommodations,
        SettingsIn(max_locations=len(members)),
        engine(),
        on,
        SolverSettings(time_limit=5.0),
        3,
        language,
    )
    keys = [key for key, _, _ in sources]
    names = {key: name for key, name, _ in sources}
    proposals = list(mappers.json_safe(found.proposals))
    for proposal in proposals:
        proposal["firm_shares"] = [
            {
                "firm": names[s.firm],
                "hours_per_week": float(s.hours_per_week),
                "share": float(s.share),
                "monthly_cost": float(s.monthly_cost),
                "net_monthly_cost": float(s.net_monthly_cost),
            }
            for s in employer_group.shares(proposal, keys)
        ]
    record(
        actor=actor,
        action="talent_pool.carved",
        obj=pool,
        data={"person": profile.pseudonym, "members": [m.pk for m in members], "proposals": len(proposals)},
    )
    return proposals


def start_case(
    actor: Any, pool: TalentPool, proposal: dict[str, Any], members: list[Organisation], pseudonym: str
) -> HiringCase:
    """A hiring case for a pool job: held by the member with the largest share of the hours (the lead
    employer), with the merged inventory and the proposal as the chosen job. The members' own inventories
    are left as they are."""
    from kohtaanto.web.hiring import services as hiring

    permissions.require(pools_for(actor).filter(pk=pool.pk).exists(), "not a pool of your area")
    shares = {s["firm"]: float(s["hours_per_week"]) for s in proposal.get("firm_shares", [])}
    lead = max(members, key=lambda m: shares.get(m.name, 0.0))
    _, merged = _merged(pool, members)
    with transaction.atomic():
        case = hiring.create_case(actor, lead, f"{pool.name}: {proposal.get('hours_per_week')} h")
        case.inventory = merged.model_dump(mode="json", exclude={"people"})
        case.need = {
            "reasons": ["workload"],
            "text": ", ".join(m.name for m in members),
            "overloaded": [],
            "pool": pool.pk,
            "members": [m.pk for m in members],
        }
        case.chosen, case.person = proposal, pseudonym
        case.save()
        record(
            actor=actor, action="talent_pool.case_started", obj=pool, data={"case": case.pk, "lead": lead.pk}
        )
    return case
