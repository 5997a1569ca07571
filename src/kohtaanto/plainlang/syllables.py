"""A rule-based Finnish syllable counter (for the long-word measure; no dictionary needed).

A Finnish syllable has one vowel nucleus: a short vowel, a long vowel or a diphthong. In a run of
vowels, a long vowel or a diphthong at the start forms one nucleus and the rest begin new ones
(``ai-ka``, ``ra-di-o``, ``te-at-te-ri``). Second-syllable diphthongs ending in *i* or *u/y* are
kept together too (``ta-lo-jen`` is not affected; ``lu-ke-a`` splits).
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aeiouyäöå")
DIPHTHONGS = frozenset(
    ["ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou", "ey", "äy", "öy", "ie", "uo", "yö"]
)


def _nuclei(run: str, first_syllable: bool) -> int:
    count, i = 0, 0
    while i < len(run):
        pair = run[i : i + 2]
        if len(pair) == 2 and (
            pair[0] == pair[1] or (pair in DIPHTHONGS and (first_syllable or pair[1] in "iuy"))
        ):
            i += 2
        else:
            i += 1
        count += 1
        first_syllable = False
    return count


@lru_cache(maxsize=100_000)
def count(word: str) -> int:
    """Syllables in a Finnish word (at least 1 for any word with a letter)."""
    word = word.casefold()
    total, run, seen_vowel = 0, "", False
    for char in word + " ":
        if char in VOWELS:
            run += char
            continue
        if run:
            total += _nuclei(run, not seen_vowel)
            seen_vowel = True
            run = ""
    return max(total, 1 if any(c.isalpha() for c in word) else 0)
