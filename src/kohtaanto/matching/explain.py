"""Plain-language explanations of a score or a miss, in Finnish, Swedish and English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from kohtaanto.core import messages
from kohtaanto.core.formatting import number
from kohtaanto.core.language import resolve
from kohtaanto.matching.score import Finding, Miss, Scored

MESSAGES = Path(__file__).with_name("messages.yaml")
Label = Callable[[str, str], str]  # (id, language) -> name
Reader = Literal["other", "you"]  # about the person (an employer, a professional), or to the person


def _code(code: str, reader: Reader) -> str:
    """The message in the reader's voice: a ``.you`` twin speaks to the person, where one exists."""
    return f"{code}.you" if reader == "you" and f"{code}.you" in messages.load(MESSAGES) else code


def text(finding: Finding, language: str, skill: Label, attribute: Label, reader: Reader = "other") -> str:
    lang = resolve(language)
    params = dict(finding.params)
    for key in ("skill", "need", "near"):
        if key in params:
            params[key] = skill(str(params[key]), lang)
    if "attribute" in params:
        params["attribute"] = attribute(str(params["attribute"]), lang)
    for key, value in params.items():
        if isinstance(value, float):
            params[key] = number(value, lang)
    return messages.load(MESSAGES).render(_code(finding.code, reader), lang, **params)


def explain(
    result: Scored | Miss, language: str, skill: Label, attribute: Label, reader: Reader = "other"
) -> list[str]:
    """The sentences behind a result: what matched, what is close, what is missing and what is needed,
    said about the person (``other``) or to them (``you``)."""
    if isinstance(result, Miss):
        return [text(result.finding, language, skill, attribute, reader)]
    lines: list[str] = []
    if result.matched:
        names = ", ".join(skill(s, language) for s in result.matched)
        lines.append(messages.load(MESSAGES).render(_code("matched", reader), language, skills=names))
    lines += [
        text(Finding.of("partial", need=n, near=h), language, skill, attribute) for n, h, _ in result.partial
    ]
    lines += [
        text(Finding.of("gap_trainable" if ok else "gap", skill=s, levels=lv), language, skill, attribute)
        for s, lv, ok in result.gaps
    ]
    lines += [
        text(Finding.of("accommodation", attribute=a, levels=lv), language, skill, attribute)
        for a, lv in result.accommodations
    ]
    lines += [text(f, language, skill, attribute, reader) for f in result.findings]
    return lines
