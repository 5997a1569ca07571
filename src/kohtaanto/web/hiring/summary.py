"""The supports summary of a hiring case: what to apply for, from whom, by when, and the net cost.

One summary feeds the supports page and its PDF, so the printed page says what the screen says.
Deadlines are counted from the planned start with the dated legal parameters of the rules engine
(the application window of the work-arrangement support is a parameter, not a number in code).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from django.utils.formats import date_format, number_format
from django.utils.translation import pgettext

from kohtaanto.rules.months import add_months
from kohtaanto.web.hiring.models import HiringCase


@dataclass(frozen=True)
class Step:
    support: str
    amount: str
    who: str
    when: str
    due: dt.date | None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    case_title: str
    employer: str
    hours_per_week: Any
    tasks: list[tuple[str, Any]]
    steps: list[Step]
    employer_monthly_cost: Any
    net_monthly_cost: Any
    planned_start: dt.date | None
    made_on: dt.date
    notes: list[str] = field(default_factory=list)
    profile: dict[str, Any] | None = None  # the 24-month cost after the supports (rules: employer_cost)


def _euros(value: Any) -> str:
    return f"{number_format(value, 2, force_grouping=True)} €"


def _amount(support: dict[str, Any]) -> str:
    parts = []
    if support.get("monthly_amount"):
        parts.append(
            pgettext("hiring", "up to %(amount)s a month") % {"amount": _euros(support["monthly_amount"])}
        )
    if support.get("max_months"):
        parts.append(pgettext("hiring", "for up to %(months)s months") % {"months": support["max_months"]})
    if support.get("total_max") and not support.get("monthly_amount"):
        parts.append(pgettext("hiring", "up to %(amount)s in all") % {"amount": _euros(support["total_max"])})
    if support.get("discretionary"):
        parts.append(pgettext("hiring", "the employment services decide"))
    return ", ".join(parts)


def _support_name(support_id: str, stored: str) -> str:
    """The support's name in the reader's language (the proposal stored it in the language it was made in)."""
    from django.utils.translation import get_language

    from kohtaanto.rules.report import support_label

    label = support_label(support_id, get_language() or "fi")
    return label if label != support_id else (stored or label)


def _window_months(on: dt.date) -> int:
    from kohtaanto.web.core.rules import engine

    return int(engine().parameters["work_arrangement.application_window_months"].at(on))


def build(case: HiringCase, made_on: dt.date) -> Summary:
    chosen = case.chosen or {}
    area = case.organisation.municipality.area
    who = pgettext("hiring", "Employment services of %(area)s (työllisyysalue)") % {"area": area.name}
    start = case.planned_start
    steps = []
    for support in chosen.get("supports", []):
        sid = support.get("id", "")
        due: dt.date | None = None
        if sid.startswith("pay_subsidy") or sid == "senior_employment_subsidy":
            when = pgettext(
                "hiring", "Before the job starts: the decision must be made before the first working day."
            )
            due = start
        elif sid == "work_arrangement_tools":
            months = _window_months(start or made_on)
            when = pgettext(
                "hiring", "Within %(months)s month(s) of buying the tool or making the change."
            ) % {"months": months}
            if start:
                due = add_months(start, months)
                when += " " + pgettext(
                    "hiring", "If you buy it by the first working day, apply by %(date)s at the latest."
                ) % {"date": date_format(due, "SHORT_DATE_FORMAT")}
        else:
            when = pgettext("hiring", "Before the support is needed; ask the employment services.")
        steps.append(
            Step(
                support=_support_name(sid, support.get("name", "")),
                amount=_amount(support),
                who=who,
                when=when,
                due=due,
                sources=tuple(support.get("sources", [])),
            )
        )
    notes = list(chosen.get("support_notes", []))
    pay = [s for s in chosen.get("supports", []) if s.get("id", "").startswith("pay_subsidy")]
    if len(pay) > 1:
        notes.append(
            pgettext(
                "hiring",
                "The pay subsidies are alternatives: one is granted for a job. "
                "The net cost counts the largest.",
            )
        )
    from django.utils.translation import get_language

    from kohtaanto.web.supports.services import decided_supports, employer_profile

    profile_start = start or add_months(made_on.replace(day=1), 1)
    profile = employer_profile(
        wage_month=chosen.get("monthly_wage"),
        start=profile_start,
        supports=decided_supports(chosen.get("supports", [])),
        language=get_language() or "fi",
    )
    return Summary(
        case_title=case.title,
        employer=case.organisation.name,
        hours_per_week=chosen.get("hours_per_week"),
        tasks=[(t.get("name", ""), t.get("hours_per_week")) for t in chosen.get("tasks", [])],
        steps=steps,
        employer_monthly_cost=chosen.get("employer_monthly_cost"),
        net_monthly_cost=chosen.get("net_monthly_cost"),
        planned_start=start,
        made_on=made_on,
        notes=notes,
        profile=profile,
    )


def _month(value: str) -> str:
    year, month = value.split("-")
    return f"{int(month)}/{year}"


def pdf(summary: Summary, language: str) -> bytes:
    """The summary as an A4 PDF (tagged with its title and language)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Italic"]

    def p(text: Any, style: Any = body) -> Any:
        return Paragraph(escape(str(text)), style)

    title = pgettext("hiring", "Supports for the new job")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"{title}: {summary.case_title}",
        author="kohtaanto",
        subject=summary.employer,
        lang=language,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    )
    story: list[Any] = [
        p(f"{title}: {summary.case_title}", styles["Title"]),
        p(summary.employer),
        p(
            pgettext("hiring", "The new job: %(hours)s hours a week") % {"hours": summary.hours_per_week},
            styles["Heading2"],
        ),
    ]
    story += [p(f"• {name}: {hours} h") for name, hours in summary.tasks]
    if summary.planned_start:
        story.append(
            p(
                pgettext("hiring", "Planned start: %(date)s")
                % {"date": date_format(summary.planned_start, "SHORT_DATE_FORMAT")}
            )
        )
    story.append(p(pgettext("hiring", "What to apply for"), styles["Heading2"]))
    if summary.steps:
        head = [
            pgettext("hiring", "Support"),
            pgettext("hiring", "How much"),
            pgettext("hiring", "From whom"),
            pgettext("hiring", "By when"),
        ]
        rows = [[p(h, styles["Heading5"]) for h in head]]
        rows += [[p(s.support), p(s.amount), p(s.who), p(s.when)] for s in summary.steps]
        table = Table(rows, colWidths=[40 * mm, 38 * mm, 42 * mm, 54 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
                ]
            )
        )
        story.append(table)
    else:
        story.append(p(pgettext("hiring", "No support applies on the facts given.")))
    story += [p(n) for n in summary.notes]

    def cost(value: Any) -> str:
        return _euros(value) if value is not None else "-"

    story += [
        p(pgettext("hiring", "Cost"), styles["Heading2"]),
        p(f"{pgettext('hiring', 'Cost to you a month')}: {cost(summary.employer_monthly_cost)}"),
        p(f"{pgettext('hiring', 'Net cost a month')}: {cost(summary.net_monthly_cost)}"),
        Spacer(1, 6 * mm),
    ]
    if summary.profile:
        profile = summary.profile
        story.append(p(pgettext("hiring", "Cost month by month, 24 months"), styles["Heading2"]))
        head = [
            pgettext("hiring", "Month"),
            pgettext("hiring", "Wage and holiday bonus"),
            pgettext("hiring", "Side costs"),
            pgettext("hiring", "Supports"),
            pgettext("hiring", "Net cost"),
        ]
        rows = [[p(h, styles["Heading5"]) for h in head]]
        rows += [
            [
                p(_month(m["month"])),
                p(cost(m["wage"] + m["holiday_bonus"])),
                p(cost(m["side_costs"])),
                p(cost(m["supports"])),
                p(cost(m["net_cost"])),
            ]
            for m in profile["months"]
        ]
        total = profile["total"]
        rows.append(
            [
                p(pgettext("hiring", "In all")),
                p(cost(total["wage"] + total["holiday_bonus"])),
                p(cost(total["side_costs"])),
                p(cost(total["supports"])),
                p(cost(total["net_cost"])),
            ]
        )
        table = Table(rows, colWidths=[22 * mm, 40 * mm, 34 * mm, 34 * mm, 34 * mm], repeatRows=1)
        table.setStyle(
            TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])
        )
        story.append(table)
        story += [p(reason) for reason in profile["reasons"]]
    sources = list(dict.fromkeys(src for s in summary.steps for src in s.sources))
    if sources:
        story.append(p(pgettext("hiring", "Sources"), styles["Heading4"]))
        story += [p(src, small) for src in sources]
    story.append(
        p(
            pgettext(
                "hiring",
                "Summary made on %(date)s with kohtaanto. Check the amounts with the employment services "
                "before you decide.",
            )
            % {"date": date_format(summary.made_on, "SHORT_DATE_FORMAT")},
            small,
        )
    )
    doc.build(story)
    return out.getvalue()
