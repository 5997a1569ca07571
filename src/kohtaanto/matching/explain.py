"""Plain-language explanations of a score or a miss, in Finnish, Swedish and English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kohtaanto.core import messages
from kohtaanto.core.formatting import number
from kohtaanto.core.language import resolve
from kohtaanto.matching.score import Finding, Miss, Scored

MESSAGES = Path(__file__).with_name("messages.yaml")
Label = Callable[[str, str], str]  # (id, language) -> name


def text(finding: Finding, language: str, skill: Label, attribute: Label) -> str:
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
    return messages.load(MESSAGES).render(finding.code, lang, **params)


def explain(result: Scored | Miss, language: str, skill: Label, attribute: Label) -> list[str]:
    """The sentences behind a result: what matched, what is close, what is missing and what is needed."""
    if isinstance(result, Miss):
        return [text(result.finding, language, skill, attribute)]
    lines: list[str] = []
    if result.matched:
        names = ", ".join(skill(s, language) for s in result.matched)
        lines.append(messages.load(MESSAGES).render("matched", language, skills=names))
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
    lines += [text(f, language, skill, attribute) for f in result.findings]
    return lines
