"""Builds the rankers for one imported taxonomy version, with embedding caches beside the store.

For a language the taxonomy has no labels in (e.g. Finnish when only English ESCO is imported),
the starter vocabulary bridges the gap: its labels and synonyms in that language point to the
ESCO concepts they are linked to (``kohtaanto taxonomy link-starter``), and the dense model is
cross-lingual.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from kohtaanto.skills.embeddings import Encoder
from kohtaanto.skills.extract import SkillExtractor
from kohtaanto.skills.normalise import LabelRanker
from kohtaanto.skills.suggest import SkillSuggester, starter_entries, taxonomy_entries
from kohtaanto.taxonomy import linking
from kohtaanto.taxonomy.store import TaxonomyStore
from kohtaanto.taxonomy.vocabulary import starter

SKILL_KINDS = ("skill", "knowledge")


class SkillsService:
    def __init__(self, store: TaxonomyStore, language: str = "en", encoder: Encoder | None = None) -> None:
        self.store = store
        self.language = language
        self.encoder = encoder
        self.label_language = language if language in store.languages else "en"
        version = store.meta().get("version", "x")
        self.cache_dir = store.path.parent / f"esco-{version}.cache"

    @cached_property
    def titles(self) -> LabelRanker:
        entries = self.store.labels(
            self.label_language, ["occupation"], ("preferred", "alternative", "hidden")
        )
        return LabelRanker(
            entries,
            self.label_language,
            self.cache_dir / f"occupation-{self.label_language}.npz",
            self.encoder,
            symmetric=True,
        )

    def starter_entries(self) -> list[tuple[str, str, str]]:
        """Starter labels in the service language, pointing to each starter skill's best ESCO link."""
        links = linking.load(self.store.path)
        entries: list[tuple[str, str, str]] = []
        for skill in starter().skills:
            if skill.id not in links:
                continue
            uri = links[skill.id][0][0]
            texts = [skill.labels.get(self.language), *getattr(skill.alt_labels, self.language, [])]
            entries.extend((uri, "starter", text) for text in texts if text)
        return entries

    @cached_property
    def skills(self) -> SkillExtractor:
        entries = self.store.labels(self.label_language, SKILL_KINDS, ("preferred", "alternative"))
        preferred = {uri: label for uri, role, label in entries if role == "preferred"}
        if self.language != self.label_language:
            entries = [*entries, *self.starter_entries()]
        return SkillExtractor(
            entries,
            preferred,
            self.language,
            self.cache_dir / f"skill-{self.label_language}-preferred.npz",
            self.encoder,
        )

    @cached_property
    def suggester(self) -> SkillSuggester:
        """Starter skills first, then ESCO skills that have labels in the service language."""
        entries = starter_entries(starter().skills, self.language)
        if self.language in self.store.languages:
            entries += taxonomy_entries(self.store.labels(self.language, SKILL_KINDS))
        return SkillSuggester(entries)


def starter_extractor(language: str, cache_dir: Path, encoder: Encoder | None = None) -> SkillExtractor:
    """Skill extraction over the starter vocabulary alone (before any taxonomy is imported).

    Concepts are starter ids (``warehouse.pick_orders``), the ids profiles and task inventories use.
    """
    entries: list[tuple[str, str, str]] = []
    preferred: dict[str, str] = {}
    for skill in starter().skills:
        name = skill.labels.get(language)
        preferred[skill.id] = name
        entries.append((skill.id, "preferred", name))
        entries.extend((skill.id, "alternative", alt) for alt in getattr(skill.alt_labels, language))
    return SkillExtractor(entries, preferred, language, cache_dir / f"starter-{language}.npz", encoder)
