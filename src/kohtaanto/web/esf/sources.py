"""Project rows from the EURA 2021 public service's Excel export (saved as CSV) or a Kohesio operations CSV.

Columns are found by name. EURA 2021 (Finnish headers of the export): ``Hankekoodi``, ``Hankkeen nimi``,
``Toteuttajan nimi``, ``Toteuttajan Y-tunnus``, ``Rahasto``, ``Toiminnan tila``, ``Aloituspvm``,
``Päättymispvm``, ``Suunnitelman mukainen tiivistelmä``, ``Suunniteltu EU- ja valtion rahoitus``,
``Sijainti (NUTS)``. Kohesio: ``Operation_Unique_Identifier``, ``Operation_Name``, ``Beneficiary_Name``,
``Fund``, ``Operation_Start_Date``, ``Operation_End_Date``, ``Operation_Summary``, ``Project_EU_Budget``,
``NUTS3_Label``. See docs/esf-import.md for the mapping and what is not known about the sources.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import pgettext

from kohtaanto.core import userdata
from kohtaanto.core.identifiers import BusinessId, InvalidBusinessId

MAPPINGS = {
    "eura2021": {
        "code": "hankekoodi",
        "name": "hankkeen nimi",
        "implementer": "toteuttajan nimi",
        "business_id": "toteuttajan y-tunnus",
        "fund": "rahasto",
        "status": "toiminnan tila",
        "starts_on": "aloituspvm",
        "ends_on": "päättymispvm",
        "summary": "suunnitelman mukainen tiivistelmä",
        "eu_funding": "suunniteltu eu- ja valtion rahoitus",
        "nuts": "sijainti (nuts)",
    },
    "kohesio": {
        "code": "operation_unique_identifier",
        "name": "operation_name",
        "implementer": "beneficiary_name",
        "fund": "fund",
        "starts_on": "operation_start_date",
        "ends_on": "operation_end_date",
        "summary": "operation_summary",
        "eu_funding": "project_eu_budget",
        "nuts": "nuts3_label",
    },
}
REQUIRED = ("code", "name")
MAX_ROWS = 50_000


class SourceError(ValueError):
    """The file as a whole cannot be read."""


@dataclass(frozen=True, slots=True)
class ProjectRow:
    line: int
    values: dict[str, object]


@dataclass(frozen=True, slots=True)
class RejectedProject:
    line: int
    reason: str


def _date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        pgettext("esf import", "the date %(value)s is not DD.MM.YYYY or YYYY-MM-DD") % {"value": text}
    )


def _money(text: str) -> Decimal | None:
    cleaned = re.sub(r"[\s\u00a0€]", "", text).replace(",", ".")
    if not cleaned:
        return None
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(
            pgettext("esf import", "the amount %(value)s is not a number") % {"value": text}
        ) from None


def _row(line: int, raw: dict[str, str], seen: dict[str, int]) -> ProjectRow | RejectedProject:
    problems = []
    if not raw["code"] or len(raw["code"]) > 60:
        problems.append(pgettext("esf import", "the project code is missing or too long"))
    elif raw["code"] in seen:
        problems.append(
            pgettext("esf import", "the project code %(code)s is already on line %(line)s")
            % {"code": raw["code"], "line": seen[raw["code"]]}
        )
    if not raw["name"]:
        problems.append(pgettext("esf import", "the name is missing"))
    typed = ("starts_on", "ends_on", "eu_funding")
    values: dict[str, object] = {k: v for k, v in raw.items() if k not in typed}
    for name in ("starts_on", "ends_on"):
        try:
            values[name] = _date(raw.get(name, ""))
        except ValueError as exc:
            problems.append(str(exc))
    try:
        values["eu_funding"] = _money(raw.get("eu_funding", ""))
    except ValueError as exc:
        problems.append(str(exc))
    if raw.get("business_id"):
        try:
            values["business_id"] = BusinessId.parse(raw["business_id"]).value
        except InvalidBusinessId:
            problems.append(
                pgettext("esf import", "the business ID %(value)s is not valid (check digit or form)")
                % {"value": raw["business_id"]}
            )
    return RejectedProject(line, "; ".join(problems)) if problems else ProjectRow(line, values)


def read(data: bytes) -> tuple[str, list[ProjectRow], list[RejectedProject]]:
    """The source ("eura2021" or "kohesio"), the good rows and the rejected ones with their reasons."""
    try:
        return _read(data)
    except csv.Error:
        raise SourceError(pgettext("esf import", "The file is not a readable CSV file.")) from None


class _NotText(ValueError):
    """The upload is not UTF-8 text."""


def _read(data: bytes) -> tuple[str, list[ProjectRow], list[RejectedProject]]:
    try:
        reader = userdata.csv_reader(data, _NotText)
    except _NotText:
        raise SourceError(
            pgettext("esf import", "The file is not UTF-8 text: save it as CSV UTF-8 and try again.")
        ) from None
    header = {h.strip().casefold(): h for h in reader.fieldnames or []}
    source = next((s for s, m in MAPPINGS.items() if all(m[k] in header for k in REQUIRED)), None)
    if source is None:
        raise SourceError(
            pgettext(
                "esf import",
                "Line 1: the columns are neither an EURA 2021 export (Hankekoodi, Hankkeen nimi) "
                "nor Kohesio's.",
            )
        )
    mapping = {field: header[column] for field, column in MAPPINGS[source].items() if column in header}
    rows, rejected = [], []
    seen: dict[str, int] = {}
    for line, record in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            raise SourceError(
                pgettext("esf import", "More than %(rows)s rows: split the file.") % {"rows": MAX_ROWS}
            )
        raw = {field: (record.get(column) or "").strip() for field, column in mapping.items()}
        checked = _row(line, raw, seen)
        if isinstance(checked, RejectedProject):
            rejected.append(checked)
            continue
        seen[raw["code"]] = line
        rows.append(checked)
    return source, rows, rejected
