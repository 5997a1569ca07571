"""The languages kohtaanto speaks and the one fallback policy: Finnish.

The whole service speaks Finnish, Swedish and English (``LANGUAGES``). A job seeker's own journey also
speaks the largest languages of immigrants in Finland (``JOURNEY_LANGUAGES``: Russian, Estonian, Arabic,
Ukrainian, Somali); those are interface languages only, never languages of the service's own records.

A text missing in the asked language is shown in Finnish (the language every catalogue and
vocabulary must have), and an unknown language code is read as Finnish.

>>> resolve("sv"), resolve("de"), resolve(None), resolve("ar")
('sv', 'fi', 'fi', 'fi')
>>> reader("ar"), reader("uk-UA"), reader("de")
('ar', 'uk', 'fi')
>>> pick({"fi": "leipuri", "sv": ""}, "sv")
'leipuri'
>>> pick({"fi": "leipuri", "uk": "пекар"}, "uk")
'пекар'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeGuard

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")
FALLBACK: Language = "fi"

JourneyLanguage = Literal["ru", "et", "ar", "uk", "so"]
JOURNEY_LANGUAGES: tuple[JourneyLanguage, ...] = ("ru", "et", "ar", "uk", "so")
ReaderLanguage = Language | JourneyLanguage
READER_LANGUAGES: tuple[ReaderLanguage, ...] = (*LANGUAGES, *JOURNEY_LANGUAGES)
RIGHT_TO_LEFT = frozenset({"ar"})


def is_language(code: object) -> TypeGuard[Language]:
    return code in LANGUAGES


def is_reader_language(code: object) -> TypeGuard[ReaderLanguage]:
    return code in READER_LANGUAGES


def _base(code: str | None) -> str:
    return (code or "").split("-")[0].split("_")[0].lower()


def resolve(code: str | None) -> Language:
    """``code`` if the whole service speaks it, otherwise Finnish. Region suffixes are ignored (``sv-FI``).
    Numbers, dates and the service's records use this language."""
    base = _base(code)
    return base if is_language(base) else FALLBACK


def reader(code: str | None) -> ReaderLanguage:
    """``code`` if a reader may read kohtaanto in it (the journey languages too), otherwise Finnish."""
    base = _base(code)
    return base if is_reader_language(base) else FALLBACK


def is_right_to_left(code: str | None) -> bool:
    return _base(code) in RIGHT_TO_LEFT


def pick(texts: Mapping[str, str], language: str | None) -> str:
    """The text in ``language``; else in Finnish; else the first text there is; else ``""``."""
    for code in (reader(language), FALLBACK):
        if texts.get(code):
            return texts[code]
    return next((value for value in texts.values() if value), "")
