"""The process's live pool index over the database, refreshed incrementally before each query.

The first query builds the index from every profile that is looking for work. Later queries read
only the profiles changed since the last one (``updated_at`` at or after the watermark) and apply
them as upserts or removals; a changed count of profiles (a deletion) triggers a full rebuild.
Each person's segment is ``(area id, open to employers)``, for the permission filter.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import cache
from typing import Any

import structlog

from kohtaanto.matching.live import LivePool, Member
from kohtaanto.matching.schema import ProfileIn
from kohtaanto.web.matching.models import SeekerProfile

log = structlog.get_logger("kohtaanto.matching")
_lock = threading.Lock()
_state: dict[str, Any] = {}
FIELDS = ("pk", "pseudonym", "area_id", "open_to_employers", "looking", "spec", "digest", "updated_at")


@cache
def attributes() -> tuple[str, ...]:
    from kohtaanto.taxonomy.vocabulary import demands

    return tuple(sorted(a.id for a in demands().attributes))


def member(row: dict[str, Any]) -> Member:
    candidate = ProfileIn.model_validate(row["spec"]).to_candidate(row["pseudonym"])
    return candidate, (row["area_id"], row["open_to_employers"])


def _rows(**filters: Any) -> Iterator[dict[str, Any]]:
    # Only the matching fields are read: the profile's person (name) and group data never are.
    return SeekerProfile.objects.filter(**filters).values(*FIELDS).iterator(chunk_size=2000)


def _load() -> Iterator[Member]:
    for row in _rows(looking=True):
        _state["digests"][row["pseudonym"]] = row["digest"], row["open_to_employers"], row["area_id"]
        _bump(row)
        yield member(row)


def _bump(row: dict[str, Any]) -> None:
    if _state.get("watermark") is None or row["updated_at"] > _state["watermark"]:
        _state["watermark"] = row["updated_at"]


def _build() -> LivePool:
    _state.clear()
    _state["digests"] = {}
    pool = LivePool(_load, attributes())
    _state["pool"] = pool
    log.info("matching.pool_built", people=len(pool))
    return pool


def _refresh(pool: LivePool) -> None:
    watermark = _state.get("watermark")
    if watermark is None:
        changed: Iterator[dict[str, Any]] = _rows()
    else:
        changed = _rows(updated_at__gte=watermark)
    digests = _state["digests"]
    applied = 0
    for row in changed:
        _bump(row)
        ref = row["pseudonym"]
        key = row["digest"], row["open_to_employers"], row["area_id"]
        if not row["looking"]:
            if ref in digests:
                digests.pop(ref)
                pool.remove(ref)
                applied += 1
        elif digests.get(ref) != key:
            digests[ref] = key
            pool.upsert(*member(row))
            applied += 1
    if applied:
        log.info("matching.pool_updated", changes=applied, pending=pool.pending)


def live_pool() -> LivePool:
    """The up-to-date pool (call inside a request or command; it reads the database)."""
    with _lock:
        pool = _state.get("pool")
        if pool is None:
            return _build()
        _refresh(pool)
        if len(pool) != SeekerProfile.objects.filter(looking=True).count():
            return _build()
        return pool  # type: ignore[no-any-return]


def digest_of(ref: str) -> str | None:
    """The profile digest the index holds for a pseudonym (for a run's inputs digest)."""
    key = _state.get("digests", {}).get(ref)
    return key[0] if key else None


def reset() -> None:
    """Forget the index (tests, and after a bulk import)."""
    with _lock:
        _state.clear()
