"""The carve proposal: what the employer and the coach discuss.

It turns a solved choice into tasks and hours, hours freed per role (and what for), the
accommodations with costs, the supports from ``kohtaanto.rules`` and the net monthly cost to the
employer, the skill gaps with a training path, a plain-language job description in fi, sv and en,
and a reason for every task left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kohtaanto.carving.check import CarvedJob
from kohtaanto.carving.model import Option, hours_of
from kohtaanto.carving.reasons import Reason, message
from kohtaanto.carving.schema import WEEKS_PER_MONTH, SettingsIn
from kohtaanto.carving.solution import Choice, Solution, objective
from kohtaanto.core.formatting import number
from kohtaanto.core.language import LANGUAGES
from kohtaanto.rules.dated import RulesNotInForce
from kohtaanto.rules.engine import RulesEngine
from kohtaanto.rules.report import support_label
from kohtaanto.taxonomy.vocabulary import skill_label

CENT = Decimal("0.01")


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def json_default(value: Any) -> Any:
    """``json.dumps`` hook: amounts and hours (Decimal) become JSON numbers."""
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


@dataclass(frozen=True)
class Proposal:
    data: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return self.data


def job_of(choice: Choice) -> CarvedJob:
    return CarvedJob(
        choice.option.person,
        choice.option.workplace,
        {task: hours_of(u) for task, u in choice.units},
        choice.accommodations,
    )


def _names(option: Option, language: str) -> dict[str, str]:
    return {t.id: t.name.get(language) for r in option.workplace.roles for t in r.tasks}


def excluded_reasons(option: Option, chosen: set[str], taken: set[str], language: str) -> dict[str, Reason]:
    out = {e.task: e.reason for e in option.excluded}
    max_hours = number(hours_of(option.max_units), language)
    for c in option.candidates:
        if c.task in chosen:
            continue
        out[c.task] = (
            Reason("taken_by_other", task=c.task)
            if c.task in taken
            else Reason("not_chosen", task=c.task, max_hours=max_hours)
        )
    return out


def _supports(
    choice: Choice, wage: Decimal, hours: Decimal, engine: RulesEngine, on: dt.date, language: str
) -> tuple[list[dict[str, Any]], Decimal, Decimal, list[str]]:
    """Supports for the hire; returns them, the monthly pay support, monthly arrangement support, notes."""
    option = choice.option
    facts = option.person.support_facts
    acc = option.accommodations
    tools = sum(
        (acc[a].one_off_cost for a in choice.accommodations if acc[a].support == "work_arrangement_tools"),
        Decimal(0),
    )
    help_hours = sum(
        (
            acc[a].help_hours_per_month
            for a in choice.accommodations
            if acc[a].support == "work_arrangement_help"
        ),
        Decimal(0),
    )
    data = {
        "employer": {
            "legal_form": option.workplace.legal_form,
            "business_activity": option.workplace.business_activity,
        },
        "person": {
            "age": facts.age,
            "registered_unemployed": facts.registered_unemployed,
            "unemployment_months": facts.unemployment_months,
            "reduced_work_ability": facts.reduced_work_ability,
            "permanent_reduced_work_ability": facts.permanent_reduced_work_ability,
        },
        "job": {
            "monthly_wage": str(wage),
            "hours_per_week": str(hours),
            "side_costs_per_month": str(_money(wage * option.workplace.side_cost_rate)),
        },
        "arrangements": {
            "tools_cost": str(tools),
            "tools_bought_on": on.isoformat() if tools else None,
            "applied_on": on.isoformat() if tools else None,
            "applied_in_advance": bool(tools),
            "help_hours_per_month": str(help_hours),
            "help_months": 12 if help_hours else 0,
        },
    }
    if wage <= 0 or hours <= 0:  # the hire question needs a wage and hours: say so, never fail
        return [], Decimal(0), Decimal(0), [message("supports_not_computed", language)]
    try:
        answer = engine.ask("hire", data, on)
    except RulesNotInForce as exc:
        return [], Decimal(0), Decimal(0), [str(exc)]
    supports = [
        {"name": support_label(s.id, language), **s.as_dict(language)} for s in answer.supports if s.eligible
    ]
    best = answer.results.get("best_pay_cost_support")
    pay = next((s.monthly_amount or Decimal(0) for s in answer.supports if s.id == best), Decimal(0))
    arrangement = Decimal(0)
    for s in answer.supports:
        if s.eligible and s.id == "work_arrangement_help" and s.monthly_amount:
            arrangement += s.monthly_amount
        if s.eligible and s.id == "work_arrangement_tools" and s.total_max:
            arrangement += s.total_max / 12
    return supports, _money(pay), _money(arrangement), []


def _description(choice: Choice, hours: Decimal, language: str) -> str:
    option = choice.option
    names = _names(option, language)
    lines = [
        message("job_title", language),
        "",
        message("job_intro", language, workplace=option.workplace.name),
        "",
    ]
    lines.append(message("job_tasks", language))
    for task, units in choice.units:
        lines.append(
            "- "
            + message("job_task_line", language, task=names[task], hours=number(hours_of(units), language))
        )
    lines += ["", message("job_hours", language, hours=number(hours, language))]
    if choice.accommodations:
        lines.append(message("job_support", language))
    if choice.training:
        skills = ", ".join(skill_label(s, language).lower() for s, _ in choice.training)
        lines.append(message("job_training", language, skills=skills))
    return "\n".join(lines)


def build(
    choice: Choice,
    solution: Solution,
    settings: SettingsIn,
    engine: RulesEngine,
    on: dt.date,
    language: str = "fi",
    taken: set[str] | None = None,
) -> Proposal:
    option = choice.option
    workplace = option.workplace
    names = _names(option, language)
    by_task = {c.task: c for c in option.candidates}
    roles = {r.id: r for r in workplace.roles}
    hours = hours_of(choice.total_units)
    wage = _money(hours * WEEKS_PER_MONTH * workplace.new_job_hourly_wage)
    freed: dict[str, Decimal] = {}
    for task, units in choice.units:
        freed[by_task[task].role] = freed.get(by_task[task].role, Decimal(0)) + hours_of(units)
    acc = option.accommodations
    accommodations = [
        {
            "id": a,
            "name": acc[a].name.get(language),
            "type": acc[a].type,
            "attribute": acc[a].attribute,
            "raises_by": acc[a].raises_by,
            "one_off_cost": acc[a].one_off_cost,
            "monthly_cost": acc[a].monthly_cost,
            "support": acc[a].support,
        }
        for a in choice.accommodations
    ]
    one_off = sum((acc[a].one_off_cost for a in choice.accommodations), Decimal(0))
    monthly_aids = sum((acc[a].monthly_cost for a in choice.accommodations), Decimal(0))
    side = _money(wage * workplace.side_cost_rate)
    gross = _money(wage + side + monthly_aids + one_off / settings.amortisation_months)
    supports, pay, arrangement, notes = _supports(choice, wage, hours, engine, on, language)
    net = _money(max(Decimal(0), gross - pay - arrangement))
    levels = sum(levels for _, levels in choice.training)
    training_kind = (
        "none" if not levels else ("apprenticeship" if levels >= 2 or hours >= 25 else "accreditation")
    )
    reasons = excluded_reasons(option, set(choice.tasks), taken or set(), language)
    data: dict[str, Any] = {
        "person": option.person.id,
        "alias": option.person.alias,
        "workplace": workplace.id,
        "tasks": [
            {"id": t, "name": names[t], "role": by_task[t].role, "hours_per_week": hours_of(u)}
            for t, u in choice.units
        ],
        "hours_per_week": hours,
        "freed_hours_by_role": dict(freed),
        "role_titles": {role: roles[role].title.get(language) for role in freed},
        "freed_for": {
            role: (text.get(language) if (text := roles[role].freed_for) else "") for role in freed
        },
        "freed_value_per_month": _money(
            sum((h * WEEKS_PER_MONTH * roles[r].hourly_cost for r, h in freed.items()), Decimal(0))
        ),
        "accommodations": accommodations,
        "skill_gaps": [
            {"skill": s, "name": skill_label(s, language), "levels": lv} for s, lv in choice.training
        ],
        "training_path": {
            "kind": training_kind,
            "text": message(f"training_{training_kind}", language, levels=levels),
        },
        "monthly_wage": wage,
        "employer_monthly_cost": gross,
        "supports": supports,
        "support_notes": notes,
        "pay_support_per_month": pay,
        "arrangement_support_per_month": arrangement,
        "net_monthly_cost": net,
        "job_description": {lang: _description(choice, hours, lang) for lang in LANGUAGES},
        "objective": objective(choice, settings),
        "optimal": solution.optimal,
        "gap": round(solution.gap, 4),
        "status": solution.status,
        "excluded": {task: reason.text(language, names) for task, reason in reasons.items()},
    }
    return Proposal(data)
