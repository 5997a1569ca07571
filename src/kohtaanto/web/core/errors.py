"""The web shell's errors, in one hierarchy, and the API's one error shape.

Services raise these; views turn them into a form error or a page, and the API's error layer
(``kohtaanto.web.api.errors``) into ``{"error": {...}}`` with the right status. Nothing here knows a
feature app.
"""

from __future__ import annotations

from typing import Any


class ShellError(Exception):
    """Something a person asked for that the shell refuses, with a reason they can read."""


class InvalidInput(ShellError, ValueError):
    """Input that does not validate; ``errors`` maps each field to its messages (API: 400)."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class PermissionDenied(ShellError):
    """The actor may not do this (API: 403)."""


class Conflict(ShellError):
    """The row changed after the writer read it: ``current`` is its version now (API: 412)."""

    def __init__(self, current: int, message: str = "") -> None:
        super().__init__(
            message or "This was changed by someone else after you opened it. Reload it and try again."
        )
        self.current = current


class Throttled(ShellError):
    """Too many of something for now: ``wait`` seconds until the next is allowed (API: 429)."""

    def __init__(self, message: str, wait: int) -> None:
        super().__init__(message)
        self.wait = wait


def body(status_code: int, code: str, message: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    """The API's error document: ``{"error": {"status", "code", "message"[, "fields"]}}``."""
    error: dict[str, Any] = {"status": status_code, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}
