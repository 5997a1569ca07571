"""The language kit of a carved job: its core words in plain Finnish (or Swedish) with a one-line
explanation and a gloss, the first week's instructions written in short sentences and checked for plain
language, a CEFR micro-goal per task for the first three months, and prompts for colleagues.

The kit suggests and glosses; it never claims a selkokieli certification. The gloss language is chosen on
the page (by the person, or by the employer from the list): it is not read from the person's profile, so
the kit never tells an employer a person's mother tongue.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import pgettext

from kohtaanto.plainlang.work_words import GLOSS_LANGUAGES, NAMES, WorkWord, is_rtl, words_for, work_words
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.risk_card import safety_rows
from kohtaanto.web.hiring.services.inventory import inventory_tasks, task_demands

KIT_LANGUAGES = ("fi", "sv")  # the workplace language the kit teaches
CUSTOMER_DOMAINS = {"retail", "customer_service"}


def _tasks(case: HiringCase) -> list[dict[str, Any]]:
    """The carved job's tasks with their stored skills and the demands they have (level 1 or more)."""
    stored = inventory_tasks(case)
    out = []
    for chosen in (case.chosen or {}).get("tasks", []):
        task = stored.get(chosen.get("id"), {})
        out.append(
            {
                "name": chosen.get("name", ""),
                "skills": [s.get("id", "") for s in task.get("skills", [])],
                "attributes": {a for a, (level, _) in task_demands(task).items() if level >= 1},
            }
        )
    return out


def _word_row(word: WorkWord, language: str, gloss: str) -> dict[str, Any]:
    text = word.text(language)
    return {"id": word.id, "word": text.word, "explain": text.explain, "gloss": word.gloss.get(gloss, "")}


def _goals(task: dict[str, Any], words: list[WorkWord], language: str) -> list[dict[str, str]]:
    own = [
        w.text(language).word
        for w in words
        if {s.split(".", 1)[0] for s in task["skills"]} & set(w.skills)
        or task["attributes"] & set(w.attributes)
    ][:3]
    domains = {s.split(".", 1)[0] for s in task["skills"]}
    if "social.customer_contact" in task["attributes"] or domains & CUSTOMER_DOMAINS:
        third = pgettext("language kit", "I can greet a customer and answer a simple question.")
    elif "sensory_communication.reading" in task["attributes"]:
        third = pgettext("language kit", "I can read the task's instruction and tell what it means.")
    else:
        third = pgettext(
            "language kit", "I can tell the supervisor about a problem in the task, in a few words."
        )
    return [
        {
            "month": "1",
            "level": "A1",
            "goal": pgettext("language kit", "I know the main words of the task: %(words)s.")
            % {"words": ", ".join(own) if own else task["name"]},
        },
        {
            "month": "2",
            "level": "A2",
            "goal": pgettext("language kit", "I can ask for help and say when “%(task)s” is done.")
            % {"task": task["name"]},
        },
        {"month": "3", "level": "A2", "goal": third},
    ]


def first_week(case: HiringCase, *, language: str) -> str:
    """The first week's instructions in short sentences, in ``language`` (fi or sv)."""
    tasks = _tasks(case)
    safety = safety_rows(case, language)
    with translation.override(language):
        lines = [
            pgettext("first week", "Day 1"),
            "- " + pgettext("first week", "Welcome to work. We walk around the workplace together."),
            "- " + pgettext("first week", "You see the emergency exits and the first aid kit."),
            "- " + pgettext("first week", "You get your work clothes."),
        ]
        for row in safety:
            lines.append(
                "- "
                + pgettext("first week", "We go through safety: %(attribute)s.")
                % {"attribute": row["attribute"]}
            )
        day = 1
        for task in tasks:
            day += 1
            if day > 4:
                break
            lines += [
                "",
                pgettext("first week", "Day %(day)s") % {"day": day},
                "- " + pgettext("first week", "You learn the task “%(task)s”.") % {"task": task["name"]},
                "- " + pgettext("first week", "Your instructor shows it first. Then you do it together."),
                "- " + pgettext("first week", "Then you do it yourself. Ask when you do not know."),
            ]
        lines += [
            "",
            pgettext("first week", "Day 5"),
            "- " + pgettext("first week", "You do the tasks you have learned."),
            "- " + pgettext("first week", "We talk together about the week. What went well? What was hard?"),
        ]
    return "\n".join(lines) + "\n"


def colleague_prompts() -> list[str]:
    return [
        pgettext("language kit", "Speak clearly and a little slower. Do not shout."),
        pgettext("language kit", "Use the same word for the same thing every time."),
        pgettext("language kit", "Show and say at the same time."),
        pgettext(
            "language kit",
            "Check that you were understood: ask the person to show you, not “did you understand?”.",
        ),
        pgettext("language kit", "Write an important thing down in a few words."),
        pgettext("language kit", "Give time to answer. Do not finish the sentence for them."),
        pgettext(
            "language kit",
            "Encourage the workplace language every day, and let the person ask in another language "
            "when there is a hurry or a danger.",
        ),
    ]


def build(case: HiringCase, *, language: str, gloss: str, ui: str) -> dict[str, Any]:
    """The kit in the workplace ``language`` (fi/sv) with glosses in ``gloss`` ('' for none); the goals and
    prompts in the reader's ``ui`` language."""
    from kohtaanto.plainlang.check import check

    language = language if language in KIT_LANGUAGES else "fi"
    gloss = gloss if gloss in GLOSS_LANGUAGES else ""
    tasks = _tasks(case)
    attributes = {a for t in tasks for a in t["attributes"]}
    skills = {s for t in tasks for s in t["skills"]}
    words = words_for(attributes=attributes, skills=skills)
    week = first_week(case, language=language)
    report = check(week, "instructions", language, "text", (), ui)
    return {
        "language": language,
        "gloss": gloss,
        "gloss_name": NAMES.get(gloss, ""),
        # the language's own name inside a sentence of the reader's language, marked for screen readers
        "gloss_name_html": format_html(
            '<span lang="{}" dir="{}">{}</span>', gloss, "rtl" if is_rtl(gloss) else "ltr", NAMES[gloss]
        )
        if gloss
        else "",
        "gloss_rtl": is_rtl(gloss),
        "gloss_review": work_words().review.get(gloss, ""),
        "gloss_choices": [(code, NAMES[code]) for code in GLOSS_LANGUAGES],
        "words": [_word_row(w, language, gloss) for w in words],
        "first_week": week,
        "score": report.score,
        "band": report.band_label,
        "goals": [{"task": t["name"], "goals": _goals(t, words, language)} for t in tasks],
        "prompts": colleague_prompts(),
    }
