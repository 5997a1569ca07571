"""Compile the committed ``.po`` catalogues into ``.mo`` files with Babel (no GNU gettext needed), and
tell how far each interface language's translation has come (``status.yaml`` beside the catalogues)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def compile_catalogues() -> list[Path]:
    written = []
    for po_path in catalogues():
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parts[-3])
        mo_path = po_path.with_suffix(".mo")
        tmp = mo_path.with_suffix(".mo.tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        tmp.replace(mo_path)
        written.append(mo_path)
    return written


def stale_catalogues() -> list[Path]:
    """Catalogues whose ``.mo`` is missing or older than the ``.po``."""
    stale = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            stale.append(po_path)
    return stale


STATUS = LOCALE_DIR / "status.yaml"
SOURCE = "en"  # the language of the message ids


@dataclass(frozen=True)
class LanguageStatus:
    """How far one interface language has come: what it covers, its review state and its share done."""

    code: str
    covers: str  # "all" or "journey"
    state: str  # "written" (with the service), "second_review" (machine-drafted, checked twice), "draft"
    drafted: dt.date | None
    second_review: dt.date | None
    strings: int
    translated: int

    @property
    def share(self) -> float:
        return self.translated / self.strings if self.strings else 0.0


@lru_cache(maxsize=32)
def _counts(path: Path, modified: float, source: bool) -> tuple[int, int]:
    """A catalogue's strings and translated strings, read once per version of the file (``modified``)."""
    strings = translated = 0
    with path.open("rb") as handle:
        for message in read_po(handle):
            if not message.id:
                continue
            strings += 1
            texts = [message.string] if isinstance(message.string, str) else list(message.string or ())
            # the message ids are the English source: English needs no translation of its own
            translated += source or (all(texts) and not message.fuzzy)
    return strings, translated


def translation_status() -> list[LanguageStatus]:
    """Each language of ``status.yaml`` with its catalogue's count of strings and translated strings."""
    import yaml

    data = yaml.safe_load(STATUS.read_text(encoding="utf-8")) or {}
    found = []
    for code, entry in data.items():
        path = LOCALE_DIR / str(code) / "LC_MESSAGES" / "django.po"
        strings, translated = _counts(path, path.stat().st_mtime, code == SOURCE) if path.exists() else (0, 0)
        found.append(
            LanguageStatus(
                code=str(code),
                covers=str(entry.get("covers", "journey")),
                state=str(entry.get("state", "draft")),
                drafted=entry.get("drafted"),
                second_review=entry.get("second_review"),
                strings=strings,
                translated=translated,
            )
        )
    return found
