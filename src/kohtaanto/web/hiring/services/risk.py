"""Steps 6-7: a trial's pace observations, the risk card the person sees first, the supervisor's guide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy
from pydantic import ValidationError as PydanticError

from kohtaanto.carving.ramp import HORIZON, PaceObservation
from kohtaanto.core.language import is_language
from kohtaanto.plainlang import TextReport
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import locked, save_changed
from kohtaanto.web.hiring.models import HiringCase, RiskCard, RiskCardState, WorkplaceGuide, WorkTrial
from kohtaanto.web.hiring.services.cases import CaseError, may_change
from kohtaanto.web.matching.models import SeekerProfile

GUIDE_MAX = 12_000


def record_pace(
    actor: User | None, case: HiringCase, *, trial: WorkTrial, rows: list[dict[str, Any]], on: dt.date
) -> WorkTrial:
    """A trial's pace, task by task and week by week, as a share of the usual pace (replaces what was
    recorded before). Only the carved job's tasks, weeks 1-26 and 0-200 % are taken."""
    may_change(actor, case.organisation)
    if trial.case_id != case.pk:
        raise CaseError({"trial": [pgettext("hiring", "This is not a trial of this case.")]})
    if on < trial.starts_on:
        raise CaseError({"pace": [pgettext("hiring", "Observe once the trial has started.")]})
    names = {t.get("name", "") for t in (case.chosen or {}).get("tasks", [])}
    clean: list[dict[str, Any]] = []
    for row in rows:
        try:
            seen = PaceObservation.model_validate(row)
        except PydanticError:
            raise CaseError(
                {
                    "pace": [
                        pgettext(
                            "hiring",
                            "Give the week as a number from 1 to %(weeks)s and the pace in per cent "
                            "from 0 to 200.",
                        )
                        % {"weeks": HORIZON}
                    ]
                }
            ) from None
        if seen.task not in names:
            raise CaseError({"pace": [pgettext("hiring", "Choose a task of the chosen job.")]})
        clean.append(seen.model_dump())
    clean.sort(key=lambda r: (r["task"], r["week"]))
    with transaction.atomic():
        fresh = locked(trial)
        fresh.pace = clean
        fresh.save(update_fields=["pace"])
        record(
            actor=actor,
            action="work_trial.pace_recorded",
            obj=case,
            data={"trial": trial.pk, "observations": len(clean)},
        )
    trial.pace = clean
    return trial


def card_people(case: HiringCase) -> list[SeekerProfile]:
    """The people a risk card can be asked for: those who agreed to meet about this case."""
    from kohtaanto.web.hiring.models import MeetingStatus

    return [
        m.profile
        for m in case.meetings.filter(status=MeetingStatus.ACCEPTED).select_related("profile__person")
    ]


def ask_risk_card(actor: User | None, case: HiringCase, *, profile: SeekerProfile) -> RiskCard:
    """Ask the person to look at the risk card first. The employer sees it once the person has answered;
    asking again after an answer changes nothing."""
    may_change(actor, case.organisation)
    if not case.chosen:
        raise CaseError({"person": [pgettext("hiring", "Choose the new job first.")]})
    if profile.pk not in {p.pk for p in card_people(case)}:
        raise CaseError(
            {"person": [pgettext("hiring", "Ask only a person who agreed to meet about this job.")]}
        )
    with transaction.atomic():
        card, created = RiskCard.objects.get_or_create(case=case, profile=profile)
        if created:
            record(actor=actor, action="risk_card.asked", obj=case, data={"card": card.pk})
    if created:
        transaction.on_commit(lambda: notify_card(card))
    return card


CARD_SUBJECT = pgettext_lazy("notification", "Look at your risk card before the employer does")
CARD_BODY = pgettext_lazy(
    "notification",
    "%(employer)s made a card of what hiring you means for the workplace. Sign in to kohtaanto and "
    "look at it on your front page. You decide whether the employer sees what your work trial "
    "showed.",
)


def notify_card(card: RiskCard) -> None:
    """An e-mail to the person, in their language: an employer made a risk card; look at it first."""
    from kohtaanto.web.core.mail import mail_notice

    organisation = card.case.organisation.name
    mail_notice(card.profile.person, CARD_SUBJECT, CARD_BODY, lambda: {"employer": organisation})


def answer_risk_card(
    actor: User, card: RiskCard, *, share: bool, language: str, version: int | None = None
) -> RiskCard:
    """The person's answer: share the trial evidence with the employer, or keep it. The answer can be
    changed later; the language the card was shown in is recorded with it."""
    if card.profile.person_id != actor.pk:
        raise CaseError({"card": [pgettext("hiring", "Only the person can answer.")]})
    if not is_language(language):
        language = "fi"
    with transaction.atomic():
        fresh = locked(card, version)
        fresh.state = RiskCardState.SHARED if share else RiskCardState.WITHHELD
        fresh.answered_at = timezone.now()
        fresh.answered_in = language
        save_changed(fresh, ["state", "answered_at", "answered_in"])
        record(
            actor=actor,
            action="risk_card.answered",
            obj=card.case,
            data={"card": card.pk, "shared": share, "language": language},
        )
    return fresh


def save_guide(
    actor: User | None,
    case: HiringCase,
    *,
    text: str,
    language: str,
    version: int | None = None,
    reader: str | None = None,
) -> tuple[WorkplaceGuide, TextReport]:
    """Save the supervisor's guide; the plain-language check runs on it, its score is kept and the report
    (its findings in the ``reader``'s language, else the guide's) is returned for the page to show."""
    from kohtaanto.plainlang.check import check

    may_change(actor, case.organisation)
    if not is_language(language):
        raise CaseError({"language": [pgettext("hiring", "Choose Finnish, Swedish or English.")]})
    body = text.strip()
    if not body:
        raise CaseError({"text": [pgettext("hiring", "Write the guide, or start from the draft.")]})
    if len(body) > GUIDE_MAX:
        raise CaseError(
            {"text": [pgettext("hiring", "Keep the guide under %(n)s characters.") % {"n": GUIDE_MAX}]}
        )
    from kohtaanto.web.core.privacy import health_errors

    if problems := health_errors("text", body):
        raise CaseError(problems)
    report = check(body, "instructions", language, "text", (), reader or language)
    with transaction.atomic():
        findings = min(len(report.findings), 32767)
        values = {"language": language, "text": body, "score": report.score, "findings": findings}
        guide, created = WorkplaceGuide.objects.get_or_create(case=case, defaults=values)
        if not created:  # a writer who read no guide (no version) meets one saved meanwhile: a conflict
            fresh = locked(guide, version if version is not None else 0)
            fresh.language, fresh.text, fresh.score, fresh.findings = language, body, report.score, findings
            save_changed(fresh, ["language", "text", "score", "findings"])
            guide = fresh
        record(
            actor=actor,
            action="guide.saved",
            obj=case,
            data={"language": language, "score": report.score, "findings": len(report.findings)},
        )
    return guide, report
