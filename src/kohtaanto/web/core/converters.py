"""URL converters. ``<id:pk>`` is a database id: 1 to 18 digits, so a 20-digit number in a path is a
404 instead of an integer overflow in the database (a 500)."""

from __future__ import annotations


class DatabaseId:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
