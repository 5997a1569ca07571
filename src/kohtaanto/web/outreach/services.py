"""Employer outreach: every change is checked against the actor's area, audited, and logged.

Professionals work with the employers of their own employment area; administrators with all. A need found
becomes a hiring case (and so a task inventory) with one call. Proposing people waits until a need has been
found: the employer's needs are learnt before anyone is proposed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import pgettext

from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts import services as accounts
from kohtaanto.web.accounts.models import Municipality, Organisation
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.roles import Role
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.outreach import register
from kohtaanto.web.outreach.models import Activity, ActivityKind, Contact, EmployerRelation, Need, Stage

RECONTACT_DAYS = 30  # default for the next contact after a visit or call: recurring contacts


def may_work(actor: Any) -> bool:
    return permissions.is_practitioner(actor)


def organisations_for(actor: Any) -> QuerySet[Organisation]:
    if not may_work(actor):
        return Organisation.objects.none()
    return permissions.organisations_for(actor)


def _may(actor: Any, organisation: Organisation) -> None:
    permissions.require(
        may_work(actor) and organisations_for(actor).filter(pk=organisation.pk).exists(),
        "not an employer of your area",
    )


def relation_of(actor: Any, organisation: Organisation) -> EmployerRelation:
    """The area's relationship with the employer (made on first use)."""
    _may(actor, organisation)
    found, _ = EmployerRelation.objects.get_or_create(organisation=organisation)
    return found


def within(day: dt.date, today: dt.date, back: int, ahead: int) -> bool:
    """Whether ``day`` lies from ``back`` days before ``today`` to ``ahead`` days after it."""
    return today - dt.timedelta(days=back) <= day <= today + dt.timedelta(days=ahead)


def _text(value: str, limit: int, name: str, errors: dict[str, list[str]], required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[name] = [pgettext("outreach", "Fill in this field.")]
    elif len(value) > limit:
        errors[name] = [pgettext("outreach", "At most %(n)s characters.") % {"n": limit}]
    return value


def set_stage(
    actor: Any,
    organisation: Organisation,
    stage: str,
    next_contact_on: dt.date | None,
    strategic: bool,
    today: dt.date,
) -> EmployerRelation:
    relation = relation_of(actor, organisation)
    errors: dict[str, list[str]] = {}
    if stage not in Stage.values:
        errors["stage"] = [pgettext("outreach", "Choose a stage from the list.")]
    elif stage == Stage.PROPOSING and not organisation.needs.exists():
        errors["stage"] = [
            pgettext("outreach", "Learn the employer's needs first: record a need before proposing anyone.")
        ]
    if next_contact_on is not None and not within(next_contact_on, today, 365, 730):
        errors["next_contact_on"] = [pgettext("outreach", "Give a date within two years from today.")]
    if errors:
        raise InvalidInput(errors)
    changed = {
        k
        for k, v in (("stage", stage), ("next_contact_on", next_contact_on), ("strategic", strategic))
        if getattr(relation, k) != v
    }
    if not changed:
        return relation
    with transaction.atomic():
        before = relation.stage
        relation.stage, relation.next_contact_on, relation.strategic = stage, next_contact_on, strategic
        if relation.owner_id is None:
            relation.owner = actor
        relation.save()
        record(
            actor=actor,
            action="outreach.relation_updated",
            obj=relation,
            data={"organisation": organisation.pk, "changed": sorted(changed), "from": before, "to": stage},
        )
    return relation


def add_contact(actor: Any, organisation: Organisation, values: dict[str, str]) -> Contact:
    _may(actor, organisation)
    errors: dict[str, list[str]] = {}
    name = _text(values.get("name", ""), 120, "name", errors)
    title = _text(values.get("title", ""), 120, "title", errors, required=False)
    phone = _text(values.get("phone", ""), 40, "phone", errors, required=False)
    email = _text(values.get("email", ""), 254, "email", errors, required=False)
    if email and ("@" not in email or " " in email):
        errors["email"] = [pgettext("outreach", "Enter an email address like name@example.fi.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        contact = Contact.objects.create(
            organisation=organisation, name=name, title=title, phone=phone, email=email
        )
        record(
            actor=actor, action="outreach.contact_added", obj=contact, data={"organisation": organisation.pk}
        )
    return contact


def record_activity(
    actor: Any,
    organisation: Organisation,
    kind: str,
    happened_on: dt.date,
    notes: str,
    next_contact_on: dt.date | None,
    today: dt.date,
) -> Activity:
    """A visit, call or note; the next contact is set (a month ahead unless given) so contacts recur."""
    relation = relation_of(actor, organisation)
    errors: dict[str, list[str]] = {}
    if kind not in ActivityKind.values:
        errors["kind"] = [pgettext("outreach", "Choose what kind of contact it was.")]
    if not within(happened_on, today, 365, 0):
        errors["happened_on"] = [pgettext("outreach", "Give a date in the past year, not in the future.")]
    notes = _text(notes, 4000, "notes", errors, required=False)
    if next_contact_on is not None and not within(next_contact_on, today, 0, 730):
        errors["next_contact_on"] = [pgettext("outreach", "Give a date from today to two years ahead.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        activity = Activity.objects.create(
            organisation=organisation, kind=kind, happened_on=happened_on, notes=notes, by=actor
        )
        relation.next_contact_on = next_contact_on or happened_on + dt.timedelta(days=RECONTACT_DAYS)
        if relation.stage == Stage.FIRST_CONTACT and kind in (ActivityKind.VISIT, ActivityKind.MEETING):
            relation.stage = Stage.LEARNING
        if relation.owner_id is None:
            relation.owner = actor
        relation.save()
        record(
            actor=actor,
            action="outreach.activity_recorded",
            obj=activity,
            data={
                "organisation": organisation.pk,
                "kind": kind,
                "next_contact_on": str(relation.next_contact_on),
            },
        )
    return activity


def add_need(
    actor: Any,
    organisation: Organisation,
    text: str,
    roles: str,
    hours: str,
    found_on: dt.date,
    today: dt.date,
) -> Need:
    relation = relation_of(actor, organisation)
    errors: dict[str, list[str]] = {}
    text = _text(text, 2000, "text", errors)
    roles = _text(roles, 300, "roles", errors, required=False)
    estimate: Decimal | None = None
    if (hours or "").strip():
        try:
            estimate = Decimal(hours.strip().replace(",", "."))
        except InvalidOperation:
            estimate = None
        if estimate is None or not Decimal("0.5") <= estimate <= Decimal(60):
            errors["hours_per_week"] = [
                pgettext("outreach", "Give the hours a week as a number from 0.5 to 60.")
            ]
    if not within(found_on, today, 365, 0):
        errors["found_on"] = [pgettext("outreach", "Give a date in the past year, not in the future.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        need = Need.objects.create(
            organisation=organisation,
            text=text,
            roles=roles,
            hours_per_week=estimate,
            found_on=found_on,
            by=actor,
        )
        if relation.stage in (Stage.FIRST_CONTACT, Stage.LEARNING):
            relation.stage = Stage.NEED_FOUND
            relation.save(update_fields=["stage", "updated_at"])
        record(actor=actor, action="outreach.need_found", obj=need, data={"organisation": organisation.pk})
    return need


def need_to_case(actor: Any, need: Need) -> HiringCase:
    """One click from a need found to a hiring case whose task inventory starts from the need's roles."""
    _may(actor, need.organisation)
    if need.case_id is not None:
        return need.case  # type: ignore[return-value]
    roles = [r.strip() for r in need.roles.replace(";", ",").split(",") if r.strip()]
    with transaction.atomic():
        title = need.text.strip().splitlines()[0][:80]
        case = hiring.create_case(actor, need.organisation, title)
        hiring.save_need(actor, case, reasons=["workload"], text=need.text, overloaded=roles)
        need.case = case
        need.save(update_fields=["case"])
        record(actor=actor, action="outreach.need_to_case", obj=need, data={"case": case.pk})
    return case


# -- import from the business register ------------------------------------------------------------
@dataclass
class RegisterImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[register.RejectedRow] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return not self.rejected and (self.created + self.updated) > 0


def _in_area(
    actor: Any, rows: list[register.RegisterRow], language: str
) -> tuple[
    list[tuple[register.RegisterRow, Municipality]], list[register.RejectedRow], dict[str, Organisation]
]:
    """Rows whose municipality is known here and in the actor's area (an administrator's: any)."""
    municipalities = {m.code: m for m in Municipality.objects.select_related("area")}
    admin = actor.role == Role.ADMINISTRATOR
    existing = {
        o.business_id: o
        for o in Organisation.objects.select_related("municipality").filter(
            business_id__in=[r.business_id for r in rows]
        )
    }
    good, rejected = [], []
    for row in rows:
        municipality = municipalities.get(row.municipality_code)
        found = existing.get(row.business_id)
        if municipality is None:
            reason = register.reason("not_in_any_area", language, value=row.municipality_code)
        elif not admin and municipality.area_id != actor.employment_area_id:
            reason = register.reason("not_your_area", language, value=municipality.name_fi)
        elif found is not None and not admin and found.municipality.area_id != actor.employment_area_id:
            reason = register.reason("other_area", language, value=row.business_id)
        else:
            good.append((row, municipality))
            continue
        rejected.append(register.RejectedRow(row.line, reason))
    return good, rejected, existing


def import_register(actor: Any, data: bytes, dry_run: bool = False, language: str = "en") -> RegisterImport:
    """Organisations from a business-register CSV. All or nothing: with any rejected row nothing is
    written, and the report lists every rejected row with its line and reason."""
    permissions.require(may_work(actor), "only professionals and administrators import employers")
    rows, rejected = register.read(data, language)
    good, outside, existing = _in_area(actor, rows, language)
    report = RegisterImport(rejected=sorted([*rejected, *outside], key=lambda r: r.line))
    if report.rejected or dry_run:
        if not report.rejected:
            report.updated = sum(1 for row, _ in good if row.business_id in existing)
            report.created = len(good) - report.updated
        return report
    with transaction.atomic():
        for row, municipality in good:
            values = {"name": row.name, "sector": row.sector, "municipality": municipality}
            found = existing.get(row.business_id)
            if found is None:
                accounts.create_organisation(
                    actor,
                    business_id=row.business_id,
                    legal_form=row.legal_form,
                    size_class="",  # the register does not say; the employer or professional adds it
                    **values,
                )
                report.created += 1
            elif accounts.update_organisation(actor, found, **values).updated_at != found.updated_at:
                report.updated += 1
            else:
                report.unchanged += 1
        record(
            actor=actor,
            action="outreach.register_imported",
            object_type="accounts.organisation",
            data={"created": report.created, "updated": report.updated, "unchanged": report.unchanged},
        )
    return report
