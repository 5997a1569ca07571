"""API tokens that end: a token works for ``KOHTAANTO_API_TOKEN_DAYS`` days (30 by default) from when
it was issued, ends when its owner signs out of the web app, and its owner can see and revoke it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed


def lifetime() -> dt.timedelta:
    return dt.timedelta(days=int(getattr(settings, "KOHTAANTO_API_TOKEN_DAYS", 30)))


def expires(token: Token) -> dt.datetime:
    return token.created + lifetime()


def expired(token: Token, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) >= expires(token)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if expired(token):
            token.delete()
            raise AuthenticationFailed("The token has expired; ask for a new one.")
        return user, token


@receiver(user_logged_out)
def _revoke_on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        Token.objects.filter(user=user).delete()
