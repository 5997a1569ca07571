"""Request-rate limits for the API: per signed-in user and per address for anonymous calls. The rates are
read from the settings on each request (``KOHTAANTO_API_RATES``), so an operator can set them from the
environment and the tests can change them."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class UserRate(UserRateThrottle):
    def get_rate(self) -> str:
        return str(settings.KOHTAANTO_API_RATES["user"])


class AnonRate(AnonRateThrottle):
    def get_rate(self) -> str:
        return str(settings.KOHTAANTO_API_RATES["anon"])
