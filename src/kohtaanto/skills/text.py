"""Tokens, lemmas and language for Finnish, Swedish and English text.

Lemmas come from simplemma; when the Voikko library and its Finnish dictionary are installed
(Debian ``libvoikko1`` and ``voikko-fi``), Finnish words are analysed with Voikko first, which
also splits compounds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from kohtaanto.core import voikko as finnish_morphology
from kohtaanto.core.language import LANGUAGES

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)

_EN = """a an the of and or to in on at for with by from as is are be been i my me we our you your
have had do did it its this that these those other such into about over also"""
_FI = """ja tai sekä on ovat olla olen olin oli ollut minä mä me se ne tämä nämä joka jotka että kun
myös mutta ei en eikä niin kuin jo vielä sitten sen sitä niitä muu muut"""
_SV = """och eller i på att en ett den det de som för med av till från är var har hade jag vi min mitt
mina du också men inte så om andra annan"""
STOPWORDS = {"en": frozenset(_EN.split()), "fi": frozenset(_FI.split()), "sv": frozenset(_SV.split())}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lemma: str
    start: int
    end: int


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _voikko() -> object | None:
    return finnish_morphology.finnish()


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    word = normalise(word)
    try:
        fallback = normalise(simplemma.lemmatize(word, lang=language))
    except ValueError:
        fallback = word
    if language == "fi":
        voikko = _voikko()
        if voikko is not None:
            analyses = voikko.analyze(word)  # type: ignore[attr-defined]
            verb = _verb_reading(voikko, word, analyses)
            if verb:
                return verb
            forms = [normalise(str(a["BASEFORM"])) for a in analyses if a.get("BASEFORM")]
            if forms:
                # Voikko may offer several readings ("hyllyjä" as itself or as plural of "hylly") and
                # reads participles as adjectives ("täyttänyt"); the most reduced known form wins.
                # simplemma cuts compounds to their first part ("siivouskärry" → "siivous"); a
                # fallback that Voikko reads as the head of a longer compound is not a reading.
                compound = any(f.startswith(fallback) and len(f) - len(fallback) >= 3 for f in forms)
                if fallback != word and not compound and _voikko_forms(voikko, fallback):
                    forms.append(fallback)
                return min(forms, key=lambda form: (len(form), form))
    return fallback


def _verb_reading(voikko: object, word: str, analyses: list[dict[str, object]]) -> str | None:
    """The verb a person's past-tense words stand for, where Voikko reads them otherwise.

    "Olen pakannut" and "tiskannut" are read as adjectives (participles) and "jaoin", "pyyhin" as nouns
    as well as verbs; in what people write about their work they are verbs: "pakata", "tiskata",
    "jakaa", "pyyhkiä". A candidate counts only when Voikko knows it as a verb. ``analyses`` are the
    word's own.
    """
    verbs = [normalise(str(a["BASEFORM"])) for a in analyses if a.get("CLASS") == "teonsana"]
    if verbs and word.endswith(("in", "imme")) and len(verbs) < len(analyses):
        return min(verbs, key=len)  # a first-person past tense that is also a noun: the verb
    if verbs or not word.endswith(("nut", "nyt")):
        return None
    stem = word[:-3]
    front = word.endswith("nyt")
    candidates = [
        stem[:-1] + ("tä" if front else "ta"),  # tiskan|nut → tiska + ta, siivon|nut → siivo + ta
        stem + stem[-1:],  # aja|nut → ajaa, täyttä|nyt → täyttää
        stem + ("ä" if front else "a"),  # luke|nut → lukea
    ]
    for candidate in candidates:
        found = voikko.analyze(candidate)  # type: ignore[attr-defined]
        if any(
            a.get("CLASS") == "teonsana" and normalise(str(a.get("BASEFORM"))) == candidate for a in found
        ):
            return candidate
    return None


def _voikko_forms(voikko: object, word: str) -> list[str]:
    analyses = voikko.analyze(word)  # type: ignore[attr-defined]
    return [normalise(str(a["BASEFORM"])) for a in analyses if a.get("BASEFORM")]


def tokens(text: str, language: str) -> list[Token]:
    return [Token(m.group(0), lemma(m.group(0), language), m.start(), m.end()) for m in _WORD.finditer(text)]


def content_lemmas(text: str, language: str) -> list[str]:
    stop = STOPWORDS.get(language, frozenset())
    return [t.lemma for t in tokens(text, language) if t.lemma not in stop and len(t.lemma) > 1]


def detect_language(text: str, default: str = "fi") -> str:
    """fi, sv or en, by simplemma's vocabulary coverage; short or unclear text falls back to ``default``."""
    scores = dict(simplemma.langdetect(text, lang=LANGUAGES))
    best = max(LANGUAGES, key=lambda lang: scores.get(lang, 0.0))
    return best if scores.get(best, 0.0) >= 0.3 else default


MISMATCH_WORDS = 3  # fewer words than this say too little about their language
MISMATCH_SURE = 0.6  # share of words simplemma knows in the detected language
MISMATCH_UNLIKE = 0.2  # at most this share in the chosen one


def language_mismatch(text: str, chosen: str) -> str | None:
    """fi, sv or en when the text is clearly in that language and clearly not in ``chosen`` (the language
    the person said the text is in), else None. Short texts and mixed ones ("Osaan Excel ja Word") say
    nothing: a wrong warning costs more than a missed one, since the person can still choose.

    >>> language_mismatch("Jag körde paketbil och delade ut paket.", "fi")
    'sv'
    >>> language_mismatch("Osaan Excel ja Word", "fi") is None
    True
    """
    if len(_WORD.findall(text)) < MISMATCH_WORDS:
        return None
    scores = dict(simplemma.langdetect(text, lang=LANGUAGES))
    best = max(LANGUAGES, key=lambda lang: scores.get(lang, 0.0))
    if (
        best != chosen
        and scores.get(best, 0.0) >= MISMATCH_SURE
        and scores.get(chosen, 0.0) <= MISMATCH_UNLIKE
    ):
        return best
    return None


# Words that negate the clause they stand in ("en osaa ajaa autoa", "jag kan inte köra bil").
# English "n't" ("can't", "didn't", also with a typographic apostrophe) negates wherever it stands.
NEGATIONS = {
    "fi": frozenset(("en", "et", "ei", "emme", "ette", "eivät", "enkä", "etkä", "eikä", "emmekä", "eivätkä")),
    "sv": frozenset(("inte", "ej", "icke", "aldrig")),
    "en": frozenset(("not", "never", "no", "cannot")),
    "ru": frozenset(("не", "нет", "никогда")),
    "uk": frozenset(("не", "ні", "ніколи")),
    "et": frozenset(("ei", "mitte", "pole")),
    "ar": frozenset(("لا", "لم", "لن", "ليس", "لست", "ولا", "ولم", "ولن")),
    "so": frozenset(("ma", "maan")),
}
_CLAUSE = re.compile(
    r"[.;:!?\n،؛]+|,|\b(?:ja|mutta|sekä|och|men|samt|and|but|но|але|aga|laakiin|lakin|لكن)\b", re.IGNORECASE
)


def clauses(text: str) -> list[tuple[int, int]]:
    """The spans of the text's clauses (cut at sentence ends, commas and "and"/"but"), blank ones left out."""
    spans = []
    start = 0
    for cut, after in [*((m.start(), m.end()) for m in _CLAUSE.finditer(text)), (len(text), len(text))]:
        piece = text[start:cut]
        if any(ch.isalnum() for ch in piece):
            left = start + len(piece) - len(piece.lstrip())
            spans.append((left, start + len(piece.rstrip())))
        start = after
    return spans


def affirmed(text: str, language: str) -> str:
    """The text with every negated clause blanked out (same length, so offsets stay valid)."""
    negations = NEGATIONS.get(language, frozenset())
    out = list(text)
    start = 0
    for cut in [*(m.start() for m in _CLAUSE.finditer(text)), len(text)]:
        clause = normalise(text[start:cut]).replace("\u2019", "'")
        if {m.group(0) for m in _WORD.finditer(clause)} & negations or "n't" in clause:
            out[start:cut] = " " * (cut - start)
        start = cut
    return "".join(out)
