"""The risk card of one hire: what the employer can expect, in figures with their reasons and sources.

Never a diagnosis: the card speaks of tasks, pace, money, safety demands and adjustments. It reads

- the productivity ramp from the work trial's pace observations (``kohtaanto.carving.ramp``), only when the
  person shared them;
- the cost of the hire month by month, the supports and when they end, and what a sick day costs after
  Kela's sickness allowance to the employer (the ``employer_cost`` question of the rules engine);
- the safety-relevant demands of the carved job's tasks (the functional-demand vocabulary marks them) with
  the adjustments chosen for them and the ones the vocabulary suggests;
- what the follow-ups at 1, 3 and 6 months will check.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils.translation import pgettext

from kohtaanto.carving.ramp import FULL, PaceObservation, Ramp, ramp
from kohtaanto.core.language import pick
from kohtaanto.rules.months import add_months, month_end
from kohtaanto.taxonomy.vocabulary import demands
from kohtaanto.web.hiring.models import HiringCase, WorkTrial
from kohtaanto.web.hiring.services.inventory import inventory_tasks, task_demands
from kohtaanto.web.matching.models import SeekerProfile

RAMP_WEEKS = (1, 2, 4, 8, 13, 26)
CARD_MONTHS = (1, 3, 6)
SAFETY_LAW = "https://www.finlex.fi/fi/laki/ajantasa/2002/20020738#L3P14"  # työturvallisuuslaki 14 §


def start_of(case: HiringCase, today: dt.date) -> dt.date:
    """The first working day: the onboarding plan's, else the planned start, else next month's first."""
    plan = getattr(case, "onboarding", None)
    if plan is not None:
        return plan.starts_on
    return case.planned_start or add_months(today.replace(day=1), 1)


def trial_with_pace(case: HiringCase, profile: SeekerProfile) -> WorkTrial | None:
    """The person's latest trial in this case that has pace observations."""
    for trial in WorkTrial.objects.filter(case=case, profile=profile).order_by("-starts_on", "-pk"):
        if trial.pace:
            return trial
    return None


def _ramp_part(case: HiringCase, trial: WorkTrial | None) -> tuple[dict[str, Any], Ramp] | None:
    if trial is None:
        return None
    hours = {t.get("name", ""): float(t.get("hours_per_week") or 0) for t in case.chosen.get("tasks", [])}
    found = ramp((PaceObservation.model_validate(p) for p in trial.pace), hours)
    if not found.tasks:
        return None
    tasks = [
        {
            "task": task.task,
            "observed": [{"week": w, "percent": p} for w, p in task.observed],
            "slope": round(task.slope, 1),
            "full_at": task.full_at,
        }
        for task in found.tasks
    ]
    part = {
        "weeks": [{"week": w, "pace": round(found.at_week(w) or 0.0)} for w in RAMP_WEEKS],
        "tasks": tasks,
        "months": [],  # filled against the cost months by ``_gap_months``
        "covered": round(found.covered * 100),
        "unobserved": list(found.unobserved),
        "full": round(FULL),
        "trial": {"starts_on": trial.starts_on, "ends_on": trial.ends_on},
    }
    return part, found


def _gap_months(found: Ramp, start: dt.date, cost: dict[str, Any]) -> list[dict[str, Any]]:
    """The first six calendar months of the cost profile: the average pace over the days worked in each
    (a day's week counts from the first working day), what the lower pace costs (the month's gross cost
    times the share of the usual pace not reached), and whether the month's supports cover it."""
    out = []
    for month in cost["months"][:6]:
        first = dt.date.fromisoformat(month["month"] + "-01")
        days = [d for d in (first + dt.timedelta(days=i) for i in range(month_end(first).day)) if d >= start]
        if not days:
            continue
        pace = sum(found.at_week((d - start).days // 7 + 1) or 0.0 for d in days) / len(days)
        gap = round(float(month["gross_cost"]) * max(0.0, 100.0 - pace) / 100.0, 2)
        out.append(
            {
                "month": month["month"],
                "pace": round(pace),
                "gap_cost": gap,
                "support": float(month["supports"]),
                "covered": float(month["supports"]) >= gap,
            }
        )
    return out


def safety_rows(case: HiringCase, language: str) -> list[dict[str, Any]]:
    """The safety-relevant demands of the carved job's tasks, with the adjustments chosen for them or the
    vocabulary's ways to meet them."""
    vocabulary = demands()
    exposures = {e.id: e.labels.get(language) for e in vocabulary.exposure}
    tasks = inventory_tasks(case)
    arranged = case.chosen.get("accommodations", [])
    rows = []
    for chosen in case.chosen.get("tasks", []):
        for attribute_id, (level, exposure) in sorted(task_demands(tasks.get(chosen.get("id"), {})).items()):
            try:
                attribute = vocabulary.attribute(attribute_id)
            except KeyError:
                continue
            if not attribute.safety or level < 1:
                continue
            rows.append(
                {
                    "task": chosen.get("name", ""),
                    "attribute": attribute.labels.get(language),
                    "demand": attribute.levels[level].get(language),
                    "how_often": exposures.get(exposure, ""),
                    "arranged": [
                        a.get("name")
                        if isinstance(a.get("name"), str)
                        else pick(a.get("name") or {}, language)
                        for a in arranged
                        if a.get("attribute") == attribute_id
                    ],
                    "suggested": [m.text.get(language) for m in attribute.measures][:3],
                }
            )
    return rows


def _support_ends(supports: list[dict[str, Any]], start: dt.date) -> list[dict[str, Any]]:
    out = []
    for support in supports:
        months = int(support.get("months") or 0)
        if not months:
            continue
        kind = support.get("kind")
        label = {
            "pay_subsidy": pgettext("risk card", "Pay subsidy"),
            "senior_subsidy": pgettext("risk card", "Employment subsidy for people aged 55 or over"),
            "work_arrangement": pgettext("risk card", "Work-arrangement support"),
        }.get(str(kind), str(kind))
        out.append(
            {
                "label": label,
                "monthly": float(support.get("monthly_amount") or 0),
                "months": months,
                "until": add_months(start, months) - dt.timedelta(days=1),
                "rate": support.get("rate"),
            }
        )
    return out


def _follow_ups(case: HiringCase, start: dt.date, ramp_part: dict[str, Any] | None) -> list[dict[str, Any]]:
    stored = {f.months: f for f in case.follow_ups.all()}
    out = []
    for months in CARD_MONTHS:
        found = stored.get(months)
        checks = [
            pgettext("risk card", "Is the person still employed, and for how many hours a week?"),
            pgettext("risk card", "Does the carved job work, or does it need adjusting?"),
            pgettext("risk card", "Are the adjustments in place and do they help?"),
        ]
        expected = None
        if ramp_part is not None:
            expected = ramp_part["expected"][months]
            checks.append(
                pgettext("risk card", "Is the pace near the expected %(pace)s %% of the usual?")
                % {"pace": expected}
            )
        if months == 6:
            checks.append(pgettext("risk card", "Should the pay subsidy be extended or the hours changed?"))
        out.append(
            {
                "months": months,
                "due": found.due_on if found else add_months(start, months),
                "done": found.done_on if found else None,
                "checks": checks,
                "expected": expected,
            }
        )
    return out


def build(
    case: HiringCase, profile: SeekerProfile, *, language: str, today: dt.date, evidence: bool
) -> dict[str, Any]:
    """The card for ``profile`` in ``case``; the trial's pace only with ``evidence`` (the person's yes, or
    the person looking at their own card)."""
    from kohtaanto.web.supports.services import decided_supports, employer_profile

    chosen = case.chosen or {}
    start = start_of(case, today)
    supports = decided_supports(chosen.get("supports", []))
    wage = chosen.get("monthly_wage")
    cost = employer_profile(wage_month=wage, start=start, supports=supports, language=language)
    found = _ramp_part(case, trial_with_pace(case, profile) if evidence else None)
    ramp_part = None
    if found is not None:
        ramp_part, curve = found
        if cost:
            ramp_part["months"] = _gap_months(curve, start, cost)
        # the pace expected on the day of each follow-up (its week from the first working day)
        ramp_part["expected"] = {m: round(curve.at_week(round(m * 52 / 12)) or 0.0) for m in CARD_MONTHS}
    illness = (cost or {}).get("illness_costs", [])
    one_day = next((r for r in illness if r["days"] == 1), None)
    return {
        "job": {
            "title": pick(chosen.get("job_description") or {}, language).split("\n", 1)[0],
            "hours": chosen.get("hours_per_week"),
            "tasks": chosen.get("tasks", []),
            "monthly_wage": float(Decimal(str(wage))) if wage else None,
        },
        "start": start,
        "ramp": ramp_part,
        "cost": cost,
        "illness": illness,
        "sick_day": one_day,
        "supports": _support_ends(supports, start),
        "safety": safety_rows(case, language),
        "safety_law": SAFETY_LAW,
        "follow_ups": _follow_ups(case, start, ramp_part),
    }
