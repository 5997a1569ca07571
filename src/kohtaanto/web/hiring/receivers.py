"""Hiring's answers to other apps' signals."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.dispatch import receiver

from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching.signals import person_erased


@receiver(person_erased, dispatch_uid="hiring.forget_erased_person")
def forget_erased_person(sender: Any, *, pseudonym: str, **kwargs: Any) -> dict[str, int]:
    """Hiring cases forget a deleted person: not the case's person, no longer among the chosen."""
    cases = 0
    for case in HiringCase.objects.filter(
        Q(person=pseudonym) | Q(chosen__icontains=pseudonym)
    ).select_for_update():
        case.person = "" if case.person == pseudonym else case.person
        if pseudonym in str(case.chosen):
            case.chosen = {}
        case.version += 1
        case.save(update_fields=["person", "chosen", "version", "updated_at"])
        cases += 1
    return {"cases": cases}
