"""What a locked-out sign-in gets: the API's JSON error, or the lockout page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kohtaanto.web.core.errors import body


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    if request.path.startswith("/api/"):
        message = "Too many failed sign-in attempts; try again in 15 minutes."
        return JsonResponse(body(429, "locked_out", message), status=429)
    return render(request, "pages/lockout.html", status=429)
