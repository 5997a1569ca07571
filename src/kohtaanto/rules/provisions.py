"""The provisions that carry each rule: act and section (or regulation and article), by date.

An answer names the rules it applied; :func:`cite` turns each into the provision in force on the
answer's day, in the reader's language, with the source it was read from and whether the section was
confirmed in a source. The texts live in ``provisions.yaml``.

>>> cite("time_limits", dt.date(2025, 4, 30)).text("fi")
'Laki säädettyjen määräaikain laskemisesta 150/1930, 3 § (kuukausina laskettu määräaika)'
>>> cite("unemployment.general_support", dt.date(2026, 4, 30)) is None
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.core.language import resolve

PROVISIONS = Path(__file__).parent / "provisions.yaml"


@dataclass(frozen=True, slots=True)
class Provision:
    rule: str
    start: dt.date
    end: dt.date | None
    texts: dict[str, str]
    source: str
    confirmed: bool

    def text(self, language: str) -> str:
        return self.texts[resolve(language)]

    def as_dict(self, language: str) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "text": self.text(language),
            "source": self.source,
            "confirmed": self.confirmed,
        }


def _day(raw: Any) -> dt.date:
    return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))


@cache
def registry() -> dict[str, tuple[Provision, ...]]:
    data = yaml.safe_load(PROVISIONS.read_text(encoding="utf-8"))
    out: dict[str, tuple[Provision, ...]] = {}
    for rule, versions in data.items():
        out[rule] = tuple(
            Provision(
                rule=rule,
                start=_day(v["from"]),
                end=_day(v["until"]) if v.get("until") else None,
                texts={lang: str(v[lang]) for lang in ("fi", "sv", "en")},
                source=str(v["source"]),
                confirmed=bool(v["confirmed"]),
            )
            for v in versions
        )
    return out


def cite(rule: str, on: dt.date) -> Provision | None:
    """The provision of ``rule`` in force on ``on``; unknown rules are a programming error."""
    for provision in registry()[rule]:
        if provision.start <= on and (provision.end is None or on <= provision.end):
            return provision
    return None


def cited(rules: tuple[str, ...], on: dt.date, language: str) -> list[dict[str, Any]]:
    """Each rule's provision on ``on`` once, in the order the rules were applied; a rule written
    ``name@YYYY-MM-DD`` is cited on that day (a de minimis check follows the decision's day)."""
    out = []
    for rule in dict.fromkeys(rules):
        name, _, day = rule.partition("@")  # "de_minimis@2023-12-15": cited on its own day
        provision = cite(name, dt.date.fromisoformat(day) if day else on)
        if provision is not None:
            out.append(provision.as_dict(language))
    return out
