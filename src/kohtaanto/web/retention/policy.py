"""Retention periods per data class: the documented defaults, and an area's own choices.

The defaults and their reasons are in ``docs/privacy/retention.md``; an employment area may set its own
period for any class (admin: Retention rules). A period runs from the date named for the class.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class DataClass:
    key: str
    months: int  # the default
    counted_from: str
    what_happens: str
    label: object


CLASSES: tuple[DataClass, ...] = (
    DataClass(
        "inactive_job_seeker",
        24,
        "the later of the profile's last change and the person's last sign-in",
        "the profile, its consents, reveals, interests and trials are deleted; the account is anonymised",
        pgettext_lazy("retention", "Job seekers inactive"),
    ),
    DataClass(
        "work_trial_notes",
        12,
        "the trial's last day",
        "the trial's goals, supervisor and observations are cleared; its dates and tasks stay",
        pgettext_lazy("retention", "Work-trial notes and observations"),
    ),
    DataClass(
        "follow_up_notes",
        24,
        "the day the follow-up was recorded",
        "the follow-up's notes are cleared; whether the person was still employed and the hours stay",
        pgettext_lazy("retention", "Follow-up notes"),
    ),
    DataClass(
        "decided_hiring_cases",
        36,
        "the hiring decision",
        "the link to the person (pseudonym, hire, meeting requests) and the support facts are removed",
        pgettext_lazy("retention", "Decided hiring cases"),
    ),
    DataClass(
        "matching_runs",
        12,
        "the run",
        "the recorded run is deleted",
        pgettext_lazy("retention", "Recorded matching runs"),
    ),
    DataClass(
        "closed_caseload",
        24,
        "the entry's last change, once closed and not part of an ESF+ project",
        "the caseload entry is deleted",
        pgettext_lazy("retention", "Closed caseload entries"),
    ),
    DataClass(
        "esf_participation",
        120,
        "the entry's last change, once closed, for entries reported to an ESF+ project",
        "the caseload entry is deleted",
        pgettext_lazy("retention", "Closed caseload entries of ESF+ projects"),
    ),
    DataClass(
        "employer_contacts",
        36,
        "the last contact activity with the employer (or the contact's creation)",
        "the contact person's name, title, phone and email are deleted",
        pgettext_lazy("retention", "Employers' contact persons"),
    ),
)
BY_KEY = {c.key: c for c in CLASSES}


def months_for(key: str, area_id: int | None, overrides: dict[tuple[str, int | None], int]) -> int:
    """The area's own period for a class, else the platform's default (``overrides`` from the rules)."""
    if area_id is not None and (key, area_id) in overrides:
        return overrides[(key, area_id)]
    return overrides.get((key, None), BY_KEY[key].months)
