"""View decorators that decide by role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from kohtaanto.web.accounts import permissions


def practitioner_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pages for professionals and administrators; anyone else gets a plain 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.is_practitioner(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
