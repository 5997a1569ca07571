"""Word analysis for the rules: lemma, compound parts, passive, non-finite forms, rare cases.

Two backends behind one interface. :class:`VoikkoAnalyzer` uses real Finnish morphology (Debian
``libvoikko1`` + ``voikko-fi`` through the PyPI ``libvoikko`` binding; GPL, optional at run time).
:class:`HeuristicAnalyzer` uses suffix patterns and a frequency-list compound splitter; it finds
fewer forms and the report says which mode ran. Swedish and English always use heuristics.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Protocol

import simplemma
from wordfreq import get_frequency_dict, zipf_frequency

from kohtaanto.core import voikko as finnish_morphology


@dataclass(frozen=True, slots=True)
class Morph:
    lemma: str
    parts: int = 1  # compound parts
    passive: bool = False  # a finite passive verb (fi: tehdään; sv: skickas; en: is sent)
    nonfinite: str = (
        ""  # a clause-like non-finite form: "e_infinitive", "temporal", "final", "ma_abessive", ...
    )
    participle: str = ""
    minen: str = ""  # the verb of a -minen action noun (täyttäminen → täyttää), or ""
    case: str = ""  # rare case name (abessive, instructive, comitative) or ""


class Analyzer(Protocol):
    mode: str

    def analyse(self, word: str) -> Morph: ...


@lru_cache(maxsize=200_000)
def frequency(word: str, language: str) -> float:
    """wordfreq's Zipf frequency. A plain lower-case word (letters only, one token) is read straight
    from the word list, without wordfreq's tokeniser: the same figure at a fraction of the cost, which
    matters when the caches are cold (the checker looks up every word)."""
    if word.isalpha() and word == word.casefold():
        freq = _frequencies(language).get(word, 0.0)
        if not freq:
            return 0.0
        freq = round(freq, math.floor(-math.log10(freq)) + 3)  # wordfreq's rounding to 3 digits
        return round(math.log10(freq) + 9, 2)
    return zipf_frequency(word, language)


@cache
def _frequencies(language: str) -> dict[str, float]:
    return get_frequency_dict(language, "best")  # wordfreq's own dict, loaded once: no copy


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    try:
        return str(simplemma.lemmatize(word, lang=language)).casefold()
    except ValueError:
        return word


# -- Finnish heuristics ---------------------------------------------------------------------------
_FI_PASSIVE = re.compile(r"(?:[aeiouyäö]t|tt|d|ll|nn|rr)(?:aan|ään)$|(?:tt|t|d|ll|nn|rr)iin$")
_FI_E_INF = re.compile(r"(?:[aeiouyäö]|[dt])ess[aä](?:ni|si|an|än|mme|nne)?$")
_FI_TEMPORAL = re.compile(r"(?:tt|t|d|n|l|r)[uy][aä](?:an|än|ni|si|mme|nne)$")
_FI_FINAL = re.compile(r"[aä]kse(?:ni|si|en|mme|nne)$")
_FI_MA = re.compile(r"m[aä](?:tt[aä]|ll[aä])$")
_FI_MINEN = re.compile(r"mi(?:nen|sen|sta|stä|seen|sessa|sessä|sella|sellä|selle|set|sia|siä|sten|siin)$")
_FI_TTAVA = re.compile(r"tt[aä]v(?:[aä]|[aä]n|[aä]t|i[aä]|ien|ist[aä]|iss[aä])$")
_FI_NOT_PASSIVE = frozenset(
    ["aan", "ään", "saan", "jään", "maan", "taan", "kaan", "hän", "mään", "siin", "niin", "tiin"]
)


@cache
def _fi_known(part: str) -> bool:
    return len(part) >= 3 and frequency(part, "fi") >= 3.0


MAX_PART = 24  # the longest single word a compound part is looked up as
MAX_COMPOUND = 80  # longer "words" (a URL, a run of letters) are not split: the work grows with length


@lru_cache(maxsize=100_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The fewest known-word parts the word splits into (frequency list), or the word itself."""
    n = len(word)
    if n > MAX_COMPOUND:
        return (word,)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(3, n + 1):
        for start in range(max(0, end - MAX_PART), end - 2):
            prefix = best[start]
            if prefix is None:
                continue
            part = word[start:end]
            last = end == n
            # inner parts must be known words; the last part may be an inflected known word
            if _fi_known(part) or (last and len(part) >= 4 and _fi_known(lemma(part, "fi"))):
                candidate = (*prefix, part)
                if best[end] is None or len(candidate) < len(best[end] or ()):
                    best[end] = candidate
    found = best[n]
    return found if found else (word,)


def minen_verb(noun: str) -> str:
    """The verb a -minen action noun is made from, when the word list knows it (täyttäminen → täyttää,
    lukeminen → lukea, osaaminen → osata), else "": "ihminen" and "dynaaminen" name no verb."""
    if not noun.endswith("minen") or len(noun) < 8:
        return ""
    stem = noun[:-5]
    vowel = "a" if re.search(r"[aou]", stem) else "ä"
    contracted = stem[:-1] + "t" + vowel  # osaa-, halua-, siivoa- → osata, haluta, siivota
    plain = stem + vowel  # täyttä-, luke-, oppi-, puhu- → täyttää, lukea, oppia, puhua
    two_vowels = stem[-1] in "aä" and stem[-2:-1] in tuple("aeiouyäö")
    weak = re.sub(r"(kk|pp|tt)(?=[aeiouyäö]t[aä]$)", lambda m: m.group(1)[0], contracted)  # pakkaa- → pakata
    for verb in (contracted, weak, plain) if two_vowels else (plain,):
        if frequency(verb, "fi") >= 2.5:
            return verb
    return ""


class HeuristicAnalyzer:
    mode = "heuristic"

    def __init__(self, language: str) -> None:
        self.language = language

    @lru_cache(maxsize=100_000)  # noqa: B019 - one analyzer per language, kept for the process
    def analyse(self, word: str) -> Morph:
        w = word.casefold()
        if self.language == "fi":
            return self._fi(w)
        if self.language == "sv":
            return self._sv(w)
        return Morph(lemma(w, "en"))

    def _fi(self, w: str) -> Morph:
        base = lemma(w, "fi")
        if w in _FI_FIXED:
            return Morph(base)
        parts = len(split_compound(w)) if len(w) >= 12 and frequency(w, "fi") < 3.0 else 1
        nonfinite = ""
        if len(w) > 6 and _FI_E_INF.search(w) and not frequency(w, "fi") > 4.5:
            nonfinite = "e_infinitive"
        elif len(w) > 6 and _FI_TEMPORAL.search(w):
            nonfinite = "temporal"
        elif _FI_FINAL.search(w):
            nonfinite = "final"
        elif len(w) > 6 and _FI_MA.search(w):
            nonfinite = "ma_" + ("abessive" if "tt" in w[-4:] else "adessive")
        passive = len(w) > 5 and w not in _FI_NOT_PASSIVE and bool(_FI_PASSIVE.search(w)) and base != w
        return Morph(
            base,
            parts,
            passive=passive and not nonfinite,
            nonfinite=nonfinite,
            participle="present_passive" if _FI_TTAVA.search(w) else "",
            minen=minen_verb(base if base.endswith("minen") else _FI_MINEN.sub("minen", w))
            if len(w) > 7 and _FI_MINEN.search(w)
            else "",
        )

    def _sv(self, w: str) -> Morph:
        base = lemma(w, "sv")
        passive = (
            len(w) > 4
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is", "ns"))
            and base != w
            and base.endswith(("a", "e"))
            and base[:-1] in w
        )
        return Morph(base, passive=passive)


# -- Voikko ---------------------------------------------------------------------------------------
_FINITE = frozenset({"indicative", "conditional", "imperative", "potential"})
# postpositions and set phrases that look like non-finite forms but read easily
_FI_FIXED = frozenset({"mennessä", "lähtien", "lukien", "koskien", "huolimatta", "ollen", "alkaen", "saakka"})
RARE_CASES = {"vajanto": "abessive", "keinonto": "instructive", "seuranto": "comitative"}


class VoikkoAnalyzer:
    mode = "voikko"

    def __init__(self, voikko: Any) -> None:
        self.voikko = voikko
        self.fallback = HeuristicAnalyzer("fi")

    @lru_cache(maxsize=100_000)  # noqa: B019 - one analyzer for the process
    def analyse(self, word: str) -> Morph:
        readings = self.voikko.analyze(word)
        if not readings:
            return self.fallback.analyse(word)
        # a connegative reading ("lähetä" as in "ei lähetetä") loses to an imperative or another reading
        first = next((r for r in readings if r.get("NEGATIVE") != "true"), readings[0])
        if word.casefold() in _FI_FIXED:
            return Morph(str(first.get("BASEFORM", word)).casefold())
        mood = str(first.get("MOOD", ""))
        case = str(first.get("SIJAMUOTO", ""))
        # a rare case only when no reading says otherwise: "noin" is an adverb, not the instructive of
        # "noki" (soot); "vuotta" a partitive, "kuin" a conjunction, "suurin" a superlative
        # and "paremmin", "usein": forms every reader knows (Zipf 4 and over) are no rare case either
        rare_only = all(RARE_CASES.get(str(r.get("SIJAMUOTO", ""))) for r in readings) and (
            frequency(word.casefold(), "fi") < 4.0
        )
        nonfinite = ""
        if mood == "E-infinitive":
            nonfinite = "e_infinitive"
        elif mood == "A-infinitive" and first.get("POSSESSIVE"):
            nonfinite = "final"
        elif mood == "MA-infinitive" and case in ("vajanto", "ulkoolento"):
            nonfinite = "ma_" + ("abessive" if case == "vajanto" else "adessive")
        elif mood == "MAINEN-infinitive":
            nonfinite = "mainen"
        participle = str(first.get("PARTICIPLE", ""))
        if participle in ("past_passive", "past_active") and first.get("POSSESSIVE") and case == "osanto":
            nonfinite = "temporal"  # tehtyään, saavuttuasi
        structure = str(first.get("STRUCTURE", ""))
        return Morph(
            str(first.get("BASEFORM", word)).casefold(),
            max(1, structure.count("=")),
            passive=any(
                r.get("PERSON") == "4" and r.get("NEGATIVE") == "false" and r.get("MOOD") in _FINITE
                for r in readings
            ),
            nonfinite=nonfinite,
            participle=participle,
            # Voikko reads an action noun as the verb's MINEN-infinitive (täyttäminen → täyttää); a noun
            # that merely ends in -minen (ihminen) or an adjective (dynaaminen) is no nominalisation
            minen=str(first.get("BASEFORM", "")) if mood == "MINEN-infinitive" else "",
            case=RARE_CASES.get(case, "") if mood not in ("MA-infinitive",) and rare_only else "",
        )


def _voikko() -> Any:
    return finnish_morphology.finnish()


def analyzer(language: str, use_voikko: bool = True) -> Analyzer:
    if language == "fi" and use_voikko:
        voikko = _voikko()
        if voikko is not None:
            return _voikko_analyzer(id(voikko))
    return _heuristic(language)


@cache
def _voikko_analyzer(_key: int) -> VoikkoAnalyzer:
    return VoikkoAnalyzer(_voikko())


@cache
def _heuristic(language: str) -> HeuristicAnalyzer:
    return HeuristicAnalyzer(language)
