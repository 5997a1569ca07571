"""A hiring case and what every step shares: who may change it, editing it under a row lock with one
audit event, the case list a user may see."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction

from kohtaanto.core.language import resolve
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import Organisation, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import copy_into, locked, save_changed
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.hiring.models import HiringCase

CaseError = InvalidInput  # a step's input that does not validate; ``errors`` maps fields to messages


def cases_for(user: Any) -> Any:
    return HiringCase.objects.select_related("organisation__municipality__area").filter(
        organisation__in=permissions.organisations_for(user)
    )


def may_change(actor: User | None, organisation: Organisation) -> None:
    permissions.require(
        actor is None or permissions.can_change_organisation(actor, organisation), "not your organisation"
    )


@contextmanager
def editing(
    actor: User | None, case: HiringCase, step: str, version: int | None = None
) -> Iterator[HiringCase]:
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


def set_step(actor: User | None, case: HiringCase, step: str, **values: Any) -> HiringCase:
    with editing(actor, case, step) as fresh:
        for name, value in values.items():
            setattr(fresh, name, value)
    return case


def slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold().translate(str.maketrans("äöåé", "aoae"))).strip("-")
    return slug[:40] or "x"


def place_of(organisation: Organisation) -> str:
    from kohtaanto.matching.places import find

    name = organisation.municipality.name_fi
    return name if find(name) else ""


def written_in(actor: User | None) -> str:
    """The language someone's own words are stored under: the language they use kohtaanto in."""
    return resolve(getattr(actor, "language", None))
