"""A professional's caseload: the job seekers they work with, where each stands, the next action, and the
methods used (for the outcome reports)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.matching.models import SeekerProfile


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("caseload status", "New")
    SKILLS = "skills", pgettext_lazy("caseload status", "Mapping skills and capacity")
    SEARCHING = "searching", pgettext_lazy("caseload status", "Looking for work")
    WORK_TRIAL = "work_trial", pgettext_lazy("caseload status", "In a work trial")
    EMPLOYED = "employed", pgettext_lazy("caseload status", "Employed")
    FOLLOW_UP = "follow_up", pgettext_lazy("caseload status", "Follow-up")
    PAUSED = "paused", pgettext_lazy("caseload status", "Paused")
    CLOSED = "closed", pgettext_lazy("caseload status", "Closed")


class Method(models.TextChoices):
    """The methods of the seed's recommendations for the employment areas, recorded per person."""

    JOB_MODIFICATION = "job_modification", pgettext_lazy("method", "Job modification")
    MATCHING = "matching", pgettext_lazy("method", "Matching")
    RECRUITMENT_SUPPORT = (
        "recruitment_support",
        pgettext_lazy("method", "Recruitment support for the employer"),
    )
    HIDDEN_JOBS = "hidden_jobs", pgettext_lazy("method", "Search for hidden jobs")
    WORK_TRIAL = "work_trial", pgettext_lazy("method", "Work trial")
    APPRENTICESHIP = "apprenticeship", pgettext_lazy("method", "Apprenticeship")
    PLAIN_ONBOARDING = "plain_onboarding", pgettext_lazy("method", "Plain-language onboarding")


class CaseloadEntry(models.Model):
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="caseload"
    )
    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="coaches")
    status = models.CharField(
        pgettext_lazy("field", "status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    next_action = models.CharField(pgettext_lazy("field", "next action"), max_length=200, blank=True)
    next_action_on = models.DateField(pgettext_lazy("field", "next action on"), null=True, blank=True)
    methods = models.JSONField(pgettext_lazy("field", "methods used"), default=list, blank=True)
    project = models.ForeignKey(
        "esf.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=pgettext_lazy("field", "funding ESF+ project"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["next_action_on", "pk"]
        verbose_name = pgettext_lazy("model", "caseload entry")
        verbose_name_plural = pgettext_lazy("model", "caseload")
        constraints = [
            models.UniqueConstraint(fields=["professional", "profile"], name="one_entry_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.professional_id} → {self.profile_id}"
