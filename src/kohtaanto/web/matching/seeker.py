"""The job seeker's own journey: skills in my own words, what suits me, what I share, my data.

Every save goes through :mod:`kohtaanto.web.matching.services` (validated, audited). The person's
free text is stored on their profile so they can come back to it; it is never logged.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext

from kohtaanto.core.language import READER_LANGUAGES, is_right_to_left
from kohtaanto.taxonomy.vocabulary import demands, starter
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.concurrency import copy_into, locked, save_changed
from kohtaanto.web.core.roles import Role
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import (
    ConsentPurpose,
    ConsentRecord,
    GroupDatum,
    GroupDimension,
    IdentityReveal,
    Interest,
    JobPosting,
    MatchingRun,
    SeekerProfile,
)

EMPTY_SPEC: dict[str, Any] = {"skills": {}, "capacities": {}, "hours_min": 0, "hours_max": 40}
GROUPS = tuple(dict.fromkeys(a.group for a in demands().attributes))  # in the vocabulary's order


def my_profile(user: User) -> SeekerProfile | None:
    if user.role != Role.JOB_SEEKER:
        return None
    return SeekerProfile.objects.filter(person=user).first()


def ensure_profile(user: User) -> SeekerProfile:
    """The person's profile; an empty one (not yet looking for work) the first time."""
    profile = my_profile(user)
    if profile is not None:
        return profile
    return services.create_profile(user, spec=EMPTY_SPEC, looking=False)


# -- skills ---------------------------------------------------------------------------------------
@cache
def _extractor(language: str) -> Any:
    from kohtaanto.skills.service import starter_extractor

    return starter_extractor(language, Path(settings.DATA_DIR) / "skills-cache")


def warm_up(languages: tuple[str, ...] = READER_LANGUAGES, only_cached: bool = False) -> None:
    """Compute the starter vocabulary's vectors ahead of the first request (the demo does this).

    ``only_cached``: load the extractors whose vectors are already on disk, compute none.
    """
    from kohtaanto.skills.service import starter_cached

    for language in languages:
        if not only_cached or starter_cached(language, Path(settings.DATA_DIR) / "skills-cache"):
            _extractor(language)


def suggest_skills(text: str, language: str, k: int = 8) -> list[dict[str, Any]]:
    """Starter skills found in the person's own words, with the words that show each one."""
    if not text.strip():
        return []
    found = _extractor(language).extract(text, k=k)
    top = found[0].score if found else 0.0
    return [
        {
            "id": item.uri,
            "label": item.label,
            "score": round(item.score, 3),
            "evidence": None if item.evidence is None else [item.evidence.start, item.evidence.end],
            # "words": the skill's own words are in the text; "meaning": the closest clause in meaning
            "evidence_by": None if item.evidence is None else item.evidence.how,
            "likely": (item.evidence is not None and item.evidence.how == "words") or item.score >= 0.8 * top,
        }
        for item in found
    ]


def other_language_note(text: str, chosen: str) -> str:
    """A note for the person when their text looks clearly written in another language than the one they
    chose for it (the skills were looked for in the chosen one), else ''. Language names as the language
    menu shows them, each in its own language."""
    from kohtaanto.skills.text import language_mismatch

    found = language_mismatch(text, chosen)
    if found is None:
        return ""
    names = dict(settings.LANGUAGES)
    return pgettext(
        "seeker",
        "Your text seems to be in another language than the one chosen. Chosen: %(chosen)s. Seems to be: "
        "%(detected)s. If that is right, choose it as the language of your text and press “Find skills in "
        "my text” again.",
    ) % {"chosen": names.get(chosen, chosen), "detected": names.get(found, found)}


def skill_names(language: str) -> dict[str, str]:
    return {s.id: s.labels.get(language) for s in starter().skills}


def skill_exactly(name: str, language: str) -> str | None:
    """A starter skill id whose label or synonym is exactly ``name`` (any case), or None."""
    wanted = name.strip().casefold()
    for skill in starter().skills:
        labels = [skill.labels.get(language), *getattr(skill.alt_labels, language, [])]
        if wanted and any(label.casefold() == wanted for label in labels):
            return skill.id
    return None


def near_skills(name: str, language: str, limit: int = 5) -> list[tuple[str, str]]:
    """Skills whose names come near a typed word (id, label): offered to choose from, never added unasked."""
    from kohtaanto.skills.suggest import starter_suggester

    if not name.strip():
        return []
    names = skill_names(language)
    found = starter_suggester(language).suggest(name, k=limit)
    ids = [str(f.id).removeprefix("urn:kohtaanto:skill:") for f in found]
    return [(sid, names[sid]) for sid in dict.fromkeys(ids) if sid in names]


def skill_by_name(name: str, language: str) -> str | None:
    """A starter skill id from a typed name (exact label or synonym, any case), or the best suggestion."""
    exact = skill_exactly(name, language)
    if exact is not None:
        return exact
    near = near_skills(name, language, 1)
    return near[0][0] if near else None


def _save_own(user: User, profile: SeekerProfile, values: dict[str, Any], label: str) -> list[str]:
    """Save some of the person's own fields on the locked row; one audit event naming ``label``."""
    with transaction.atomic():
        fresh = locked(profile)
        changed = [name for name, value in values.items() if getattr(fresh, name) != value]
        if changed:
            for name in changed:
                setattr(fresh, name, values[name])
            save_changed(fresh, changed)
            record(actor=user, action="seeker_profile.updated", obj=fresh, data={"fields": [label]})
    copy_into(fresh, profile)
    return changed


def save_story(user: User, profile: SeekerProfile, text: str, language: str) -> None:
    _save_own(user, profile, {"story": text, "story_language": language}, "story")


def save_skills(
    user: User, profile: SeekerProfile, skills: dict[str, int], version: int | None = None
) -> SeekerProfile:
    return services.update_profile(user, profile, patch={"skills": skills}, expected_version=version)


def save_details(
    user: User, profile: SeekerProfile, details: dict[str, Any], working_language: str | None
) -> SeekerProfile:
    with transaction.atomic():
        _save_own(user, profile, {"details": details}, "details")
        return services.update_profile(user, profile, patch={"working_language": working_language})


def save_benefit(user: User, profile: SeekerProfile, benefit: dict[str, Any]) -> None:
    """The person's own benefit situation for the income calculation ({} forgets it). Never shown to
    employers and never used in matching."""
    _save_own(user, profile, {"benefit": benefit}, "benefit")


def save_study_plan(
    user: User, profile: SeekerProfile, situation: dict[str, Any], on: dt.date, show_coach: bool
) -> None:
    """Keep the studies the person plans (the situation of the question "can I study while unemployed?")
    on their profile, and whether their coach may see it: a consent of its own, in the ledger."""
    from kohtaanto.web.matching import consent

    plan = {"situation": situation, "on": on.isoformat(), "show_coach": bool(show_coach)}
    with transaction.atomic():
        was_shown = bool(locked(profile).study_plan.get("show_coach"))
        if _save_own(user, profile, {"study_plan": plan}, "study_plan") and was_shown != bool(show_coach):
            consent.write(user, profile, ConsentPurpose.STUDY_PLAN_TO_COACH, bool(show_coach))


# -- capacities -----------------------------------------------------------------------------------
def attributes(group: str) -> list[Any]:
    return [a for a in demands().attributes if a.group == group]


def save_capacities(
    user: User, profile: SeekerProfile, group: str, values: dict[str, int | None]
) -> SeekerProfile:
    """The person's answers for one group; ``None`` is "I prefer not to say" and removes the answer.
    The other groups' answers are kept as they are in the database (another tab may have saved them)."""
    return services.update_profile(user, profile, capacities=(group, values))


# -- work wishes ----------------------------------------------------------------------------------
def save_work(
    user: User, profile: SeekerProfile, values: dict[str, Any], looking: bool, version: int | None = None
) -> SeekerProfile:
    return services.update_profile(user, profile, patch=values, looking=looking, expected_version=version)


# -- interest -------------------------------------------------------------------------------------
def set_interest(user: User, profile: SeekerProfile, job: JobPosting, interested: bool) -> None:
    with transaction.atomic():
        if interested:
            _, created = Interest.objects.get_or_create(profile=profile, job=job)
            if not created:
                return
        elif not Interest.objects.filter(profile=profile, job=job).delete()[0]:
            return
        record(
            actor=user,
            action="interest.given" if interested else "interest.withdrawn",
            obj=profile,
            data={"job": job.pk},
        )


# -- consents and my data -------------------------------------------------------------------------
def consent_history(user: User, profile: SeekerProfile | None) -> list[dict[str, Any]]:
    """The person's consent ledger, newest first, in words: what, to whom, given or taken back, and
    the text they agreed to."""
    from kohtaanto.web.matching.consent import TEXTS, TO_COACH, ledger

    items = dict(share_items())
    dimensions = dict(GroupDimension.choices)
    out = []
    for row in ledger(profile):
        if row.organisation_id is not None or row.purpose in (
            ConsentPurpose.IDENTITY,
            ConsentPurpose.ADJUSTMENTS_TO_EMPLOYER,
            ConsentPurpose.ITEMS_TO_EMPLOYER,
        ):
            recipient = row.recipient
        elif row.purpose in TO_COACH:
            recipient = pgettext("consent", "your employment coach")
        elif row.purpose == ConsentPurpose.GROUP_DATA:
            recipient = pgettext("consent", "fairness reports (no names)")
        else:
            recipient = pgettext("consent", "employers in your area (without your name)")
        if row.purpose == ConsentPurpose.GROUP_DATA:
            scope = ", ".join(str(dimensions.get(d, d)) for d in row.scope)
        else:
            scope = ", ".join(str(items.get(i, i)) for i in row.scope)
        version = next((t for t in TEXTS.get(row.purpose, ()) if t.version == row.text_version), None)
        out.append(
            {
                "at": row.at,
                "purpose": ConsentPurpose(row.purpose).label,
                "recipient": recipient,
                "scope": scope,
                "granted": row.granted,
                "version": row.text_version,
                "text": version.shown(row.language) if version else "",
                "language": row.language,
                "language_name": dict(settings.LANGUAGES).get(row.language, row.language),
                "rtl": is_right_to_left(row.language),
            }
        )
    return out


def share_items() -> list[tuple[str, str]]:
    return [
        ("history", pgettext("seeker", "My work history")),
        ("education", pgettext("seeker", "My education")),
        ("languages", pgettext("seeker", "My language skills")),
    ]


def viewed_by(profile: SeekerProfile | None, limit: int = 50) -> list[dict[str, Any]]:
    """Who has read the person's data, newest first: time, role, organisation (for employers), where."""
    if profile is None:
        return []
    events = list(
        AuditEvent.objects.filter(
            action="personal_data.viewed", object_type="matching.seekerprofile", object_id=str(profile.pk)
        ).order_by("-sequence")[:limit]
    )
    who = User.objects.filter(pk__in={e.actor_id for e in events}).select_related("organisation")
    viewers = {u.pk: u for u in who}
    out = []
    for event in events:
        viewer = viewers.get(event.actor_id)
        out.append(
            {
                "time": event.timestamp,
                "role": viewer.get_role_display() if viewer else event.actor_role,
                "organisation": viewer.organisation.name if viewer and viewer.organisation else "",
                "place": event.data.get("place", ""),
            }
        )
    return out


def export(user: User, now: dt.datetime | None = None) -> dict[str, Any]:
    """Everything kohtaanto holds about the person, as JSON."""
    profile = my_profile(user)
    out: dict[str, Any] = {
        "exported_at": (now or timezone.now()).isoformat(),
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "language": user.language,
            "employment_area": str(user.employment_area) if user.employment_area else None,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": None,
        "group_data": [],
        "identity_shared_with": [],
        "interests": [],
        "matching_runs_about_me": [],
        "my_actions": [
            {"time": e.timestamp.isoformat(), "action": e.action, "object": f"{e.object_type}:{e.object_id}"}
            for e in AuditEvent.objects.filter(actor_id=user.pk).order_by("sequence")
        ],
    }
    if profile is None:
        return out
    out["profile"] = {
        "pseudonym": profile.pseudonym,
        "looking": profile.looking,
        "open_to_employers": profile.open_to_employers,
        "share_accommodations": profile.share_accommodations,
        "share_with_coach": profile.share_with_coach,
        "spec": profile.spec,
        "story": profile.story,
        "details": profile.details,
        "benefit": profile.benefit,
        "study_plan": profile.study_plan,
        "updated_at": profile.updated_at.isoformat(),
    }
    out["group_data"] = [
        {"dimension": g.dimension, "value": g.value, "consented_at": g.consented_at.isoformat()}
        for g in GroupDatum.objects.filter(profile=profile)
    ]
    out["consents"] = [
        {
            "time": c.at.isoformat(),
            "purpose": c.purpose,
            "recipient": c.recipient,
            "scope": c.scope,
            "granted": c.granted,
            "text_version": c.text_version,
            "text_sha256": c.text_digest,
            "language": c.language,
            "text_as_shown_sha256": c.shown_digest,
        }
        for c in ConsentRecord.objects.filter(profile=profile).order_by("at", "pk")
    ]
    out["viewed_by"] = [{**v, "time": v["time"].isoformat()} for v in viewed_by(profile, 1000)]
    out["identity_shared_with"] = [
        {"employer": r.organisation.name, "adjustments": r.share_accommodations, "items": r.items}
        for r in IdentityReveal.objects.filter(profile=profile).select_related("organisation")
    ]
    out["interests"] = [i.job.title for i in Interest.objects.filter(profile=profile).select_related("job")]
    candidates = MatchingRun.objects.filter(profile=profile) | MatchingRun.objects.filter(
        results__icontains=profile.pseudonym
    )
    out["matching_runs_about_me"] = [
        {"run": r.pk, "kind": r.kind, "time": r.created_at.isoformat(), "by_role": r.actor_role}
        for r in candidates.distinct().order_by("created_at")
        if r.profile_id == profile.pk or any(row.get("person") == profile.pseudonym for row in r.results)
    ]
    return out


def delete_profile(user: User) -> bool:
    """Delete the matching profile with its group data, consents, reveals, interests and meeting
    requests; the runs about the person are deleted and their pseudonym leaves every other run and
    every hiring case (:func:`kohtaanto.web.matching.redaction.on_erasure`)."""
    from kohtaanto.web.matching.redaction import on_erasure

    profile = my_profile(user)
    if profile is None:
        return False
    with transaction.atomic():
        profile = locked(profile)
        removed = on_erasure(profile)
        record(actor=user, action="seeker_profile.deleted", obj=profile, data=removed)
        profile.delete()
    return True


def delete_account(user: User) -> None:
    """The person's account is closed for good: the profile and everything about matching goes
    (:func:`delete_profile`), the account keeps no name, address or password, every API token and
    session of the person ends. The audit trail keeps the account's number only."""
    from django.contrib.sessions.models import Session
    from rest_framework.authtoken.models import Token

    with transaction.atomic():
        delete_profile(user)
        Token.objects.filter(user=user).delete()
        for session in Session.objects.all().iterator():
            if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
                session.delete()
        user.username = f"deleted-{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["username", "first_name", "last_name", "email", "is_active", "password"])
        record(actor=user, action="account.deleted", obj=user, data={})
