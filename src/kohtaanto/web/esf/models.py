"""ESF+ projects imported from EURA 2021 or Kohesio, their methods and target groups (classified from the
description, or set by hand), the caseload entries they fund, and the participant records the common
indicators are counted from."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import pgettext_lazy

from kohtaanto.web.coaching.models import CaseloadEntry


class Project(models.Model):
    source = models.CharField(pgettext_lazy("field", "source"), max_length=10)  # eura2021 | kohesio
    code = models.CharField(pgettext_lazy("field", "project code"), max_length=60, unique=True)
    name = models.CharField(pgettext_lazy("field", "name"), max_length=400)
    implementer = models.CharField(pgettext_lazy("field", "implementer"), max_length=300, blank=True)
    business_id = models.CharField(pgettext_lazy("field", "business ID (Y-tunnus)"), max_length=9, blank=True)
    fund = models.CharField(pgettext_lazy("field", "fund"), max_length=40, blank=True)
    starts_on = models.DateField(pgettext_lazy("field", "starts"), null=True, blank=True)
    ends_on = models.DateField(pgettext_lazy("field", "ends"), null=True, blank=True)
    summary = models.TextField(pgettext_lazy("field", "summary"), blank=True)
    eu_funding = models.DecimalField(
        pgettext_lazy("field", "planned EU and state funding"), max_digits=14, decimal_places=2, null=True
    )
    nuts = models.CharField(pgettext_lazy("field", "region (NUTS)"), max_length=120, blank=True)
    methods = models.JSONField(pgettext_lazy("field", "methods"), default=list, blank=True)
    target_groups = models.JSONField(pgettext_lazy("field", "target groups"), default=list, blank=True)
    evidence = models.JSONField(pgettext_lazy("field", "classification evidence"), default=dict, blank=True)
    manual = models.BooleanField(pgettext_lazy("field", "set by hand"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = pgettext_lazy("model", "ESF+ project")
        verbose_name_plural = pgettext_lazy("model", "ESF+ projects")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Gender(models.TextChoices):
    WOMAN = "woman", pgettext_lazy("esf gender", "Woman")
    MAN = "man", pgettext_lazy("esf gender", "Man")
    NON_BINARY = "non_binary", pgettext_lazy("esf gender", "Non-binary")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", pgettext_lazy("esf age", "Under 18")
    FROM_18_TO_29 = "18_29", pgettext_lazy("esf age", "18–29")
    FROM_30_TO_54 = "30_54", pgettext_lazy("esf age", "30–54")
    FROM_55 = "55_plus", pgettext_lazy("esf age", "55 or over")


class EntryStatus(models.TextChoices):
    LONG_TERM_UNEMPLOYED = (
        "long_term_unemployed",
        pgettext_lazy("esf status", "Unemployed for 12 months or more (6 months under 25)"),
    )
    UNEMPLOYED = "unemployed", pgettext_lazy("esf status", "Unemployed, for a shorter time")
    INACTIVE = "inactive", pgettext_lazy("esf status", "Not working and not looking for work")
    EMPLOYED = "employed", pgettext_lazy("esf status", "Employed or self-employed")


class Education(models.TextChoices):
    ISCED_0_2 = "isced_0_2", pgettext_lazy("esf education", "Basic education or less (ISCED 0–2)")
    ISCED_3_4 = "isced_3_4", pgettext_lazy("esf education", "Upper secondary or vocational (ISCED 3–4)")
    ISCED_5_8 = "isced_5_8", pgettext_lazy("esf education", "Higher education (ISCED 5–8)")


class SensitiveAnswer(models.TextChoices):
    YES = "yes", pgettext_lazy("esf answer", "Yes")
    NO = "no", pgettext_lazy("esf answer", "No")
    DECLINED = "declined", pgettext_lazy("esf answer", "Does not want to answer")


class LeavingStatus(models.TextChoices):
    EMPLOYED = "employed", pgettext_lazy("esf leaving", "In work or self-employed")
    EDUCATION = "education", pgettext_lazy("esf leaving", "In education or training")
    JOB_SEARCHING = "job_searching", pgettext_lazy("esf leaving", "Looking for work")
    OTHER = "other", pgettext_lazy("esf leaving", "Something else")


def _choice(label: Any, choices: type[models.TextChoices], length: int) -> models.CharField[str, str]:
    """One answer of the record: a choice, or empty while not recorded."""
    return models.CharField(label, max_length=length, choices=choices.choices, blank=True)


class ParticipantRecord(models.Model):
    """What the ESF+ common indicators need of one participant (Regulation (EU) 2021/1057, Annex I), kept
    apart from everything else: the coach records it with the person, only for the project's report. It
    never enters matching, carving or any page an employer sees. Empty is "not recorded yet"."""

    entry = models.OneToOneField(CaseloadEntry, on_delete=models.CASCADE, related_name="esf_record")
    entered_on = models.DateField(pgettext_lazy("field", "started in the project"), null=True, blank=True)
    left_on = models.DateField(pgettext_lazy("field", "left the project"), null=True, blank=True)
    gender = _choice(pgettext_lazy("field", "gender"), Gender, 10)
    age_group = _choice(pgettext_lazy("field", "age at the start"), AgeGroup, 10)
    status_at_entry = _choice(pgettext_lazy("field", "work situation at the start"), EntryStatus, 20)
    education = _choice(pgettext_lazy("field", "highest education at the start"), Education, 10)
    disability = _choice(pgettext_lazy("field", "disability"), SensitiveAnswer, 8)
    third_country_national = _choice(
        pgettext_lazy("field", "citizen of a country outside the EU"), SensitiveAnswer, 8
    )
    foreign_background = _choice(pgettext_lazy("field", "foreign background"), SensitiveAnswer, 8)
    minority = _choice(pgettext_lazy("field", "minority"), SensitiveAnswer, 8)
    homeless = _choice(pgettext_lazy("field", "homeless or without a stable home"), SensitiveAnswer, 8)
    rural = _choice(pgettext_lazy("field", "lives in a rural area"), SensitiveAnswer, 8)
    leaving_status = _choice(pgettext_lazy("field", "situation on leaving"), LeavingStatus, 14)
    qualification_gained = models.BooleanField(
        pgettext_lazy("field", "gained a qualification"), null=True, blank=True
    )
    employed_after_6_months = models.BooleanField(
        pgettext_lazy("field", "in work six months after leaving"), null=True, blank=True
    )
    improved_after_6_months = models.BooleanField(
        pgettext_lazy("field", "better work situation six months after leaving"), null=True, blank=True
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "ESF+ participant record")

    def __str__(self) -> str:
        return f"ESF+ participant record {self.pk}"
