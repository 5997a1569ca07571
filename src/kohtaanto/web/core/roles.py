"""The five roles a person has in kohtaanto, and the role of whoever asks (scoping starts here)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    JOB_SEEKER = "job_seeker", pgettext_lazy("role", "Job seeker")
    EMPLOYER = "employer", pgettext_lazy("role", "Employer")
    PROFESSIONAL = "professional", pgettext_lazy("role", "Employment professional")
    ANALYST = "analyst", pgettext_lazy("role", "Analyst")
    ADMINISTRATOR = "administrator", pgettext_lazy("role", "Administrator")


def role_of(user: Any) -> str | None:
    """The signed-in, active user's role; None for anyone else (anonymous, inactive, no user)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return str(user.role)
