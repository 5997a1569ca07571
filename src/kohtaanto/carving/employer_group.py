"""Pool mode: one carved job from tasks at two or three small firms (an employer-group arrangement).

The firms' task inventories are merged into one workplace whose tasks keep their firm as the task's
place, so the solver's existing limits on places and source roles apply unchanged (``max_locations``
= the number of firms). The group pays the highest of the members' hourly wages (no member's staff are
paid less for the same work) and the highest side-cost rate. Each firm's share of the new job's hours,
cost and net cost follows its share of the hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kohtaanto.carving.schema import TaskTexts, WorkplaceFile, WorkplaceIn

SEPARATOR = "--"
MIN_FIRMS, MAX_FIRMS = 2, 3


class GroupError(ValueError):
    pass


def _prefixed(key: str, value: str) -> str:
    return f"{key}{SEPARATOR}{value}"


def _title(firm: str, title: TaskTexts) -> TaskTexts:
    return TaskTexts.model_validate(
        {lang: f"{firm}: {text}" for lang, text in title.model_dump().items() if text}
    )


def merge(members: Sequence[tuple[str, str, WorkplaceFile]], group_id: str, group_name: str) -> WorkplaceFile:
    """One workplace from the members' inventories: ``(key, firm name, inventory)`` each."""
    if not MIN_FIRMS <= len(members) <= MAX_FIRMS:
        raise GroupError(f"an employer group carves from {MIN_FIRMS} to {MAX_FIRMS} firms")
    keys = [key for key, _, _ in members]
    if len(set(keys)) != len(keys) or any(SEPARATOR in key for key in keys):
        raise GroupError("each firm needs its own key without '--'")
    roles = []
    accommodations: dict[str, Any] = {}
    for key, name, source in members:
        for role in source.workplace.roles:
            tasks = [
                task.model_copy(
                    update={
                        "id": _prefixed(key, task.id),
                        "location": key,
                        "goes_with": [_prefixed(key, t) for t in task.goes_with],
                        "after": [_prefixed(key, t) for t in task.after],
                    }
                )
                for task in role.tasks
            ]
            roles.append(
                role.model_copy(
                    update={"id": _prefixed(key, role.id), "title": _title(name, role.title), "tasks": tasks}
                )
            )
        for accommodation in source.accommodations:
            accommodations.setdefault(accommodation.id, accommodation)
    places = [source.workplace for _, _, source in members]
    workplace = WorkplaceIn(
        id=group_id,
        name=group_name,
        municipality=places[0].municipality,
        legal_form=places[0].legal_form,
        business_activity=any(p.business_activity for p in places),
        new_job_hourly_wage=max(p.new_job_hourly_wage for p in places),
        side_cost_rate=max(p.side_cost_rate for p in places),
        roles=roles,
    )
    return WorkplaceFile(workplace=workplace, accommodations=list(accommodations.values()))


@dataclass(frozen=True, slots=True)
class Share:
    firm: str
    hours_per_week: Decimal
    share: Decimal
    monthly_cost: Decimal
    net_monthly_cost: Decimal


def shares(proposal: dict[str, Any], keys: Sequence[str]) -> list[Share]:
    """Each firm's part of a proposal, by the hours of its tasks in the new job."""
    hours = {key: Decimal(0) for key in keys}
    for task in proposal.get("tasks", []):
        key = str(task["id"]).split(SEPARATOR, 1)[0]
        if key in hours:
            hours[key] += Decimal(str(task["hours_per_week"]))
    total = sum(hours.values(), Decimal(0))
    cost = Decimal(str(proposal.get("employer_monthly_cost", 0)))
    net = Decimal(str(proposal.get("net_monthly_cost", 0)))
    out = []
    for key in keys:
        part = (hours[key] / total) if total else Decimal(0)
        out.append(
            Share(
                key,
                hours[key],
                part.quantize(Decimal("0.001")),
                (cost * part).quantize(Decimal("0.01")),
                (net * part).quantize(Decimal("0.01")),
            )
        )
    return out
