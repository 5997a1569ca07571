"""What the supports pages show beside an answer."""

from __future__ import annotations

import datetime as dt
from typing import Any


def links(sources: list[str]) -> list[tuple[str, str]]:
    """A source's address (its first word) and its whole text, for a link."""
    return [(source.split()[0], source) for source in sources]


PAY_SUBSIDY = "pay_subsidy_"
SENIOR = "senior_employment_subsidy"


def decided_supports(supports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The supports of a hire answer (or a carving proposal) as decided supports for the cost profile.

    The pay subsidies and the 55+ subsidy are alternatives: the largest counts. Work-arrangement help is a
    monthly amount; tools are paid once, in the first month."""
    out: list[dict[str, Any]] = []
    pay = [s for s in supports if s.get("id", "").startswith(PAY_SUBSIDY) or s.get("id") == SENIOR]
    if pay:
        best = max(pay, key=lambda s: float(s.get("monthly_amount") or 0))
        months = int(best.get("max_months") or 0)
        if months and best.get("monthly_amount"):
            item: dict[str, Any] = {"months": months}
            if best["id"] == SENIOR:
                item["kind"] = "senior_subsidy"
            else:
                item["kind"] = "pay_subsidy"
                item["variant"] = best["id"][len(PAY_SUBSIDY) :]
            if best.get("rate"):
                item["rate"] = str(best["rate"])
            item["monthly_amount"] = str(
                best["monthly_amount"]
            )  # as the hire answer counted it (C1 included)
            out.append(item)
    for s in supports:
        if s.get("id") == "work_arrangement_help" and s.get("monthly_amount"):
            months = int(s.get("max_months") or 12)
            out.append(
                {"kind": "work_arrangement", "monthly_amount": str(s["monthly_amount"]), "months": months}
            )
        if s.get("id") == "work_arrangement_tools" and s.get("total_max"):
            out.append({"kind": "work_arrangement", "monthly_amount": str(s["total_max"]), "months": 1})
    return out


def employer_profile(
    *, wage_month: Any, start: dt.date, supports: list[dict[str, Any]], language: str, months: int = 24
) -> dict[str, Any] | None:
    """The hire's cost month by month after the decided supports (None when there is no wage)."""
    from kohtaanto.rules import InputError, RulesNotInForce
    from kohtaanto.web.core.rules import engine

    if not wage_month or float(wage_month) <= 0:
        return None
    situation = {
        "start": start.isoformat(),
        "wage_month": str(wage_month),
        "months": months,
        "supports": supports,
    }
    try:
        return engine().ask("employer_cost", situation, start).as_dict(language)
    except (InputError, RulesNotInForce):
        return None
