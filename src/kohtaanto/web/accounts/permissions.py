"""Who may see and change what. Pages, the API and the admin all ask here.

- An administrator sees everything.
- A professional sees their own employment area: its organisations and people.
- An employer user sees their own organisation and its members.
- A job seeker sees themselves.
- An analyst sees aggregates only, never rows about people or organisations.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kohtaanto.web.accounts.models import EmploymentArea, Organisation, User
from kohtaanto.web.core.errors import PermissionDenied
from kohtaanto.web.core.roles import Role, role_of
from kohtaanto.web.core.scoping import everyone, scoped


def is_practitioner(user: Any) -> bool:
    """A professional or an administrator: those who work with the area's employers and people."""
    return role_of(user) in (Role.PROFESSIONAL, Role.ADMINISTRATOR)


def organisations_for(user: Any) -> QuerySet[Organisation]:
    """Professionals: their area's employers; an employer: their own organisation."""
    return scoped(
        user,
        Organisation.objects.select_related("municipality__area"),
        {
            Role.PROFESSIONAL: lambda u, qs: qs.filter(municipality__area_id=u.employment_area_id),
            Role.EMPLOYER: lambda u, qs: qs.filter(pk=u.organisation_id),
        },
    )


def _area_people(user: Any, qs: QuerySet[User]) -> QuerySet[User]:
    area = user.employment_area_id
    return qs.filter(
        Q(employment_area_id=area, role__in=[Role.JOB_SEEKER, Role.PROFESSIONAL])
        | Q(role=Role.EMPLOYER, organisation__municipality__area_id=area)
    )


def people_for(user: Any) -> QuerySet[User]:
    """Professionals: their area's people and employers; an employer: their colleagues; others: themselves."""
    return scoped(
        user,
        User.objects.select_related("organisation", "employment_area"),
        {
            Role.PROFESSIONAL: _area_people,
            Role.EMPLOYER: lambda u, qs: qs.filter(organisation_id=u.organisation_id),
        },
        default=lambda u, qs: qs.filter(pk=u.pk),
    )


def areas_for(user: Any) -> QuerySet[EmploymentArea]:
    """Employment areas are public facts (names and municipalities): every signed-in user may read them."""
    return scoped(user, EmploymentArea.objects.prefetch_related("municipalities"), {}, default=everyone)


def can_change_organisation(user: Any, organisation: Organisation) -> bool:
    role = role_of(user)
    if role in (Role.ADMINISTRATOR, Role.EMPLOYER, Role.PROFESSIONAL):
        return organisations_for(user).filter(pk=organisation.pk).exists()
    return False


def can_create_organisation(user: Any, area_id: int | None) -> bool:
    role = role_of(user)
    if role == Role.ADMINISTRATOR:
        return True
    return role == Role.PROFESSIONAL and area_id == user.employment_area_id


def can_manage_users(user: Any) -> bool:
    return role_of(user) == Role.ADMINISTRATOR


def can_view_statistics(user: Any) -> bool:
    return role_of(user) in (Role.ANALYST, Role.ADMINISTRATOR)


def require(allowed: bool, message: str = "not allowed") -> None:
    if not allowed:
        raise PermissionDenied(message)
