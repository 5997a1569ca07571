"""Employer outreach in an employment area: the relationship with each employer, its contacts, the visits
and calls, and the needs found (hidden jobs) that become hiring cases.

The practice follows IPS employer-relationship building: recurring contacts, learning the employer's needs
before proposing anyone, the employer treated as a customer.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.hiring.models import HiringCase


class Stage(models.TextChoices):
    FIRST_CONTACT = "first_contact", pgettext_lazy("outreach stage", "First contact")
    LEARNING = "learning", pgettext_lazy("outreach stage", "Learning the needs")
    NEED_FOUND = "need_found", pgettext_lazy("outreach stage", "Need found")
    PROPOSING = "proposing", pgettext_lazy("outreach stage", "Proposing people")
    HIRED = "hired", pgettext_lazy("outreach stage", "Hired")
    FOLLOW_UP = "follow_up", pgettext_lazy("outreach stage", "Follow-up")


class ActivityKind(models.TextChoices):
    VISIT = "visit", pgettext_lazy("outreach activity", "Visit")
    CALL = "call", pgettext_lazy("outreach activity", "Call")
    MEETING = "meeting", pgettext_lazy("outreach activity", "Meeting")
    EMAIL = "email", pgettext_lazy("outreach activity", "Email")
    THANK_YOU = "thank_you", pgettext_lazy("outreach activity", "Thank-you note")
    OTHER = "other", pgettext_lazy("outreach activity", "Other")


class EmployerRelation(models.Model):
    """The area's relationship with one employer: where it stands and when to get in touch next."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="relation",
        verbose_name=pgettext_lazy("model", "organisation"),
    )
    stage = models.CharField(
        pgettext_lazy("field", "stage"), max_length=16, choices=Stage.choices, default=Stage.FIRST_CONTACT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("field", "responsible professional"),
    )
    strategic = models.BooleanField(pgettext_lazy("field", "key employer"), default=False)
    next_contact_on = models.DateField(pgettext_lazy("field", "next contact"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["next_contact_on", "organisation__name"]
        verbose_name = pgettext_lazy("model", "employer relationship")
        verbose_name_plural = pgettext_lazy("model", "employer relationships")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.stage}"


class Contact(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(pgettext_lazy("field", "name"), max_length=120)
    title = models.CharField(pgettext_lazy("field", "job title"), max_length=120, blank=True)
    phone = models.CharField(pgettext_lazy("field", "phone"), max_length=40, blank=True)
    email = models.EmailField(pgettext_lazy("field", "email"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("model", "employer contact")
        verbose_name_plural = pgettext_lazy("model", "employer contacts")

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """A visit, call, meeting or note with an employer, by a professional."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(pgettext_lazy("field", "kind"), max_length=12, choices=ActivityKind.choices)
    happened_on = models.DateField(pgettext_lazy("field", "date"))
    notes = models.TextField(pgettext_lazy("field", "notes"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-pk"]
        verbose_name = pgettext_lazy("model", "contact with an employer")
        verbose_name_plural = pgettext_lazy("model", "contacts with employers")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.kind} {self.happened_on}"


class Need(models.Model):
    """A need for work found with the employer ("we'd need someone for a few hours a week…")."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="needs")
    text = models.TextField(pgettext_lazy("field", "the need in the employer's words"))
    roles = models.CharField(pgettext_lazy("field", "overloaded roles"), max_length=300, blank=True)
    hours_per_week = models.DecimalField(
        pgettext_lazy("field", "hours a week (estimate)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
    )
    found_on = models.DateField(pgettext_lazy("field", "found on"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    case = models.ForeignKey(HiringCase, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-found_on", "-pk"]
        verbose_name = pgettext_lazy("model", "need found")
        verbose_name_plural = pgettext_lazy("model", "needs found")

    def __str__(self) -> str:
        return self.text[:60]


class TalentPool(models.Model):
    """An osaajapooli: small employers of one area that share a professional's recruitment and HR support,
    and can share one carved job (an employer-group arrangement)."""

    name = models.CharField(pgettext_lazy("field", "name"), max_length=120)
    area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="talent_pools",
        verbose_name=pgettext_lazy("model", "employment area"),
    )
    members = models.ManyToManyField(
        Organisation, related_name="talent_pools", verbose_name=pgettext_lazy("field", "member employers")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("model", "talent pool")
        verbose_name_plural = pgettext_lazy("model", "talent pools")

    def __str__(self) -> str:
        return self.name
