"""Request types for type-checking views (Django builds the requests; these only describe them)."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """A request that passed django-htmx's middleware: ``htmx`` says whether htmx sent it."""

    htmx: HtmxDetails
