"""Builds the rankers for one imported taxonomy version, with embedding caches beside the store.

For a language the taxonomy has no labels in (e.g. Finnish when only English ESCO is imported),
the starter vocabulary bridges the gap: its labels and synonyms in that language point to the
ESCO concepts they are linked to (``kohtaanto taxonomy link-starter``, or worked out on first use),
and the dense model is cross-lingual.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from kohtaanto.core.language import LANGUAGES
from kohtaanto.skills.embeddings import Encoder, is_cached
from kohtaanto.skills.extract import SkillExtractor, description_inputs
from kohtaanto.skills.normalise import CrossLabels, LabelRanker
from kohtaanto.skills.suggest import SkillSuggester, starter_entries, taxonomy_entries
from kohtaanto.taxonomy import linking
from kohtaanto.taxonomy.occupations import common_titles, occupations
from kohtaanto.taxonomy.store import TaxonomyStore
from kohtaanto.taxonomy.vocabulary import starter

SKILL_KINDS = ("skill", "knowledge")
# Labels in other languages a title is also compared with (dense model only).
CROSS_LANGUAGES = {"fi": ("en",), "sv": ("fi", "en"), "en": ()}


class SkillsService:
    def __init__(self, store: TaxonomyStore, language: str = "en", encoder: Encoder | None = None) -> None:
        self.store = store
        self.language = language
        self.encoder = encoder
        # the language of the skill labels: ESCO has occupations in Finnish here but no skills, so
        # Finnish skills are found through the English labels and the starter vocabulary's bridge
        self.label_language = language if store.has_labels(language, SKILL_KINDS) else "en"
        version = store.meta().get("version", "x")
        self.cache_dir = store.path.parent / f"esco-{version}.cache"

    @cached_property
    def titles(self) -> LabelRanker:
        return self.title_ranker()

    def title_ranker(self, exclude: Iterable[str] = ()) -> LabelRanker:
        """Occupations for job titles in the service language.

        Titles are matched against the occupation labels in their own language (ESCO's, the starter
        occupations' and the common job-ad titles of ``occupation_titles.yaml``) and, through the
        cross-lingual model, against the Finnish and English ones; Swedish has no ESCO labels, so it
        leans on the other two. ``exclude`` hides labels (for held-out evaluations).
        """
        language = self.language
        entries, cache = self.occupation_labels(language)
        cross = []
        for other in CROSS_LANGUAGES.get(language, ()):
            other_entries, other_cache = self.occupation_labels(other)
            if other_entries:
                cross.append(CrossLabels(other_entries, other_cache))
        return LabelRanker(
            entries,
            language,
            cache,
            self.encoder,
            symmetric=True,
            cross=tuple(cross),
            groups=self.store.groups("occupation"),
            exclude={text.casefold() for text in exclude},
        )

    def occupation_labels(self, language: str) -> tuple[list[tuple[str, str, str]], Path]:
        """The occupation labels in ``language`` and the file their vectors are cached in.

        English is ESCO's labels alone when they are imported (their vectors take minutes to build, so
        they stay as they are); other languages add the project's titles, mapped to ESCO concepts.
        """
        esco = []
        if language in self.store.languages:
            esco = self.store.labels(language, ["occupation"], ("preferred", "alternative", "hidden"))
        if language == "en" and esco:
            return esco, self.cache_dir / "occupation-en.npz"
        local = self.local_titles(language)
        return sorted({*esco, *local}), self.cache_dir / f"occupation-{language}-local.npz"

    def local_titles(self, language: str) -> list[tuple[str, str, str]]:
        """Starter occupations' names and common job-ad titles in ``language``, as ESCO occupations."""
        found: dict[str, str | None] = {}

        def uri(label: str) -> str | None:
            if label not in found:
                found[label] = self.store.find(label, "en", "occupation")
            return found[label]

        out: list[tuple[str, str, str]] = []
        for occupation in occupations().occupations:
            target = uri(occupation.esco)
            if target:
                names = [occupation.labels.get(language), *getattr(occupation.alt_labels, language)]
                out.extend((target, "starter", name) for name in names)
        for title in common_titles().titles:
            target = uri(title.esco)
            if target:
                out.extend((target, "curated", name) for name in title.in_language(language))
        return out

    def starter_links(self) -> dict[str, list[tuple[str, float]]]:
        """Each starter skill's nearest ESCO skills in this version: as ``kohtaanto taxonomy link-starter``
        stored them, or, when nobody has run it since the import, worked out now (against the English
        labels, whose vectors the skill extractor has anyway) and kept in the store for the next start.
        Without them a Finnish or Swedish text reaches ESCO only through the cross-lingual model, which
        read "keräsin tilauksia ja ajoin trukkia" as selling tyres."""
        links = linking.load(self.store.path)
        if links:
            return links
        english = self if self.language == "en" else SkillsService(self.store, "en", self.encoder)
        suggestions = linking.suggest(starter().skills, english.skills)
        with contextlib.suppress(sqlite3.Error):  # a read-only store: use them in this process only
            linking.save(self.store.path, suggestions)
        found: dict[str, list[tuple[str, float]]] = {}
        for s in sorted(suggestions, key=lambda s: (s.starter_id, s.rank)):
            found.setdefault(s.starter_id, []).append((s.uri, s.score))
        return found

    def starter_entries(self) -> list[tuple[str, str, str]]:
        """Starter labels in the service language, pointing to each starter skill's best ESCO link."""
        links = self.starter_links()
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


def _starter_entries(language: str) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    entries: list[tuple[str, str, str]] = []
    preferred: dict[str, str] = {}
    for skill in starter().skills:
        name = skill.labels.get(language)
        preferred[skill.id] = name
        entries.append((skill.id, "preferred", name))
        entries.extend((skill.id, "alternative", alt) for alt in getattr(skill.alt_labels, language, []))
    return entries, preferred


def starter_cached(language: str, cache_dir: Path) -> bool:
    """Whether the starter extractor of ``language`` can load its vectors without the encoder."""
    _, preferred = _starter_entries(language)
    concepts = sorted(preferred)
    if not is_cached(cache_dir / f"starter-{language}.npz", [preferred[c] for c in concepts]):
        return False
    descriptions = _starter_descriptions(language)
    if descriptions is None:
        return True
    return is_cached(*description_inputs(cache_dir / f"starter-{language}.npz", preferred, descriptions))


def starter_extractor(language: str, cache_dir: Path, encoder: Encoder | None = None) -> SkillExtractor:
    """Skill extraction over the starter vocabulary alone (before any taxonomy is imported).

    Concepts are starter ids (``warehouse.pick_orders``), the ids profiles and task inventories use.
    """
    entries, preferred = _starter_entries(language)
    return SkillExtractor(
        entries,
        preferred,
        language,
        cache_dir / f"starter-{language}.npz",
        encoder,
        descriptions=_starter_descriptions(language),
    )


def _starter_descriptions(language: str) -> dict[str, str] | None:
    """The skills' first-person descriptions, in the languages they are written in (fi, sv, en); a journey
    language has none of its own, and another language's would only blur its labels."""
    if language not in LANGUAGES:
        return None
    return {skill.id: skill.descriptions.get(language) for skill in starter().skills}
