"""Sign-ins, sign-outs and lockouts go to the audit trail too."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.dispatch import receiver

from kohtaanto.core.language import LANGUAGES
from kohtaanto.web.accounts.services import set_language
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.roles import Role

CHOSEN_LANGUAGE = "language_chosen_before_sign_in"  # the session key the language switch sets


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    with transaction.atomic():
        record(actor=user, action="session.signed_in", obj=user)
    # a language chosen on the sign-in page of this same browser session is the person's choice: keep it
    # (a cookie alone is not, as it may be another person's on a shared computer)
    # (a journey language such as Arabic is a job seeker's: another role keeps their own language)
    chosen = request.session.pop(CHOSEN_LANGUAGE, None) if request is not None else None
    if chosen and (chosen in LANGUAGES or user.role == Role.JOB_SEEKER):
        set_language(user, chosen)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        with transaction.atomic():
            record(actor=user, action="session.signed_out", obj=user)


@receiver(user_locked_out)
def _locked_out(
    sender: Any, request: Any, username: str | None = None, ip_address: str | None = None, **kwargs: Any
) -> None:
    with transaction.atomic():
        record(
            actor=None,
            action="session.locked_out",
            object_type="accounts.user",
            data={"username": username or ""},
        )
