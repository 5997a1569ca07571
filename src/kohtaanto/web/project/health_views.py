"""Liveness and readiness for the process manager and load balancer."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Count, Min
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kohtaanto.web.core.roles import Role


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. It does not touch the database (see ``readyz``)."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers a query, and the job queue's table can be read (for a signed-in
    administrator also how many jobs wait and how long the oldest has waited). 503 when either fails."""
    checks: dict[str, Any] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        checks["database"] = "unavailable"
    if checks["database"] == "ok":
        try:
            from django_q.models import OrmQ

            waiting = OrmQ.objects.aggregate(n=Count("id"), oldest=Min("lock"))
            oldest = waiting["oldest"]
            checks["queue"] = {
                "status": "ok",
                "waiting": waiting["n"],
                "oldest_wait_seconds": max(0, int((timezone.now() - oldest).total_seconds()))
                if oldest
                else 0,
            }
        except Exception:  # noqa: BLE001
            checks["queue"] = {"status": "unavailable"}
    else:
        checks["queue"] = {"status": "unknown"}
    ready = checks["database"] == "ok" and checks["queue"]["status"] == "ok"
    if getattr(request.user, "role", None) != Role.ADMINISTRATOR:  # how busy the queue is: operators only
        checks["queue"] = {"status": checks["queue"]["status"]}
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )
    if not ready:
        response["Retry-After"] = "5"
    return response
