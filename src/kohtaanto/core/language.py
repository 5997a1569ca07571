"""The languages kohtaanto speaks and the one fallback policy: Finnish.

A text missing in the asked language is shown in Finnish (the language every catalogue and
vocabulary must have), and an unknown language code is read as Finnish.

>>> resolve("sv"), resolve("de"), resolve(None)
('sv', 'fi', 'fi')
>>> pick({"fi": "leipuri", "sv": ""}, "sv")
'leipuri'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeGuard

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")
FALLBACK: Language = "fi"


def is_language(code: object) -> TypeGuard[Language]:
    return code in LANGUAGES


def resolve(code: str | None) -> Language:
    """``code`` if kohtaanto speaks it, otherwise Finnish. Region suffixes are ignored (``sv-FI``)."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if is_language(base) else FALLBACK


def pick(texts: Mapping[str, str], language: str | None) -> str:
    """The text in ``language``; else in Finnish; else the first text there is; else ``""``."""
    for code in (resolve(language), FALLBACK):
        if texts.get(code):
            return texts[code]
    return next((value for value in texts.values() if value), "")
