"""Matching data: job seekers' profiles, jobs, workplace task inventories, recorded runs.

A profile holds only what matching may use (skills, disclosed capacities, hours, place, working
language, preferences). Opt-in group data for fairness reports lives in its own table, never read by
the pool. A person's identity reaches an employer only through an :class:`IdentityReveal` the person
made.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import EmploymentArea, Organisation

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_pseudonym() -> str:
    return "K-" + "".join(secrets.choice(_ALPHABET) for _ in range(8))


class SeekerProfile(models.Model):
    """What a job seeker offers, as the matcher may see it. ``spec`` is a validated ProfileIn."""

    pseudonym = models.CharField(
        pgettext_lazy("field", "pseudonym"), max_length=16, unique=True, default=new_pseudonym, editable=False
    )
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="seeker_profile",
        verbose_name=pgettext_lazy("field", "person"),
    )
    area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.PROTECT,
        related_name="seeker_profiles",
        verbose_name=pgettext_lazy("model", "employment area"),
    )
    spec = models.JSONField(pgettext_lazy("field", "profile"))
    digest = models.CharField(max_length=64, editable=False)
    looking = models.BooleanField(pgettext_lazy("field", "looking for work"), default=True)
    story = models.TextField(pgettext_lazy("field", "my skills in my own words"), blank=True)
    story_language = models.CharField(max_length=2, blank=True)
    details = models.JSONField(
        pgettext_lazy("field", "work history, education and languages"), default=dict, blank=True
    )
    benefit = models.JSONField(
        pgettext_lazy("field", "my benefit situation (only I see it)"), default=dict, blank=True
    )
    open_to_employers = models.BooleanField(
        pgettext_lazy("field", "shown to employers (without name)"), default=False
    )
    share_accommodations = models.BooleanField(
        pgettext_lazy("field", "employers see the accommodations I need"), default=False
    )
    share_with_coach = models.BooleanField(
        pgettext_lazy("field", "my employment coach sees my own words and work history"), default=False
    )
    study_plan = models.JSONField(
        pgettext_lazy("field", "studies I am planning (the question 'can I study while unemployed?')"),
        default=dict,
        blank=True,
    )
    version = models.PositiveIntegerField(default=1, editable=False)  # optimistic concurrency (ETag)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["pseudonym"]
        verbose_name = pgettext_lazy("model", "job seeker profile")
        verbose_name_plural = pgettext_lazy("model", "job seeker profiles")

    def __str__(self) -> str:
        return self.pseudonym


class JobStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("job status", "Open")
    CLOSED = "closed", pgettext_lazy("job status", "Closed")


class JobKind(models.TextChoices):
    ORDINARY = "ordinary", pgettext_lazy("job kind", "Ordinary vacancy")
    CARVED = "carved", pgettext_lazy("job kind", "Carved job")


class JobPosting(models.Model):
    """A vacancy or a carved job. ``spec`` is a validated JobSpecIn."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="jobs",
        verbose_name=pgettext_lazy("model", "organisation"),
    )
    title = models.CharField(pgettext_lazy("field", "title"), max_length=200)
    description = models.TextField(pgettext_lazy("field", "description"), blank=True)
    kind = models.CharField(
        pgettext_lazy("field", "kind"), max_length=8, choices=JobKind.choices, default=JobKind.ORDINARY
    )
    status = models.CharField(
        pgettext_lazy("field", "status"), max_length=8, choices=JobStatus.choices, default=JobStatus.OPEN
    )
    headcount = models.PositiveSmallIntegerField(pgettext_lazy("field", "people to hire"), default=1)
    spec = models.JSONField(pgettext_lazy("field", "requirements"))
    version = models.PositiveIntegerField(default=1, editable=False)  # optimistic concurrency (ETag)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = pgettext_lazy("model", "job")
        verbose_name_plural = pgettext_lazy("model", "jobs")
        constraints = [
            models.CheckConstraint(name="job_headcount_positive", condition=models.Q(headcount__gte=1))
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ref(self) -> str:
        return f"job-{self.pk}"


class WorkplaceInventory(models.Model):
    """A workplace's roles and tasks (kohtaanto.carving/1), for finding jobs that could be carved."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="inventory",
        verbose_name=pgettext_lazy("model", "organisation"),
    )
    payload = models.JSONField(pgettext_lazy("field", "roles and tasks"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = pgettext_lazy("model", "workplace task inventory")
        verbose_name_plural = pgettext_lazy("model", "workplace task inventories")

    def __str__(self) -> str:
        return str(self.payload.get("workplace", {}).get("name", self.pk))


class GroupDimension(models.TextChoices):
    AGE_BAND = "age_band", pgettext_lazy("group", "Age band")
    GENDER = "gender", pgettext_lazy("group", "Gender")
    ORIGIN = "origin", pgettext_lazy("group", "Born in Finland or abroad")
    LANGUAGE = "language", pgettext_lazy("group", "Mother tongue group")
    DISABILITY = "disability", pgettext_lazy("group", "Disability or long-term illness")


class GroupDatum(models.Model):
    """Opt-in, self-reported group data for fairness reports only. Never read by the matcher."""

    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="+")
    dimension = models.CharField(max_length=12, choices=GroupDimension.choices)
    value = models.CharField(max_length=40)
    consented_at = models.DateTimeField()

    class Meta:
        verbose_name = pgettext_lazy("model", "opt-in group datum")
        verbose_name_plural = pgettext_lazy("model", "opt-in group data")
        constraints = [
            models.UniqueConstraint(fields=["profile", "dimension"], name="one_value_per_dimension")
        ]

    def __str__(self) -> str:
        return f"{self.profile_id}: {self.dimension}"


class IdentityReveal(models.Model):
    """The person agreed that this organisation may see who they are."""

    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="reveals")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    share_accommodations = models.BooleanField(
        pgettext_lazy("field", "this employer sees the adjustments I need"), default=False
    )
    items = models.JSONField(
        pgettext_lazy("field", "what else this employer sees (work history, education, languages)"),
        default=list,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "identity shared with an employer")
        verbose_name_plural = pgettext_lazy("model", "identities shared with employers")
        constraints = [models.UniqueConstraint(fields=["profile", "organisation"], name="one_reveal_per_org")]

    def __str__(self) -> str:
        return f"{self.profile_id} → {self.organisation_id}"


class Interest(models.Model):
    """The person said "kiinnostaa" (interested) about a job; the employer sees it with the pseudonym."""

    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="interests")
    job = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="interests")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "interest in a job")
        verbose_name_plural = pgettext_lazy("model", "interests in jobs")
        constraints = [models.UniqueConstraint(fields=["profile", "job"], name="one_interest_per_job")]

    def __str__(self) -> str:
        return f"{self.profile_id} → {self.job_id}"


class AreaWeights(models.Model):
    """Matching weights chosen by an employment area (kohtaanto.matching.score.Weights fields)."""

    area = models.OneToOneField(EmploymentArea, on_delete=models.CASCADE, related_name="matching_weights")
    weights = models.JSONField(pgettext_lazy("field", "weights"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "matching weights")
        verbose_name_plural = pgettext_lazy("model", "matching weights")

    def __str__(self) -> str:
        return str(self.area)


class RunKind(models.TextChoices):
    JOB = "job", pgettext_lazy("run kind", "People for a job")
    PERSON = "person", pgettext_lazy("run kind", "Jobs for a person")
    POOL = "pool", pgettext_lazy("run kind", "Pool assignment")


class MatchingRun(models.Model):
    """One matching run: who ran it, when, on what (digest), with which weights, and what came out."""

    kind = models.CharField(max_length=8, choices=RunKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_username = models.CharField(max_length=150, blank=True)
    actor_role = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField()
    job = models.ForeignKey(JobPosting, on_delete=models.SET_NULL, null=True, blank=True, related_name="runs")
    profile = models.ForeignKey(
        SeekerProfile, on_delete=models.SET_NULL, null=True, blank=True, related_name="runs"
    )
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inputs_digest = models.CharField(max_length=64)
    weights = models.JSONField()
    considered = models.JSONField(default=list)  # pseudonyms (or job refs) the run looked at
    results = models.JSONField(default=list)
    language = models.CharField(max_length=2, default="fi")
    # An employer's job → people run: the job's shape without its demands, and the demands, to see a
    # series of jobs that differ in one demand only (a probe of people's capacities).
    job_shape = models.CharField(max_length=64, blank=True, db_index=True)
    demands_digest = models.CharField(max_length=64, blank=True)
    probe = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = pgettext_lazy("model", "matching run")
        verbose_name_plural = pgettext_lazy("model", "matching runs")

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} ({self.created_at:%Y-%m-%d %H:%M})"


class ConsentPurpose(models.TextChoices):
    """What a consent is for. Each purpose has a versioned text (``kohtaanto.web.matching.consent``)."""

    SHOWN_TO_EMPLOYERS = "shown_to_employers", pgettext_lazy("consent", "Shown to employers without name")
    ADJUSTMENTS_TO_EMPLOYERS = (
        "adjustments_to_employers",
        pgettext_lazy("consent", "Employers see the adjustments I need"),
    )
    COACH_READS = "coach_reads", pgettext_lazy("consent", "My coach reads my own words and work history")
    IDENTITY = "identity", pgettext_lazy("consent", "This employer knows my name")
    ADJUSTMENTS_TO_EMPLOYER = (
        "adjustments_to_employer",
        pgettext_lazy("consent", "This employer sees the adjustments I need"),
    )
    ITEMS_TO_EMPLOYER = (
        "items_to_employer",
        pgettext_lazy("consent", "This employer sees parts of my profile"),
    )
    GROUP_DATA = "group_data", pgettext_lazy("consent", "Group data for fairness reports")
    STUDY_PLAN_TO_COACH = (
        "study_plan_to_coach",
        pgettext_lazy("consent", "My coach sees the studies I plan and the answer about my benefit"),
    )


class ConsentRecord(models.Model):
    """One entry of the consent ledger: a consent given or withdrawn, for one purpose and one recipient,
    under one version of the consent text. Rows are only ever added; the newest row per purpose and
    recipient is the consent in force. The profile's flags and reveals are the projection the app reads."""

    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=32, choices=ConsentPurpose.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient = models.CharField(max_length=200)
    scope = models.JSONField(default=list, blank=True)
    granted = models.BooleanField()
    text_version = models.CharField(max_length=20)
    text_digest = models.CharField(max_length=64)
    # the language the person read the text in, and a SHA-256 of the words as shown in it
    language = models.CharField(max_length=8, default="fi")
    shown_digest = models.CharField(max_length=64, blank=True, default="")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = pgettext_lazy("model", "consent")
        verbose_name_plural = pgettext_lazy("model", "consent ledger")
        indexes = [models.Index(fields=["profile", "purpose", "organisation"], name="consent_lookup")]

    def __str__(self) -> str:
        return f"{self.profile_id}: {self.purpose} {'+' if self.granted else '-'}"
