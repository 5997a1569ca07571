"""What a user may read: one ladder for every read-side selector.

Administrators read everything; anyone not signed in (or inactive) reads nothing; everyone else reads
what the rule for their role keeps, and nothing when their role has no rule. Each selector states only
its rules, e.g. ``scoped(user, Organisation.objects, {Role.EMPLOYER: lambda u, qs: qs.filter(pk=...)})``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from kohtaanto.web.core.roles import Role, role_of

M = TypeVar("M", bound=Model)
Rule = Callable[[Any, "QuerySet[M]"], "QuerySet[M]"]


def scoped(
    user: Any, queryset: QuerySet[M], rules: Mapping[str, Rule[M]], *, default: Rule[M] | None = None
) -> QuerySet[M]:
    """``queryset`` narrowed to what ``user`` may read; ``default`` is the rule for roles not in ``rules``."""
    role = role_of(user)
    if role is None:
        return queryset.none()
    if role == Role.ADMINISTRATOR:
        return queryset.all()
    rule = rules.get(role, default)
    return rule(user, queryset) if rule is not None else queryset.none()


def everyone(user: Any, queryset: QuerySet[M]) -> QuerySet[M]:
    """A rule that keeps everything (public facts for any signed-in user)."""
    return queryset.all()
