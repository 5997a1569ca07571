"""Audit actions and object kinds in the reader's language: pages show these, never the codes
(``session.signed_in``, ``accounts.user 5``); the export and the API keep the codes."""

from __future__ import annotations

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy

ACTIONS: dict[str, Promise] = {
    "account.created_by_oidc": pgettext_lazy("audit action", "Account created at first sign-in"),
    "account.deleted": pgettext_lazy("audit action", "Account deleted"),
    "account.oidc_linked": pgettext_lazy("audit action", "Account linked to the sign-in service"),
    "api_token.issued": pgettext_lazy("audit action", "API key issued"),
    "api_token.revoked": pgettext_lazy("audit action", "API key revoked"),
    "caseload.added": pgettext_lazy("audit action", "Person added to the caseload"),
    "caseload.project_linked": pgettext_lazy("audit action", "Person linked to a project"),
    "caseload.removed": pgettext_lazy("audit action", "Person removed from the caseload"),
    "caseload.updated": pgettext_lazy("audit action", "Caseload entry updated"),
    "de_minimis.fiscal_year_set": pgettext_lazy("audit action", "De minimis fiscal year set"),
    "de_minimis.grant_added": pgettext_lazy("audit action", "De minimis grant recorded"),
    "de_minimis.grant_removed": pgettext_lazy("audit action", "De minimis grant removed"),
    "language_kit.word_reported": pgettext_lazy("audit action", "A wrong word of the language kit reported"),
    "translation.reported": pgettext_lazy("audit action", "A wrong translation of the interface reported"),
    "esf.participant_recorded": pgettext_lazy("audit action", "ESF+ participant details recorded"),
    "de_minimis.linked_added": pgettext_lazy(
        "audit action", "Linked company added to the single undertaking"
    ),
    "de_minimis.linked_removed": pgettext_lazy(
        "audit action", "Linked company removed from the single undertaking"
    ),
    "demo.history_loaded": pgettext_lazy("audit action", "Demo history loaded"),
    "employment_area.created": pgettext_lazy("audit action", "Employment area created"),
    "employment_area.updated": pgettext_lazy("audit action", "Employment area updated"),
    "esf.project_classified": pgettext_lazy("audit action", "Project classified"),
    "esf.projects_imported": pgettext_lazy("audit action", "Projects imported"),
    "follow_up.recorded": pgettext_lazy("audit action", "Follow-up recorded"),
    "group_data.withdrawn": pgettext_lazy("audit action", "Group data withdrawn"),
    "guide.saved": pgettext_lazy("audit action", "Supervisor's guide saved"),
    "hiring_case.carved": pgettext_lazy("audit action", "Job proposals made"),
    "hiring_case.claim_period_set": pgettext_lazy("audit action", "Payment period of the support chosen"),
    "hiring_case.created": pgettext_lazy("audit action", "Hiring case started"),
    "hiring_case.updated": pgettext_lazy("audit action", "Hiring case updated"),
    "identity.revealed": pgettext_lazy("audit action", "Name shown to an employer"),
    "identity.withdrawn": pgettext_lazy("audit action", "Name hidden from an employer"),
    "interest.given": pgettext_lazy("audit action", "Interest in a job shown"),
    "inventory.created": pgettext_lazy("audit action", "Task inventory saved"),
    "inventory.updated": pgettext_lazy("audit action", "Task inventory updated"),
    "job.created": pgettext_lazy("audit action", "Job published"),
    "job.probe": pgettext_lazy("audit action", "Job checked"),
    "job.updated": pgettext_lazy("audit action", "Job updated"),
    "matching_run.recorded": pgettext_lazy("audit action", "Matches searched"),
    "matching_weights.set": pgettext_lazy("audit action", "Matching weights changed"),
    "meeting.answered": pgettext_lazy("audit action", "Request to meet answered"),
    "meeting.asked": pgettext_lazy("audit action", "Asked to meet"),
    "municipality.added": pgettext_lazy("audit action", "Municipality added"),
    "onboarding.saved": pgettext_lazy("audit action", "Start plan saved"),
    "organisation.created": pgettext_lazy("audit action", "Organisation added"),
    "organisation.updated": pgettext_lazy("audit action", "Organisation updated"),
    "outreach.activity_recorded": pgettext_lazy("audit action", "Contact with an employer recorded"),
    "outreach.contact_added": pgettext_lazy("audit action", "Employer contact added"),
    "outreach.need_found": pgettext_lazy("audit action", "Hiring need recorded"),
    "outreach.need_to_case": pgettext_lazy("audit action", "Hiring need turned into a case"),
    "outreach.register_imported": pgettext_lazy("audit action", "Employer register imported"),
    "outreach.relation_updated": pgettext_lazy("audit action", "Employer relation updated"),
    "personal_data.viewed": pgettext_lazy("audit action", "Personal data viewed"),
    "plainlang_rules.set": pgettext_lazy("audit action", "Plain-language rules changed"),
    "retention.applied": pgettext_lazy("audit action", "Old data removed"),
    "retention_rule.deleted": pgettext_lazy("audit action", "Retention rule deleted"),
    "retention_rule.saved": pgettext_lazy("audit action", "Retention rule saved"),
    "risk_card.answered": pgettext_lazy("audit action", "Risk card answered by the person"),
    "risk_card.asked": pgettext_lazy("audit action", "Risk card made for the person to see first"),
    "seeker_profile.created": pgettext_lazy("audit action", "Profile created"),
    "seeker_profile.deleted": pgettext_lazy("audit action", "Profile deleted"),
    "seeker_profile.updated": pgettext_lazy("audit action", "Profile updated"),
    "session.locked_out": pgettext_lazy("audit action", "Sign-in locked after failed attempts"),
    "session.signed_in": pgettext_lazy("audit action", "Signed in"),
    "session.signed_out": pgettext_lazy("audit action", "Signed out"),
    "starter_link.reviewed": pgettext_lazy("audit action", "Skill link reviewed"),
    "talent_pool.carved": pgettext_lazy("audit action", "Talent pool proposals made"),
    "talent_pool.case_started": pgettext_lazy("audit action", "Hiring case started from a talent pool"),
    "talent_pool.created": pgettext_lazy("audit action", "Talent pool created"),
    "user.created": pgettext_lazy("audit action", "User added"),
    "user.language_changed": pgettext_lazy("audit action", "Language changed"),
    "work_trial.observed": pgettext_lazy("audit action", "Work trial observations recorded"),
    "work_trial.pace_recorded": pgettext_lazy("audit action", "Work trial pace recorded"),
    "work_trial.planned": pgettext_lazy("audit action", "Work trial planned"),
    "work_trial.proposal_answered": pgettext_lazy("audit action", "Work trial observations answered"),
}


def action_text(code: str) -> str:
    """An action as a reader says it; an action without a label yet reads as a change of its kind."""
    label = ACTIONS.get(code)
    if label is not None:
        return str(label)
    return pgettext("audit action", "Other change")


def object_text(object_type: str) -> str:
    """``accounts.user`` as "käyttäjä": the model's own name in the reader's language."""
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return ""
    return str(model._meta.verbose_name)
