"""Request id, per-user language, and private responses to signed-in people."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from kohtaanto.web.core import context
from kohtaanto.web.core.ui import languages_for

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Give every request an id (or keep a well-formed ``X-Request-ID``) for logs and audit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = context.bind_request_id(request_id)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            response = self.get_response(request)
        finally:
            structlog.contextvars.unbind_contextvars("request_id")
            context.reset_request_id(token)
        response["X-Request-ID"] = request_id
        return response


def language_for(request: HttpRequest) -> str:
    """A signed-in user's saved language, else the language cookie, else Finnish. A journey language
    (Arabic, Ukrainian …) is a job seeker's, or anyone's before signing in; other roles read fi, sv or en."""
    user = getattr(request, "user", None)
    offered = {code for code, _name in languages_for(user)}
    if user is not None and user.is_authenticated and user.language in offered:
        return str(user.language)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return cookie if cookie in offered else settings.LANGUAGE_CODE


def _speaks_english(path: str) -> bool:
    return path.startswith("/api/") and not path.startswith("/api/docs/")


class LanguageMiddleware:
    """Activate the language for this request. Finnish is the default; the browser's
    Accept-Language is not consulted so that a shared computer shows the service's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_for(request)
        if _speaks_english(request.path):
            # The API answers its errors in one language, English, as its own messages are; what it
            # explains (matches, supports, carving) follows ``lang`` or the user's saved language.
            language = "en"
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Vary", "Cookie")
        translation.deactivate()
        return response


class PrivateResponsesMiddleware:
    """Answers to a signed-in person (a session, or an API token in ``Authorization``) are never stored
    by a browser's cache, a shared computer's history or a proxy: they carry personal data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False) or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response


class UnstorableInputMiddleware:
    """A NUL character in the address or a form field cannot be stored or searched for in PostgreSQL
    (its text has none): such a request is a 400 that says so, before any view reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in request.GET.getlist(key)) for key in request.GET
        ):
            from kohtaanto.web.core.errors import body

            message = "The address contains a NUL character (%00), which cannot be stored."
            if request.path.startswith("/api/"):
                return JsonResponse(body(400, "bad_request", message), status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
