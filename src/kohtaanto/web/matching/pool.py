"""The process's live pool index over the database, refreshed incrementally before each query.

The first query builds the index from every profile that is looking for work. Later queries read
only the profiles changed since the last one (``updated_at`` at or after the watermark) and apply
them as upserts or removals; a changed count of profiles (a deletion) triggers a full rebuild.
Each person's segment is ``(area id, open to employers)``, for the permission filter.

There are two views of the pool. ``FULL`` holds every disclosed capacity, for the person's own
professionals. ``EMPLOYERS`` holds a person's capacities only when the person chose to share their
adjustments with employers: an employer's ranking, scores and explanations can then not depend on
what the person keeps to themself (a hidden capacity is not a hard miss, costs nothing and is never
mentioned), so no job an employer writes can probe it.
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
FULL, EMPLOYERS = "full", "employers"
_states: dict[str, dict[str, Any]] = {FULL: {}, EMPLOYERS: {}}
FIELDS = (
    "pk",
    "pseudonym",
    "area_id",
    "open_to_employers",
    "share_accommodations",
    "looking",
    "spec",
    "digest",
    "updated_at",
)


@cache
def attributes() -> tuple[str, ...]:
    from kohtaanto.taxonomy.vocabulary import demands

    return tuple(sorted(a.id for a in demands().attributes))


def visible_spec(spec: dict[str, Any], share_accommodations: bool, view: str) -> dict[str, Any]:
    """The profile as a view may score it: employers see no capacity the person did not share."""
    if view == EMPLOYERS and not share_accommodations and spec.get("capacities"):
        return {**spec, "capacities": {}}
    return spec


def member(row: dict[str, Any], view: str = FULL) -> Member:
    spec = visible_spec(row["spec"], row["share_accommodations"], view)
    candidate = ProfileIn.model_validate(spec).to_candidate(row["pseudonym"])
    return candidate, (row["area_id"], row["open_to_employers"])


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["digest"], row["open_to_employers"], row["area_id"], row["share_accommodations"]


def _rows(**filters: Any) -> Iterator[dict[str, Any]]:
    # Only the matching fields are read: the profile's person (name) and group data never are.
    return SeekerProfile.objects.filter(**filters).values(*FIELDS).iterator(chunk_size=2000)


def _load(state: dict[str, Any], view: str) -> Iterator[Member]:
    for row in _rows(looking=True):
        state["digests"][row["pseudonym"]] = _key(row)
        _bump(state, row)
        yield member(row, view)


def _bump(state: dict[str, Any], row: dict[str, Any]) -> None:
    if state.get("watermark") is None or row["updated_at"] > state["watermark"]:
        state["watermark"] = row["updated_at"]


def _build(view: str) -> LivePool:
    state = _states[view]
    state.clear()
    state["digests"] = {}
    pool = LivePool(lambda: _load(state, view), attributes())
    state["pool"] = pool
    log.info("matching.pool_built", people=len(pool), view=view)
    return pool


def _refresh(pool: LivePool, view: str) -> None:
    state = _states[view]
    watermark = state.get("watermark")
    if watermark is None:
        changed: Iterator[dict[str, Any]] = _rows()
    else:
        changed = _rows(updated_at__gte=watermark)
    digests = state["digests"]
    applied = 0
    for row in changed:
        _bump(state, row)
        ref = row["pseudonym"]
        key = _key(row)
        if not row["looking"]:
            if ref in digests:
                digests.pop(ref)
                pool.remove(ref)
                applied += 1
        elif digests.get(ref) != key:
            digests[ref] = key
            pool.upsert(*member(row, view))
            applied += 1
    if applied:
        log.info("matching.pool_updated", changes=applied, pending=pool.pending, view=view)


def live_pool(view: str = FULL) -> LivePool:
    """The up-to-date pool of one view (call inside a request or command; it reads the database)."""
    if view not in _states:
        raise ValueError(view)
    with _lock:
        pool = _states[view].get("pool")
        if pool is None:
            return _build(view)
        _refresh(pool, view)
        if len(pool) != SeekerProfile.objects.filter(looking=True).count():
            return _build(view)
        return pool


def digest_of(ref: str, view: str = FULL) -> str | None:
    """The profile digest the index holds for a pseudonym (for a run's inputs digest)."""
    key = _states[view].get("digests", {}).get(ref)
    return key[0] if key else None


def reset() -> None:
    """Forget the indexes (tests, and after a bulk import)."""
    with _lock:
        for state in _states.values():
            state.clear()
