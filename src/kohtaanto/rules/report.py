"""Plain-text rendering of answers for the command line, in fi/sv/en."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kohtaanto.core import formatting
from kohtaanto.rules.explain import catalogue

WORDS = {
    "fi": {
        "yes": "KYLLÄ",
        "no": "EI",
        "month": "€/kk",
        "months": "kk",
        "total": "yhteensä enintään",
        "discretionary": "harkinnanvarainen",
        "entitlement": "ehdot täyttäessä",
        "sources": "Lähteet",
        "warnings": "Huomiot",
        "on": "päivänä",
        "basis": "peruste",
        "unverified": "vahvistamaton arvo",
        "provisions": "Säännökset",
        "unconfirmed": "viittausta ei ole vahvistettu lähteestä",
    },
    "sv": {
        "yes": "JA",
        "no": "NEJ",
        "month": "€/mån",
        "months": "mån",
        "total": "sammanlagt högst",
        "discretionary": "prövningsbaserat",
        "entitlement": "när villkoren uppfylls",
        "sources": "Källor",
        "warnings": "Observera",
        "on": "den",
        "basis": "grund",
        "unverified": "obekräftat värde",
        "provisions": "Bestämmelser",
        "unconfirmed": "hänvisningen är inte bekräftad i en källa",
    },
    "en": {
        "yes": "YES",
        "no": "NO",
        "month": "€/month",
        "months": "months",
        "total": "at most",
        "discretionary": "discretionary",
        "entitlement": "entitlement",
        "sources": "Sources",
        "warnings": "Warnings",
        "on": "on",
        "basis": "basis",
        "unverified": "unverified value",
        "provisions": "Provisions",
        "unconfirmed": "the reference is not confirmed in a source",
    },
}


def support_label(support_id: str, language: str) -> str:
    code = f"support.{support_id}"
    return catalogue().template(code, language) if code in catalogue() else support_id


def _money(value: float | None, language: str) -> str:
    return (
        "–" if value is None else formatting.amount(Decimal(str(value)).quantize(Decimal("0.01")), language)
    )


def _value(value: Any, w: dict[str, str], language: str) -> str:
    if isinstance(value, bool):
        return w["yes"] if value else w["no"]
    if isinstance(value, float):
        return _money(value, language)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "–"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return "–" if value is None else str(value)


def render_text(answer: dict[str, Any], language: str) -> str:
    w = WORDS.get(language, WORDS["en"])
    day = formatting.date(dt.date.fromisoformat(answer["on"]), language)
    lines = [f"{answer['question']} {w['on']} {day}"]
    for support in answer.get("supports", []):
        mark = w["yes"] if support["eligible"] else w["no"]
        head = f"[{mark}] {support_label(support['id'], language)}"
        if support["eligible"]:
            parts = []
            if support["monthly_amount"] is not None:
                parts.append(f"{_money(support['monthly_amount'], language)} {w['month']}")
            if support["max_months"]:
                parts.append(f"{support['max_months']} {w['months']}")
            if support["total_max"] is not None:
                parts.append(f"{w['total']} {_money(support['total_max'], language)} €")
            kind = w["discretionary"] if support["discretionary"] else w["entitlement"]
            head += f": {', '.join(parts)} ({kind}; {w['basis']} {support['basis']})"
        lines.append(head)
        if support["eligible"]:
            lines += [f"    - {reason}" for reason in support["reasons"]]
        else:  # only what stands in the way
            lines += [f"    - {c['text']}" for c in support["conditions"] if not c["met"]]
        lines += [f"    ! {warning}" for warning in support["warnings"]]
    for key, value in answer.items():
        if key in {
            "question",
            "on",
            "supports",
            "reasons",
            "conditions",
            "warnings",
            "sources",
            "provisions",
            "parameters",
            "uses_unverified",
            "formula_versions",
        }:
            continue
        lines.append(f"{key}: {_value(value, w, language)}")
    lines += [f"  - {reason}" for reason in answer.get("reasons", [])]
    if answer.get("warnings"):
        lines.append(f"{w['warnings']}:")
        lines += [f"  ! {warning}" for warning in answer["warnings"]]
    if answer.get("provisions"):
        lines.append(f"{w['provisions']}:")
        lines += [
            f"  {p['text']}" + ("" if p["confirmed"] else f" ({w['unconfirmed']})")
            for p in answer["provisions"]
        ]
    lines.append(f"{w['sources']}:")
    lines += [f"  {source}" for source in answer.get("sources", [])]
    return "\n".join(lines)
