"""The answer to "can I study while unemployed?" with texts for people, for the page and the coach's view."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import pgettext

from kohtaanto.web.core.rules import engine
from kohtaanto.web.supports.services import links


def study_basis_text(basis: str) -> str:
    return {
        "not_full_time": pgettext("study result", "These studies do not affect your benefit."),
        "established_work": pgettext(
            "study result",
            "Your studies count as part-time because you have worked regularly alongside them.",
        ),
        "started_while_employed": pgettext(
            "study result", "You started the studies while employed, so they do not prevent the benefit."
        ),
        "short_term": pgettext(
            "study result", "You can take these as short studies (lyhytkestoinen opiskelu)."
        ),
        "self_motivated": pgettext(
            "study result",
            "You can study with your unemployment benefit (omaehtoinen opiskelu), as agreed in your plan.",
        ),
        "none": pgettext("study result", "Full-time studies stop the unemployment benefit."),
    }.get(basis, basis)


def study_obligations(codes: list[str]) -> list[str]:
    texts = {
        "seek_full_time_work": pgettext("study obligation", "Keep looking for full-time work."),
        "accept_full_time_work": pgettext("study obligation", "Accept full-time work if it is offered."),
        "take_part_in_services": pgettext("study obligation", "Take part in the services you are offered."),
        "adequate_progress": pgettext("study obligation", "Make progress in your studies as planned."),
        "report_before_start": pgettext(
            "study obligation", "Tell the employment services before the studies start."
        ),
    }
    return [texts.get(code, code) for code in codes]


def study_answer(situation: dict[str, Any], on: Any, language: str) -> dict[str, Any]:
    """The fifth question's answer with texts for people: the basis, the obligations, links to sources."""
    answer = engine().ask("study", situation, on).as_dict(language)
    answer["basis_text"] = study_basis_text(answer["basis"])
    answer["obligation_texts"] = study_obligations(answer["obligations"])
    answer["links"] = links(answer["sources"])
    until = answer.get("increased_benefit_ends_earliest")
    answer["increased_until"] = dt.date.fromisoformat(until) if until else None
    return answer
