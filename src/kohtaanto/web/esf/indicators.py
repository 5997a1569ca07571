"""The ESF+ common indicators for participants (Regulation (EU) 2021/1057, Annex I) of one project and
period, counted from the participant records the coaches keep, by gender as the Annex asks (women, men,
non-binary) with the unrecorded beside them; and the records that lack a field an indicator needs.

Outputs count the participants who started in the period (their situation at the start); immediate
results count those who left in the period (their situation on leaving, within four weeks); the longer-term
results count those who left in the period and whose six months had passed by its end. A participant who
does not want to answer a sensitive question stays in every count that does not need the answer
(docs/esf-indicators.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import pgettext

from kohtaanto.rules.months import add_months
from kohtaanto.web.esf.models import ParticipantRecord, Project
from kohtaanto.web.outcomes.figures import SMALL, additive

GENDERS = ("woman", "man", "non_binary", "")  # "" = not recorded
Test = Callable[[ParticipantRecord], bool]


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    kind: str  # output | result | longer_term
    test: Test
    code_status: str  # verified | assumed: is this the Annex's code for this indicator


def _is(name: str, *values: str) -> Test:
    return lambda r: getattr(r, name) in values


INDICATORS: tuple[Indicator, ...] = (
    Indicator("EECO01", "output", lambda r: True, "assumed"),
    Indicator("EECO02", "output", _is("status_at_entry", "unemployed", "long_term_unemployed"), "verified"),
    Indicator("EECO03", "output", _is("status_at_entry", "long_term_unemployed"), "assumed"),
    Indicator("EECO04", "output", _is("status_at_entry", "inactive"), "verified"),
    Indicator("EECO05", "output", _is("status_at_entry", "employed"), "verified"),
    Indicator("EECO06", "output", _is("age_group", "under_18"), "verified"),
    Indicator("EECO07", "output", _is("age_group", "18_29"), "verified"),
    Indicator("EECO08", "output", _is("age_group", "55_plus"), "assumed"),
    Indicator("EECO09", "output", _is("education", "isced_0_2"), "assumed"),
    Indicator("EECO10", "output", _is("education", "isced_3_4"), "verified"),
    Indicator("EECO11", "output", _is("education", "isced_5_8"), "verified"),
    Indicator("EECO12", "output", _is("disability", "yes"), "verified"),
    Indicator("EECO13", "output", _is("third_country_national", "yes"), "verified"),
    Indicator("EECO14", "output", _is("foreign_background", "yes"), "verified"),
    Indicator("EECO15", "output", _is("minority", "yes"), "verified"),
    Indicator("EECO16", "output", _is("homeless", "yes"), "assumed"),
    Indicator("EECO17", "output", _is("rural", "yes"), "assumed"),
    Indicator("EECR01", "result", _is("leaving_status", "job_searching"), "assumed"),
    Indicator("EECR02", "result", _is("leaving_status", "education"), "assumed"),
    Indicator("EECR03", "result", lambda r: r.qualification_gained is True, "assumed"),
    Indicator("EECR04", "result", _is("leaving_status", "employed"), "assumed"),
    Indicator("EECR05", "longer_term", lambda r: r.employed_after_6_months is True, "assumed"),
    Indicator(
        "EECR06",
        "longer_term",
        lambda r: r.status_at_entry == "employed" and r.improved_after_6_months is True,
        "assumed",
    ),
)


def names() -> dict[str, str]:
    """Each indicator's name in the reader's language."""
    return {
        "EECO01": pgettext("esf indicator", "Total number of participants"),
        "EECO02": pgettext("esf indicator", "Unemployed, including long-term unemployed"),
        "EECO03": pgettext("esf indicator", "Long-term unemployed"),
        "EECO04": pgettext("esf indicator", "Inactive"),
        "EECO05": pgettext("esf indicator", "Employed, including self-employed"),
        "EECO06": pgettext("esf indicator", "Children below 18 years of age"),
        "EECO07": pgettext("esf indicator", "Young people aged 18–29"),
        "EECO08": pgettext("esf indicator", "Participants aged 55 and above"),
        "EECO09": pgettext("esf indicator", "Lower secondary education or less (ISCED 0–2)"),
        "EECO10": pgettext("esf indicator", "Upper secondary or post-secondary education (ISCED 3–4)"),
        "EECO11": pgettext("esf indicator", "Tertiary education (ISCED 5–8)"),
        "EECO12": pgettext("esf indicator", "Participants with disabilities"),
        "EECO13": pgettext("esf indicator", "Third-country nationals"),
        "EECO14": pgettext("esf indicator", "Participants with a foreign background"),
        "EECO15": pgettext("esf indicator", "Minorities (including marginalised communities such as Roma)"),
        "EECO16": pgettext("esf indicator", "Homeless or affected by housing exclusion"),
        "EECO17": pgettext("esf indicator", "Participants from rural areas"),
        "EECR01": pgettext("esf indicator", "Participants engaged in job searching upon leaving"),
        "EECR02": pgettext("esf indicator", "Participants in education or training upon leaving"),
        "EECR03": pgettext("esf indicator", "Participants gaining a qualification upon leaving"),
        "EECR04": pgettext(
            "esf indicator", "Participants in employment, including self-employment, upon leaving"
        ),
        "EECR05": pgettext(
            "esf indicator", "Participants in employment, including self-employment, six months after leaving"
        ),
        "EECR06": pgettext(
            "esf indicator", "Participants with an improved labour market situation six months after leaving"
        ),
    }


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    name: str
    kind: str
    code_status: str
    counts: dict[str, int]  # by gender key and "total", as counted
    shown: dict[str, int | None]  # as published: None is withheld


@dataclass(frozen=True, slots=True)
class MissingDetails:
    record: ParticipantRecord
    fields: list[str]


@dataclass
class Report:
    project: Project
    start: dt.date
    end: dt.date
    rows: list[Row] = field(default_factory=list)
    gaps: list[MissingDetails] = field(default_factory=list)


OUTPUT_FIELDS = (
    "gender", "age_group", "status_at_entry", "education", "disability", "third_country_national",
    "foreign_background", "minority", "homeless", "rural",
)  # fmt: skip


def _missing(r: ParticipantRecord, start: dt.date, end: dt.date) -> list[str]:
    if r.entered_on is None:
        return ["entered_on"]
    out = [name for name in OUTPUT_FIELDS if not getattr(r, name)] if start <= r.entered_on <= end else []
    if r.left_on is not None and start <= r.left_on <= end:
        out += [n for n in ("leaving_status", "qualification_gained") if getattr(r, n) in ("", None)]
        if add_months(r.left_on, 6) <= end:
            if r.employed_after_6_months is None:
                out.append("employed_after_6_months")
            if r.status_at_entry == "employed" and r.improved_after_6_months is None:
                out.append("improved_after_6_months")
    return out


def _count(
    records: list[ParticipantRecord], test: Test, small: set[str]
) -> tuple[dict[str, int], dict[str, int | None]]:
    """The row by gender as counted and as published. A cell is withheld when it is 1 to 4 people, and every
    cell of a gender with fewer than ``SMALL`` people in the whole group is withheld, zeros too: otherwise
    "0" here and "fewer than 5" there would tell what each of those few people is. When one cell is
    withheld and the total shown, the smallest other non-zero cell goes too (or the total), so that no
    withheld cell follows by subtraction."""
    by = {g: sum(1 for r in records if r.gender == g and test(r)) for g in GENDERS}
    total = sum(by.values())
    forced = frozenset(i for i, g in enumerate(GENDERS) if g in small)
    shown_total, parts = additive(total, [by[g] for g in GENDERS], forced)
    shown: dict[str, int | None] = dict(zip(GENDERS, parts, strict=True))
    shown["total"] = shown_total
    return {**by, "total": total}, shown


def _small_genders(group: list[ParticipantRecord]) -> set[str]:
    """The genders with 1 to 4 people in the whole group the rows count from."""
    sizes = {g: sum(1 for r in group if r.gender == g) for g in GENDERS}
    return {g for g, n in sizes.items() if 0 < n < SMALL}


def compute(project: Project, start: dt.date, end: dt.date) -> Report:
    records = list(
        ParticipantRecord.objects.filter(entry__project=project)
        .select_related("entry__profile", "entry__professional")
        .order_by("pk")
    )
    started = [r for r in records if r.entered_on and start <= r.entered_on <= end]
    left = [r for r in records if r.left_on and start <= r.left_on <= end]
    six = [r for r in left if add_months(r.left_on, 6) <= end]  # type: ignore[arg-type]
    label = names()
    report = Report(project, start, end)
    groups = {"output": started, "result": left, "longer_term": six}
    small = {kind: _small_genders(group) for kind, group in groups.items()}
    for ind in INDICATORS:
        counts, shown = _count(groups[ind.kind], ind.test, small[ind.kind])
        report.rows.append(Row(ind.code, label[ind.code], ind.kind, ind.code_status, counts, shown))
    report.gaps = [MissingDetails(r, m) for r in records if (m := _missing(r, start, end))]
    return report


def as_rows(report: Report) -> list[dict[str, Any]]:
    """The CSV layout: one row per indicator, a column per gender, withheld cells empty."""
    out = []
    for row in report.rows:
        withheld = [k for k, v in row.shown.items() if v is None]
        out.append(
            {
                "project_code": report.project.code,
                "period_start": report.start.isoformat(),
                "period_end": report.end.isoformat(),
                "indicator": row.code,
                "name": row.name,
                "women": row.shown["woman"],
                "men": row.shown["man"],
                "non_binary": row.shown["non_binary"],
                "gender_not_recorded": row.shown[""],
                "total": row.shown["total"],
                "withheld": ";".join("not_recorded" if k == "" else k for k in withheld),
                "code_status": row.code_status,
            }
        )
    return out
