"""Request-rate limits for the API: per signed-in user and per address for anonymous calls. The rates are
read from the settings on each request (``KOHTAANTO_API_RATES``), so an operator can set them from the
environment and the tests can change them.

Accounts of integrations (members of the group ``INTEGRATION_GROUP``: another system, a load test, a
fuzzer) have a limit class of their own (``KOHTAANTO_API_RATES["integration"]``), so a tool that sends
many requests needs no higher limit for everyone."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

INTEGRATION_GROUP = "api-integration"


class UserRate(UserRateThrottle):
    def get_rate(self) -> str:
        return str(settings.KOHTAANTO_API_RATES["user"])

    def allow_request(self, request: Any, view: Any) -> bool:
        user = request.user
        integration = bool(
            user and user.is_authenticated and user.groups.filter(name=INTEGRATION_GROUP).exists()
        )
        self.scope = "integration" if integration else "user"
        rates = settings.KOHTAANTO_API_RATES
        self.rate = str(rates.get("integration", rates["user"]) if integration else rates["user"])
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class AnonRate(AnonRateThrottle):
    def get_rate(self) -> str:
        return str(settings.KOHTAANTO_API_RATES["anon"])
