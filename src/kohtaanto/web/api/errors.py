"""One error shape for the whole API::

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"name": ["..."]}}}

``fields`` is present only for validation errors. Pages keep Django's HTML error pages.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from kohtaanto.core.language import LANGUAGES
from kohtaanto.web.core.concurrency import etag
from kohtaanto.web.core.errors import Conflict, InvalidInput, PermissionDenied, Throttled, body


def _flatten(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        flat: list[Any] = []
        for item in detail:
            value = _flatten(item)
            flat.extend(value if isinstance(value, list) else [value])
        return flat
    return str(detail)


def _field_lists(detail: dict[str, Any], prefix: str = "") -> dict[str, list[str]]:
    """Field errors as the documented shape: each key (dotted for nested fields and list items, e.g.
    ``disabled.2``) maps to a list of messages."""
    out: dict[str, list[str]] = {}
    for key, value in detail.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_field_lists(value, f"{name}."))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):  # one per list item; a valid item's is empty
                    out.update(_field_lists(item, f"{name}.{index}."))
                else:
                    out.setdefault(name, []).append(str(item))
        else:
            out.setdefault(name, []).append(str(value))
    return out


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, InvalidInput):
        exc = exceptions.ValidationError(exc.errors)
    elif isinstance(exc, PermissionDenied | DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, Conflict):
        response = Response(
            body(412, "precondition_failed", str(exc)), status=412, headers={"ETag": etag(exc.current)}
        )
        return response
    elif isinstance(exc, Throttled):
        exc = exceptions.Throttled(wait=exc.wait, detail=str(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = _flatten(exc.detail)
        detail = _field_lists(detail) if isinstance(detail, dict) else {"non_field_errors": detail}
        non_field = detail.get("non_field_errors")
        message = non_field[0] if non_field else "Some fields are not valid."
        response.data = body(response.status_code, "invalid", message, detail)
    else:
        codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        code = codes if isinstance(codes, str) else "error"
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        response.data = body(response.status_code, code, str(_flatten(detail)))
    return response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def json_bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A request Django refused before any view (a body over the size limit, too many fields)."""
    if _is_api(request):
        message = "The request is too large." if "too large" in str(exception).lower() else "Bad request."
        return JsonResponse(body(400, "bad_request", message), status=400)
    return defaults.bad_request(request, exception)


def json_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(body(404, "not_found", "Not found."), status=status.HTTP_404_NOT_FOUND)
    return defaults.page_not_found(request, exception, template_name="pages/404.html")


def database_unavailable() -> bool:
    """Whether the error being handled is the database being unreachable (restarting, network)."""
    from django.db.utils import InterfaceError, OperationalError

    return isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))


def json_server_error(request: HttpRequest) -> HttpResponse:
    """A 500; or, when the database is unreachable, a 503 that says nothing was saved (the request's
    transaction did not commit) and when to try again."""
    if database_unavailable():
        if _is_api(request):
            response: HttpResponse = JsonResponse(
                body(
                    503,
                    "unavailable",
                    "The database is not reachable right now; nothing was saved. Try again.",
                ),
                status=503,
            )
        else:
            response = HttpResponse(loader.render_to_string("pages/503.html"), status=503)
        response["Retry-After"] = "5"
        return response
    if _is_api(request):
        return JsonResponse(body(500, "server_error", "Internal error; it has been logged."), status=500)
    return defaults.server_error(request, template_name="pages/500.html")


def content_language(request: Any) -> str:
    """The language of what an API answer explains: ``lang``, else the user's saved language when the
    API speaks it (fi, sv, en), else Finnish. (Error messages are English whatever this is.)"""
    from rest_framework.exceptions import ValidationError

    user = getattr(request, "user", None)
    saved = getattr(user, "language", "") if getattr(user, "is_authenticated", False) else ""
    if saved not in LANGUAGES:  # a job seeker reading Arabic, Ukrainian …: the API speaks fi, sv and en
        saved = ""
    language = request.query_params.get("lang", saved or "fi")
    if language not in LANGUAGES:
        raise ValidationError({"lang": ["choose fi, sv or en"]})
    return str(language)
