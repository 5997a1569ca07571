"""The request or command id that audit events and log lines carry."""

from __future__ import annotations

import contextvars
import uuid

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("kohtaanto_request_id", default=None)


def bind_request_id(value: str) -> contextvars.Token[str | None]:
    return _request_id.set(value)


def reset_request_id(token: contextvars.Token[str | None]) -> None:
    _request_id.reset(token)


def current_request_id() -> str:
    """The bound id, or a fresh one for work outside a request (e.g. a shell)."""
    value = _request_id.get()
    if value is None:
        value = f"local-{uuid.uuid4().hex}"
        _request_id.set(value)
    return value
