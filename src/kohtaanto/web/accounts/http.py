"""The request type of a page behind sign-in."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotAuthenticated

from kohtaanto.web.accounts.models import User
from kohtaanto.web.core.http import HtmxRequest


class AuthenticatedRequest(HtmxRequest):
    """A request that passed ``login_required`` (or a role decorator built on it): ``user`` is a signed-in
    :class:`User`, never the anonymous user. For type-checking only; Django builds the request."""

    user: User


def signed_in(request: Any) -> User:
    """The request's user, known to be signed in (an API view behind ``IsAuthenticated``); anyone else
    is answered 401 rather than passed on as the anonymous user."""
    user = request.user
    if not isinstance(user, User):
        raise NotAuthenticated
    return user
