"""How close two skills are, from the taxonomy's structure (for partial credit in matching).

- the same concept: 1;
- one is directly broader or narrower than the other: ``BROADER`` (0.8);
- siblings under the same broader concept or skill group: ``SIBLING`` (0.6);
- an essential skill-skill relation: ``ESSENTIAL_RELATED`` (0.5); an optional one:
  ``OPTIONAL_RELATED`` (0.3).

The closest link wins. Neighbourhoods are read from the store once per skill and cached.
"""

from __future__ import annotations

from functools import lru_cache

from kohtaanto.taxonomy.store import TaxonomyStore

BROADER = 0.8
SIBLING = 0.6
ESSENTIAL_RELATED = 0.5
OPTIONAL_RELATED = 0.3


class StoreRelations:
    def __init__(self, store: TaxonomyStore) -> None:
        self.store = store
        self.neighbours = lru_cache(maxsize=100_000)(self._neighbours)

    def _down(self, uri: str) -> list[str]:
        rows = self.store.db.execute(
            "SELECT source FROM relations WHERE target = ? AND relation = 'broader'", (uri,)
        )
        return [r[0] for r in rows]

    def _neighbours(self, uri: str) -> dict[str, float]:
        out: dict[str, float] = {}

        def offer(other: str, value: float) -> None:
            if other != uri and value > out.get(other, 0.0):
                out[other] = value

        parents = self.store.related(uri, "broader")
        for parent in parents:
            offer(parent, BROADER)
            for sibling in self._down(parent):
                offer(sibling, SIBLING)
        for child in self._down(uri):
            offer(child, BROADER)
        for other in self.store.related(uri, "essential_related"):
            offer(other, ESSENTIAL_RELATED)
        for other in self.store.related(uri, "optional_related"):
            offer(other, OPTIONAL_RELATED)
        for relation, value in (
            ("essential_related", ESSENTIAL_RELATED),
            ("optional_related", OPTIONAL_RELATED),
        ):
            rows = self.store.db.execute(
                "SELECT source FROM relations WHERE target = ? AND relation = ?", (uri, relation)
            )
            for (other,) in rows:
                offer(other, value)
        return out

    def similarity(self, have: str, need: str) -> float:
        if have == need:
            return 1.0
        return self.neighbours(need).get(have, 0.0)
