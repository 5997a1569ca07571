"""De minimis ledger services: one step each, keyword-only, every write versioned and audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import locked, save_changed
from kohtaanto.web.core.errors import InvalidInput, PermissionDenied
from kohtaanto.web.supports.models import DeMinimisLedger, LedgerGrant


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


def add_grant(
    *,
    actor: Any,
    organisation: Organisation,
    version: int | None,
    decided_on: dt.date,
    amount: Decimal,
    granted_by: str,
    purpose: str = "",
) -> LedgerGrant:
    _require_keeper(actor, organisation)
    if amount <= 0:
        raise InvalidInput({"amount": ["must be more than zero"]})
    with transaction.atomic():
        fresh = locked(ledger_of(organisation), version)
        grant = LedgerGrant.objects.create(
            ledger=fresh,
            decided_on=decided_on,
            amount=amount,
            granted_by=granted_by.strip(),
            purpose=purpose.strip(),
            created_by=actor,
        )
        save_changed(fresh, [])
        record(
            actor=actor,
            action="de_minimis.grant_added",
            obj=grant,
            data={
                "decided_on": decided_on.isoformat(),
                "amount": str(amount),
                "organisation": organisation.pk,
            },
        )
    return grant


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
