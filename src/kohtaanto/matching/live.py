"""A pool index that follows its source: changed profiles are picked up without a full rebuild.

The bulk of the pool lives in a :class:`PoolIndex` built once. A changed or removed profile marks
its row stale there, and the changed version goes to a small side index (rebuilt on demand, it holds
only the changes). A query scores both and merges them by score and pseudonym, so the ranking is
exactly that of a fresh index. When the changes pile up past ``rebuild_share`` of the pool, the
whole index is rebuilt from the loader.

Each person carries a *segment*, an opaque hashable label the caller filters by (for example the
employment area and whether the person agreed to be shown to employers). Segments never enter a score.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence

import numpy as np
import numpy.typing as npt

from kohtaanto.matching.index import Hit, Neighbours, PoolIndex
from kohtaanto.matching.profiles import Candidate, Job
from kohtaanto.matching.score import Distance, Weights

Member = tuple[Candidate, Hashable]
Loader = Callable[[], Iterable[Member]]


class LivePool:
    def __init__(
        self,
        loader: Loader,
        attributes: Sequence[str] = (),
        municipalities: Sequence[str] = (),
        rebuild_share: float = 0.05,
        rebuild_min: int = 256,
    ) -> None:
        self._loader = loader
        self._attributes = tuple(attributes)
        self._municipalities = tuple(municipalities)
        self.rebuild_share = rebuild_share
        self.rebuild_min = rebuild_min
        self.rebuilds = 0
        self.rebuild()

    # -- building ---------------------------------------------------------------------------------
    def rebuild(self) -> None:
        members = list(self._loader())
        people = [person for person, _ in members]
        refs = [p.ref for p in people]
        if len(set(refs)) != len(refs):
            raise ValueError("the loader returned the same pseudonym twice")
        self._codes: dict[Hashable, int] = {}
        segments = np.array([self._code(segment) for _, segment in members], dtype=np.int32)
        self._base = PoolIndex.from_candidates(people, self._attributes_for(people), self._municipalities)
        self._row = {ref: row for row, ref in enumerate(refs)}
        self._segment = segments
        self._stale = np.zeros(len(refs), dtype=bool)
        self._changed: dict[str, Member] = {}
        self._touched: set[str] = set()
        self._side: tuple[PoolIndex, npt.NDArray[np.int32]] | None = None
        self.rebuilds += 1

    def _attributes_for(self, people: Iterable[Candidate]) -> list[str]:
        return sorted(set(self._attributes) | {a for p in people for a in p.capacities})

    def _code(self, segment: Hashable) -> int:
        return self._codes.setdefault(segment, len(self._codes))

    # -- changes ----------------------------------------------------------------------------------
    def upsert(self, person: Candidate, segment: Hashable) -> None:
        """A new or changed profile; the old version stops counting at once."""
        row = self._row.get(person.ref)
        if row is not None:
            self._stale[row] = True
        self._changed[person.ref] = (person, segment)
        self._touched.add(person.ref)
        self._side = None
        self._maybe_rebuild()

    def remove(self, ref: str) -> None:
        """A profile that left the pool (deleted, or no longer looking for work)."""
        row = self._row.get(ref)
        if row is not None:
            self._stale[row] = True
        if self._changed.pop(ref, None) is not None:
            self._side = None
        if row is not None or ref in self._touched:
            self._touched.add(ref)
        self._maybe_rebuild()

    @property
    def pending(self) -> int:
        """Profiles changed, added or removed since the bulk index was built."""
        return len(self._touched)

    def _maybe_rebuild(self) -> None:
        if self.pending > max(self.rebuild_min, self.rebuild_share * len(self._row)):
            self.rebuild()

    # -- reading ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return int((~self._stale).sum()) + len(self._changed)

    def __contains__(self, ref: object) -> bool:
        if ref in self._changed:
            return True
        row = self._row.get(ref) if isinstance(ref, str) else None
        return row is not None and not self._stale[row]

    def _allowed(
        self, codes: npt.NDArray[np.int32], segments: Collection[Hashable] | None
    ) -> npt.NDArray[np.bool_]:
        if segments is None:
            return np.ones(len(codes), dtype=bool)
        wanted = [self._codes[s] for s in segments if s in self._codes]
        return np.isin(codes, np.array(wanted, dtype=np.int32))

    def members(self, segments: Collection[Hashable] | None = None) -> Iterator[str]:
        """The pseudonyms a query over ``segments`` considers."""
        allowed = self._allowed(self._segment, segments) & ~self._stale
        for row in np.flatnonzero(allowed):
            yield str(self._base.refs[row])
        wanted = None if segments is None else set(segments)
        for ref, (_, segment) in self._changed.items():
            if wanted is None or segment in wanted:
                yield ref

    def _side_index(self) -> tuple[PoolIndex, npt.NDArray[np.int32]]:
        if self._side is None:
            members = list(self._changed.values())
            people = [p for p, _ in members]
            index = PoolIndex.from_candidates(people, self._attributes_for(people), self._municipalities)
            codes = np.array([self._code(s) for _, s in members], dtype=np.int32)
            self._side = (index, codes)
        return self._side

    def top(
        self,
        job: Job,
        k: int = 20,
        weights: Weights | None = None,
        neighbours: Neighbours | None = None,
        distance: Distance | None = None,
        segments: Collection[Hashable] | None = None,
    ) -> list[Hit]:
        """The best ``k`` people for ``job`` among ``segments`` (None: all), ranked as by a fresh index."""
        allowed = self._allowed(self._segment, segments) & ~self._stale
        hits = self._base.top(job, k, weights, neighbours, distance, allowed)
        if self._changed:
            side, codes = self._side_index()
            hits += side.top(job, k, weights, neighbours, distance, self._allowed(codes, segments))
        hits.sort(key=lambda h: (-h.score, h.ref))
        return hits[:k]
