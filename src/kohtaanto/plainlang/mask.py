"""Markup, addresses, numbers and codes are masked, never judged.

:func:`prepare` returns a *clean* copy of the input of exactly the same length, where every masked
character is a space (a line break where markup ends a block), so every offset in the clean text is
the same offset in the original. It also returns the blocks (headings, paragraphs, list items).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["heading", "paragraph", "item"]
FILLER = "\u00ad"  # soft hyphen: part of a word, not a letter of it
Format = Literal["auto", "text", "markdown", "html"]


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    kind: Kind


@dataclass(frozen=True, slots=True)
class Prepared:
    original: str
    clean: str
    blocks: tuple[Block, ...]
    format: str
    numbers: tuple[tuple[int, int], ...] = ()  # masked numbers (an abbreviation like 24/7 is one)


_TAG = re.compile(r"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^<>]{1,2000}>", re.S | re.I)
_BLOCK_TAG = re.compile(
    r"^</?(p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|footer|blockquote)\b", re.I
)
_HEADING_TAG = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]\s*>", re.S | re.I)
_ITEM_TAG = re.compile(r"<li\b[^>]*>(.*?)(?=</li\s*>|<li\b|</[uo]l\s*>)", re.S | re.I)
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.I)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_MD_CODE = re.compile(r"`[^`\n]*`")
_MD_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.S | re.M)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+", re.M)
_MD_ITEM = re.compile(r"^[ \t]*(?:[-*+•–]|\d{1,3}[.)])[ \t]+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
# numbers with their units and separators, and codes that mix letters and digits (A12, 1234567-8)
_NUMBER = re.compile(r"(?<![\w])[+-]?\d[\d\s.,:/–-]*\d(?![\w])|(?<![\w])\d(?![\w])")
_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])[\w]+(?:-[\w]+)*\b")
_LOOKS_HTML = re.compile(r"</?(p|div|h[1-6]|li|ul|ol|br|strong|em|a|span|table)\b[^>]*>", re.I)
_LOOKS_MD = re.compile(r"^(#{1,6} |[-*+] |\d{1,3}\. )|\[[^\]]+\]\([^)]+\)|\*\*\S", re.M)


def _blank(chars: list[str], start: int, end: int, keep_breaks: bool = True) -> None:
    for i in range(start, end):
        if not (keep_breaks and chars[i] == "\n"):
            chars[i] = " "


def detect_format(text: str) -> str:
    if _LOOKS_HTML.search(text):
        return "html"
    if _LOOKS_MD.search(text):
        return "markdown"
    return "text"


def _html(text: str, chars: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for m in _HEADING_TAG.finditer(text):
        blocks.append(Block(m.start(1), m.end(1), "heading"))
    for m in _ITEM_TAG.finditer(text):
        blocks.append(Block(m.start(1), m.end(1), "item"))
    for m in _TAG.finditer(text):
        _blank(chars, m.start(), m.end(), keep_breaks=False)
        if _BLOCK_TAG.match(m.group(0)):
            chars[m.start()] = "\n"  # a block ends here
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group(0))
        if decoded.isalpha() and len(decoded) == 1:
            # a letter entity (&auml;) stays inside its word: the letter, then fillers the tokeniser skips
            chars[m.start()] = decoded
            for i in range(m.start() + 1, m.end()):
                chars[i] = FILLER
        else:
            _blank(chars, m.start(), m.end())
    return blocks


def _markdown(text: str, chars: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for m in _MD_FENCE.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _MD_CODE.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _MD_LINK.finditer(text):
        _blank(chars, m.start(), m.start(1))  # "[" (or "![")
        _blank(chars, m.end(1), m.end())  # "](url)"
    for m in _MD_HEADING.finditer(text):
        _blank(chars, m.start(), m.end())
        line_end = text.find("\n", m.end())
        blocks.append(Block(m.end(), len(text) if line_end < 0 else line_end, "heading"))
    for m in _MD_ITEM.finditer(text):
        _blank(chars, m.start(), m.end())
        line_end = text.find("\n", m.end())
        blocks.append(Block(m.end(), len(text) if line_end < 0 else line_end, "item"))
    for m in _MD_EMPHASIS.finditer("".join(chars)):
        marker = len(m.group(1))
        _blank(chars, m.start(), m.start() + marker)
        _blank(chars, m.end() - marker, m.end())
    return blocks


def _plain_items(text: str) -> list[Block]:
    """List lines and short heading-like lines in plain text."""
    blocks: list[Block] = []
    for m in _MD_ITEM.finditer(text):
        line_end = text.find("\n", m.end())
        blocks.append(Block(m.end(), len(text) if line_end < 0 else line_end, "item"))
    return blocks


def _paragraphs(clean: str, claimed: list[Block]) -> list[Block]:
    """Paragraphs are runs of text between blank lines (or block breaks), outside headings and items."""
    taken = sorted((b.start, b.end) for b in claimed)
    out: list[Block] = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", clean):
        start, end = m.start(), m.end()
        pieces = [(start, end)]
        for t_start, t_end in taken:
            next_pieces = []
            for p_start, p_end in pieces:
                if t_end <= p_start or t_start >= p_end:
                    next_pieces.append((p_start, p_end))
                    continue
                if t_start > p_start:
                    next_pieces.append((p_start, t_start))
                if t_end < p_end:
                    next_pieces.append((t_end, p_end))
            pieces = next_pieces
        for p_start, p_end in pieces:
            if clean[p_start:p_end].strip():
                out.append(Block(p_start, p_end, "paragraph"))
    return out


def prepare(text: str, fmt: Format = "auto") -> Prepared:
    chosen = detect_format(text) if fmt == "auto" else fmt
    chars = list(text)
    if chosen == "html":
        claimed = _html(text, chars)
    elif chosen == "markdown":
        claimed = _markdown(text, chars)
    else:
        claimed = _plain_items(text)
        for block in claimed:  # the bullet itself
            line_start = text.rfind("\n", 0, block.start) + 1
            _blank(chars, line_start, block.start)
    numbers = []
    for pattern in (_URL, _CODE, _NUMBER):
        for m in pattern.finditer("".join(chars)):
            _blank(chars, m.start(), m.end())
            if pattern is _NUMBER:
                numbers.append((m.start(), m.end()))
    clean = "".join(chars)
    blocks = [b for b in claimed if clean[b.start : b.end].strip()]
    blocks += _paragraphs(clean, blocks)
    blocks.sort(key=lambda b: (b.start, b.end))
    return Prepared(text, clean, tuple(blocks), chosen, tuple(numbers))
