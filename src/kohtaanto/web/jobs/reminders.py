"""Daily reminders by e-mail: follow-ups of a hire due within a week (to the employer's users), payment
claims whose last day is within two weeks (to the employer's users and the person's coach) and caseload
next actions due (to the professional). A message names what is due and links to it; it holds no personal
data of the job seeker beyond the pseudonym. Sent through Django's mail settings (``KOHTAANTO_SMTP_*``;
in development the messages are written as files under the data directory).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import structlog
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import pgettext

log = structlog.get_logger("kohtaanto.jobs")
FOLLOW_UP_AHEAD = dt.timedelta(days=7)
CLAIM_AHEAD = dt.timedelta(days=14)  # a payment claim's last day, two weeks ahead


def due(today: dt.date) -> dict[Any, list[str]]:
    """Per user with an e-mail address: the lines of their reminder, in their language."""
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.coaching.models import CaseloadEntry, Status
    from kohtaanto.web.core.roles import Role
    from kohtaanto.web.hiring.models import FollowUp

    lines: dict[Any, list[str]] = defaultdict(list)
    follow_ups = (
        FollowUp.objects.filter(done_on__isnull=True, due_on__lte=today + FOLLOW_UP_AHEAD, due_on__gte=today)
        .select_related("case__organisation")
        .order_by("due_on")
    )
    employers = defaultdict(list)
    for item in follow_ups:
        employers[item.case.organisation_id].append(item)
    users = User.objects.filter(role=Role.EMPLOYER, is_active=True, organisation_id__in=employers).exclude(
        email=""
    )
    for user in users:
        with translation.override(user.language):
            for item in employers[user.organisation_id or 0]:  # the query keeps employers with one
                lines[user].append(
                    pgettext(
                        "reminder",
                        "%(months)s-month follow-up of “%(case)s” by %(date)s: /hire/%(id)s/onboarding/",
                    )
                    % {
                        "months": item.months,
                        "case": item.case.title,
                        "date": item.due_on.isoformat(),
                        "id": item.case_id,
                    }
                )
    _claims(today, lines)
    entries = (
        CaseloadEntry.objects.filter(next_action_on__lte=today, professional__is_active=True)
        .exclude(status=Status.CLOSED)
        .exclude(professional__email="")
        .select_related("professional", "profile")
        .order_by("next_action_on")
    )
    for entry in entries:
        with translation.override(entry.professional.language):
            lines[entry.professional].append(
                pgettext("reminder", "%(who)s: %(action)s (by %(date)s): /caseload/%(id)s/")
                % {
                    "who": entry.profile.pseudonym,
                    "action": entry.next_action or pgettext("reminder", "next step"),
                    "date": entry.next_action_on.isoformat()
                    if entry.next_action_on
                    else "",  # only due dates
                    "id": entry.pk,
                }
            )
    return lines


def _claims(today: dt.date, lines: dict[Any, list[str]]) -> None:
    """Payment claims whose period has ended and whose last day is within two weeks: to the employer's
    users and to the hired person's coaches (the professionals with the person in their caseload)."""
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.coaching.models import CaseloadEntry, Status
    from kohtaanto.web.core.roles import Role
    from kohtaanto.web.hiring.claims import calendar
    from kohtaanto.web.hiring.models import HiringCase

    for case in HiringCase.objects.filter(decision="hired").exclude(chosen={}).select_related("organisation"):
        found = calendar(case, language="fi", today=today)
        due_now = [
            c
            for c in (found or {}).get("claims", [])
            if c["file_from"] <= today.isoformat() <= c["deadline"] <= (today + CLAIM_AHEAD).isoformat()
        ]
        if not due_now:
            continue
        people = list(
            User.objects.filter(role=Role.EMPLOYER, is_active=True, organisation=case.organisation).exclude(
                email=""
            )
        )
        if case.hired_id:
            people += [
                e.professional
                for e in CaseloadEntry.objects.filter(profile_id=case.hired_id, professional__is_active=True)
                .exclude(status=Status.CLOSED)
                .exclude(professional__email="")
                .select_related("professional")
            ]
        for user in people:
            with translation.override(user.language):
                for claim in due_now:
                    lines[user].append(
                        pgettext(
                            "reminder",
                            "Payment claim of “%(case)s” for %(start)s–%(end)s by %(date)s: "
                            "/hire/%(id)s/onboarding/",
                        )
                        % {
                            "case": case.title,
                            "start": claim["from"],
                            "end": claim["to"],
                            "date": claim["deadline"],
                            "id": case.pk,
                        }
                    )


def send(today: dt.date) -> dict[str, int]:
    """Send one message per person with something due; returns how many people and lines."""
    found = due(today)
    messages = []
    for user, lines in found.items():
        with translation.override(user.language):
            subject = pgettext("reminder", "kohtaanto: due by %(date)s") % {"date": today.isoformat()}
            intro = pgettext("reminder", "These are due. Sign in to kohtaanto to see them:")
        messages.append(EmailMessage(subject, "\n".join([intro, "", *lines]), to=[user.email]))
    sent = get_connection().send_messages(messages) if messages else 0
    count = sum(len(lines) for lines in found.values())
    log.info("reminders.sent", on=today.isoformat(), people=len(messages), lines=count)
    return {"people": int(sent or 0), "lines": count}
