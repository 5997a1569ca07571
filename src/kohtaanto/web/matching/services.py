"""State changes for profiles, jobs, inventories, identity reveals and opt-in group data.

Each one checks permission, validates, saves and writes exactly one audit event, in one transaction.
Audit events name the fields that changed, never their values: a profile holds health-related data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from kohtaanto.carving.schema import WorkplaceFile
from kohtaanto.carving.schema import field_errors as pydantic_lines
from kohtaanto.matching.places import find
from kohtaanto.matching.schema import JobSpecIn, ProfileIn
from kohtaanto.matching.score import Weights
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import EmploymentArea, Organisation, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import copy_into, locked, save_changed
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.roles import Role, role_of
from kohtaanto.web.core.rules import field_errors
from kohtaanto.web.core.scoping import scoped
from kohtaanto.web.matching import consent, redaction
from kohtaanto.web.matching.models import (
    ConsentPurpose,
    GroupDatum,
    GroupDimension,
    IdentityReveal,
    JobKind,
    JobPosting,
    JobStatus,
    SeekerProfile,
    WorkplaceInventory,
)


def _validated(model: type[BaseModel], data: Any, prefix: str = "") -> Any:
    try:
        return model.model_validate(json.loads(json.dumps(data)))
    except PydanticError as exc:
        lines = pydantic_lines(exc)
        raise InvalidInput(field_errors([f"{prefix}{line}" if prefix else line for line in lines])) from None
    except (TypeError, ValueError) as exc:
        raise InvalidInput({prefix.rstrip(".") or "non_field_errors": [str(exc)]}) from None


def municipality_code(value: str, field: str = "municipality") -> str:
    """A municipality name (fi/sv) or code as its three-digit code; unknown names are a field error."""
    if not value:
        return ""
    found = find(value)
    if found is None:
        raise InvalidInput({field: [f"unknown municipality {value!r}: use a name or a three-digit code"]})
    return found.code


def digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def clean_profile_spec(data: Any) -> dict[str, Any]:
    spec: ProfileIn = _validated(ProfileIn, data, "spec.")
    values = spec.model_dump(mode="json")
    values["municipality"] = municipality_code(spec.municipality, "spec.municipality")
    return dict(values)


def clean_job_spec(data: Any) -> dict[str, Any]:
    spec: JobSpecIn = _validated(JobSpecIn, data, "spec.")
    values = spec.model_dump(mode="json")
    values["municipality"] = municipality_code(spec.municipality, "spec.municipality")
    return dict(values)


# -- who may do what ------------------------------------------------------------------------------
def profiles_for(user: Any) -> Any:
    """Professionals: their area's profiles; a job seeker: their own; employers read none directly."""
    return scoped(
        user,
        SeekerProfile.objects.select_related("person", "area"),
        {
            Role.PROFESSIONAL: lambda u, qs: qs.filter(area_id=u.employment_area_id),
            Role.JOB_SEEKER: lambda u, qs: qs.filter(person_id=u.pk),
        },
    )


def can_edit_profile(user: Any, profile: SeekerProfile) -> bool:
    return role_of(user) in (Role.ADMINISTRATOR, Role.PROFESSIONAL, Role.JOB_SEEKER) and (
        profiles_for(user).filter(pk=profile.pk).exists()
    )


def jobs_for(user: Any) -> Any:
    """Jobs a user may manage and match: their organisation's, their area's, or all (administrators)."""
    organisations = permissions.organisations_for(user)
    return JobPosting.objects.select_related("organisation__municipality__area").filter(
        organisation__in=organisations
    )


def open_jobs() -> Any:
    """Open jobs are public: any signed-in person may find them (person → jobs)."""
    return JobPosting.objects.select_related("organisation__municipality__area").filter(status=JobStatus.OPEN)


# -- profiles -------------------------------------------------------------------------------------
PROFILE_FLAGS = ("looking", "open_to_employers", "share_accommodations", "share_with_coach")
FLAG_PURPOSES = consent.FLAG_PURPOSES  # profile flags that are consents, and their ledger purposes


def _ledger_flags(actor: Any, profile: SeekerProfile, names: Iterable[str]) -> None:
    for name in names:
        if name in FLAG_PURPOSES:
            consent.write(actor, profile, FLAG_PURPOSES[name], bool(getattr(profile, name)))


def _own_consent(actor: Any, person: User | None, names: Iterable[str]) -> None:
    """Only the person gives or withdraws their consents. ``actor`` None is the system itself (the
    demo, an operator's import), never a person acting for another."""
    consents = sorted(set(names) & set(FLAG_PURPOSES))
    if not consents or actor is None:
        return
    permissions.require(
        person is not None and role_of(actor) == Role.JOB_SEEKER and person.pk == actor.pk,
        "only the person themself gives or takes back a consent: " + ", ".join(consents),
    )


def create_profile(
    actor: Any, *, spec: Any, person: User | None = None, area: EmploymentArea | None = None, **flags: bool
) -> SeekerProfile:
    role = role_of(actor)
    if role == Role.JOB_SEEKER:
        permissions.require(
            person is None or person.pk == actor.pk, "a job seeker keeps only their own profile"
        )
        person, area = actor, actor.employment_area
    elif role == Role.PROFESSIONAL:
        area = area or actor.employment_area
        permissions.require(area is not None and area.pk == actor.employment_area_id, "only in your own area")
    else:
        permissions.require(actor is None or role == Role.ADMINISTRATOR, "this role does not keep profiles")
    if person is not None and (person.role != Role.JOB_SEEKER):
        raise InvalidInput({"person": ["a profile belongs to a job seeker"]})
    if person is not None and SeekerProfile.objects.filter(person=person).exists():
        raise InvalidInput({"person": ["this person already has a profile"]})
    if area is None:
        area = person.employment_area if person is not None else None
    if area is None:
        raise InvalidInput({"area": [pgettext("matching", "Choose the employment area.")]})
    values = clean_profile_spec(spec)
    unknown = set(flags) - set(PROFILE_FLAGS)
    if unknown:
        raise InvalidInput({name: ["unknown field"] for name in sorted(unknown)})
    _own_consent(actor, person, [name for name, value in flags.items() if value])
    with transaction.atomic():
        profile = SeekerProfile(person=person, area=area, spec=values, digest=digest(values), **flags)
        profile.save()
        _ledger_flags(actor, profile, [name for name, value in flags.items() if value])
        record(actor=actor, action="seeker_profile.created", obj=profile, data={"area": area.pk})
    return profile


def update_profile(
    actor: Any,
    profile: SeekerProfile,
    *,
    spec: Any = None,
    patch: dict[str, Any] | None = None,
    capacities: tuple[str, dict[str, int | None]] | None = None,
    expected_version: int | None = None,
    **flags: bool,
) -> SeekerProfile:
    """Change a profile. ``spec`` replaces the whole profile spec; ``patch`` replaces some of its keys
    and ``capacities`` one group's answers (None removes an answer), both on the row as it is when the
    lock is taken, so concurrent answers to different questions are all kept. ``expected_version``
    (the version the writer read) turns a concurrent change into :class:`Conflict`."""
    permissions.require(actor is None or can_edit_profile(actor, profile), "you may not change this profile")
    unknown = set(flags) - set(PROFILE_FLAGS)
    if unknown:
        raise InvalidInput({name: ["unknown field"] for name in sorted(unknown)})
    with transaction.atomic():
        fresh = locked(profile, expected_version)
        _own_consent(actor, fresh.person, [n for n, v in flags.items() if getattr(fresh, n) != bool(v)])
        changed: list[str] = []
        if spec is not None or patch is not None or capacities is not None:
            new = dict(fresh.spec) if spec is None else dict(spec) if isinstance(spec, dict) else spec
            if isinstance(new, dict) and patch:
                new.update(patch)
            if isinstance(new, dict) and capacities is not None:
                group, answers = capacities
                kept = {
                    k: v
                    for k, v in dict(new.get("capacities") or {}).items()
                    if not k.startswith(group + ".")
                }
                kept.update({k: v for k, v in answers.items() if v is not None})
                new["capacities"] = kept
            values = clean_profile_spec(new)
            spec_changed = sorted(k for k in values if fresh.spec.get(k) != values.get(k))
            if spec_changed:
                changed += spec_changed
                fresh.spec, fresh.digest = values, digest(values)
        fields = ["spec", "digest"] if changed else []
        for name, value in flags.items():
            if getattr(fresh, name) != bool(value):
                changed.append(name)
                fields.append(name)
                setattr(fresh, name, bool(value))
        if changed:
            _ledger_flags(actor, fresh, changed)
            for name, value in consent.projection(fresh).items():  # the flags follow the ledger
                setattr(fresh, name, value)
            save_changed(fresh, fields)
            hidden = "open_to_employers" in changed and not fresh.open_to_employers
            unshared = "share_accommodations" in changed and not fresh.share_accommodations
            if hidden or unshared:
                redaction.on_withdrawal(fresh, shown=hidden, adjustments=unshared)
            record(actor=actor, action="seeker_profile.updated", obj=fresh, data={"fields": changed})
    copy_into(fresh, profile)
    return profile


def set_group(actor: Any, profile: SeekerProfile, dimension: str, value: str | None) -> None:
    """Opt in (or out, with ``None``) to one group for fairness reports. Only the person does this."""
    permissions.require(
        role_of(actor) == Role.JOB_SEEKER and profile.person_id == actor.pk,
        "only the person themself gives group data",
    )
    if dimension not in GroupDimension.values:
        raise InvalidInput({"dimension": [f"choose one of {', '.join(GroupDimension.values)}"]})
    if value is not None and not (0 < len(value.strip()) <= 40):
        raise InvalidInput({"value": [pgettext("matching", "Give a short group name (1–40 characters).")]})
    with transaction.atomic():
        consent.write(actor, profile, ConsentPurpose.GROUP_DATA, value is not None, scope=[dimension])
        if value is None:
            GroupDatum.objects.filter(profile=profile, dimension=dimension).delete()
        else:
            GroupDatum.objects.update_or_create(
                profile=profile,
                dimension=dimension,
                defaults={"value": value.strip(), "consented_at": timezone.now()},
            )
        record(
            actor=actor,
            action="group_data.withdrawn" if value is None else "group_data.given",
            obj=profile,
            data={"dimension": dimension},
        )


VIEW_PLACES = ("caseload", "candidates", "api", "admin")  # where a person's data can be read by others


def log_views(actor: Any, profiles: Iterable[SeekerProfile], place: str) -> int:
    """One audit event per profile whose capacity, consent or identity data another person reads; the
    person sees these on their data page. Reads by the person themself are not logged."""
    if place not in VIEW_PLACES:
        raise ValueError(place)
    viewer = getattr(actor, "pk", None)
    logged = 0
    with transaction.atomic():
        for profile in profiles:
            if profile.person_id is not None and profile.person_id == viewer:
                continue
            record(actor=actor, action="personal_data.viewed", obj=profile, data={"place": place})
            logged += 1
    return logged


SHARE_ITEMS = ("history", "education", "languages")  # what else a person may show one employer
ORGANISATION_PURPOSES = (ConsentPurpose.ADJUSTMENTS_TO_EMPLOYER, ConsentPurpose.ITEMS_TO_EMPLOYER)


def _withdraw(actor: Any, profile: SeekerProfile, organisation: Organisation) -> None:
    """Taking the name back hides everything else shared with that employer, in the ledger too."""
    if not IdentityReveal.objects.filter(profile=profile, organisation=organisation).delete()[0]:
        return
    for purpose in (ConsentPurpose.IDENTITY, *ORGANISATION_PURPOSES):
        if purpose == ConsentPurpose.IDENTITY or consent.granted(profile, purpose, organisation):
            consent.write(actor, profile, purpose, False, organisation=organisation)
    redaction.on_withdrawal(
        profile,
        shown=not profile.open_to_employers,
        adjustments=not profile.share_accommodations,
        organisation_id=organisation.pk,
    )
    record(actor=actor, action="identity.withdrawn", obj=profile, data={"organisation": organisation.pk})


def _ledger_reveal(actor: Any, found: IdentityReveal, created: bool, changed: list[str]) -> None:
    profile, organisation = found.profile, found.organisation
    if created:
        consent.write(actor, profile, ConsentPurpose.IDENTITY, True, organisation=organisation)
    if "share_accommodations" in changed:
        purpose = ConsentPurpose.ADJUSTMENTS_TO_EMPLOYER
        consent.write(actor, profile, purpose, found.share_accommodations, organisation=organisation)
    if "items" in changed:
        purpose = ConsentPurpose.ITEMS_TO_EMPLOYER
        consent.write(
            actor, profile, purpose, bool(found.items), organisation=organisation, scope=found.items
        )


def reveal_identity(
    actor: Any,
    profile: SeekerProfile,
    organisation: Organisation,
    reveal: bool = True,
    share_accommodations: bool | None = None,
    items: list[str] | None = None,
) -> None:
    """The person lets an employer see who they are (or takes it back), and chooses what else that
    employer sees: the adjustments they need, and items of their profile (``None`` keeps the earlier
    choice). Limitations themselves are never shown."""
    permissions.require(
        role_of(actor) == Role.JOB_SEEKER and profile.person_id == actor.pk,
        "only the person themself decides who sees their name",
    )
    if items is not None and not set(items) <= set(SHARE_ITEMS):
        raise InvalidInput({"items": [f"choose from {', '.join(SHARE_ITEMS)}"]})
    with transaction.atomic():
        if not reveal:
            _withdraw(actor, profile, organisation)
            return
        found, created = IdentityReveal.objects.get_or_create(profile=profile, organisation=organisation)
        changed = []
        if share_accommodations is not None and found.share_accommodations != share_accommodations:
            found.share_accommodations = bool(share_accommodations)
            changed.append("share_accommodations")
        if items is not None and sorted(set(items)) != sorted(found.items):
            found.items = [i for i in SHARE_ITEMS if i in items]
            changed.append("items")
        if changed:
            found.save(update_fields=changed)
        if not created and not changed:
            return
        _ledger_reveal(actor, found, created, changed)
        unshared = "share_accommodations" in changed and not found.share_accommodations
        if unshared and not profile.share_accommodations:
            redaction.on_withdrawal(profile, shown=False, adjustments=True, organisation_id=organisation.pk)
        record(
            actor=actor,
            action="identity.revealed" if created else "sharing.changed_for_employer",
            obj=profile,
            data={
                "organisation": organisation.pk,
                "share_accommodations": found.share_accommodations,
                "items": found.items,
            },
        )


# -- jobs -----------------------------------------------------------------------------------------
JOB_FIELDS = ("title", "description", "kind", "status", "headcount")


def _job_values(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if "title" in values and not (0 < len(str(values["title"]).strip()) <= 200):
        errors["title"] = [pgettext("matching", "Give a title (at most 200 characters).")]
    if "kind" in values and values["kind"] not in JobKind.values:
        errors["kind"] = [f"choose one of {', '.join(JobKind.values)}"]
    if "status" in values and values["status"] not in JobStatus.values:
        errors["status"] = [f"choose one of {', '.join(JobStatus.values)}"]
    if "headcount" in values and not (
        isinstance(values["headcount"], int) and 1 <= values["headcount"] <= 1000
    ):
        errors["headcount"] = [pgettext("matching", "Give a whole number from 1 to 1000.")]
    unknown = set(values) - set(JOB_FIELDS)
    for name in sorted(unknown):
        errors[name] = ["unknown field"]
    if errors:
        raise InvalidInput(errors)
    return values


def create_job(actor: Any, organisation: Organisation, *, spec: Any, **values: Any) -> JobPosting:
    permissions.require(
        actor is None or permissions.can_change_organisation(actor, organisation),
        "you may not add jobs for this organisation",
    )
    if "title" not in values:
        raise InvalidInput({"title": [pgettext("matching", "Give a title.")]})
    clean = _job_values(values)
    job_spec = clean_job_spec(spec)
    if not job_spec["municipality"]:
        job_spec["municipality"] = municipality_code(_place_of(organisation))
    with transaction.atomic():
        job = JobPosting(organisation=organisation, spec=job_spec, **clean)
        job.save()
        record(actor=actor, action="job.created", obj=job, data={"organisation": organisation.pk})
    return job


def _place_of(organisation: Organisation) -> str:
    """The organisation's municipality, if it is a real one (demo municipalities are not)."""
    name = organisation.municipality.name_fi
    return name if find(name) is not None else ""


def update_job(
    actor: Any, job: JobPosting, *, spec: Any = None, expected_version: int | None = None, **values: Any
) -> JobPosting:
    permissions.require(
        actor is None or permissions.can_change_organisation(actor, job.organisation),
        "you may not change this job",
    )
    clean = _job_values(values)
    job_spec = clean_job_spec(spec) if spec is not None else None
    with transaction.atomic():
        fresh = locked(job, expected_version)
        changed = [name for name, value in clean.items() if getattr(fresh, name) != value]
        for name, value in clean.items():
            setattr(fresh, name, value)
        if job_spec is not None and job_spec != fresh.spec:
            changed.append("spec")
            fresh.spec = job_spec
        if changed:
            save_changed(fresh, changed)
            record(actor=actor, action="job.updated", obj=fresh, data={"fields": changed})
    copy_into(fresh, job)
    return job


def save_inventory(actor: Any, organisation: Organisation, payload: Any) -> WorkplaceInventory:
    """Store a workplace's roles and tasks; people in the file are dropped (they are not the workplace's)."""
    permissions.require(
        actor is None or permissions.can_change_organisation(actor, organisation),
        "you may not change this organisation's task inventory",
    )
    source: WorkplaceFile = _validated(WorkplaceFile, payload)
    values = source.model_dump(mode="json", exclude={"people"})
    values["workplace"]["municipality"] = municipality_code(
        source.workplace.municipality, "workplace.municipality"
    )
    with transaction.atomic():
        inventory, created = WorkplaceInventory.objects.update_or_create(
            organisation=organisation,
            defaults={"payload": values},
        )
        record(
            actor=actor,
            action="inventory.created" if created else "inventory.updated",
            obj=inventory,
            data={"roles": len(values["workplace"]["roles"])},
        )
    return inventory


def set_area_weights(actor: Any, area: EmploymentArea, weights: Any) -> None:
    """An employment area's own matching weights (administrators); unknown names are refused."""
    from kohtaanto.web.matching.models import AreaWeights

    permissions.require(
        actor is None or permissions.can_manage_users(actor), "only administrators set weights"
    )
    try:
        values = clean_weights(weights)
    except ValueError as exc:
        raise InvalidInput({"weights": [str(exc)]}) from None
    with transaction.atomic():
        AreaWeights.objects.update_or_create(area=area, defaults={"weights": values})
        record(actor=actor, action="matching_weights.set", obj=area, data={"weights": values})


def clean_weights(values: Any) -> dict[str, float]:
    """Weights as stored for an area; unknown names or bad values raise ``ValueError``."""
    if not isinstance(values, dict):
        raise ValueError("weights are an object of names and numbers")
    known = {f.name for f in fields(Weights)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"unknown weights: {', '.join(unknown)}")
    try:
        chosen = Weights(**{k: float(v) for k, v in values.items()})
    except (TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from None
    return {k: float(v) for k, v in asdict(chosen).items() if k in values}
