"""Step 1: the need, in the employer's words."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import pgettext

from kohtaanto.core.language import pick
from kohtaanto.web.accounts.models import Organisation, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, editing, may_change, written_in
from kohtaanto.web.hiring.services.inventory import add_role_values, empty_inventory

NEEDS = ("shortage", "workload", "overtime", "growth", "other")


# -- 1. need --------------------------------------------------------------------------------------
def save_need(
    actor: User | None,
    case: HiringCase,
    *,
    reasons: list[str],
    text: str,
    overloaded: list[str],
    version: int | None = None,
) -> HiringCase:
    may_change(actor, case.organisation)
    unknown = [r for r in reasons if r not in NEEDS]
    if unknown or not reasons:
        raise CaseError({"reasons": [pgettext("hiring", "Choose at least one reason.")]})
    with editing(actor, case, "need", version) as fresh:
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
                add_role_values(fresh, title, 1, Decimal("30"), written_in(actor))
    return case


def create_case(actor: User | None, organisation: Organisation, title: str) -> HiringCase:
    may_change(actor, organisation)
    if not 0 < len(title.strip()) <= 200:
        raise CaseError({"title": [pgettext("hiring", "Give the case a short name.")]})
    inventory = empty_inventory(organisation)
    with transaction.atomic():
        case = HiringCase.objects.create(
            organisation=organisation, created_by=actor, title=title.strip(), inventory=inventory
        )
        record(actor=actor, action="hiring_case.created", obj=case, data={"organisation": organisation.pk})
    return case
