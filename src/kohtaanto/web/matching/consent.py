"""The consent ledger: versioned consent texts, and one ledger row per consent given or withdrawn.

Each purpose has a text the person read when they chose; a new wording gets a new version here and the
old one stays, so every row says which words the person agreed to (its version and a SHA-256 of the
text). Rows are written by the services that change the choice, in the same transaction as its audit
event. The profile's flags and :class:`IdentityReveal` rows are the projection the app reads; the ledger
is the evidence, and ``in_force`` derives the same state from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy

from kohtaanto.core.language import reader
from kohtaanto.web.accounts.models import User
from kohtaanto.web.matching.models import ConsentPurpose, ConsentRecord, SeekerProfile


@dataclass(frozen=True)
class ConsentText:
    version: str
    valid_from: dt.date
    text: Any  # a lazy translation

    @property
    def digest(self) -> str:
        """SHA-256 of the English source text, the wording the translations render."""
        return self.digest_in("en")

    def shown(self, language: str) -> str:
        """The text as a person reading ``language`` is shown it."""
        with translation.override(language):
            return str(self.text)

    def digest_in(self, language: str) -> str:
        """SHA-256 of the words as shown in ``language``: what the person agreed to, in their language."""
        return hashlib.sha256(self.shown(language).encode()).hexdigest()


_V1 = dt.date(2026, 11, 28)
TEXTS: dict[str, tuple[ConsentText, ...]] = {
    ConsentPurpose.SHOWN_TO_EMPLOYERS: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "Employers in my employment area may see my skills, hours and place under a pseudonym, "
                "without my name. I can take this back at any time.",
            ),
        ),
    ),
    ConsentPurpose.ADJUSTMENTS_TO_EMPLOYERS: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "Employers who see my profile may see the adjustments I need at work (for example a "
                "quiet place or shorter days). They never see my limitations or any diagnosis.",
            ),
        ),
    ),
    ConsentPurpose.COACH_READS: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "My employment coach may read what I wrote about my skills in my own words and my work "
                "history, to help me find work.",
            ),
        ),
    ),
    ConsentPurpose.IDENTITY: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "This employer may see my name for this application. Taking it back hides my name and "
                "everything else I shared with them.",
            ),
        ),
    ),
    ConsentPurpose.ADJUSTMENTS_TO_EMPLOYER: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "This employer may see the adjustments I need at work, to prepare the job for me.",
            ),
        ),
    ),
    ConsentPurpose.ITEMS_TO_EMPLOYER: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "This employer may see the parts of my profile I chose (work history, education, "
                "language skills).",
            ),
        ),
    ),
    ConsentPurpose.STUDY_PLAN_TO_COACH: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "My employment coach may see the studies I plan and the answer about my unemployment "
                "benefit, to help me before the studies start.",
            ),
        ),
    ),
    ConsentPurpose.GROUP_DATA: (
        ConsentText(
            "1",
            _V1,
            pgettext_lazy(
                "consent text",
                "My answer is used only to check that matching treats groups fairly, in reports where "
                "no group smaller than five people is shown. Matching never reads it.",
            ),
        ),
    ),
}


# The purposes whose recipient is the person's employment coach (stored and shown alike).
TO_COACH = frozenset({ConsentPurpose.COACH_READS, ConsentPurpose.STUDY_PLAN_TO_COACH})


def text_for(purpose: str, on: dt.date) -> ConsentText:
    """The version of a purpose's text in force on a date (the first one before its start)."""
    versions = TEXTS[purpose]
    chosen = versions[0]
    for version in versions:
        if version.valid_from <= on:
            chosen = version
    return chosen


def write(
    actor: User | None,
    profile: SeekerProfile,
    purpose: str,
    granted: bool,
    *,
    organisation: Any = None,
    scope: list[str] | None = None,
    at: dt.datetime | None = None,
) -> ConsentRecord:
    """Add one ledger row; call it inside the transaction that changes the choice. The row records the
    language the person reads the service in (the active language): a consent is given in the language it
    was shown in."""
    when = at or timezone.now()
    language = reader(translation.get_language())
    text = text_for(purpose, timezone.localdate(when))
    if organisation is not None:
        recipient = organisation.name
    elif purpose in TO_COACH:
        recipient = "coach"
    elif purpose == ConsentPurpose.GROUP_DATA:
        recipient = "fairness reports"
    else:
        recipient = f"employers in {profile.area}"
    return ConsentRecord.objects.create(
        profile=profile,
        purpose=purpose,
        organisation=organisation,
        recipient=recipient[:200],
        scope=list(scope or []),
        granted=granted,
        text_version=text.version,
        text_digest=text.digest,
        language=language,
        shown_digest=text.digest_in(language),
        given_by=actor if getattr(actor, "is_authenticated", False) else None,
        at=when,
    )


def ledger(profile: SeekerProfile | None, limit: int = 200) -> list[ConsentRecord]:
    if profile is None:
        return []
    return list(ConsentRecord.objects.filter(profile=profile).select_related("organisation")[:limit])


def in_force(profile: SeekerProfile) -> dict[tuple[str, int | None, str], ConsentRecord]:
    """The newest row per purpose, recipient and scope item; withdrawn ones included (``granted`` False)."""
    found: dict[tuple[str, int | None, str], ConsentRecord] = {}
    for row in ConsentRecord.objects.filter(profile=profile).order_by("at", "pk"):
        key = (row.purpose, row.organisation_id, row.scope[0] if row.purpose == "group_data" else "")
        found[key] = row
    return found


def granted(profile: SeekerProfile, purpose: str, organisation: Any = None) -> bool:
    row = (
        ConsentRecord.objects.filter(profile=profile, purpose=purpose, organisation=organisation)
        .order_by("-at", "-pk")
        .first()
    )
    return bool(row and row.granted)


# The profile flags that are consents, and the purpose in the ledger each one projects.
FLAG_PURPOSES = {
    "open_to_employers": ConsentPurpose.SHOWN_TO_EMPLOYERS,
    "share_accommodations": ConsentPurpose.ADJUSTMENTS_TO_EMPLOYERS,
    "share_with_coach": ConsentPurpose.COACH_READS,
}


def projection(profile: SeekerProfile) -> dict[str, bool]:
    """The profile's consent flags as the ledger says they are: the newest row of each purpose."""
    return {flag: granted(profile, purpose) for flag, purpose in FLAG_PURPOSES.items()}
