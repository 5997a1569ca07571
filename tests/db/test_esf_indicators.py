"""ESF+ common indicators (issue 27): the coach records a participant's details with the person; the
indicators of a project and period are counted by hand on fixed records, by gender, with small cells
withheld, a person who declined a question still counted in the total, and the records that lack a
field listed for completion."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.coaching import services as caseload
from kohtaanto.web.esf import indicators, participants
from kohtaanto.web.esf.models import ParticipantRecord, Project
from kohtaanto.web.matching import services as matching

pytestmark = pytest.mark.db
START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
BASE = {
    "entered_on": dt.date(2026, 2, 1), "gender": "woman", "age_group": "30_54",
    "status_at_entry": "long_term_unemployed", "education": "isced_3_4", "disability": "no",
    "third_country_national": "no", "foreign_background": "no", "minority": "no", "homeless": "no",
    "rural": "no",
}  # fmt: skip


def _participant(world, project, **changes):
    coach = world["north_professional"]
    profile = matching.create_profile(coach, spec={"skills": {}})
    entry = caseload.add(coach, profile)
    caseload.link_project(coach, entry, project.pk)
    participants.save_record(actor=coach, entry=entry, version=None, values={**BASE, **changes})
    return entry


@pytest.fixture
def project(world):
    project = Project.objects.create(source="eura2021", code="S31234", name="Testihanke")
    for _ in range(5):
        _participant(world, project)  # five women, long-term unemployed
    _participant(world, project, gender="man", disability="declined", third_country_national="yes")
    _participant(world, project, gender="man", education="", third_country_national="yes")  # no education
    _participant(world, project, entered_on=dt.date(2025, 6, 1))  # started before the period: no output
    _participant(  # left in February, employed; six months passed by the end
        world, project, gender="man", left_on=dt.date(2026, 2, 20), leaving_status="employed",
        qualification_gained=False, employed_after_6_months=True,
    )  # fmt: skip
    return project


def test_outputs_by_gender_with_small_cells_withheld(project):
    report = indicators.compute(project, START, END)
    rows = {r.code: r for r in report.rows}
    total = rows["EECO01"]
    assert (total.counts["woman"], total.counts["man"], total.counts["total"]) == (5, 3, 8)
    assert total.shown["total"] == 8 and total.shown["man"] is None  # 3 men: fewer than five
    assert total.shown["woman"] is None  # and the five women with them, or 8 - 5 would show the 3
    assert rows["EECO03"].counts["total"] == 8  # everyone was long-term unemployed
    assert rows["EECO02"].counts["total"] == 8  # and so unemployed
    assert rows["EECO12"].counts["total"] == 0  # the man who declined is not counted as disabled …
    # only three men started: their column is withheld in every row, zeros too, so that "0" here and
    # "fewer than 5" there cannot tell what each of them is
    assert rows["EECO15"].counts["man"] == 0 and rows["EECO15"].shown["man"] is None
    assert all(r.shown["man"] is None for r in report.rows if r.kind == "output")
    assert rows["EECO13"].counts["total"] == 2
    assert rows["EECO13"].shown["total"] is None
    assert rows["EECO10"].counts["total"] == 7  # … the man without an education is in no ISCED row
    assert rows["EECR04"].counts["total"] == 1 and rows["EECR05"].counts["total"] == 1
    assert rows["EECR03"].counts["total"] == 0
    gaps = {g.record.entry_id: g.fields for g in report.gaps}
    assert ["education"] in gaps.values()
    assert len(gaps) == 1


def test_longer_term_results_wait_for_six_months(project):
    report = indicators.compute(project, START, dt.date(2026, 6, 30))
    rows = {r.code: r for r in report.rows}
    assert rows["EECR04"].counts["total"] == 1  # left in February
    assert rows["EECR05"].counts["total"] == 0  # six months pass only in August


def test_the_coach_records_details_and_a_wrong_date_keeps_what_was_typed(world, project):
    coach = Client(HTTP_ACCEPT_LANGUAGE="fi")
    coach.force_login(world["north_professional"])
    entry = ParticipantRecord.objects.filter(education="").get().entry
    page = coach.get(f"/esf/participants/{entry.pk}/").content.decode()
    assert "Ei halua vastata" in page and "Henkilö" in page
    record = entry.esf_record
    form = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in BASE.items()}
    form["third_country_national"] = "yes"  # as recorded
    bad = {
        **form,
        "gender": "man",
        "education": "isced_0_2",
        "left_on": "2026-01-15",
        "version": record.version,
    }
    refused = coach.post(f"/esf/participants/{entry.pk}/", bad)
    assert refused.status_code == 400
    assert re.search(r'value="isced_0_2"[^>]*checked', refused.content.decode())  # kept as typed
    ok = {**form, "gender": "man", "education": "isced_0_2", "version": record.version}
    assert coach.post(f"/esf/participants/{entry.pk}/", ok).status_code == 302
    record.refresh_from_db()
    assert record.education == "isced_0_2"
    event = AuditEvent.objects.filter(action="esf.participant_recorded").order_by("-sequence").first()
    assert event.data == {"fields": ["education"]}  # names only, never the values
    stale = coach.post(f"/esf/participants/{entry.pk}/", {**ok, "rural": "yes"})  # the old version again
    assert stale.status_code == 400
    record.refresh_from_db()
    assert record.rural == "no"
    other = Client()
    other.force_login(world["south_professional"])
    assert other.get(f"/esf/participants/{entry.pk}/").status_code == 404


def test_the_indicator_csv_and_who_sees_the_gaps(world, project):
    analyst = Client()
    analyst.force_login(world["analyst"])
    raw = analyst.get(f"/esf/{project.pk}/indicators.csv?start=2026-01-01&end=2026-12-31").content
    assert raw.startswith("\ufeff".encode())  # so that a spreadsheet reads it as UTF-8
    body = raw.decode("utf-8-sig")
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(body))}
    assert rows["EECO01"]["total"] == "8" and rows["EECO01"]["men"] == ""
    assert set(rows["EECO01"]["withheld"].split(";")) == {"woman", "man"}
    assert len(rows) == len(indicators.INDICATORS)
    page = analyst.get(f"/esf/{project.pk}/indicators/?start=2026-01-01&end=2026-12-31").content.decode()
    coach = world["north_professional"].get_full_name() or "n_pro"
    assert coach in page  # the analyst sees whose participant lacks a detail
    stranger = Client()
    stranger.force_login(world["south_professional"])
    page = stranger.get(f"/esf/{project.pk}/indicators/?start=2026-01-01&end=2026-12-31").content.decode()
    assert coach not in page  # another coach sees the counts, not another coach's participants
    bad = analyst.get(f"/esf/{project.pk}/indicators.csv?start=2026-12-31&end=2026-01-01")
    assert bad.status_code == 400
    pdf = analyst.get(f"/esf/{project.pk}/indicators.pdf?start=2026-01-01&end=2026-12-31")
    assert pdf.content.startswith(b"%PDF")
