"""Why no job could be carved for a person, constraint by constraint, in plain words.

When the solver finds no bundle, an employer needs more than "nothing fits": which limit binds
("15 h needed, 12 h available"), which task asks more than the person can do and by how much
("lifting: the task needs up to 20 kg, the person can do up to 5 kg"), and so which fix would help:
more hours, another task, or an adjustment that raises the person's capacity on that attribute.

Only what the employer may see reaches this module: the carving person is built from the view the
person allows, so a capacity the person keeps hidden never shapes a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kohtaanto.carving.model import Option, hours_of
from kohtaanto.carving.reasons import message
from kohtaanto.core.formatting import number

HOURS_CODES = ("hours_short", "time_short", "no_combination")
DEMAND_CODES = ("demand_exceeds_no_aid", "demand_exceeds_aid_short")


@dataclass(frozen=True)
class Binding:
    """One constraint that stops a carved job: a code, the sentence, and the facts a fix needs."""

    code: str
    text: str
    task: str = ""
    attribute: str = ""
    demand: int = 0
    capacity: int = 0
    needed_hours: Decimal = Decimal(0)
    have_hours: Decimal = Decimal(0)

    @property
    def missing_levels(self) -> int:
        return max(0, self.demand - self.capacity)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "text": self.text,
            "task": self.task,
            "attribute": self.attribute,
            "demand": self.demand,
            "capacity": self.capacity,
            "missing_levels": self.missing_levels,
            "needed_hours": str(self.needed_hours),
            "have_hours": str(self.have_hours),
        }


def diagnose(option: Option, language: str) -> list[Binding]:
    """The binding constraints for one person at one workplace: the hours first, then each task left out."""
    names = {t.id: t.name.get(language) for r in option.workplace.roles for t in r.tasks}
    need = hours_of(option.min_units)
    have_units = sum(c.units for c in option.candidates)
    doable_units = min(sum(min(c.units, c.allowed_units) for c in option.candidates), option.available_units)
    out: list[Binding] = []
    if have_units < option.min_units:
        have = hours_of(have_units)
        text = message(
            "hours_short", language, min_hours=number(need, language), have_hours=number(have, language)
        )
        out.append(Binding("hours_short", text, needed_hours=need, have_hours=have))
    elif doable_units < option.min_units:
        have = hours_of(doable_units)
        text = message(
            "time_short", language, min_hours=number(need, language), have_hours=number(have, language)
        )
        out.append(Binding("time_short", text, needed_hours=need, have_hours=have))
    elif not option.excluded:
        out.append(Binding("no_combination", message("no_combination", language)))
    for exclusion in option.excluded:
        params = dict(exclusion.reason.params)
        out.append(
            Binding(
                exclusion.reason.code,
                exclusion.reason.text(language, names),
                task=exclusion.task,
                attribute=str(params.get("attribute", "")),
                demand=int(params.get("demand", 0)),
                capacity=int(params.get("capacity", 0)),
            )
        )
    return out


def gaps_to_close(bindings: list[Binding]) -> dict[str, int]:
    """For each attribute where a task asks more than the person can do, the levels an adjustment must
    raise the person's capacity by so that every such task fits (the largest gap)."""
    out: dict[str, int] = {}
    for binding in bindings:
        if binding.code in DEMAND_CODES and binding.attribute:
            out[binding.attribute] = max(out.get(binding.attribute, 0), binding.missing_levels)
    return out
