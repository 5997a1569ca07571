"""Writes that never silently overwrite one another.

A service that changes a row reads it again *inside* its transaction under a row lock
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite every transaction is ``IMMEDIATE``, so the writer
holds the database's write lock from its first statement), applies its change to that fresh copy,
and saves only the fields it changed with the row's ``version`` raised by one. A writer that says
which version it read (the API's ``If-Match``, a form's hidden version) gets :class:`Conflict` when
somebody else saved in between, instead of overwriting their work.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models

from kohtaanto.web.core.errors import Conflict

M = TypeVar("M", bound=models.Model)


def parse_version(raw: Any) -> int | None:
    """A version from a form field or an ``If-Match`` header (``"3"``, ``W/"3"``); None when absent,
    ``ValueError`` when it is not a version."""
    if raw is None:
        return None
    text = str(raw).strip()
    if text in ("", "*"):
        return None
    text = text.removeprefix("W/").strip('"')
    if not text.isdigit() or len(text) > 12:
        raise ValueError("not a version")
    return int(text)


def etag(version: int) -> str:
    return f'"{version}"'


def locked(instance: M, expected_version: int | None = None) -> M:
    """The row of ``instance`` read again under a lock; call inside ``transaction.atomic()``."""
    model = type(instance)
    fresh: M = model._default_manager.select_for_update().get(pk=instance.pk)
    current = int(getattr(fresh, "version", 0))
    if expected_version is not None and current != expected_version:
        raise Conflict(current)
    return fresh


def save_changed(fresh: models.Model, fields: Iterable[str]) -> None:
    """Save only ``fields`` (and ``updated_at`` when the model has it), raising the version."""
    names = list(dict.fromkeys(fields))
    fresh.version = int(fresh.version) + 1  # type: ignore[attr-defined]
    names.append("version")
    if any(f.name == "updated_at" for f in fresh._meta.concrete_fields):
        names.append("updated_at")
    fresh.save(update_fields=names)


def copy_into(source: models.Model, target: models.Model) -> None:
    """Make the caller's object show what was saved (the views render it after the write)."""
    for field in source._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
