"""Plain-text month tables for the command line: a household's year and a hire's cost, in fi/sv/en."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kohtaanto.core import formatting
from kohtaanto.rules.report import WORDS

YEAR_COLUMNS = ("wage", "benefit", "tax", "housing_allowance", "social_assistance", "disposable")
COST_COLUMNS = (
    "wage",
    "holiday_bonus",
    "side_costs",
    "supports",
    "sickness_allowance_to_employer",
    "net_cost",
)
HEADINGS = {
    "fi": {
        "month": "kk",
        "wage": "palkka",
        "benefit": "etuus",
        "tax": "verot",
        "housing_allowance": "asumistuki",
        "social_assistance": "toimeentulotuki",
        "disposable": "jää vuokran jälkeen",
        "holiday_bonus": "lomaraha",
        "side_costs": "sivukulut",
        "supports": "tuet",
        "sickness_allowance_to_employer": "Kelan korvaus",
        "net_cost": "nettokustannus",
        "with": "Työn kanssa",
        "without": "Ilman työtä",
        "total": "yhteensä",
        "difference": "Ero vuodessa (työn kanssa - ilman)",
        "per_hour": "Ero työtuntia kohden",
        "condition": "Työssäoloehtoon kertyy kuukausia",
        "break_even": "Työ kannattaa, kun viikkotunteja on vähintään",
        "reports": "Ilmoita",
        "what_if": "Entä jos (ero vuodessa)",
        "reasons": "Perustelut",
    },
    "sv": {
        "month": "mån",
        "wage": "lön",
        "benefit": "förmån",
        "tax": "skatter",
        "housing_allowance": "bostadsbidrag",
        "social_assistance": "utkomststöd",
        "disposable": "kvar efter hyran",
        "holiday_bonus": "semesterpenning",
        "side_costs": "bikostnader",
        "supports": "stöd",
        "sickness_allowance_to_employer": "FPA:s ersättning",
        "net_cost": "nettokostnad",
        "with": "Med arbetet",
        "without": "Utan arbetet",
        "total": "totalt",
        "difference": "Skillnad per år (med arbetet - utan)",
        "per_hour": "Skillnad per arbetstimme",
        "condition": "Månader som räknas in i arbetsvillkoret",
        "break_even": "Arbetet lönar sig från veckotimmar",
        "reports": "Anmäl",
        "what_if": "Tänk om (skillnad per år)",
        "reasons": "Motiveringar",
    },
    "en": {
        "month": "month",
        "wage": "wage",
        "benefit": "benefit",
        "tax": "tax",
        "housing_allowance": "housing allow.",
        "social_assistance": "social assist.",
        "disposable": "left after rent",
        "holiday_bonus": "holiday bonus",
        "side_costs": "side costs",
        "supports": "supports",
        "sickness_allowance_to_employer": "Kela refund",
        "net_cost": "net cost",
        "with": "With the work",
        "without": "Without the work",
        "total": "total",
        "difference": "Difference over the year (with - without)",
        "per_hour": "Difference per hour worked",
        "condition": "Months toward the employment condition",
        "break_even": "The work pays from weekly hours",
        "reports": "Report",
        "what_if": "What if (difference over the year)",
        "reasons": "Reasons",
    },
}


def _money(value: float | None, language: str) -> str:
    if value is None:
        return "-"
    return formatting.amount(Decimal(str(value)).quantize(Decimal("0.01")), language)


def _table(
    rows: list[dict[str, Any]], total: dict[str, Any], columns: tuple[str, ...], language: str
) -> list[str]:
    h = HEADINGS.get(language, HEADINGS["en"])
    heads = [h["month"], *(h[c] for c in columns)]
    body = [[row["month"], *(_money(row[c], language) for c in columns)] for row in rows]
    body.append([h["total"], *(_money(total.get(_total_key(c)), language) for c in columns)])
    widths = [max(len(r[i]) for r in [heads, *body]) for i in range(len(heads))]
    return ["  ".join(cell.rjust(widths[i]) for i, cell in enumerate(r)) for r in [heads, *body]]


def _total_key(column: str) -> str:
    return {"sickness_allowance_to_employer": "sickness_allowance_to_employer"}.get(column, column)


def _tail(answer: dict[str, Any], language: str) -> list[str]:
    w = WORDS.get(language, WORDS["en"])
    h = HEADINGS.get(language, HEADINGS["en"])
    lines = [f"{h['reasons']}:", *(f"  - {r}" for r in answer.get("reasons", []))]
    if answer.get("warnings"):
        lines += [f"{w['warnings']}:", *(f"  ! {x}" for x in answer["warnings"])]
    if answer.get("provisions"):
        lines.append(f"{w['provisions']}:")
        lines += [
            f"  {p['text']}" + ("" if p["confirmed"] else f" ({w['unconfirmed']})")
            for p in answer["provisions"]
        ]
    lines += [f"{w['sources']}:", *(f"  {s}" for s in answer.get("sources", []))]
    return lines


def render_year(answer: dict[str, Any], language: str) -> str:
    h = HEADINGS.get(language, HEADINGS["en"])
    lines = [f"{h['with']}:"]
    lines += _table(answer["with_work"]["months"], answer["with_work"]["total"], YEAR_COLUMNS, language)
    lines += ["", f"{h['without']}:"]
    lines += _table(answer["without_work"]["months"], answer["without_work"]["total"], YEAR_COLUMNS, language)
    lines += ["", f"{h['difference']}: {_money(answer['difference'], language)} €"]
    if answer.get("difference_per_hour") is not None:
        lines.append(f"{h['per_hour']}: {_money(answer['difference_per_hour'], language)} €")
    lines.append(f"{h['condition']}: {formatting.number(answer['employment_condition_months'], language)}")
    if answer.get("break_even_hours_per_week") is not None:
        lines.append(f"{h['break_even']}: {answer['break_even_hours_per_week']}")
    if answer.get("what_if"):
        lines.append(f"{h['what_if']}:")
        for row in answer["what_if"]:
            wage = f"{h['wage']} {_money(row['wage'], language)}"
            lines.append(f"  - {row['choice']}: {_money(row['difference'], language)} € ({wage})")
    if answer.get("reports"):
        lines += [f"{h['reports']}:", *(f"  - {r}" for r in answer["reports"])]
    return "\n".join([*lines, *_tail(answer, language)])


def render_cost(answer: dict[str, Any], language: str) -> str:
    lines = _table(answer["months"], answer["total"], COST_COLUMNS, language)
    return "\n".join([*lines, *_tail(answer, language)])


CLAIM_WORDS: dict[str, dict[str, str]] = {
    "fi": {
        "period": "jakso",
        "file_from": "haettavissa",
        "deadline": "viimeinen päivä",
        "estimate": "noin €",
        "needs.contract": "+ kopio työsopimuksesta",
        "needs.pay_data": "palkat tulorekisteristä",
        "needs.absences": "palkattomat ja Kelan korvaamat päivät",
    },
    "sv": {
        "period": "period",
        "file_from": "kan sökas",
        "deadline": "sista dag",
        "estimate": "cirka €",
        "needs.contract": "+ kopia av arbetsavtalet",
        "needs.pay_data": "lönerna ur inkomstregistret",
        "needs.absences": "dagar utan lön och dagar FPA ersätter",
    },
    "en": {
        "period": "period",
        "file_from": "claim from",
        "deadline": "last day",
        "estimate": "about €",
        "needs.contract": "+ a copy of the employment contract",
        "needs.pay_data": "wages from the incomes register",
        "needs.absences": "days without pay and days Kela reimburses",
    },
}


def render_claims(answer: dict[str, Any], language: str) -> str:
    """The payment claims as a table: period, first day to claim, last day, amount, what to attach."""
    w = CLAIM_WORDS.get(language, CLAIM_WORDS["en"])
    heads = [w["period"], w["file_from"], w["deadline"], w["estimate"], ""]
    body = [
        [
            f"{formatting.date(_day(c['from']), language)}–{formatting.date(_day(c['to']), language)}",
            formatting.date(_day(c["file_from"]), language),
            formatting.date(_day(c["deadline"]), language),
            _money(c.get("estimate"), language),
            w["needs.contract"] if "needs.contract" in c["needs"] else "",
        ]
        for c in answer["claims"]
    ]
    widths = [max(len(r[i]) for r in [heads, *body]) for i in range(len(heads))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in [heads, *body]]
    lines.append(f"{w['needs.pay_data']}; {w['needs.absences']}")
    return "\n".join([*lines, *_tail(answer, language)])


def _day(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)
