"""Employment areas, municipalities, organisations and users with one role each."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, pgettext_lazy

from kohtaanto.core.identifiers import BusinessId, InvalidBusinessId
from kohtaanto.web.core.roles import Role


class Language(models.TextChoices):
    FI = "fi", "suomi"
    SV = "sv", "svenska"
    EN = "en", "English"
    RU = "ru", "Русский"
    ET = "et", "Eesti"
    AR = "ar", "العربية"
    UK = "uk", "Українська"
    SO = "so", "Soomaali"


class LegalForm(models.TextChoices):
    COMPANY = "company", pgettext_lazy("legal form", "Company")
    ASSOCIATION = "association", pgettext_lazy("legal form", "Association")
    FOUNDATION = "foundation", pgettext_lazy("legal form", "Foundation")
    RELIGIOUS_COMMUNITY = "religious_community", pgettext_lazy("legal form", "Religious community")
    MUNICIPALITY = "municipality", pgettext_lazy("legal form", "Municipality")


class SizeClass(models.TextChoices):
    """EU SME size classes by head count (Commission Recommendation 2003/361/EC)."""

    MICRO = "micro", pgettext_lazy("size class", "Micro (under 10 people)")
    SMALL = "small", pgettext_lazy("size class", "Small (10–49 people)")
    MEDIUM = "medium", pgettext_lazy("size class", "Medium (50–249 people)")
    LARGE = "large", pgettext_lazy("size class", "Large (250 people or more)")


class Sector(models.TextChoices):
    """Main sections of the Finnish Standard Industrial Classification TOL 2008 (Statistics Finland)."""

    A = "A", pgettext_lazy("sector", "Agriculture, forestry and fishing")
    B = "B", pgettext_lazy("sector", "Mining and quarrying")
    C = "C", pgettext_lazy("sector", "Manufacturing")
    D = "D", pgettext_lazy("sector", "Electricity, gas, steam and air conditioning supply")
    E = "E", pgettext_lazy("sector", "Water supply; sewerage, waste management and remediation")
    F = "F", pgettext_lazy("sector", "Construction")
    G = "G", pgettext_lazy("sector", "Wholesale and retail trade")
    H = "H", pgettext_lazy("sector", "Transportation and storage")
    I = "I", pgettext_lazy("sector", "Accommodation and food service activities")  # noqa: E741
    J = "J", pgettext_lazy("sector", "Information and communication")
    K = "K", pgettext_lazy("sector", "Financial and insurance activities")
    L = "L", pgettext_lazy("sector", "Real estate activities")
    M = "M", pgettext_lazy("sector", "Professional, scientific and technical activities")
    N = "N", pgettext_lazy("sector", "Administrative and support service activities")
    O = "O", pgettext_lazy("sector", "Public administration")  # noqa: E741
    P = "P", pgettext_lazy("sector", "Education")
    Q = "Q", pgettext_lazy("sector", "Human health and social work activities")
    R = "R", pgettext_lazy("sector", "Arts, entertainment and recreation")
    S = "S", pgettext_lazy("sector", "Other service activities")
    T = "T", pgettext_lazy("sector", "Activities of households as employers")
    U = "U", pgettext_lazy("sector", "Activities of extraterritorial organisations")


def _localised(fi: str, sv: str) -> str:
    return sv if get_language() == "sv" and sv else fi


class EmploymentArea(models.Model):
    """A työllisyysalue: the municipalities that organise public employment services together."""

    name_fi = models.CharField(pgettext_lazy("field", "name in Finnish"), max_length=120, unique=True)
    name_sv = models.CharField(pgettext_lazy("field", "name in Swedish"), max_length=120, blank=True)
    kind = models.CharField(
        pgettext_lazy("field", "urban or rural"),
        max_length=8,
        blank=True,
        choices=[
            ("urban", pgettext_lazy("area kind", "Urban")),
            ("mixed", pgettext_lazy("area kind", "Urban and rural")),
            ("rural", pgettext_lazy("area kind", "Rural")),
        ],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_fi"]
        verbose_name = pgettext_lazy("model", "employment area")
        verbose_name_plural = pgettext_lazy("model", "employment areas")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localised(self.name_fi, self.name_sv)


class Municipality(models.Model):
    code = models.CharField(pgettext_lazy("field", "municipality code"), max_length=3, unique=True)
    name_fi = models.CharField(pgettext_lazy("field", "name in Finnish"), max_length=80)
    name_sv = models.CharField(pgettext_lazy("field", "name in Swedish"), max_length=80, blank=True)
    area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=pgettext_lazy("model", "employment area"),
    )

    class Meta:
        ordering = ["name_fi"]
        verbose_name = pgettext_lazy("model", "municipality")
        verbose_name_plural = pgettext_lazy("model", "municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localised(self.name_fi, self.name_sv)


def validate_business_id(value: str) -> None:
    try:
        BusinessId.parse(value)
    except InvalidBusinessId as exc:
        raise ValidationError(
            pgettext_lazy("validation", "Enter a valid business ID (Y-tunnus), e.g. 1234567-1."),
            code="invalid_business_id",
            params={"detail": str(exc)},
        ) from None


class Organisation(models.Model):
    """An employer."""

    name = models.CharField(pgettext_lazy("field", "name"), max_length=200)
    business_id = models.CharField(
        pgettext_lazy("field", "business ID (Y-tunnus)"),
        max_length=9,
        unique=True,
        validators=[validate_business_id],
    )
    legal_form = models.CharField(
        pgettext_lazy("field", "legal form"), max_length=24, choices=LegalForm.choices
    )
    size_class = models.CharField(
        pgettext_lazy("field", "size"), max_length=8, choices=SizeClass.choices, blank=True
    )
    sector = models.CharField(pgettext_lazy("field", "sector"), max_length=1, choices=Sector.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=pgettext_lazy("model", "municipality"),
    )
    description_fi = models.TextField(pgettext_lazy("field", "description in Finnish"), blank=True)
    description_sv = models.TextField(pgettext_lazy("field", "description in Swedish"), blank=True)
    description_en = models.TextField(pgettext_lazy("field", "description in English"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("model", "organisation")
        verbose_name_plural = pgettext_lazy("model", "organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        by_language = {"fi": self.description_fi, "sv": self.description_sv, "en": self.description_en}
        return by_language.get(get_language() or "fi") or self.description_fi


class User(AbstractUser):
    role = models.CharField(pgettext_lazy("field", "role"), max_length=16, choices=Role.choices)
    language = models.CharField(
        pgettext_lazy("field", "language"), max_length=2, choices=Language.choices, default=Language.FI
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=pgettext_lazy("model", "organisation"),
    )
    employment_area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=pgettext_lazy("model", "employment area"),
    )
    oidc_subject = models.CharField(
        pgettext_lazy("field", "identity provider's subject"),
        max_length=255,
        blank=True,
        default="",
        editable=False,
    )

    class Meta:
        verbose_name = pgettext_lazy("model", "user")
        verbose_name_plural = pgettext_lazy("model", "users")
        constraints = [
            models.CheckConstraint(
                name="employer_user_has_organisation",
                condition=~models.Q(role="employer") | models.Q(organisation__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["oidc_subject"],
                condition=~models.Q(oidc_subject=""),
                name="one_account_per_oidc_subject",
            ),
            models.CheckConstraint(
                name="professional_has_employment_area",
                condition=~models.Q(role="professional") | models.Q(employment_area__isnull=False),
            ),
            models.CheckConstraint(
                name="only_employer_users_have_organisation",
                condition=models.Q(role="employer") | models.Q(organisation__isnull=True),
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.role == Role.EMPLOYER and self.organisation_id is None:
            raise ValidationError(
                {"organisation": pgettext_lazy("validation", "An employer user belongs to an organisation.")}
            )
        if self.role != Role.EMPLOYER and self.organisation_id is not None:
            raise ValidationError(
                {
                    "organisation": pgettext_lazy(
                        "validation", "Only employer users belong to an organisation."
                    )
                }
            )
        if self.role == Role.PROFESSIONAL and self.employment_area_id is None:
            raise ValidationError(
                {
                    "employment_area": pgettext_lazy(
                        "validation", "A professional works in an employment area."
                    )
                }
            )

    @property
    def display_role(self) -> str:
        return str(Role(self.role).label) if self.role else ""


class StarterSkillLink(models.Model):
    """A reviewer's decision on which ESCO concept a starter-vocabulary skill stands for."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("link status", "Confirmed suggestion")
        CHANGED = "changed", pgettext_lazy("link status", "Changed by the reviewer")
        REJECTED = "rejected", pgettext_lazy("link status", "No ESCO concept fits")

    starter_id = models.CharField(pgettext_lazy("field", "starter skill"), max_length=120)
    esco_version = models.CharField(pgettext_lazy("field", "ESCO version"), max_length=20)
    uri = models.CharField(pgettext_lazy("field", "ESCO concept"), max_length=200, blank=True)
    status = models.CharField(pgettext_lazy("field", "decision"), max_length=12, choices=Status.choices)
    reviewed_by = models.CharField(pgettext_lazy("field", "reviewer"), max_length=150)
    reviewed_at = models.DateTimeField(pgettext_lazy("field", "reviewed"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "starter skill link")
        verbose_name_plural = pgettext_lazy("model", "starter skill links")
        constraints = [
            models.UniqueConstraint(fields=["starter_id", "esco_version"], name="one_link_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.starter_id} → {self.uri or '-'} ({self.esco_version})"


class SignInFailure(models.Model):
    """A failed sign-in, kept a day at most, for the limits the per (account, address) lockout does not
    cover: one address trying many accounts, and one account tried from many addresses."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "failed sign-in")
        verbose_name_plural = pgettext_lazy("model", "failed sign-ins")

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"
