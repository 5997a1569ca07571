"""The plain-language checker: mask, split, run the profile's rules, score.

Rules and messages live in ``data/rules.yaml``, word lists in ``data/lexicon.yaml``, thresholds
and score weights in ``data/profiles.yaml``. Every finding's span points into the original input.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.core.language import LANGUAGES, resolve
from kohtaanto.plainlang import Severity, TextFinding, TextReport
from kohtaanto.plainlang import syllables as syl
from kohtaanto.plainlang.mask import Format, Prepared, prepare
from kohtaanto.plainlang.morph import Analyzer, Morph, analyzer, frequency, lemma, split_compound
from kohtaanto.plainlang.segment import Sentence, Word, sentences

DATA = Path(__file__).with_name("data")
PROFILES = ("instructions", "job-ad")
WEIGHT = {Severity.PROBLEM: 3.0, Severity.WARNING: 1.0, Severity.SUGGESTION: 0.3}
# Familiarity is the mean Zipf frequency of a text's words, each counted at least at this value: one
# very rare word (a name, a term) weighs like an uncommon one rather than like ten. On the development
# set (Selkouutiset vs news leads, 2023-2024) a floor of 3 separated best (AUC 0.961 alone; 0.951 without).
RARE_FLOOR = 3.0
SHRINK_WORDS = 20  # see _shrunk: no effect on the development set's AUC (chunks of 60-110 words)
AD_RULES = frozenset({"ad.gendered_title", "ad.exclusionary", "ad.language_requirement"})


@cache
def _yaml(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def rules() -> dict[str, Any]:
    return dict(_yaml("rules.yaml")["rules"])


def rule_ids() -> list[str]:
    return sorted(rules())


def profile_settings(
    profile: str, overrides: Mapping[str, Any] | None = None, language: str = "sv"
) -> dict[str, Any]:
    profiles = _yaml("profiles.yaml")
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: choose {' or '.join(PROFILES)}")
    settings = dict(profiles[profile])
    scale = float(profiles["language_scale"].get(language, 1.0))
    for key in ("sentence_words", "sentence_words_problem"):
        settings[key] = round(settings[key] * scale)
    settings["score"] = {
        name: _for_language(name, spec, language, scale) for name, spec in settings["score"].items()
    }
    for key, value in (overrides or {}).items():
        if key not in settings or key in ("score", "description"):
            raise ValueError(f"unknown threshold {key!r}")
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise ValueError(f"threshold {key!r} must be a non-negative number")
        settings[key] = value
    return settings


def _for_language(name: str, spec: dict[str, Any], language: str, scale: float) -> dict[str, Any]:
    """A score measure's thresholds for one language: per-language values picked, sentence lengths scaled."""
    spec = {k: (v.get(language, v["fi"]) if isinstance(v, dict) else v) for k, v in spec.items()}
    if name.startswith("sentence"):
        spec["good"], spec["bad"] = spec["good"] * scale, spec["bad"] * scale
    return spec


@cache
def _lexicon(language: str) -> dict[str, Any]:
    return dict(_yaml("lexicon.yaml")[language])


def _lang(language: str) -> str:
    return resolve(language)


@dataclass
class _Context:
    prepared: Prepared
    language: str
    messages: str
    settings: dict[str, Any]
    analyzer: Analyzer
    disabled: Collection[str]
    profile: str
    findings: list[TextFinding] = field(default_factory=list)
    covered: set[tuple[int, int]] = field(default_factory=set)

    def add(self, rule: str, start: int, end: int, severity: str | None = None, **params: Any) -> None:
        if rule in self.disabled or (rule in AD_RULES and self.profile != "job-ad"):
            return
        spec = rules()[rule]
        params.setdefault("text", self.prepared.original[start:end])
        lang = self.messages
        message = spec["message"][lang].format(**params)
        suggestion = spec["suggestion"][lang].format(**params) if spec.get("suggestion") else None
        source_key = spec["source"].get(self.language) or next(iter(spec["source"].values()))
        self.findings.append(
            TextFinding(
                rule,
                start,
                end,
                Severity(severity or spec["severity"]),
                message,
                suggestion,
                _yaml("rules.yaml")["sources"][source_key],
                spec["category"],
                self.prepared.original[start:end],
            )
        )
        self.covered.add((start, end))


# -- helpers --------------------------------------------------------------------------------------
def _lemmas(ctx: _Context, sentence: Sentence, morphs: list[Morph]) -> list[str]:
    if ctx.language == "fi":
        return [m.lemma for m in morphs]
    return [lemma(w.lower, ctx.language) for w in sentence.words]


Phrases = dict[str, list[tuple[tuple[str, ...], str]]]  # first lemma -> [(lemmas, lexicon key)]


@cache
def _phrases(language: str, name: str) -> Phrases:
    """A lexicon list as lemma sequences indexed by their first lemma, longest first."""
    index: Phrases = {}
    for key in _lexicon(language)[name]:
        parts = tuple(
            lemma(p, language) if language != "fi" else _fi_lemma(p) for p in key.casefold().split()
        )
        index.setdefault(parts[0], []).append((parts, key))
        surface = key.casefold().split()[0]
        if surface != parts[0]:
            index.setdefault(surface, []).append(((surface, *parts[1:]), key))
    for entries in index.values():
        entries.sort(key=lambda item: -len(item[0]))
    return index


def _fi_lemma(word: str) -> str:
    return analyzer("fi").analyse(word).lemma


def _match_phrases(sentence: Sentence, lemmas: list[str], phrases: Phrases) -> Iterable[tuple[int, int, str]]:
    """(first word, last word, key) for each phrase found, left to right, without overlaps."""
    surface = [w.lower for w in sentence.words]
    i = 0
    while i < len(lemmas):
        found = None
        for first in {lemmas[i], surface[i]}:
            for parts, key in phrases.get(first, ()):
                n = len(parts)
                if i + n <= len(lemmas) and all(
                    lemmas[i + k] == parts[k] or surface[i + k] == parts[k] for k in range(n)
                ):
                    if found is None or n > found[1] - found[0] + 1:
                        found = (i, i + n - 1, key)
                    break
        if found:
            yield found
            i = found[1] + 1
        else:
            i += 1


def _common(word: str, language: str) -> bool:
    if language != "fi":
        return False
    parts = split_compound(word)
    return len(parts) > 1 and all(frequency(p, "fi") >= 3.5 for p in parts[:-1])


# -- rules ----------------------------------------------------------------------------------------
# Zipf frequencies (wordfreq) from which a word counts as everyday, so a rule about its form does not
# fire: a -minen noun or a negative word as common as "osaaminen", "asuminen" or "työtön" (3.5), a long
# compound as common as "presidentinvaalit" (3.0). Chosen on the development set (`kohtaanto eval
# selko --labelled`): these words were most of the findings on Yle Selkouutiset.
_EVERYDAY_ZIPF = 3.5
_KNOWN_COMPOUND_ZIPF = 3.0


def _sentence_rules(ctx: _Context, sentence: Sentence, morphs: list[Morph]) -> None:
    s = ctx.settings
    count = len(sentence.words)
    if sentence.kind != "heading" and count > s["sentence_words"]:
        severity = "problem" if count >= s["sentence_words_problem"] else None
        ctx.add("sentence.long", sentence.start, sentence.end, severity, words=count)
    heavy: list[str] = []
    for word, morph in zip(sentence.words, morphs, strict=True):
        if morph.nonfinite:
            ctx.add("sentence.nonfinite", word.start, word.end)
            heavy.append(word.text)
        elif morph.minen:
            if frequency(word.lower, "fi") < _EVERYDAY_ZIPF:
                ctx.add("word.nominal", word.start, word.end, verb=morph.minen)
            heavy.append(word.text)
        elif morph.participle == "present_passive":
            heavy.append(word.text)
        if morph.case:
            names = {"abessive": "vajanto", "instructive": "keinonto", "comitative": "seuranto"}
            case = names[morph.case] if ctx.messages == "fi" else morph.case
            ctx.add("word.rare_case", word.start, word.end, case=case)
    if len(heavy) >= 3:
        ctx.add("sentence.stacked", sentence.start, sentence.end, count=len(heavy), forms=", ".join(heavy))
    _passive(ctx, sentence, morphs, heavy=bool(heavy))
    starts_negative = re.match(
        r"(älä|älkää)\s+unohda|glöm\s+inte|(do\s+not|don't)\s+forget",
        ctx.prepared.clean[sentence.start : sentence.end],
        re.I,
    )
    if starts_negative or _double_negative(ctx, sentence):
        ctx.add("sentence.negation", sentence.start, sentence.end)


# a word that is negative in itself: epävarma, mahdoton; tavaton, maksuttomia (-ton)
_FI_NEGATIVE_PREFIX = re.compile(r"^(?:epä|mahdo?t)")
_FI_NEGATIVE_SUFFIX = re.compile(r"(?:t[oö]n|t[oö]nt[aä]|tt[oö]m[aä]\w*|tt[oö]mi\w*)$")


def _fi_negative_word(word: str) -> bool:
    """Negative in itself: epä- and mahdoton always; a -ton word unless it is everyday ("työtön",
    "maksuton" name a state, not a negative to undo)."""
    if _FI_NEGATIVE_PREFIX.search(word):
        return True
    return bool(_FI_NEGATIVE_SUFFIX.search(word)) and frequency(word, "fi") < _EVERYDAY_ZIPF


def _double_negative(ctx: _Context, sentence: Sentence) -> bool:
    """A negative of a negative in one clause (between commas): "ei ole mahdotonta", "not unlikely",
    and in Swedish and English two negatives in one clause. Finnish easy news puts a negative in each of
    two clauses freely ("ei aja, joten hän ei kilpaile"), which reads well, so clauses are counted
    apart; a negative word that is everyday (työtön, maksuton) is no double negative."""
    lex = _lexicon(ctx.language)
    clauses: list[list[Word]] = [[]]
    previous: Word | None = None
    for word in sentence.words:
        if previous is not None and re.search(r"[,;:–]", ctx.prepared.clean[previous.end : word.start]):
            clauses.append([])
        clauses[-1].append(word)
        previous = word
    for clause in clauses:
        negatives = [w for w in clause if w.lower in lex["negation"] or w.lower.endswith("n't")]
        if not negatives:
            continue
        if ctx.language != "fi" and len(negatives) >= 2:
            return True
        others = (w.lower for w in clause if w.lower not in lex["negation"])
        if ctx.language == "fi" and any(_fi_negative_word(w) for w in others):
            return True
        if ctx.language == "en" and any(re.match(r"un[a-z]{4,}$", w) for w in others):
            return True
    return False


def _passive(ctx: _Context, sentence: Sentence, morphs: list[Morph], *, heavy: bool) -> None:
    """The Finnish passive is the everyday impersonal ("täällä pelataan"): easy Finnish (Yle
    Selkouutiset) uses it as often as news does. It hides the doer where the sentence is already hard
    to follow: long, or carrying a heavy form. Swedish and English: every passive."""
    if ctx.language != "fi" or heavy or len(sentence.words) > ctx.settings["sentence_words"]:
        for word, morph in zip(sentence.words, morphs, strict=True):
            if morph.passive:
                ctx.add("verb.passive", word.start, word.end)
    if ctx.language == "en":
        _en_passive(ctx, sentence)


_EN_BE = frozenset(["am", "is", "are", "was", "were", "be", "been", "being"])
_EN_IRREGULAR = frozenset(
    [
        "done",
        "made",
        "given",
        "taken",
        "sent",
        "paid",
        "kept",
        "held",
        "told",
        "shown",
        "seen",
        "written",
        "known",
        "found",
        "built",
        "brought",
        "bought",
        "chosen",
        "driven",
        "eaten",
        "forgotten",
        "hidden",
        "led",
        "left",
        "lost",
        "meant",
        "met",
        "put",
        "read",
        "run",
        "said",
        "set",
        "sold",
        "spent",
        "stood",
        "taught",
        "thought",
        "understood",
        "won",
        "worn",
    ]
)


def _en_passive(ctx: _Context, sentence: Sentence) -> None:
    ws = sentence.words
    for i, word in enumerate(ws[:-1]):
        if word.lower not in _EN_BE:
            continue
        j = i + 1
        if ws[j].lower.endswith("ly") and j + 1 < len(ws):
            j += 1
        target = ws[j].lower
        if (target.endswith("ed") and len(target) > 4) or target in _EN_IRREGULAR:
            ctx.add("verb.passive", word.start, ws[j].end)


def _phrase_rule(
    ctx: _Context, sentence: Sentence, lemmas: list[str], taken: set[int], lexicon: str, rule: str
) -> None:
    """TextReport each phrase of a lexicon list found in the sentence, with its replacement."""
    replacements = _lexicon(ctx.language)[lexicon]
    for first, last, key in _match_phrases(sentence, lemmas, _phrases(ctx.language, lexicon)):
        taken.update(range(first, last + 1))
        ctx.add(rule, sentence.words[first].start, sentence.words[last].end, replacement=replacements[key])


def _word_rules(ctx: _Context, sentence: Sentence, morphs: list[Morph], lemmas: list[str]) -> None:
    s = ctx.settings
    taken: set[int] = set()
    _phrase_rule(ctx, sentence, lemmas, taken, "jargon", "word.jargon")
    if ctx.profile == "job-ad":
        _ad_rules(ctx, sentence, lemmas, taken)
    for index, (word, morph) in enumerate(zip(sentence.words, morphs, strict=True)):
        if index in taken or morph.nonfinite or morph.minen:
            continue  # already reported as a form
        text = word.lower
        if ctx.language == "fi":
            parts = morph.parts
            long_compound = (
                parts >= s["long_compound_parts"] or syl.count(text) >= s["long_compound_syllables"]
            )
            if long_compound and len(text) >= 10 and frequency(text, "fi") < _KNOWN_COMPOUND_ZIPF:
                pieces = split_compound(text) if parts < 2 else None
                shown = "-".join(pieces) if pieces and len(pieces) > 1 else text
                ctx.add("word.long_compound", word.start, word.end, parts=shown)
                continue
        elif ctx.language == "sv" and len(text) >= 18:
            ctx.add("word.long_compound", word.start, word.end, parts=text)
            continue
        capitalised = word.text[:1].isupper() and word.start != sentence.start
        if capitalised or len(text) < 4:
            continue
        zipf = max(frequency(text, ctx.language), frequency(morph.lemma, ctx.language))
        if zipf < s["rare_zipf"] and not _common(text, ctx.language):
            ctx.add("word.rare", word.start, word.end)


def _ad_rules(ctx: _Context, sentence: Sentence, lemmas: list[str], taken: set[int]) -> None:
    lex = _lexicon(ctx.language)
    _phrase_rule(ctx, sentence, lemmas, taken, "gendered_titles", "ad.gendered_title")
    for index, (word, base) in enumerate(zip(sentence.words, lemmas, strict=True)):
        neutral = "" if index in taken else _neutral_title(word.lower, base, ctx.language)
        if neutral:
            taken.add(index)
            ctx.add("ad.gendered_title", word.start, word.end, replacement=neutral)
    _phrase_rule(ctx, sentence, lemmas, taken, "exclusionary", "ad.exclusionary")
    needs = set(lex["language_needs"])
    document_needs = ctx.settings.get("_language_needs", False)
    for first, last, _key in _match_phrases(sentence, lemmas, _phrases(ctx.language, "language_requirement")):
        taken.update(range(first, last + 1))
        severity = "suggestion" if document_needs or needs & set(lemmas) else None
        ctx.add("ad.language_requirement", sentence.words[first].start, sentence.words[last].end, severity)


# A job title built on a gendered word, beyond the lexicon's list: Finnish -mies (varastomies), Swedish
# -kille/-tjej/-pojke/-flicka (lagerkille), English -man/-men/-boy/-girl (deliveryman); the first part
# must be a word of its own, so "human", "german" or "roman" are no titles.
_GENDERED_ENDS = {
    "fi": (("mies", "työntekijä"),),
    "sv": (
        ("kille", "arbetare"),
        ("killar", "arbetare"),
        ("tjej", "arbetare"),
        ("tjejer", "arbetare"),
        ("pojke", "arbetare"),
        ("flicka", "arbetare"),
    ),
    "en": (("man", " worker"), ("men", " workers"), ("boy", " worker"), ("girl", " worker")),
}


def _neutral_title(word: str, base: str, language: str) -> str:
    for end, neutral in _GENDERED_ENDS.get(language, ()):
        for form in (base, word):
            head = form[: -len(end)]
            if form.endswith(end) and len(head) >= 4 and frequency(head, language) >= 3.0:
                return head + neutral
    return ""


def _abbreviations(ctx: _Context) -> int:
    lex = _lexicon(ctx.language)
    clean, original = ctx.prepared.clean, ctx.prepared.original
    found = 0
    for key, expansion in sorted(lex["abbreviations"].items(), key=lambda kv: -len(kv[0])):
        pattern = re.escape(key)
        flags = re.I if key.islower() else 0
        if any(c.isdigit() for c in key):
            for start, end in ctx.prepared.numbers:  # 24/7 is masked as a number: look in the original
                if re.fullmatch(pattern, original[start:end].strip()):
                    ctx.add("word.abbreviation", start, end, replacement=expansion)
                    found += 1
            continue
        for m in re.finditer(rf"(?<![\w.]){pattern}(?![\w])", clean, flags):
            if any(a <= m.start() < b for a, b in ctx.covered):
                continue
            end = m.end()
            if not key.endswith(".") and end < len(clean) and clean[end] == ".":
                end += 1
            ctx.add("word.abbreviation", m.start(), end, replacement=expansion)
            found += 1
    return found


def _you(ctx: _Context, all_words: list[Word]) -> bool:
    lex = _lexicon(ctx.language)
    you = set(lex["you"])
    for word in all_words:
        text = word.lower
        if ctx.language == "fi":
            # the forms as written (the lexicon lists them); "-si" is also a past tense ("halusi") and
            # a stem ("poliisi"), so only a case ending before it counts ("työpaikallasi")
            if text in you or (len(text) > 6 and _FI_YOUR.search(text)):
                return True
        elif text in you or lemma(text, ctx.language) in you:
            return True
    return False


_FI_YOUR = re.compile(r"(?:ss[aä]|st[aä]|ll[aä]|lt[aä]|lle|kse|n[aä]|ine)si$")


def _addresses(word: str, readings: list[dict[str, str]], *, first: bool) -> bool:
    """Do Voikko's readings of a word speak to the reader? A second-person verb ("voit", "teette")
    does; an imperative ("Ota", "Ilmoittakaa") only at the start of a sentence and when no reading is a
    name or a third person: "ole" after "ei", "Suomi" and "voi" have imperative readings too."""
    if readings and all(r.get("POSSESSIVE") in ("2s", "2p") for r in readings):
        return True  # "hakemuksesi", "tarkastettuasi"; not "halusi" (also a past tense)
    second = [r for r in readings if r.get("PERSON") in ("2", "5")]
    verb_only = all(r.get("CLASS") in _VERB_CLASSES for r in readings) or word in _FI_CAN

    if any(r.get("MOOD") == "indicative" for r in second) and verb_only:
        return True  # a plural noun may read as one too: "vaalit", "kulut", "jäät"
    other = any(r.get("PERSON") == "3" or r.get("CLASS") in _NAME_CLASSES for r in readings)
    return first and not other and any(r.get("MOOD") == "imperative" for r in second)


_NAME_CLASSES = frozenset(["paikannimi", "etunimi", "sukunimi", "nimi"])
_VERB_CLASSES = frozenset(["teonsana", "kieltosana"])
_FI_CAN = frozenset(["voit", "voitte", "saat", "saatte"])  # verbs first, though a noun reads the same


def _fi_second_person(chosen: Analyzer, units: list[Sentence]) -> bool:
    """Finnish speaks to the reader with verb forms too: "Tule", "Pakkaat", "Ottakaa"."""
    voikko = getattr(chosen, "voikko", None)
    for unit in units:
        for position, word in enumerate(unit.words):
            if voikko is not None:
                if _addresses(word.lower, voikko.analyze(word.text), first=position == 0):
                    return True
            elif position == 0:
                text, base = word.lower, lemma(word.lower, "fi")
                verb = re.search(r"(?:[aeiouyäö]|[dtlnr][aä])[aä]$", base) and base != text
                if verb and text[-1] in "aeiouyäö" and text[:3] == base[:3]:
                    return True  # an imperative at the start: Ota, Tule, Pakkaa
    return False


def _document_rules(ctx: _Context, units: list[Sentence], all_words: list[Word]) -> None:
    s = ctx.settings
    for block in ctx.prepared.blocks:
        if block.kind != "paragraph":
            continue
        inside = [u for u in units if block.start <= u.start < block.end]
        if len(inside) > s["paragraph_sentences"]:
            ctx.add("doc.long_paragraph", block.start, inside[-1].end, sentences=len(inside))
    has_heading = any(b.kind == "heading" for b in ctx.prepared.blocks)
    if len(all_words) > s["headings_after_words"] and not has_heading and units:
        ctx.add("doc.no_headings", units[0].start, units[0].end, words=len(all_words))


# -- score ----------------------------------------------------------------------------------------
def lix(word_count: int, sentence_count: int, long_words: int) -> float:
    """Björnsson's LIX: words per sentence + 100 x share of words over six letters."""
    if not word_count or not sentence_count:
        return 0.0
    return word_count / sentence_count + 100 * long_words / word_count


def _familiar(word: str, morph: Morph | None, language: str) -> float:
    """How familiar a word is, on wordfreq's Zipf scale: the word as written, or its base form a little
    less (an imperative or an inflection that news text rarely uses: "lajittele", "astioihin"), or a
    Finnish compound through its parts (less again: "työpiste"); never below RARE_FLOOR."""
    value = frequency(word, language)
    if value >= 4.5:
        return value
    base = morph.lemma if morph is not None and language == "fi" else lemma(word, language)
    if base != word:
        value = max(value, frequency(base, language) - 0.3)
    if language == "fi" and len(word) >= 10 and value < 3.5:
        parts = split_compound(word)
        if len(parts) > 1:
            heads = [frequency(p, language) for p in parts[:-1]]
            last = max(frequency(parts[-1], language), frequency(lemma(parts[-1], language), language))
            value = max(value, min(*heads, last) - 0.5)
    return max(value, RARE_FLOOR)


def _shrunk(known: list[float], spec: Mapping[str, Any]) -> float:
    """The mean familiarity, drawn towards the middle of the measure's range by SHRINK_WORDS words:
    a few words are weak evidence (one work word in a three-line instruction should not decide)."""
    if not known:
        return 8.0
    middle = (float(spec["good"]) + float(spec["bad"])) / 2
    return (sum(known) + SHRINK_WORDS * middle) / (len(known) + SHRINK_WORDS)


def _measure(
    ctx: _Context, units: list[Sentence], morphs: dict[int, Morph], abbreviations: int, you: bool
) -> dict[str, float]:
    body = [u for u in units if u.kind != "heading"] or units
    lengths = sorted(len(u.words) for u in body) or [0]
    all_words = [w for u in units for w in u.words]
    n = max(len(all_words), 1)
    if ctx.language == "fi":
        long_count = sum(1 for w in all_words if syl.count(w.lower) >= 5)
    else:
        long_count = sum(1 for w in all_words if len(w.text) > 6)
    rare = sum(1 for f in ctx.findings if f.rule in ("word.rare", "word.jargon"))
    heavy = sum(1 for m in morphs.values() if m.nonfinite or m.minen or m.participle == "present_passive")
    passive = sum(1 for f in ctx.findings if f.rule == "verb.passive")
    known = [
        _familiar(w.lower, morphs.get(w.start), ctx.language) for w in all_words if not w.lower.isdigit()
    ]
    return {
        "familiarity": _shrunk(known, ctx.settings["score"]["familiarity"]),
        "words": float(len(all_words)),
        "sentences": float(len(body)),
        "sentence_mean": statistics.fmean(lengths),
        "sentence_p90": float(lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]),
        "long_words": long_count / n,
        "rare_words": rare / n,
        "heavy_forms": heavy / max(len(body), 1),
        "passive": passive / max(len(body), 1),
        "abbreviations": 100 * abbreviations / n,
        "findings": 100 * sum(WEIGHT[f.severity] for f in ctx.findings) / n,
        "you": 1.0 if you else 0.0,
        "lix": lix(len(all_words), len(body), sum(1 for w in all_words if len(w.text) > 6)),
    }


def score(stats: Mapping[str, float], settings: Mapping[str, Any]) -> tuple[int, list[tuple[str, float]]]:
    """100 minus the penalties; the penalties are the reasons, largest first."""
    penalties: list[tuple[str, float]] = []
    for name, spec in settings["score"].items():
        if name == "you":
            cost = 0.0 if stats["you"] or not settings["need_you"] else float(spec["weight"])
        else:
            value, good, bad = stats[name], float(spec["good"]), float(spec["bad"])
            share = min(1.0, max(0.0, (value - good) / (bad - good)))  # "bad" may lie on either side
            cost = share * float(spec["weight"])
        if cost > 0:
            penalties.append((name, cost))
    penalties.sort(key=lambda item: -item[1])
    return max(0, min(100, round(100 - sum(c for _, c in penalties)))), penalties


def band(value: int) -> str:
    return (
        "easy" if value >= 80 else "fairly_easy" if value >= 60 else "fairly_hard" if value >= 40 else "hard"
    )


def band_meaning(name: str, language: str) -> str:
    """What a band means and what the score rests on, in ``language`` (fi, sv or en)."""
    texts = _yaml("reasons.yaml")
    lang = _lang(language)
    return f"{texts['band_meanings'][name][lang]} {texts['based_on'][lang]}"


def _decimal(value: float, language: str) -> str:
    return f"{value:.1f}".replace(".", "," if language != "en" else ".")


def _reason(name: str, stats: Mapping[str, float], language: str, score: Mapping[str, Any]) -> str:
    """One reason in the reader's ``language``; a measure's "good" value is the text language's own
    (``score``: the profile's scoring settings for the text's language)."""
    value = stats[name]
    shown: str
    if name in ("sentence_mean", "heavy_forms", "passive", "abbreviations", "findings", "familiarity"):
        shown = _decimal(value, language)
    else:
        shown = f"{round(value)}"
    good = score.get(name, {}).get("good")
    exact = f"{float(good):.2f}".rstrip("0").rstrip(".") if isinstance(good, int | float) else ""
    extra = {"good": exact.replace(".", "," if language != "en" else ".")} if exact else {}
    return str(_yaml("reasons.yaml")["reasons"][name][language]).format(value=shown, **extra)


# -- entry point ----------------------------------------------------------------------------------
def check(
    text: str,
    profile: str = "instructions",
    language: str = "auto",
    fmt: Format = "auto",
    disabled: Collection[str] = (),
    messages: str | None = None,
    use_voikko: bool = True,
    thresholds: Mapping[str, Any] | None = None,
) -> TextReport:
    """Check ``text`` against a profile. ``language``: fi, sv, en or auto; ``messages``: the language of
    the messages (default: the text's)."""
    from kohtaanto.skills.text import detect_language

    unknown = set(disabled) - set(rules())
    if unknown:
        raise ValueError(f"unknown rule(s): {', '.join(sorted(unknown))}")
    profile_settings(profile, thresholds)  # a bad profile or threshold fails before any work
    prepared = prepare(text, fmt)
    if language == "auto":
        language = detect_language(prepared.clean, default="fi") if prepared.clean.strip() else "fi"
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose fi, sv, en or auto")
    settings = profile_settings(profile, thresholds, language)
    chosen = analyzer(language, use_voikko)
    ctx = _Context(
        prepared, language, _lang(messages or language), settings, chosen, frozenset(disabled), profile
    )
    units = sentences(prepared, language)
    all_words = [w for u in units for w in u.words]
    lex = _lexicon(language)
    morph_of: dict[int, Morph] = {}
    lemmas_all: set[str] = set()
    analysed: list[tuple[Sentence, list[Morph], list[str]]] = []
    for unit in units:
        morphs = [chosen.analyse(w.text) for w in unit.words]
        for w, m in zip(unit.words, morphs, strict=True):
            morph_of[w.start] = m
        lemmas = _lemmas(ctx, unit, morphs)
        lemmas_all.update(lemmas)
        analysed.append((unit, morphs, lemmas))
    settings["_language_needs"] = bool(set(lex["language_needs"]) & lemmas_all)
    for unit, morphs, lemmas in analysed:
        _sentence_rules(ctx, unit, morphs)
        _word_rules(ctx, unit, morphs, lemmas)
    abbreviations = _abbreviations(ctx)
    _document_rules(ctx, units, all_words)
    you = _you(ctx, all_words) or (language == "fi" and _fi_second_person(chosen, units))
    if settings["need_you"] and not you and all_words:
        ctx.add("doc.no_you", units[0].start, units[0].end)
    stats = _measure(ctx, units, morph_of, abbreviations, you)
    value, penalties = score(stats, settings)
    lang = ctx.messages
    labels = _yaml("reasons.yaml")
    findings = tuple(sorted(ctx.findings, key=lambda f: (f.start, f.end, f.rule)))
    return TextReport(
        language,
        findings,
        value,
        band(value),
        labels["bands"][band(value)][lang],
        tuple(_reason(name, stats, lang, settings["score"]) for name, _ in penalties[:3]),
        chosen.mode if language == "fi" else "heuristic",
        profile,
        prepared.format,
        round(stats["lix"], 1),
        {k: round(v, 4) for k, v in stats.items()},
        labels["disclaimer"][lang],
    )


def report_dict(report: TextReport) -> dict[str, Any]:
    return {
        "score": report.score,
        "band": report.band,
        "band_label": report.band_label,
        "reasons": list(report.reasons),
        "language": report.language,
        "mode": report.mode,
        "profile": report.profile,
        "format": report.format,
        "lix": report.lix,
        "stats": report.stats,
        "disclaimer": report.disclaimer,
        "findings": [
            {
                "rule": f.rule,
                "severity": str(f.severity),
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "message": f.message,
                "suggestion": f.suggestion,
                "source": f.source,
                "category": f.category,
            }
            for f in report.findings
        ],
    }
