"""Step 6: the shortlist, meeting requests, work trials and the decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext, pgettext_lazy

from kohtaanto.taxonomy.vocabulary import demands
from kohtaanto.web.accounts import permissions
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.mail import mail_notice
from kohtaanto.web.core.privacy import health_errors
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.services.cases import CaseError, may_change, set_step
from kohtaanto.web.matching import services as matching
from kohtaanto.web.matching.mappers import job_spec, profile_spec
from kohtaanto.web.matching.models import SeekerProfile

# the e-mails to the person (read in the person's language when sent)
MEETING_SUBJECT = pgettext_lazy("notification", "An employer wants to meet you")
MEETING_BODY = pgettext_lazy(
    "notification",
    "%(employer)s would like to meet you about a job. Sign in to kohtaanto and answer yes or no on "
    "your front page. The employer does not see your name unless you say yes.",
)
TRIAL_SUBJECT = pgettext_lazy("notification", "A work trial has been planned with you")
TRIAL_BODY = pgettext_lazy(
    "notification",
    "%(employer)s has planned a work trial with you from %(start)s to %(end)s. Sign in to kohtaanto "
    "to see it on your front page. If the days do not suit you, tell the employer or your employment "
    "professional.",
)
PROPOSAL_SUBJECT = pgettext_lazy("notification", "An employer wrote down what your work trial showed")
PROPOSAL_BODY = pgettext_lazy(
    "notification",
    "%(employer)s wrote down what they saw in your work trial. Sign in to kohtaanto and choose on "
    "your front page whether it goes into your profile. Nothing changes without your yes.",
)


# -- 6. candidates, meetings, work trials, decision ------------------------------------------------
def shortlist(actor: Any, case: HiringCase, language: str) -> Any:
    """Rank the pool for the published job (a recorded run) and keep it as the case's shortlist."""
    from kohtaanto.web.matching.runs import match_job

    may_change(actor, case.organisation)
    if case.job is None:
        raise CaseError({"job": [pgettext("hiring", "Publish the job first.")]})
    view = match_job(actor, case.job, 10, language)
    set_step(actor, case, "candidates", shortlist=view.run)
    return view


def ask_to_meet(actor: Any, case: HiringCase, pseudonym: str) -> Any:
    from kohtaanto.web.hiring.models import MeetingRequest

    may_change(actor, case.organisation)
    from kohtaanto.web.matching.redaction import present

    shown = {row["person"] for row in (present(case.shortlist, actor) if case.shortlist else [])}
    profile = SeekerProfile.objects.filter(pseudonym=pseudonym, looking=True).first()
    if profile is None or pseudonym not in shown:
        raise CaseError({"person": [pgettext("hiring", "Ask only people on the shortlist.")]})
    with transaction.atomic():
        request, created = MeetingRequest.objects.get_or_create(
            case=case, profile=profile, defaults={"asked_by": actor if getattr(actor, "pk", None) else None}
        )
        if created:
            record(actor=actor, action="meeting.asked", obj=case, data={"person": pseudonym})
            transaction.on_commit(lambda: notify_meeting(request))
    return request


def notify_meeting(request: Any) -> None:
    """An e-mail to the person (where they have an address and mail is configured), in their language:
    an employer wants to meet; the answer is given in the service, where the person decides what to share."""
    organisation = request.case.organisation.name
    mail_notice(request.profile.person, MEETING_SUBJECT, MEETING_BODY, lambda: {"employer": organisation})


def answer_meeting(
    actor: Any,
    request: Any,
    accept: bool,
    *,
    share_accommodations: bool = False,
    items: list[str] | None = None,
    contact: str = "",
) -> None:
    """The person answers; a yes tells the employer who they are (an identity reveal they can take back)
    and, if the person gives it, how to reach them. A request is answered once: a second answer sent at
    the same time is refused, not written over the first."""
    from kohtaanto.web.hiring.models import MeetingRequest, MeetingStatus

    permissions.require(
        getattr(actor, "pk", None) is not None and request.profile.person_id == actor.pk,
        "only the person answers",
    )
    contact = " ".join(contact.split()) if accept else ""
    if len(contact) > 200:  # the field's length
        raise CaseError({"contact": [pgettext("seeker", "Write at most 200 characters.")]})
    with transaction.atomic():
        request.status = MeetingStatus.ACCEPTED if accept else MeetingStatus.DECLINED
        request.answered_at = timezone.now()
        request.contact = contact
        answered = MeetingRequest.objects.filter(pk=request.pk, status=MeetingStatus.ASKED).update(
            status=request.status, answered_at=request.answered_at, contact=contact
        )
        if not answered:
            raise CaseError({"answer": [pgettext("seeker", "You have already answered this request.")]})
        record(actor=actor, action="meeting.answered", obj=request.case, data={"accepted": accept})
        if accept:
            matching.reveal_identity(
                actor,
                request.profile,
                request.case.organisation,
                share_accommodations=share_accommodations,
                items=items or [],
            )


def plan_trial(
    actor: Any,
    case: HiringCase,
    *,
    request: Any,
    starts_on: dt.date,
    ends_on: dt.date,
    notes: str,
    supervisor: str = "",
    tasks: list[str] | None = None,
) -> Any:
    from kohtaanto.web.hiring.models import MeetingStatus, WorkTrial

    may_change(actor, case.organisation)
    errors: dict[str, list[str]] = {}
    if request.case_id != case.pk or request.status != MeetingStatus.ACCEPTED:
        errors["person"] = [pgettext("hiring", "Plan a work trial only with a person who agreed to meet.")]
    if ends_on < starts_on:
        errors["ends_on"] = [pgettext("hiring", "The trial must end after it starts.")]
    elif (ends_on - starts_on).days > 366:
        errors["ends_on"] = [pgettext("hiring", "Plan at most a year at a time.")]
    errors.update(health_errors("notes", notes))
    if errors:
        raise CaseError(errors)
    with transaction.atomic():
        trial = WorkTrial.objects.create(
            case=case,
            profile=request.profile,
            starts_on=starts_on,
            ends_on=ends_on,
            notes=notes.strip()[:2000],
            supervisor=supervisor.strip()[:120],
            tasks=[t.strip()[:120] for t in (tasks or []) if t.strip()][:30],
        )
        record(
            actor=actor,
            action="work_trial.planned",
            obj=case,
            data={"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
        )
        transaction.on_commit(lambda: notify_trial(trial))
    return trial


def notify_trial(trial: Any) -> None:
    """An e-mail to the person: a work trial was planned with them, with its dates in their format."""
    mail_notice(
        trial.profile.person,
        TRIAL_SUBJECT,
        TRIAL_BODY,
        lambda: {
            "employer": trial.case.organisation.name,
            "start": date_format(trial.starts_on, "SHORT_DATE_FORMAT"),
            "end": date_format(trial.ends_on, "SHORT_DATE_FORMAT"),
        },
    )


def trial_attributes(case: HiringCase) -> list[str]:
    """The functional attributes a trial is observed on: the job's demands, else the physical group."""
    demanded = list(job_spec(case.job).demands) if case.job else []
    if not demanded and case.chosen:
        demanded = sorted({a.get("attribute", "") for a in case.chosen.get("accommodations", [])} - {""})
    known = [a.id for a in demands().attributes]
    chosen = [a for a in demanded if a in known]
    return chosen or [a.id for a in demands().attributes if a.group == "physical"]


def record_observations(
    actor: Any, case: HiringCase, *, trial: Any, observed: dict[str, int], on: dt.date, propose: bool
) -> Any:
    """What the trial showed, per attribute (0-5). With ``propose`` the person is asked whether to take
    the observations into their own capacity profile; nothing changes in it without their yes."""
    may_change(actor, case.organisation)
    known = {a.id for a in demands().attributes}
    if trial.case_id != case.pk:
        raise CaseError({"trial": [pgettext("hiring", "This is not a trial of this case.")]})
    if any(k not in known or not 0 <= v <= 5 for k, v in observed.items()):
        raise CaseError({"observations": [pgettext("hiring", "Choose a level from 0 to 5 for each.")]})
    if on < trial.starts_on:
        raise CaseError({"observed_on": [pgettext("hiring", "Observe once the trial has started.")]})
    with transaction.atomic():
        trial.observations, trial.observed_on = dict(sorted(observed.items())), on
        trial.proposal = "proposed" if propose and observed else ""
        trial.save(update_fields=["observations", "observed_on", "proposal"])
        record(  # the levels stay out of the audit trail
            actor=actor,
            action="work_trial.observed",
            obj=case,
            data={"trial": trial.pk, "attributes": len(observed), "proposed": trial.proposal == "proposed"},
        )
        if trial.proposal == "proposed":
            transaction.on_commit(lambda: notify_trial_proposal(trial))
    return trial


def notify_trial_proposal(trial: Any) -> None:
    """An e-mail to the person: the employer wrote down what the trial showed, and the person decides
    whether it goes into their profile (the levels are not in the e-mail)."""
    organisation = trial.case.organisation.name
    mail_notice(trial.profile.person, PROPOSAL_SUBJECT, PROPOSAL_BODY, lambda: {"employer": organisation})


def answer_trial_proposal(actor: Any, trial: Any, accept: bool) -> Any:
    """The person takes a trial's observations into their capacity profile, or keeps their own answers."""
    permissions.require(
        getattr(actor, "pk", None) is not None and trial.profile.person_id == actor.pk,
        "only the person decides what goes into their profile",
    )
    from kohtaanto.web.hiring.models import WorkTrial

    answer = "accepted" if accept else "declined"
    with transaction.atomic():
        # answered once: a second answer sent at the same time finds nothing left to answer
        if not WorkTrial.objects.filter(pk=trial.pk, proposal="proposed").update(proposal=answer):
            raise CaseError({"trial": [pgettext("hiring", "There is nothing to answer.")]})
        if accept:
            profile = trial.profile
            current = profile_spec(profile)
            capacities = {**current.capacities, **trial.observations}
            matching.update_profile(
                actor, profile, spec={**current.model_dump(mode="json"), "capacities": capacities}
            )
        trial.proposal = answer
        record(actor=actor, action="work_trial.proposal_answered", obj=trial.case, data={"accepted": accept})
    return trial


def decide(actor: Any, case: HiringCase, request: Any, hired: bool, on: dt.date) -> HiringCase:
    from kohtaanto.web.hiring.models import MeetingStatus, WorkTrial

    may_change(actor, case.organisation)
    if request.case_id != case.pk or request.status != MeetingStatus.ACCEPTED:
        raise CaseError({"person": [pgettext("hiring", "Decide only about a person who agreed to meet.")]})
    trial = WorkTrial.objects.filter(case=case, profile=request.profile).order_by("starts_on").first()
    if trial is not None and on < trial.starts_on:  # the decision follows the trial it was planned after
        raise CaseError(
            {
                "person": [
                    pgettext(
                        "hiring", "The work trial starts on %(date)s. Record the decision once it has begun."
                    )
                    % {"date": date_format(trial.starts_on, "SHORT_DATE_FORMAT")}
                ]
            }
        )
    return set_step(
        actor,
        case,
        "decision",
        decision="hired" if hired else "not_hired",
        decided_on=on,
        hired=request.profile if hired else None,
    )
