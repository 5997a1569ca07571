"""State changes for people and organisations. Each one checks permission, validates,
saves and writes exactly one audit event, all in one transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from kohtaanto.core.identifiers import BusinessId
from kohtaanto.core.language import JOURNEY_LANGUAGES
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import EmploymentArea, Language, Municipality, Organisation, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.roles import Role

# Who the organisation is: an employer cannot make it another company or move it to another area.
IDENTITY_FIELDS = ("name", "business_id", "legal_form", "municipality")
ORGANISATION_FIELDS = (
    "name",
    "business_id",
    "legal_form",
    "size_class",
    "sector",
    "municipality",
    "description_fi",
    "description_sv",
    "description_en",
)


def _changes(obj: Any, fields: Iterable[str], values: dict[str, Any]) -> dict[str, list[str]]:
    changed = {}
    for field in fields:
        if field in values:
            old, new = getattr(obj, field), values[field]
            if old != new:
                changed[field] = [str(old), str(new)]
    return changed


def create_employment_area(actor: Any, *, name_fi: str, name_sv: str = "", kind: str = "") -> EmploymentArea:
    permissions.require(actor is None or permissions.can_manage_users(actor), "only administrators add areas")
    with transaction.atomic():
        area = EmploymentArea(name_fi=name_fi, name_sv=name_sv, kind=kind)
        area.full_clean()
        area.save()
        record(actor=actor, action="employment_area.created", obj=area, data={"name_fi": name_fi})
    return area


def set_area_kind(actor: Any, area: EmploymentArea, kind: str) -> EmploymentArea:
    """Urban, mixed or rural, for the regional comparison of outcomes."""
    permissions.require(permissions.can_manage_users(actor), "only administrators describe areas")
    with transaction.atomic():
        area.kind = kind
        area.full_clean()
        area.save(update_fields=["kind"])
        record(actor=actor, action="employment_area.updated", obj=area, data={"kind": kind})
    return area


def add_municipality(
    actor: Any, area: EmploymentArea, *, code: str, name_fi: str, name_sv: str = ""
) -> Municipality:
    permissions.require(
        actor is None or permissions.can_manage_users(actor), "only administrators add municipalities"
    )
    with transaction.atomic():
        municipality = Municipality(area=area, code=code, name_fi=name_fi, name_sv=name_sv)
        municipality.full_clean()
        municipality.save()
        record(
            actor=actor, action="municipality.added", obj=municipality, data={"code": code, "area": area.pk}
        )
    return municipality


def _normalise_organisation(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    if isinstance(values.get("business_id"), str):
        # An invalid ID is left as given: model validation reports it against the field.
        with contextlib.suppress(ValueError):
            values["business_id"] = BusinessId.parse(values["business_id"]).value
    return values


def create_organisation(actor: Any, **values: Any) -> Organisation:
    values = _normalise_organisation(values)
    municipality = values.get("municipality")
    area_id = municipality.area_id if isinstance(municipality, Municipality) else None
    permissions.require(
        actor is None or permissions.can_create_organisation(actor, area_id),
        "you may add organisations only in your own employment area",
    )
    unknown = set(values) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "unknown field"))
    with transaction.atomic():
        organisation = Organisation(**values)
        organisation.full_clean()
        organisation.save()
        record(
            actor=actor,
            action="organisation.created",
            obj=organisation,
            data={"business_id": organisation.business_id, "legal_form": organisation.legal_form},
        )
    return organisation


def update_organisation(actor: Any, organisation: Organisation, **values: Any) -> Organisation:
    permissions.require(permissions.can_change_organisation(actor, organisation), "not your organisation")
    values = _normalise_organisation(values)
    unknown = set(values) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "unknown field"))
    if "municipality" in values and getattr(actor, "role", None) == Role.PROFESSIONAL:
        permissions.require(
            values["municipality"].area_id == actor.employment_area_id,
            "an organisation cannot be moved out of your area",
        )
    with transaction.atomic():
        fresh = Organisation.objects.select_for_update().get(pk=organisation.pk)
        changed = _changes(fresh, ORGANISATION_FIELDS, values)
        if not changed:
            return fresh
        identity = sorted(set(changed) & set(IDENTITY_FIELDS))
        permissions.require(
            not identity or getattr(actor, "role", None) != Role.EMPLOYER,
            "an employer cannot change the organisation's "
            + ", ".join(identity)
            + ": the employment area's professionals change them, or the trade register import",
        )
        for field, value in values.items():
            setattr(fresh, field, value)
        fresh.full_clean()
        fresh.save()
        record(actor=actor, action="organisation.updated", obj=fresh, data={"changed": sorted(changed)})
    return fresh


def create_user(
    actor: Any,
    *,
    username: str,
    role: str,
    password: str | None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    language: str = Language.FI,
    organisation: Organisation | None = None,
    employment_area: EmploymentArea | None = None,
    validate_password_strength: bool = True,
) -> User:
    """Create a user. ``actor=None`` means the operator at the command line."""
    permissions.require(actor is None or permissions.can_manage_users(actor), "only administrators add users")
    if role == Role.EMPLOYER and organisation is not None and employment_area is None:
        employment_area = organisation.municipality.area
    with transaction.atomic():
        user = User(
            username=username,
            role=role,
            email=email,
            first_name=first_name,
            last_name=last_name,
            language=language,
            organisation=organisation,
            employment_area=employment_area,
            is_staff=role == Role.ADMINISTRATOR,
            is_superuser=role == Role.ADMINISTRATOR,
        )
        if password is None:
            user.set_unusable_password()
        else:
            if validate_password_strength:
                try:
                    validate_password(password, user)
                except ValidationError as exc:
                    raise ValidationError({"password": exc.messages}) from None
            user.set_password(password)
        user.full_clean()
        user.save()
        record(
            actor=actor,
            action="user.created",
            obj=user,
            data={
                "role": role,
                "organisation": organisation.pk if organisation else None,
                "employment_area": employment_area.pk if employment_area else None,
            },
        )
    return user


def set_language(actor: User, language: str) -> User:
    """A person chooses their interface language; it follows them to every device."""
    if language not in Language.values:
        raise ValidationError({"language": f"choose one of {', '.join(Language.values)}"})
    if language in JOURNEY_LANGUAGES and actor.role != Role.JOB_SEEKER:
        raise ValidationError({"language": "the journey languages are for job seekers; choose fi, sv or en"})
    if actor.language == language:
        return actor
    with transaction.atomic():
        old = actor.language
        User.objects.filter(pk=actor.pk).update(language=language)
        actor.language = language
        record(actor=actor, action="user.language_changed", obj=actor, data={"from": old, "to": language})
    return actor


def review_starter_link(actor: Any, *, starter_id: str, esco_version: str, uri: str, status: str) -> Any:
    """Confirm, change or reject the ESCO link of a starter skill (administrators and professionals)."""
    from kohtaanto.taxonomy.vocabulary import starter
    from kohtaanto.web.accounts.models import StarterSkillLink

    permissions.require(
        getattr(actor, "role", None) in (Role.ADMINISTRATOR, Role.PROFESSIONAL),
        "only administrators and professionals review links",
    )
    errors: dict[str, str] = {}
    if starter_id not in {skill.id for skill in starter().skills}:
        errors["starter_id"] = "unknown starter skill"
    if status not in StarterSkillLink.Status.values:
        errors["status"] = "choose confirmed, changed or rejected"
    if status != "rejected" and not uri.startswith("http://data.europa.eu/esco/"):
        errors["uri"] = "an ESCO concept URI is needed"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        link, _created = StarterSkillLink.objects.update_or_create(
            starter_id=starter_id,
            esco_version=esco_version,
            defaults={
                "uri": "" if status == "rejected" else uri,
                "status": status,
                "reviewed_by": actor.get_username(),
            },
        )
        record(
            actor=actor,
            action="starter_link.reviewed",
            obj=link,
            data={"starter_id": starter_id, "esco_version": esco_version, "status": status, "uri": link.uri},
        )
    return link
