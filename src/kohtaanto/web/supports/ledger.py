"""De minimis ledger services: one step each, keyword-only, every write versioned and audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kohtaanto.web.accounts.models import Organisation, validate_business_id
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import locked, save_changed
from kohtaanto.web.core.errors import InvalidInput, PermissionDenied
from kohtaanto.web.supports.models import (
    AidRegulation,
    DeMinimisLedger,
    Instrument,
    LedgerGrant,
    LinkedUndertaking,
)

LINKS = ("majority_votes", "appoints_board", "dominant_influence", "controls_by_agreement")


def may_keep(actor: Any, organisation: Organisation) -> bool:
    """The employer's own people keep its ledger."""
    return (
        getattr(actor, "role", "") == "employer"
        and getattr(actor, "organisation_id", None) == organisation.pk
    )


def _require_keeper(actor: Any, organisation: Organisation) -> None:
    if not may_keep(actor, organisation):
        raise PermissionDenied("only the employer's own people keep its de minimis ledger")


def ledger_of(organisation: Organisation) -> DeMinimisLedger:
    ledger, _ = DeMinimisLedger.objects.get_or_create(organisation=organisation)
    return ledger


def find_ledger(organisation: Organisation) -> DeMinimisLedger | None:
    """The ledger if the employer keeps one; reading never creates it."""
    return DeMinimisLedger.objects.filter(organisation=organisation).first()


def grants_as_input(ledger: DeMinimisLedger) -> list[dict[str, str]]:
    """The ledger's grants as the rules engine reads them."""
    return [
        {"decided_on": g.decided_on.isoformat(), "amount": str(g.amount), "undertaking": g.granted_by}
        for g in ledger.grants.all()
    ]


def room(
    ledger: DeMinimisLedger, *, on: dt.date, new_amount: Decimal = Decimal(0), language: str = "fi"
) -> dict[str, Any]:
    """The ``de_minimis`` rules question over the ledger's grants for a decision on ``on``: the window,
    the aid received in it, the ceiling, the room left and whether ``new_amount`` fits."""
    from kohtaanto.web.core.rules import engine

    situation = {
        "received": grants_as_input(ledger),
        "new_amount": str(new_amount),
        "decision_on": on.isoformat(),
        "fiscal_year_start_month": ledger.fiscal_year_start_month,
    }
    return engine().ask("de_minimis", situation, on).as_dict(language)


@dataclass(frozen=True, slots=True, kw_only=True)
class NewGrant:
    """A de minimis grant as its decision states it."""

    decided_on: dt.date
    amount: Decimal
    granted_by: str
    purpose: str = ""
    instrument: str = Instrument.GRANT
    regulation: str = AidRegulation.GENERAL
    recipient_business_id: str = ""  # empty: the ledger's own organisation
    reference: str = ""


def add_grant(*, actor: Any, organisation: Organisation, version: int | None, grant: NewGrant) -> LedgerGrant:
    _require_keeper(actor, organisation)
    if grant.amount <= 0:
        raise InvalidInput({"amount": ["must be more than zero"]})
    if grant.instrument not in Instrument.values:
        raise InvalidInput({"instrument": ["not an aid instrument"]})
    if grant.regulation not in AidRegulation.values:
        raise InvalidInput({"regulation": ["not a de minimis regulation"]})
    recipient = grant.recipient_business_id.strip()
    with transaction.atomic():
        fresh = locked(ledger_of(organisation), version)
        if recipient in ("", organisation.business_id):
            recipient = ""
        elif not fresh.linked.filter(business_id=recipient).exists():
            raise InvalidInput({"recipient_business_id": ["not a company of this single undertaking"]})
        created = LedgerGrant.objects.create(
            ledger=fresh,
            decided_on=grant.decided_on,
            amount=grant.amount,
            granted_by=grant.granted_by.strip(),
            purpose=grant.purpose.strip(),
            instrument=grant.instrument,
            regulation=grant.regulation,
            recipient_business_id=recipient,
            reference=grant.reference.strip(),
            created_by=actor,
        )
        save_changed(fresh, [])
        record(
            actor=actor,
            action="de_minimis.grant_added",
            obj=created,
            data={
                "decided_on": grant.decided_on.isoformat(),
                "amount": str(grant.amount),
                "organisation": organisation.pk,
                "recipient": recipient or organisation.business_id,
            },
        )
    return created


def remove_grant(*, actor: Any, organisation: Organisation, version: int | None, grant_id: int) -> None:
    _require_keeper(actor, organisation)
    with transaction.atomic():
        fresh = locked(ledger_of(organisation), version)
        grant = fresh.grants.filter(pk=grant_id).first()
        if grant is None:
            raise InvalidInput({"grant": ["no such grant in this ledger"]})
        data = {"decided_on": grant.decided_on.isoformat(), "amount": str(grant.amount)}
        grant.delete()
        save_changed(fresh, [])
        record(
            actor=actor,
            action="de_minimis.grant_removed",
            object_type="supports.ledgergrant",
            object_id=str(grant_id),
            data=data,
        )


def set_fiscal_year(*, actor: Any, organisation: Organisation, version: int | None, month: int) -> None:
    _require_keeper(actor, organisation)
    if not 1 <= month <= 12:
        raise InvalidInput({"fiscal_year_start_month": ["a month from 1 to 12"]})
    with transaction.atomic():
        fresh = locked(ledger_of(organisation), version)
        fresh.fiscal_year_start_month = month
        save_changed(fresh, ["fiscal_year_start_month"])
        record(actor=actor, action="de_minimis.fiscal_year_set", obj=fresh, data={"month": month})


def add_linked(
    *,
    actor: Any,
    organisation: Organisation,
    version: int | None,
    name: str,
    business_id: str,
    links: set[str],
    through_other: bool,
) -> LinkedUndertaking:
    """Add a company that forms one single undertaking with the employer; at least one link must hold,
    or the company is not part of it and its aid does not count."""
    _require_keeper(actor, organisation)
    errors: dict[str, list[str]] = {}
    if not links or not links <= set(LINKS):
        errors["links"] = ["at least one of the four links must hold, or the company is not linked"]
    business_id = business_id.strip()
    try:
        validate_business_id(business_id)
    except ValidationError:
        errors["business_id"] = ["not a valid business ID (1234567-8)"]
    if business_id == organisation.business_id:
        errors["business_id"] = ["this is your own company"]
    if not name.strip():
        errors["name"] = ["required"]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        fresh = locked(ledger_of(organisation), version)
        if fresh.linked.filter(business_id=business_id).exists():
            raise InvalidInput({"business_id": ["already in your single undertaking"]})
        linked = LinkedUndertaking.objects.create(
            ledger=fresh,
            name=name.strip(),
            business_id=business_id,
            through_other=through_other,
            created_by=actor,
            **{link: link in links for link in LINKS},
        )
        save_changed(fresh, [])
        record(
            actor=actor,
            action="de_minimis.linked_added",
            obj=linked,
            data={"business_id": business_id, "links": sorted(links), "through_other": through_other},
        )
    return linked


def remove_linked(*, actor: Any, organisation: Organisation, version: int | None, linked_id: int) -> None:
    """Remove a linked company; refused while the ledger holds grants it received."""
    _require_keeper(actor, organisation)
    with transaction.atomic():
        fresh = locked(ledger_of(organisation), version)
        linked = fresh.linked.filter(pk=linked_id).first()
        if linked is None:
            raise InvalidInput({"linked": ["no such company in this single undertaking"]})
        if fresh.grants.filter(recipient_business_id=linked.business_id).exists():
            raise InvalidInput({"grants": ["the ledger holds grants this company received"]})
        business_id = linked.business_id
        linked.delete()
        save_changed(fresh, [])
        record(
            actor=actor,
            action="de_minimis.linked_removed",
            object_type="supports.linkedundertaking",
            object_id=str(linked_id),
            data={"business_id": business_id},
        )
