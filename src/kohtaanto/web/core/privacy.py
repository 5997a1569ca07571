"""Data minimisation in free text: notes about a person must not hold diagnoses or health details.

Notes written by employers and professionals (work-trial goals, follow-ups, the caseload's next action)
are refused with a field error when they seem to hold one; the person's own texts only get a reminder,
since the text is theirs and they choose who reads it.
"""

from __future__ import annotations

from django.utils.translation import pgettext, pgettext_lazy

from kohtaanto.plainlang.health import health_terms

NO_DIAGNOSES = pgettext_lazy(
    "privacy",
    "Do not record diagnoses or other health details. Write what the work needs, for example "
    "“short breaks” or “a quiet place”.",
)


def health_errors(field: str, text: str) -> dict[str, list[str]]:
    """A field error when a note about a person seems to hold health details, else nothing."""
    found = health_terms(text)
    if not found:
        return {}
    return {
        field: [
            pgettext(
                "privacy",
                "This note seems to hold health details (%(words)s). Do not record diagnoses: write what "
                "the work needs instead.",
            )
            % {"words": ", ".join(found)}
        ]
    }


def own_text_reminder(text: str) -> str:
    """A reminder for the person when their own text seems to mention a diagnosis, else ''."""
    found = health_terms(text)
    if not found:
        return ""
    return pgettext(
        "privacy",
        "Your text mentions %(words)s. You do not have to tell anyone about a diagnosis: employers never "
        "see this text, and your coach sees it only if you allow it. You can change the text at any time.",
    ) % {"words": ", ".join(found)}
