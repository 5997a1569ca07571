"""Skills and occupations taxonomy (ESCO and local additions), as plain value objects.

The importer and the lookup service arrive with the taxonomy capability; this module fixes
the vocabulary every other package speaks.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from kohtaanto.core.language import LANGUAGES


class ConceptKind(enum.StrEnum):
    OCCUPATION = "occupation"
    SKILL = "skill"
    KNOWLEDGE = "knowledge"
    TRANSVERSAL = "transversal"


@dataclass(frozen=True, slots=True)
class Concept:
    """One taxonomy concept with its labels per language.

    >>> c = Concept("http://data.europa.eu/esco/skill/x", ConceptKind.SKILL, {"en": "clean rooms"})
    >>> c.label("fi")
    'clean rooms'
    """

    uri: str
    kind: ConceptKind
    preferred_labels: Mapping[str, str]
    alternative_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.uri:
            raise ValueError("a concept needs a URI")
        if not self.preferred_labels:
            raise ValueError(f"{self.uri} has no preferred label")

    def label(self, language: str) -> str:
        """The preferred label in ``language``, falling back through fi, en, sv."""
        for lang in (language, "fi", "en", "sv"):
            if lang in self.preferred_labels:
                return self.preferred_labels[lang]
        return next(iter(self.preferred_labels.values()))


class Taxonomy(Protocol):
    """What the rest of the domain needs from a taxonomy store."""

    def get(self, uri: str) -> Concept | None: ...

    def search(self, text: str, language: str, limit: int = 10) -> list[Concept]: ...


__all__ = ["LANGUAGES", "Concept", "ConceptKind", "Taxonomy"]
