"""The employer's de minimis record as the central register and the Finnish granting authorities ask for
it: who is the single undertaking, and each grant with the register's fields.

Format (docs/de-minimis-record.md): the six fields the central register holds for each grant under
Regulation (EU) 2023/2831 Article 6 (the beneficiary, the amount, the date of granting, the granting
authority, the aid instrument, the sector), with the beneficiary's name and business ID, the regulation,
the purpose and the decision number beside them. The Commission has not published the upload layout of
its register (eAIR); the column names here are this project's and the mapping is marked unverified.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from kohtaanto.core.userdata import csv_writer
from kohtaanto.web.supports.ledger import LINKS
from kohtaanto.web.supports.models import DeMinimisLedger

FORMAT = "kohtaanto-de-minimis-record"
VERSION = 1
COLUMNS = (
    "beneficiary_name",
    "beneficiary_id",
    "beneficiary_id_type",
    "sector_nace_section",
    "granting_authority",
    "date_of_granting",
    "aid_instrument",
    "aid_amount_eur",
    "regulation",
    "purpose",
    "decision_number",
)
SOURCES = {
    "register": "Commission Regulation (EU) 2023/2831, Article 6 (central register from 1.1.2026)",
    "single_undertaking": "Commission Regulation (EU) 2023/2831, Article 2(2)",
    "finland": "HE 144/2025: granting authorities record de minimis aid in the Union register "
    "(KEHA is the main user)",
}


def build(ledger: DeMinimisLedger, *, on: dt.date, room: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record on a day: the single undertaking's members and every grant, newest first."""
    org = ledger.organisation
    members = {org.business_id: org.name}
    linked = list(ledger.linked.all())
    members.update({c.business_id: c.name for c in linked})
    grants = []
    for g in ledger.grants.all():
        beneficiary = g.recipient_business_id or org.business_id
        grants.append(
            {
                "beneficiary_name": members.get(beneficiary, ""),
                "beneficiary_id": beneficiary,
                "beneficiary_id_type": "FI business ID (Y-tunnus)",
                "sector_nace_section": org.sector if beneficiary == org.business_id else "",
                "granting_authority": g.granted_by,
                "date_of_granting": g.decided_on.isoformat(),
                "aid_instrument": g.instrument,
                "aid_amount_eur": str(g.amount),
                "regulation": g.regulation,
                "purpose": g.purpose,
                "decision_number": g.reference,
            }
        )
    total = sum((Decimal(g["aid_amount_eur"]) for g in grants), Decimal(0))
    return {
        "format": FORMAT,
        "version": VERSION,
        "on": on.isoformat(),
        "single_undertaking": {
            "applicant": {"name": org.name, "business_id": org.business_id, "nace_section": org.sector},
            "linked": [
                {
                    "name": c.name,
                    "business_id": c.business_id,
                    "links": [link for link in LINKS if getattr(c, link)],
                    "through_other_companies": c.through_other,
                }
                for c in linked
            ],
        },
        "grants": grants,
        "total_recorded_eur": str(total),
        "room": room,
        "sources": SOURCES,
    }


def as_csv(record: dict[str, Any]) -> str:
    """One row per grant, with the register's fields as the columns."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(COLUMNS)
    for g in record["grants"]:
        writer.writerow([g[c] for c in COLUMNS])
    return out.getvalue()
