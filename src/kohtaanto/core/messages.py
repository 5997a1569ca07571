"""One loader for every ``messages.yaml``: message id -> language -> template.

Each domain package keeps its own catalogue file beside its code; this module reads it once, checks
that every message has a Finnish text, and renders it with the Finnish fallback of
:mod:`kohtaanto.core.language`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.core.language import FALLBACK, pick


class CatalogueError(ValueError):
    """A message catalogue that cannot be used (not a mapping, a message without Finnish)."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    path: Path
    entries: Mapping[str, Mapping[str, str]]

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def template(self, code: str, language: str | None) -> str:
        """The template for ``code`` in ``language`` (Finnish if it has none); unknown ids raise KeyError."""
        return pick(self.entries[code], language)

    def render(self, code: str, language: str | None, /, **params: Any) -> str:
        return self.template(code, language).format(**params)


@cache
def load(path: Path) -> Catalogue:
    """The catalogue in ``path``, read once per process."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: a catalogue maps message ids to texts")
    entries: dict[str, dict[str, str]] = {}
    for code, texts in data.items():
        if not isinstance(texts, dict) or not texts.get(FALLBACK):
            raise CatalogueError(f"{path}: message {code!r} has no Finnish text")
        entries[str(code)] = {str(k): str(v) for k, v in texts.items()}
    return Catalogue(path=path, entries=entries)
