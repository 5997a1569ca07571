"""Pages of API lists: ``limit`` at most 200, ``offset`` at most a billion; anything else is a 400
naming the parameter (a 20-digit offset used to overflow the database's 64-bit integers: a 500)."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

MAX_OFFSET = 1_000_000_000


class BoundedLimitOffset(LimitOffsetPagination):
    default_limit = 50
    max_limit = 200

    def _number(self, request: Any, name: str, largest: int) -> int | None:
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return None
        if not raw.isdigit() or len(raw) > 12 or int(raw) > largest:
            raise ValidationError({name: [f"a whole number from 0 to {largest}"]})
        return int(raw)

    def get_limit(self, request: Any) -> int:
        value = self._number(request, self.limit_query_param, self.max_limit)
        return self.default_limit if value is None or value == 0 else value

    def get_offset(self, request: Any) -> int:
        return self._number(request, self.offset_query_param, MAX_OFFSET) or 0

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        described = {
            self.limit_query_param: (1, self.max_limit, "How many results (1-200, default 50)."),
            self.offset_query_param: (0, MAX_OFFSET, "How many results to skip (at most 1 000 000 000)."),
        }
        return [
            {
                "name": name,
                "required": False,
                "in": "query",
                "description": text,
                "schema": {"type": "integer", "minimum": low, "maximum": high},
            }
            for name, (low, high, text) in described.items()
        ]
