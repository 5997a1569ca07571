"""The draft of the supervisor's and the workplace instructor's guide for one carved job.

Short sentences in plain language, task by task from the carved job, with the safety demands of each task
and the adjustments chosen for them. The employer edits the draft; the plain-language checker reads it at
save (``services.risk.save_guide``). The draft never names the person and never asks about health.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import pgettext

from kohtaanto.core.formatting import number
from kohtaanto.rules.months import add_months
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.risk_card import CARD_MONTHS, safety_rows, start_of


def draft(case: HiringCase, *, language: str, today: dt.date) -> str:
    """The guide's first version in ``language`` (fi, sv or en)."""
    with translation.override(language):
        return _draft(case, language, today)


def _draft(case: HiringCase, language: str, today: dt.date) -> str:
    chosen = case.chosen or {}
    safety = safety_rows(case, language)
    lines = [
        pgettext("guide", "Guide for the supervisor and the workplace instructor"),
        "",
        pgettext(
            "guide", "This guide helps you start a new worker in the new job. Read it before the first day."
        ),
        "",
        pgettext("guide", "Before the first day"),
        "- "
        + pgettext(
            "guide", "Agree who guides the new worker. Reserve time for it every day in the first week."
        ),
        "- "
        + pgettext(
            "guide", "Tell the team that a new worker starts. Tell them which tasks move to the new worker."
        ),
        "- " + pgettext("guide", "Prepare the tools and the work clothes."),
        "- "
        + pgettext(
            "guide",
            "Plan the safety induction. The law requires it (Occupational Safety and Health Act 738/2002, "
            "section 14).",
        ),
        "",
        pgettext("guide", "Teach the tasks one at a time"),
    ]
    for index, task in enumerate(chosen.get("tasks", []), 1):
        lines.append(
            pgettext("guide", "%(n)s. %(task)s, about %(hours)s hours a week.")
            % {
                "n": index,
                "task": task.get("name", ""),
                "hours": number(task.get("hours_per_week") or 0, language),
            }
        )
        lines.append(
            "- "
            + pgettext(
                "guide",
                "Show the task first. Then do it together. Then let the worker do it alone, and stay near.",
            )
        )
        for row in (r for r in safety if r["task"] == task.get("name")):
            lines.append(
                "- "
                + pgettext("guide", "Safety: %(attribute)s, %(how_often)s: %(demand)s.")
                % {"attribute": row["attribute"], "how_often": row["how_often"], "demand": row["demand"]}
            )
            for fix in row["arranged"] or row["suggested"][:1]:
                lines.append("- " + pgettext("guide", "Go through this: %(fix)s.") % {"fix": fix})
    lines += [
        "- " + pgettext("guide", "Give one new task at a time. Add the next one when the first goes well."),
        "",
        pgettext("guide", "Give feedback"),
        "- " + pgettext("guide", "Give feedback soon and often, not only when something goes wrong."),
        "- " + pgettext("guide", "Say first what went well. Then say one thing to do differently."),
        "- " + pgettext("guide", "Ask: What was hard today? What would help?"),
        "- "
        + pgettext(
            "guide", "Use short sentences and the same words for the same things. Show, do not only tell."
        ),
        "",
        pgettext("guide", "Talk about adjustments, not about health"),
        "- "
        + pgettext("guide", "Do not ask about health. Ask about the work: What would help you do this task?"),
        "- " + pgettext("guide", "The worker decides what to tell. Keep what you hear to yourself."),
        "- "
        + pgettext(
            "guide",
            "If a task does not work, change the task, the tool or the time. Write down what you agreed.",
        ),
        "",
        pgettext("guide", "When something goes wrong"),
        "- " + pgettext("guide", "Stop the work at once if someone can get hurt."),
        "- " + pgettext("guide", "Stay calm. Talk with the worker alone, not in front of others."),
        "- "
        + pgettext("guide", "Find a solution together. Agree on one next step and check it the next day."),
        "- " + pgettext("guide", "If the same problem comes back, call the worker's job coach."),
        "",
        pgettext("guide", "Whom to call"),
        "- "
        + pgettext(
            "guide", "The worker's job coach: ask the worker or the employment services for the number."
        ),
    ]
    municipality = case.organisation.municipality if case.organisation.municipality_id else None
    if municipality is not None:  # the area's name in the guide's language (the language is active here)
        lines.append(
            "- " + pgettext("guide", "Employment services: %(area)s.") % {"area": municipality.area.name}
        )
    start = start_of(case, today)
    dates = ", ".join(
        date_format(add, "SHORT_DATE_FORMAT") for add in (add_months(start, m) for m in CARD_MONTHS)
    )
    lines.append("- " + pgettext("guide", "Follow-up talks with the coach: %(dates)s.") % {"dates": dates})
    return "\n".join(lines) + "\n"
