"""The support application packet of a case: as a page, a PDF and JSON (the employer's and the coach's)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.http import download, json_download
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.hiring import packet as packets
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.hiring.views.common import case_of, hirer_only, render_step


def _packet(request: AuthenticatedRequest, case: HiringCase) -> packets.Packet:
    return packets.build(case, made_on=timezone.localdate(), contact=request.user, language=ui_language())


@hirer_only
@require_http_methods(["GET"])
def application(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Every field of the applications, filled from the case, with what is missing marked."""
    case = case_of(request, pk)
    found = _packet(request, case) if case.chosen else None
    return render_step(request, case, "supports", "application.html", {"packet": found})


@hirer_only
@require_http_methods(["GET"])
def application_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_of(request, pk)
    if not case.chosen:
        raise Http404
    body = packets.pdf(_packet(request, case), ui_language())
    return download(body, f"kohtaanto-application-{case.pk}.pdf", inline=True)


@hirer_only
@require_http_methods(["GET"])
def application_json(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_of(request, pk)
    if not case.chosen:
        raise Http404
    return json_download(packets.as_json(_packet(request, case)), f"kohtaanto-application-{case.pk}.json")
