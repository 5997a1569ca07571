"""Builds the rankers for one imported taxonomy version, with embedding caches beside the store."""

from __future__ import annotations

from functools import cached_property

from kohtaanto.skills.embeddings import Encoder
from kohtaanto.skills.extract import SkillExtractor
from kohtaanto.skills.normalise import LabelRanker
from kohtaanto.taxonomy.store import TaxonomyStore

SKILL_KINDS = ("skill", "knowledge")


class SkillsService:
    def __init__(self, store: TaxonomyStore, language: str = "en", encoder: Encoder | None = None) -> None:
        self.store = store
        self.language = language
        self.encoder = encoder
        version = store.meta().get("version", "x")
        self.cache_dir = store.path.parent / f"esco-{version}.cache"

    @cached_property
    def titles(self) -> LabelRanker:
        entries = self.store.labels(self.language, ["occupation"], ("preferred", "alternative", "hidden"))
        return LabelRanker(
            entries, self.language, self.cache_dir / f"occupation-{self.language}.npz", self.encoder
        )

    @cached_property
    def skills(self) -> SkillExtractor:
        entries = self.store.labels(self.language, SKILL_KINDS, ("preferred", "alternative"))
        preferred = {uri: label for uri, role, label in entries if role == "preferred"}
        return SkillExtractor(
            entries,
            preferred,
            self.language,
            self.cache_dir / f"skill-{self.language}-preferred.npz",
            self.encoder,
        )
