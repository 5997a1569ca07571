"""Flag words in a free-text note that suggest a diagnosis or another health detail.

The platform keeps functional needs, not diagnoses. Notes written by professionals and employers about a
person must not hold health details; a person's own text may, but they are told who can read it. The
terms (``data/health_terms.yaml``) are word starts in Finnish, Swedish and English, checked in every
text whatever its language, since people mix languages.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def _pattern() -> re.Pattern[str]:
    raw = yaml.safe_load(
        resources.files("kohtaanto.plainlang").joinpath("data/health_terms.yaml").read_text()
    )
    starts = sorted({t for key, terms in raw.items() if not key.endswith("_whole") for t in terms}, key=len)
    wholes = sorted({t for key, terms in raw.items() if key.endswith("_whole") for t in terms}, key=len)
    parts = [rf"(?<!\w){re.escape(t)}\w*" for t in reversed(starts)]
    parts += [rf"(?<!\w){re.escape(t)}(?!\w)" for t in reversed(wholes)]
    return re.compile("|".join(parts), re.IGNORECASE)


def health_terms(text: str, limit: int = 5) -> list[str]:
    """The words (as written) that look like a diagnosis or a health detail, first ones first."""
    found: list[str] = []
    for match in _pattern().finditer(text[:20_000]):
        word = match.group(0)
        if word.lower() not in (w.lower() for w in found):
            found.append(word)
        if len(found) >= limit:
            break
    return found
