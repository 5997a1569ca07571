"""Rows of a business-register CSV (the PRH/YTJ open data, or any file with the same columns).

Columns are found by name, case-insensitively, with the usual Finnish and English spellings:

==================  ===========================================================================
business ID         ``business_id``, ``businessId``, ``y-tunnus``, ``ytunnus``
name                ``name``, ``nimi``, ``toiminimi``
industry (TOL 2008) ``industry``, ``tol``, ``toimiala``, ``mainBusinessLine``: a code ("10711",
                    "47.11") or a section letter ("G")
municipality        ``municipality``, ``kunta``, ``kotikunta``, ``municipality_code``: a code
                    ("398") or a name ("Lahti", "Lahtis")
legal form          optional: ``legal_form``, ``yhtiömuoto``, ``companyForm`` (oy, oyj, ky, ay,
                    tmi, osk, ry, säätiö, kunta, …)
==================  ===========================================================================

Parsing checks each row on its own and reports every problem with its line number; nothing here
touches the database.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from kohtaanto.core import messages, userdata
from kohtaanto.core.identifiers import BusinessId, InvalidBusinessId
from kohtaanto.matching.places import find

COLUMNS = {
    "business_id": ("business_id", "businessid", "y-tunnus", "ytunnus", "y_tunnus"),
    "name": ("name", "nimi", "toiminimi"),
    "industry": ("industry", "tol", "toimiala", "mainbusinessline", "industry_code"),
    "municipality": ("municipality", "kunta", "kotikunta", "municipality_code", "kuntakoodi"),
    "legal_form": ("legal_form", "yhtiömuoto", "companyform", "company_form", "oikeudellinen_muoto"),
}
REQUIRED = ("business_id", "name", "industry", "municipality")
# TOL 2008 (= NACE Rev. 2) divisions to sections, Statistics Finland.
SECTIONS = (
    ("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
    ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
    ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
    ("S", 94, 96), ("T", 97, 98), ("U", 99, 99),
)  # fmt: skip
LEGAL_FORMS = {
    "company": ("company", "oy", "oyj", "osakeyhtiö", "julkinen osakeyhtiö", "ab", "abp", "ky",
                "kommandiittiyhtiö", "ay", "avoin yhtiö", "tmi", "toiminimi", "elinkeinonharjoittaja",
                "osk", "osuuskunta", "andelslag"),
    "association": ("association", "ry", "rf", "yhdistys", "aatteellinen yhdistys", "förening"),
    "foundation": ("foundation", "sr", "säätiö", "stiftelse"),
    "religious_community": ("religious_community", "uskonnollinen yhdyskunta", "seurakunta", "församling"),
    "municipality": ("municipality", "kunta", "kuntayhtymä", "kommun", "hyvinvointialue"),
}  # fmt: skip
MAX_ROWS = 20_000
MESSAGES = Path(__file__).with_name("register_messages.yaml")


class RegisterFormatError(ValueError):
    """The file as a whole cannot be read (encoding, header, size)."""


@dataclass(frozen=True, slots=True)
class RegisterRow:
    line: int
    business_id: str
    name: str
    sector: str
    municipality_code: str
    legal_form: str


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    reason: str


def section_of(industry: str) -> str | None:
    """The TOL 2008 section letter of an industry code or letter; None if it is not one."""
    value = industry.strip().upper()
    if re.fullmatch(r"[A-U]", value):
        return value
    digits = re.sub(r"[\s.]", "", value)
    if not re.fullmatch(r"\d{2,5}", digits):
        return None
    division = int(digits[:2])
    return next((letter for letter, low, high in SECTIONS if low <= division <= high), None)


def legal_form_of(text: str) -> str | None:
    value = re.sub(r"\s+", " ", text.strip().casefold().rstrip("."))
    if not value:
        return "company"
    return next((form for form, names in LEGAL_FORMS.items() if value in names), None)


def _header(fields: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for raw in fields:
        key = raw.strip().casefold().lstrip("\ufeff")
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = raw
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise RegisterFormatError(f"line 1: the header has no column for {', '.join(missing)}")
    return found


def reason(code: str, language: str, **params: object) -> str:
    """Why a row was not taken, in ``language`` (the command line reads English, a page its own)."""
    return messages.load(MESSAGES).render(code, language, **params)


def _row(index: int, value: dict[str, str], seen: dict[str, int], language: str) -> RegisterRow | RejectedRow:
    problems = []
    try:
        business_id = BusinessId.parse(value["business_id"]).value
    except InvalidBusinessId:
        business_id = ""
        problems.append(reason("business_id", language, value=repr(value["business_id"])))
    if business_id in seen:
        problems.append(reason("duplicate", language, value=business_id, line=seen[business_id]))
    if not value["name"] or len(value["name"]) > 200:
        problems.append(reason("name", language))
    sector = section_of(value["industry"])
    if sector is None:
        problems.append(reason("industry", language, value=repr(value["industry"])))
    place = find(value["municipality"]) if value["municipality"] else None
    if place is None:
        problems.append(reason("municipality", language, value=repr(value["municipality"])))
    form = legal_form_of(value.get("legal_form", ""))
    if form is None:
        problems.append(reason("legal_form", language, value=repr(value.get("legal_form"))))
    if problems or place is None or sector is None or form is None:
        return RejectedRow(index, "; ".join(problems))
    return RegisterRow(index, business_id, value["name"], sector, place.code, form)


def read(data: bytes, language: str = "en") -> tuple[list[RegisterRow], list[RejectedRow]]:
    """Every row checked: the good rows and the rejected ones with their reasons in ``language``."""
    try:
        return _read(data, language)
    except csv.Error as exc:
        raise RegisterFormatError(f"not a readable CSV file ({exc})") from None


def _read(data: bytes, language: str) -> tuple[list[RegisterRow], list[RejectedRow]]:
    reader = userdata.csv_reader(data, RegisterFormatError)
    if not reader.fieldnames:
        raise RegisterFormatError("line 1: the file is empty")
    columns = _header(list(reader.fieldnames))
    rows: list[RegisterRow] = []
    rejected: list[RejectedRow] = []
    seen: dict[str, int] = {}
    for index, record in enumerate(reader, start=2):
        if index - 1 > MAX_ROWS:
            raise RegisterFormatError(f"more than {MAX_ROWS} rows: split the file")
        if None in record:
            rejected.append(RejectedRow(index, reason("extra_values", language)))
            continue
        values = {c: (record.get(raw) or "").strip() for c, raw in columns.items()}
        checked = _row(index, values, seen, language)
        if isinstance(checked, RejectedRow):
            rejected.append(checked)
        else:
            seen[checked.business_id] = index
            rows.append(checked)
    return rows, rejected
