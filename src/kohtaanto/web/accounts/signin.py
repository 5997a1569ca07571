"""Sign-in limits beyond django-axes' lockout of one account from one address (5 failures, 15 min).

- **One address, many accounts** (password spraying): after ``ADDRESS_LIMIT`` failures from one
  address within ``WINDOW``, across any accounts, that address waits.
- **One account, many addresses** (a distributed guess): after failures from ``ACCOUNT_ADDRESSES``
  different addresses within ``WINDOW``, the account waits, except at addresses it has signed in
  from before. Counting addresses, not failures, means one address can never lock anybody else out.

Both answer like a lockout (the sign-in page's lockout text, or the API's 429), and the wait ends by
itself when the window has passed. Failures are kept a day at most.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from axes.helpers import get_client_ip_address
from axes.models import AccessLog
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils import timezone

from kohtaanto.web.accounts.models import SignInFailure

WINDOW = dt.timedelta(minutes=15)
ADDRESS_LIMIT = 20
ACCOUNT_ADDRESSES = 10
KEPT = dt.timedelta(days=1)


def _address(request: Any) -> str | None:
    return get_client_ip_address(request) if request is not None else None


@receiver(user_login_failed)
def _failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    now = timezone.now()
    SignInFailure.objects.filter(at__lt=now - KEPT).delete()
    username = str(credentials.get("username") or "")[:150]
    SignInFailure.objects.create(username=username, address=_address(request), at=now)


def refused(request: Any, username: str, now: dt.datetime | None = None) -> str | None:
    """Why this sign-in must wait, or None."""
    since = (now or timezone.now()) - WINDOW
    address = _address(request)
    recent = SignInFailure.objects.filter(at__gte=since)
    if address is not None and recent.filter(address=address).count() >= ADDRESS_LIMIT:
        return "too many failed sign-ins from this address"
    addresses = recent.filter(username=username).values("address").distinct().count()
    if addresses >= ACCOUNT_ADDRESSES:
        known = AccessLog.objects.filter(username=username, ip_address=address).exists()
        if not known:
            return "this account was tried from too many addresses"
    return None


class GuardBackend:
    """Before the password backends: refuses before any password is checked. It has no ``get_user``, so
    no session ever names it (sessions made without a password take the first backend that has one)."""

    def authenticate(self, request: Any, username: str | None = None, **kwargs: Any) -> None:
        if request is None or not username:
            return None
        reason = refused(request, username)
        if reason is not None:
            request.axes_locked_out = True  # axes' middleware answers with the lockout response
            raise PermissionDenied(reason)
        return None
