"""The support application packet of a hiring case: every field the pay-subsidy and work-arrangement
applications ask, filled in from the case where kohtaanto knows it, and what is still missing marked with
where to find it. One packet feeds the page, the PDF and the JSON.

The forms (docs/application-packet.md): both are filled in the employment services' e-service at
Työmarkkinatori; the paper forms TEM320 (pay subsidy) and TEM685 (work arrangements, withdrawn 28.11.2023)
are the last published versions. Each field says whether it is seen on the form or in its instructions
(``verified``) or assumed from the law and the decision's content (``assumed``).

kohtaanto never holds the person's name, personal identity code or health facts: those fields are always
marked missing, for the employer to write in the e-service with the person.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from django.utils.translation import npgettext, pgettext

from kohtaanto.core import formatting
from kohtaanto.rules.months import add_months
from kohtaanto.rules.report import support_label
from kohtaanto.web.hiring.models import HiringCase

FORMAT, VERSION = "kohtaanto-application-packet", 1
PAY = ("pay_subsidy", "senior_employment_subsidy")


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    label: str
    value: str  # in the reader's language; empty when missing
    data: Any  # the machine value for the JSON (ISO dates, numbers as strings)
    missing: bool
    hint: str = ""  # how to fill it in: shown while it is missing
    status: str = "assumed"  # is the field on the form: verified | assumed
    note: str = ""  # worth knowing whether it is filled in or not


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    items: list[Item]


@dataclass(frozen=True, slots=True)
class Application:
    key: str
    name: str
    form: str
    channel: str
    sections: list[Section]
    sources: tuple[str, ...] = ()

    @property
    def links(self) -> list[tuple[str, str]]:
        """Each source with its site's name as the link text."""
        return [(url, urlsplit(url).hostname or url) for url in self.sources]

    @property
    def missing(self) -> int:
        return sum(1 for s in self.sections for i in s.items if i.missing)


@dataclass(frozen=True, slots=True)
class Packet:
    case_title: str
    employer: str
    made_on: dt.date
    applications: list[Application] = field(default_factory=list)


def _item(
    key: str,
    label: str,
    value: Any,
    data: Any = None,
    *,
    hint: str = "",
    status: str = "assumed",
    note: str = "",
) -> Item:
    shown = "" if value in (None, "") else str(value)
    return Item(key, label, shown, shown if data is None else data, not shown, hint, status, note)


def _not_kept(key: str, label: str) -> Item:
    return _item(
        key,
        label,
        None,
        hint=pgettext(
            "packet",
            "kohtaanto does not keep it. Write it in the e-service with the person's consent.",
        ),
    )


def _employer(case: HiringCase, contact: Any, language: str, made_on: dt.date) -> Section:
    org = case.organisation
    workplace = (case.inventory or {}).get("workplace", {})
    activity = workplace.get("business_activity")
    from kohtaanto.web.supports.ledger import find_ledger, room

    ledger = find_ledger(org)
    contact_name = getattr(contact, "get_full_name", lambda: "")() if contact else ""
    contact_text = ", ".join(x for x in (contact_name, getattr(contact, "email", "")) if x)
    items = [
        _item("employer.name", pgettext("packet", "Employer"), org.name),
        _item(
            "employer.business_id",
            pgettext("packet", "Business ID (Y-tunnus)"),
            org.business_id,
            status="verified",
        ),
        _item(
            "employer.legal_form",
            pgettext("packet", "Legal form"),
            org.get_legal_form_display(),
            org.legal_form,
        ),
        _item(
            "employer.business_activity",
            pgettext("packet", "Carries on business"),
            None
            if activity is None
            else (pgettext("packet", "yes") if activity else pgettext("packet", "no")),
            activity,
            hint=pgettext("packet", "Answer on the task inventory's workplace."),
        ),
        _item(
            "employer.sector", pgettext("packet", "Sector (TOL 2008)"), org.get_sector_display(), org.sector
        ),
        _item("employer.size", pgettext("packet", "Size"), org.get_size_class_display(), org.size_class),
        _item("employer.municipality", pgettext("packet", "Municipality"), org.municipality.name),
        _item(
            "employer.address",
            pgettext("packet", "Street address"),
            None,
            hint=pgettext(
                "packet", "kohtaanto does not keep the address: the e-service fills it from Suomi.fi."
            ),
        ),
        _item(
            "employer.contact",
            pgettext("packet", "Contact person"),
            contact_text,
            note=pgettext("packet", "Who answers the employment services' questions."),
        ),
    ]
    if ledger is not None:  # the rules' window (rolling three years, fiscal years before 2024)
        answer = room(ledger, on=case.planned_start or made_on)
        total = Decimal(str(answer["received_in_window"])).quantize(Decimal("0.01"))
        items.append(
            _item(
                "employer.de_minimis_3_years",
                pgettext("packet", "De minimis aid in the three years before the start"),
                pgettext("packet", "%(amount)s euros (from your de minimis ledger)")
                % {"amount": formatting.amount(total, language)},
                str(total),
            )
        )
    else:
        items.append(
            _item(
                "employer.de_minimis_3_years",
                pgettext("packet", "De minimis aid in the three years before the start"),
                None,
                hint=pgettext("packet", "Keep your de minimis ledger in kohtaanto, or add it up yourself."),
            )
        )
    return Section(pgettext("packet", "Employer"), items)


def _person(case: HiringCase) -> Section:
    facts = case.support_facts or {}
    registered = facts.get("registered_unemployed")
    return Section(
        pgettext("packet", "The person to be hired"),
        [
            _not_kept("person.name", pgettext("packet", "Name")),
            _not_kept("person.identity_code", pgettext("packet", "Personal identity code")),
            _item(
                "person.registered_unemployed",
                pgettext("packet", "Registered as an unemployed job seeker"),
                None
                if registered is None
                else (pgettext("packet", "yes") if registered else pgettext("packet", "no")),
                registered,
                hint=pgettext("packet", "Tell it on the supports step of the case."),
            ),
        ],
    )


def _employment(case: HiringCase, language: str) -> Section:
    chosen = case.chosen or {}
    title = case.job.title if case.job else ""
    tasks = "; ".join(
        f"{t.get('name', '')} ({formatting.number(t.get('hours_per_week', 0), language)} h)"
        for t in chosen.get("tasks", [])
    )
    hours = chosen.get("hours_per_week")
    wage = chosen.get("monthly_wage")
    hourly = (case.ad_details or {}).get("hourly_wage") or (case.inventory or {}).get("workplace", {}).get(
        "new_job_hourly_wage"
    )
    return Section(
        pgettext("packet", "The employment"),
        [
            _item(
                "job.title",
                pgettext("packet", "Job title"),
                title,
                hint=pgettext("packet", "Publish the job ad first: its title is the job title."),
            ),
            _item("job.tasks", pgettext("packet", "Tasks"), tasks),
            _item(
                "job.start",
                pgettext("packet", "First working day"),
                formatting.date(case.planned_start, language) if case.planned_start else None,
                case.planned_start.isoformat() if case.planned_start else None,
                hint=pgettext(
                    "packet",
                    "Set the planned start on the onboarding step. "
                    "The work may start only after the decision.",
                ),
                status="verified",
            ),
            _item(
                "job.duration",
                pgettext("packet", "Until further notice, or fixed-term and until when"),
                None,
                hint=pgettext(
                    "packet",
                    "Choose in the e-service. "
                    "A fixed term needs a reason the Employment Contracts Act accepts.",
                ),
                status="verified",
            ),
            _item(
                "job.hours_per_week",
                pgettext("packet", "Hours a week"),
                formatting.number(hours, language) if hours else None,
                hours,
            ),
            _item(
                "job.pay_basis",
                pgettext("packet", "How the pay is set"),
                pgettext("packet", "Time pay (by the hour)") if hourly else None,
                "time_hourly" if hourly else None,
                note=pgettext("packet", "Performance pay alone gets no pay subsidy."),
                status="verified",
            ),
            _item(
                "job.monthly_pay",
                pgettext("packet", "Gross pay a month"),
                f"{formatting.amount(Decimal(str(wage)), language)} €" if wage else None,
                str(wage) if wage else None,
                hint=pgettext(
                    "packet", "Carve the job first: the pay comes from the hours and the hourly wage."
                ),
            ),
            _item(
                "job.collective_agreement",
                pgettext("packet", "Collective agreement you follow"),
                None,
                hint=pgettext(
                    "packet",
                    "Name it in the e-service. "
                    "Without one, the pay must be usual and reasonable for the work.",
                ),
                status="verified",
            ),
            _item(
                "job.place", pgettext("packet", "Where the work is done"), case.organisation.municipality.name
            ),
        ],
    )


def _pay_support(case: HiringCase, supports: list[dict[str, Any]], language: str) -> Section:
    best = max(supports, key=lambda s: s.get("monthly_amount") or 0)
    start = case.planned_start
    months = best.get("max_months")
    end = add_months(start, int(months)) - dt.timedelta(days=1) if start and months else None
    others = [s for s in supports if s is not best]
    hint = (
        pgettext("packet", "The pay subsidies are alternatives: the employment services grant one.")
        if others
        else ""
    )
    return Section(
        pgettext("packet", "The support applied for"),
        [
            _item(
                "support.kind",
                pgettext("packet", "Support"),
                support_label(best.get("id", ""), language),
                best.get("id"),
                note=hint,
            ),
            _item(
                "support.rate",
                pgettext("packet", "Share of the pay"),
                f"{formatting.number(best['rate'], language)}\u00a0%" if best.get("rate") else None,
                best.get("rate"),
            ),
            _item(
                "support.period",
                pgettext("packet", "Period"),
                f"{formatting.date(start, language)}–{formatting.date(end, language)}"
                if start and end
                else None,
                {"from": start.isoformat(), "to": end.isoformat()} if start and end else None,
                hint=pgettext("packet", "Set the planned start: the period runs from it."),
            ),
            _item(
                "support.monthly_max",
                pgettext("packet", "At most a month"),
                f"{formatting.amount(Decimal(str(best['monthly_amount'])), language)} €"
                if best.get("monthly_amount")
                else None,
                str(best.get("monthly_amount") or ""),
            ),
            _item(
                "support.payment_period",
                pgettext("packet", "Payment period"),
                npgettext("packet", "%(n)s month", "%(n)s months", case.claim_period_months)
                % {"n": case.claim_period_months}
                if case.claim_period_months
                else None,
                case.claim_period_months,
                note=pgettext("packet", "Choose it on the onboarding step: 1, 2 or 3 months."),
                status="verified",
            ),
        ],
    )


def _pay_attachments(case: HiringCase) -> Section:
    org = case.organisation
    activity = (case.inventory or {}).get("workplace", {}).get("business_activity", True)
    items = []
    if org.legal_form in ("association", "foundation") and activity:
        items.append(
            _item(
                "attachment.tax_papers",
                pgettext(
                    "packet",
                    "Latest tax return, latest business income tax decision, any tax relief decision",
                ),
                None,
                hint=pgettext(
                    "packet", "An association or foundation that carries on business attaches these."
                ),
                status="verified",
            )
        )
    items.append(
        _item(
            "attachment.contract_with_first_claim",
            pgettext("packet", "Copy of the employment contract"),
            pgettext("packet", "Not now: with the first payment claim"),
            "with_first_claim",
            status="verified",
        )
    )
    return Section(pgettext("packet", "Attachments"), items)


def _arrangement(case: HiringCase, supports: list[dict[str, Any]], language: str) -> list[Section]:
    kinds = {
        "work_arrangement_tools": pgettext("packet", "Tools or changes at the workplace"),
        "work_arrangement_help": pgettext("packet", "Help from a co-worker"),
    }
    items = [
        _item(
            f"support.{s['id']}",
            kinds.get(s["id"], support_label(s["id"], language)),
            f"{formatting.amount(Decimal(str(s['total_max'])), language)} €"
            if s.get("total_max")
            else (
                f"{formatting.amount(Decimal(str(s['monthly_amount'])), language)} € / kk"
                if s.get("monthly_amount")
                else None
            ),
            str(s.get("total_max") or s.get("monthly_amount") or ""),
            note=pgettext("packet", "At most, by the rules; the application names the real costs."),
            status="verified",
        )
        for s in supports
    ]
    accommodations = "; ".join(
        a.get("name", "") for a in (case.chosen or {}).get("accommodations", []) if a.get("name")
    )
    items.append(
        _item(
            "support.what",
            pgettext("packet", "What is bought, changed or helped with"),
            accommodations,
            hint=pgettext("packet", "Describe it in the e-service: the item, the supplier, the price."),
        )
    )
    attachments = [
        _item(
            "attachment.cost_estimate",
            pgettext("packet", "Cost estimate"),
            None,
            hint=pgettext("packet", "An offer or estimate from the supplier."),
            status="verified",
        ),
        _item(
            "attachment.doctors_statement",
            pgettext("packet", "Doctor's statement of the illness or disability and how long it lasts"),
            None,
            hint=pgettext(
                "packet",
                "The person gets it from their doctor and decides to give it. "
                "kohtaanto keeps no health facts.",
            ),
            status="verified",
        ),
    ]
    return [
        Section(pgettext("packet", "The support applied for"), items),
        Section(pgettext("packet", "Attachments"), attachments),
    ]


def build(case: HiringCase, *, made_on: dt.date, contact: Any, language: str) -> Packet:
    supports = (case.chosen or {}).get("supports", [])
    pay = [s for s in supports if s.get("id", "").startswith(PAY) and s.get("eligible", True)]
    arrangement = [s for s in supports if s.get("id", "").startswith("work_arrangement")]
    employer = _employer(case, contact, language, made_on)
    person = _person(case)
    applications = []
    if pay:
        applications.append(
            Application(
                key="pay_subsidy_application",
                name=pgettext("packet", "Pay subsidy application (palkkatukihakemus)"),
                form=pgettext(
                    "packet", "E-service of the employment services at Työmarkkinatori; paper form TEM320"
                ),
                channel="https://tyomarkkinatori.fi",
                sections=[
                    employer,
                    person,
                    _employment(case, language),
                    _pay_support(case, pay, language),
                    _pay_attachments(case),
                ],
                sources=(
                    "https://www.te-palvelut.fi/te/fi/tyonantajalle/loyda_tyontekija/palkkatuki/palkkatuki_hakeminen/index.html",
                    "https://ohje.te-palvelut.fi/taohje/fi/yrityksenjatyonantajanomaasiointi/palkkatukihakemus/palkattavahenkilo/tyoehtosopimus",
                    "http://ohje.te-palvelut.fi/taohje/fi/palkkatuen-maksatushakemus",
                ),
            )
        )
    if arrangement:
        applications.append(
            Application(
                key="work_arrangement_application",
                name=pgettext(
                    "packet", "Work arrangement support application (työolosuhteiden järjestelytuki)"
                ),
                form=pgettext("packet", "E-form only since 28.11.2023 (the paper form was TEM685)"),
                channel="https://tyomarkkinatori.fi",
                sections=[employer, person, *_arrangement(case, arrangement, language)],
                sources=(
                    "https://tyomarkkinatori.fi/uutiset/tyoolosuhteiden-jarjestelytuen-hakeminen-uudistuu-tutustu-sahkoiseen-hakutapaan",
                ),
            )
        )
    return Packet(case.title, case.organisation.name, made_on, applications)


def as_json(packet: Packet) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "case": packet.case_title,
        "employer": packet.employer,
        "made_on": packet.made_on.isoformat(),
        "applications": [
            {
                "key": a.key,
                "name": a.name,
                "form": a.form,
                "channel": a.channel,
                "sources": list(a.sources),
                "missing": a.missing,
                "sections": [
                    {
                        "title": s.title,
                        "fields": [
                            {k: v for k, v in asdict(i).items() if k != "value"} | {"shown": i.value}
                            for i in s.items
                        ],
                    }
                    for s in a.sections
                ],
            }
            for a in packet.applications
        ],
    }


def pdf(packet: Packet, language: str) -> bytes:
    """The packet as an A4 PDF: one table per section, missing fields marked."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()

    def p(text: Any, style: str = "BodyText") -> Any:
        return Paragraph(escape(str(text)), styles[style])

    title = pgettext("packet", "Application details")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, title=f"{title}: {packet.case_title}", author="kohtaanto", lang=language,
        leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm, bottomMargin=14 * mm,
    )  # fmt: skip
    missing = pgettext("packet", "Missing")
    story: list[Any] = [p(f"{title}: {packet.case_title}", "Title"), p(packet.employer)]
    for a in packet.applications:
        story += [p(a.name, "Heading2"), p(a.form)]
        for s in a.sections:
            story.append(p(s.title, "Heading3"))
            rows = [[p(i.label), p(i.value or f"{missing}. {i.hint}".strip())] for i in s.items]
            table = Table(rows, colWidths=[62 * mm, 116 * mm])
            style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]
            style += [
                ("BACKGROUND", (1, n), (1, n), colors.HexColor("#fff3cd"))
                for n, i in enumerate(s.items)
                if i.missing
            ]
            table.setStyle(TableStyle(style))
            story.append(table)
    doc.build(story)
    return out.getvalue()
