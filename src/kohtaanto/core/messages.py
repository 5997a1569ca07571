"""One loader for every ``messages.yaml``: message id -> language -> template.

Each domain package keeps its own catalogue file beside its code; this module reads it once, checks
that every message has a Finnish text, and renders it with the Finnish fallback of
:mod:`kohtaanto.core.language`.

A journey language's texts live beside the catalogue in ``messages.<language>.yaml`` (message id ->
text), so a translator works on one file; each must name only messages the catalogue has and keep their
placeholders.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.core.language import FALLBACK, JOURNEY_LANGUAGES, pick


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
    for language in JOURNEY_LANGUAGES:
        _add_translations(path, path.with_name(f"{path.stem}.{language}.yaml"), language, entries)
    return Catalogue(path=path, entries=entries)


def placeholders(template: str) -> set[str]:
    """The names of the ``{placeholders}`` in ``template``."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


def _add_translations(path: Path, overlay: Path, language: str, entries: dict[str, dict[str, str]]) -> None:
    if not overlay.exists():
        return
    data = yaml.safe_load(overlay.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise CatalogueError(f"{overlay}: a translation maps message ids to texts")
    for code, text in data.items():
        if str(code) not in entries:
            raise CatalogueError(f"{overlay}: {code!r} is not a message of {path.name}")
        if placeholders(str(text)) != placeholders(entries[str(code)][FALLBACK]):
            raise CatalogueError(f"{overlay}: {code!r} does not keep the placeholders of the Finnish text")
        entries[str(code)][language] = str(text)
