"""An employer's hiring case: from the need for workers to a carved, supported, published job."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.matching.models import JobPosting, MatchingRun, SeekerProfile


class HiringCase(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="hiring_cases",
        verbose_name=pgettext_lazy("model", "organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(pgettext_lazy("field", "title"), max_length=200)
    need = models.JSONField(pgettext_lazy("field", "the need"), default=dict, blank=True)
    inventory = models.JSONField(pgettext_lazy("field", "roles and tasks"), default=dict, blank=True)
    chosen = models.JSONField(pgettext_lazy("field", "chosen carved job"), default=dict, blank=True)
    person = models.CharField(pgettext_lazy("field", "pseudonym"), max_length=16, blank=True)
    support_facts = models.JSONField(
        pgettext_lazy("field", "facts for the supports (never used for the fit)"), default=dict, blank=True
    )
    planned_start = models.DateField(pgettext_lazy("field", "planned start"), null=True, blank=True)
    ad_text = models.TextField(pgettext_lazy("field", "job ad"), blank=True)
    ad_details = models.JSONField(  # the ad's practical part: pay, contact, how to apply, last day
        pgettext_lazy("field", "practical details of the ad"), default=dict, blank=True
    )
    job = models.ForeignKey(JobPosting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    shortlist = models.ForeignKey(
        MatchingRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(
        pgettext_lazy("field", "hiring decision"),
        max_length=10,
        blank=True,
        choices=[
            ("hired", pgettext_lazy("decision", "Hired")),
            ("not_hired", pgettext_lazy("decision", "Not hired")),
        ],
    )
    decided_on = models.DateField(null=True, blank=True)
    hired = models.ForeignKey(
        SeekerProfile, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claim_period_months = models.PositiveSmallIntegerField(  # the payment period chosen in the application
        pgettext_lazy("field", "payment period (months)"), default=1, choices=[(1, "1"), (2, "2"), (3, "3")]
    )
    version = models.PositiveIntegerField(default=1, editable=False)  # optimistic concurrency
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = pgettext_lazy("model", "hiring case")
        verbose_name_plural = pgettext_lazy("model", "hiring cases")

    def __str__(self) -> str:
        return self.title


class MeetingStatus(models.TextChoices):
    ASKED = "asked", pgettext_lazy("meeting", "Asked")
    ACCEPTED = "accepted", pgettext_lazy("meeting", "Accepted")
    DECLINED = "declined", pgettext_lazy("meeting", "Declined")


class MeetingRequest(models.Model):
    """The employer asks to meet a pseudonymised candidate; the person's yes reveals their name."""

    case = models.ForeignKey(HiringCase, on_delete=models.CASCADE, related_name="meetings")
    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="meeting_requests")
    status = models.CharField(max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.ASKED)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # the person learns whom to contact
    contact = models.CharField(  # what the person chose to give the employer with their yes
        pgettext_lazy("field", "how to reach me"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = pgettext_lazy("model", "request to meet")
        verbose_name_plural = pgettext_lazy("model", "requests to meet")
        constraints = [models.UniqueConstraint(fields=["case", "profile"], name="one_request_per_case")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.profile_id} ({self.status})"


class WorkTrial(models.Model):
    """A planned work trial (työkokeilu) with one candidate: its goals, tasks and supervisor, what was
    observed against the functional vocabulary, and whether the person took it into their profile."""

    case = models.ForeignKey(HiringCase, on_delete=models.CASCADE, related_name="trials")
    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="+")
    starts_on = models.DateField(pgettext_lazy("field", "starts"))
    ends_on = models.DateField(pgettext_lazy("field", "ends"))
    notes = models.TextField(pgettext_lazy("field", "notes"), blank=True)
    supervisor = models.CharField(pgettext_lazy("field", "supervisor"), max_length=120, blank=True)
    tasks = models.JSONField(pgettext_lazy("field", "tasks tried"), default=list, blank=True)
    observations = models.JSONField(
        pgettext_lazy("field", "observed capacity (attribute: level 0-5)"), default=dict, blank=True
    )
    observed_on = models.DateField(pgettext_lazy("field", "observed on"), null=True, blank=True)
    pace = models.JSONField(  # [{"task": name, "week": 1-26, "percent": 0-200}], see kohtaanto.carving.ramp
        pgettext_lazy("field", "pace by task and week"), default=list, blank=True
    )
    proposal = models.CharField(
        pgettext_lazy("field", "capacity update"),
        max_length=10,
        blank=True,
        choices=[
            ("proposed", pgettext_lazy("trial proposal", "Proposed to the person")),
            ("accepted", pgettext_lazy("trial proposal", "Accepted by the person")),
            ("declined", pgettext_lazy("trial proposal", "Declined by the person")),
        ],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = pgettext_lazy("model", "work trial")
        verbose_name_plural = pgettext_lazy("model", "work trials")
        constraints = [
            models.CheckConstraint(
                name="trial_ends_after_start", condition=models.Q(ends_on__gte=models.F("starts_on"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.starts_on}–{self.ends_on}"


class RiskCardState(models.TextChoices):
    WAITING = "waiting", pgettext_lazy("risk card", "Waiting for the person")
    SHARED = "shared", pgettext_lazy("risk card", "Trial evidence shared")
    WITHHELD = "withheld", pgettext_lazy("risk card", "Trial evidence kept")


class RiskCard(models.Model):
    """An employer's request for the risk card of a hire, and the person's answer to it.

    The person sees the card first; the employer sees it only once the person has answered, and sees the
    work-trial evidence (the pace observations) only if the person shared it. A card without the evidence
    looks the same as a card of a trial that observed no pace, so keeping it tells the employer nothing."""

    case = models.ForeignKey(HiringCase, on_delete=models.CASCADE, related_name="risk_cards")
    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=RiskCardState.choices, default=RiskCardState.WAITING)
    asked_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_in = models.CharField(max_length=8, blank=True)  # the language the card was shown in
    version = models.PositiveIntegerField(default=1, editable=False)  # optimistic concurrency

    class Meta:
        verbose_name = pgettext_lazy("model", "risk card")
        verbose_name_plural = pgettext_lazy("model", "risk cards")
        constraints = [models.UniqueConstraint(fields=["case", "profile"], name="one_risk_card_per_person")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.profile_id} ({self.state})"


class WorkplaceGuide(models.Model):
    """The guide for the supervisor and the workplace instructor of a hire, in one language, with the
    plain-language check it had when it was saved."""

    case = models.OneToOneField(HiringCase, on_delete=models.CASCADE, related_name="guide")
    language = models.CharField(max_length=8)
    text = models.TextField(pgettext_lazy("field", "guide"))
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # the plain-language score at save
    findings = models.PositiveSmallIntegerField(default=0)
    saved_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = pgettext_lazy("model", "supervisor's guide")
        verbose_name_plural = pgettext_lazy("model", "supervisor's guides")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.language}"


class OnboardingPlan(models.Model):
    """How the new worker starts: a mentor, induction steps, plain-language instructions, adjustments."""

    case = models.OneToOneField(HiringCase, on_delete=models.CASCADE, related_name="onboarding")
    mentor = models.CharField(pgettext_lazy("field", "mentor"), max_length=120)
    starts_on = models.DateField(pgettext_lazy("field", "first working day"))
    steps = models.JSONField(pgettext_lazy("field", "induction steps"), default=list)
    instructions = models.TextField(pgettext_lazy("field", "instructions"), blank=True)
    arranged = models.JSONField(pgettext_lazy("field", "adjustments arranged"), default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "onboarding plan")
        verbose_name_plural = pgettext_lazy("model", "onboarding plans")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.starts_on}"


class FollowUp(models.Model):
    """A follow-up at 1, 3, 6 or 12 months: whether the person is still employed and for how many hours, how
    the job works, and whether the carved job needs adjusting."""

    case = models.ForeignKey(HiringCase, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField()
    due_on = models.DateField(pgettext_lazy("field", "due"))
    done_on = models.DateField(pgettext_lazy("field", "done"), null=True, blank=True)
    notes = models.TextField(pgettext_lazy("field", "notes"), blank=True)
    adjust = models.BooleanField(pgettext_lazy("field", "the job needs adjusting"), default=False)
    still_employed = models.BooleanField(pgettext_lazy("field", "still employed"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        pgettext_lazy("field", "hours a week now"), max_digits=4, decimal_places=1, null=True, blank=True
    )

    class Meta:
        ordering = ["due_on"]
        verbose_name = pgettext_lazy("model", "follow-up")
        verbose_name_plural = pgettext_lazy("model", "follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["case", "months"], name="one_follow_up_per_month_mark")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.months} kk"
