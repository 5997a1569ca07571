"""Words and sentences in the clean text, with offsets into the original.

Our own tokeniser and sentence splitter: a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by
space and a capital letter (or the end of a block), except after an abbreviation or an initial;
every heading and list item is its own unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kohtaanto.plainlang.mask import FILLER, Block, Prepared

_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|{FILLER}|[-'’](?=[^\W\d_]))*")
_END = re.compile(r"[.!?…]+[\"”»')\]]*(?=\s|$)")
ABBREVIATIONS = {
    "fi": frozenset(
        [
            "esim",
            "ym",
            "yms",
            "ns",
            "mm",
            "jne",
            "tms",
            "ks",
            "vrt",
            "ts",
            "eli",
            "n",
            "ca",
            "klo",
            "puh",
            "os",
            "p",
            "s",
            "v",
            "vs",
            "nk",
            "po",
            "tk",
            "em",
            "ko",
            "ao",
            "ja:t",
            "ma",
            "ti",
            "ke",
            "to",
            "pe",
            "la",
            "su",
            "jms",
            "kpl",
            "k",
            "e",
            "tri",
            "prof",
        ]
    ),
    "sv": frozenset(
        [
            "t.ex",
            "bl.a",
            "ca",
            "osv",
            "dvs",
            "m.m",
            "kl",
            "tel",
            "s",
            "fr.o.m",
            "t.o.m",
            "resp",
            "mån",
            "tis",
            "ons",
            "tors",
            "fre",
            "lör",
            "sön",
            "st",
            "kr",
        ]
    ),
    "en": frozenset(
        [
            "e.g",
            "i.e",
            "etc",
            "approx",
            "mr",
            "mrs",
            "ms",
            "dr",
            "no",
            "vs",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "st",
            "tel",
            "ext",
        ]
    ),
}


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str  # without fillers

    @property
    def lower(self) -> str:
        return self.text.casefold()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: tuple[Word, ...]
    kind: str  # heading, paragraph or item


def words(clean: str, start: int = 0, end: int | None = None) -> list[Word]:
    stop = len(clean) if end is None else end
    return [
        Word(m.start(), m.end(), m.group(0).replace(FILLER, "")) for m in _WORD.finditer(clean, start, stop)
    ]


CAN_END = frozenset(["jne", "ym", "yms", "tms", "jms", "etc", "osv", "m.m"])


def _token_before(clean: str, dot: int) -> str:
    m = re.search(r"([^\W\d_](?:[^\W\d_.]*\.?)*)$", clean[max(0, dot - 20) : dot])
    return m.group(1).casefold().rstrip(".") if m else ""


def _is_abbreviation(clean: str, dot: int, language: str) -> bool:
    """Is the period at ``dot`` the end of an abbreviation or an initial?"""
    token = _token_before(clean, dot)
    return len(token) == 1 or token in ABBREVIATIONS.get(language, frozenset())


def _number_follows(prepared: Prepared, end: re.Match[str]) -> bool:
    """Does a sentence that starts with a number follow the word ending at ``end``? Easy Finnish writes
    numbers as digits ("5 jäsentä sanoo"), so a period, then a number, ends a sentence ("sodan. 5",
    "2020. 3", "5 €. 10 %"); an ordinal is followed by a word ("7. tammikuuta") and an abbreviation is
    caught after this ("n. 5")."""
    after = prepared.original[end.end() : end.end() + 12].lstrip()
    before = prepared.original[end.start() - 1 : end.start()] if end.start() else ""
    return bool(after[:1].isdigit() and before and not before.isspace())


def _sentences_in(prepared: Prepared, block: Block, language: str) -> list[Sentence]:
    clean = prepared.clean
    if block.kind in ("heading", "item"):
        found = words(clean, block.start, block.end)
        return [Sentence(block.start, block.end, tuple(found), block.kind)] if found else []
    out: list[Sentence] = []
    start = block.start
    for m in _END.finditer(clean, block.start, block.end):
        nxt = clean[m.end() : block.end].lstrip()
        if nxt and not (nxt[0].isupper() or nxt[0] in "\"”»'(–-•" or _number_follows(prepared, m)):
            continue
        if m.group(0) == "." and _is_abbreviation(clean, m.start(), language):
            token = _token_before(clean, m.start())
            if len(token) == 1 or token not in CAN_END or not nxt:
                continue
        found = words(clean, start, m.end())
        if found:
            out.append(Sentence(found[0].start, m.end(), tuple(found), block.kind))
        start = m.end()
    found = words(clean, start, block.end)
    if found:
        out.append(Sentence(found[0].start, found[-1].end, tuple(found), block.kind))
    # a line break after a colon or between short lines also ends a unit
    split: list[Sentence] = []
    for sentence in out:
        split.extend(_lines(clean, sentence))
    return split


def _lines(clean: str, sentence: Sentence) -> list[Sentence]:
    pieces: list[Sentence] = []
    current: list[Word] = []
    for word in sentence.words:
        if current:
            gap = clean[current[-1].end : word.start]
            if "\n" in gap and re.search(r"[:;]\s*\n|\n\s*\n", gap + "\n" if gap.endswith(":") else gap):
                pieces.append(Sentence(current[0].start, current[-1].end, tuple(current), sentence.kind))
                current = []
        current.append(word)
    if current:
        pieces.append(Sentence(current[0].start, sentence.end, tuple(current), sentence.kind))
    return pieces


def sentences(prepared: Prepared, language: str) -> list[Sentence]:
    out: list[Sentence] = []
    for block in prepared.blocks:
        out.extend(_sentences_in(prepared, block, language))
    return out
