"""Sign-in through an OpenID Connect provider (for example Suomi.fi or an employment area's own identity
provider), with mozilla-django-oidc doing the protocol (authorization code flow, state, nonce, signature
check against the provider's keys).

Off unless configured (``KOHTAANTO_OIDC_*``, see ``docs/operations.md``). An account is found by the
provider's subject (``sub``) stored on it; the first time, an existing account with the same e-mail address
is linked when the provider says the address is verified. New accounts are made only for job seekers and
only when an employment area is configured for them; nobody gets another role through the provider.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from kohtaanto.web.accounts.models import EmploymentArea, User
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.roles import Role


def enabled() -> bool:
    return bool(getattr(settings, "KOHTAANTO_OIDC_ENABLED", False))


class Backend(OIDCAuthenticationBackend):
    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        if not enabled():
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        subject = str(claims["sub"])[:255]
        found = User.objects.filter(oidc_subject=subject, is_active=True)
        if found.exists():
            return found
        email = claims.get("email")
        if email and claims.get("email_verified") is True:
            return User.objects.filter(email__iexact=email, oidc_subject="", is_active=True)
        return User.objects.none()

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        if not user.oidc_subject:
            with transaction.atomic():
                user.oidc_subject = str(claims["sub"])[:255]
                user.save(update_fields=["oidc_subject"])
                record(actor=user, action="account.oidc_linked", obj=user, data={})
        return user

    def create_user(self, claims: dict[str, Any]) -> User | None:
        area_name = getattr(settings, "KOHTAANTO_OIDC_NEW_JOB_SEEKERS_AREA", "")
        area = EmploymentArea.objects.filter(name_fi=area_name).first() if area_name else None
        subject = str(claims["sub"])[:255]
        if area is None or User.objects.filter(oidc_subject=subject).exists():
            return None  # a locked account keeps its subject: no second account for the same person
        with transaction.atomic():
            user = User(
                username="oidc-" + hashlib.sha256(subject.encode()).hexdigest()[:16],
                role=Role.JOB_SEEKER,
                first_name=str(claims.get("given_name", ""))[:150],
                last_name=str(claims.get("family_name", ""))[:150],
                email=str(claims.get("email", "")) if claims.get("email_verified") is True else "",
                employment_area=area,
                oidc_subject=subject,
            )
            user.set_unusable_password()
            user.save()
            record(actor=user, action="account.created_by_oidc", obj=user, data={"area": area.pk})
        return user


def start(request: HttpRequest) -> HttpResponse:
    if not enabled():
        raise Http404
    return OIDCAuthenticationRequestView.as_view()(request)


def callback(request: HttpRequest) -> HttpResponse:
    if not enabled():
        raise Http404
    return OIDCAuthenticationCallbackView.as_view()(request)
