"""The audit trail pages: the filtered list and the chain check."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from kohtaanto.web.audit import selectors as audit_selectors
from kohtaanto.web.audit import services as audit
from kohtaanto.web.audit.forms import AuditFilterForm
from kohtaanto.web.core.http import HtmxRequest


@login_required
@require_GET
def audit_trail(request: HtmxRequest) -> HttpResponse:
    if not audit_selectors.can_view_trail(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    events = audit_selectors.events_for(request.user).order_by("-sequence")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["actor"]:
            events = events.filter(actor_username__iexact=data["actor"])
        if data["object_type"]:
            events = events.filter(object_type=data["object_type"])
        tz = timezone.get_current_timezone()
        if data["since"]:
            events = events.filter(timestamp__gte=dt.datetime.combine(data["since"], dt.time(), tz))
        if data["until"]:
            events = events.filter(
                timestamp__lt=dt.datetime.combine(data["until"] + dt.timedelta(days=1), dt.time(), tz)
            )
    elif form.is_bound:
        events = events.none()
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = "audit/partials/results.html" if request.htmx else "audit/trail.html"
    return render(request, template, context)


@login_required
@require_POST
def audit_verify(request: HtmxRequest) -> HttpResponse:
    if not audit_selectors.can_view_trail(request.user):
        raise Http404
    result = audit.verify()
    template = "audit/partials/verification.html" if request.htmx else "audit/verification.html"
    return render(request, template, {"result": result})
