"""One e-mail to one person, in the person's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def mail_person(person: Any, texts: Callable[[], tuple[str, str]]) -> None:
    """Send the (subject, body) that ``texts`` writes, with the person's language active, when the person
    has an address; a failure to send is not the caller's failure (the service shows the same thing)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.utils import translation

    if person is None or not person.email:
        return
    with translation.override(person.language or "fi"):
        subject, body = texts()
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email], fail_silently=True)


def mail_notice(
    person: Any, subject: Any, body: Any, values: Callable[[], Mapping[str, object]] = dict
) -> None:
    """A notice to a person: ``subject`` and ``body`` are lazy translations (``pgettext_lazy``), read in
    the person's language; ``values`` fills the body's placeholders in that language too (dates)."""
    mail_person(person, lambda: (str(subject), str(body) % dict(values())))
