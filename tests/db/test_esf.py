"""ESF+ projects: import all or nothing, classification override, linking people, the suppressed report."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.coaching import services as caseload
from kohtaanto.web.esf import services as esf
from kohtaanto.web.esf.models import Project
from kohtaanto.web.matching import services
from tests.factories import make_user

pytestmark = pytest.mark.db
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "esf"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else (EXAMPLES / name).read_bytes())


def test_analysts_import_all_or_nothing_and_classify(world):
    me = _client(world["analyst"])
    bad = (EXAMPLES / "eura2021.csv").read_bytes() + b"S30004;Huono;;;;;31.2.2025;;;;\n"
    refused = me.post("/esf/", {"file": _upload("bad.csv", bad)})
    assert (
        refused.status_code == 400
        and "31.2.2025" in refused.content.decode()
        and "ei ole muotoa PP.KK.VVVV" in refused.content.decode()  # the reason in the page's language
        and not Project.objects.exists()
    )
    assert me.post("/esf/", {"file": _upload("eura2021.csv")}).status_code == 200
    assert me.post("/esf/", {"file": _upload("kohesio.csv")}).status_code == 200
    assert Project.objects.count() == 5
    carving = Project.objects.get(code="S30001")
    assert {"job_modification", "work_trial", "hidden_jobs"} <= set(carving.methods)
    assert "partial_work_ability" in carving.target_groups
    assert AuditEvent.objects.filter(action="esf.projects_imported").count() == 2
    # a professional reads, but does not import
    pro = _client(world["north_professional"])
    assert pro.get("/esf/").status_code == 200
    assert pro.post("/esf/", {"file": _upload("kohesio.csv")}).status_code == 404
    assert _client(world["north_employer"]).get("/esf/").status_code == 404


def test_a_manual_classification_survives_the_next_import(world):
    analyst = world["analyst"]
    esf.import_projects(analyst, (EXAMPLES / "eura2021.csv").read_bytes())
    project = Project.objects.get(code="S30003")
    page = _client(analyst).post(
        f"/esf/{project.pk}/", {"methods": ["matching"], "groups": ["young", "older"]}
    )
    assert page.status_code == 302
    esf.import_projects(analyst, (EXAMPLES / "eura2021.csv").read_bytes())
    project.refresh_from_db()
    assert project.manual and project.methods == ["matching"] and project.target_groups == ["young", "older"]
    assert _client(analyst).post(f"/esf/{project.pk}/", {"methods": ["astrology"]}).status_code == 400


def test_the_report_counts_linked_people_and_hides_small_numbers(world):
    esf.import_projects(world["analyst"], (EXAMPLES / "eura2021.csv").read_bytes())
    project = Project.objects.get(code="S30001")
    pro = world["north_professional"]
    people = []
    for n in range(5):
        person = make_user("job_seeker", employment_area=world["north"], username=f"p{n}")
        people.append(services.create_profile(None, spec={"skills": {}}, person=person, area=world["north"]))
    entries = [caseload.add(pro, p) for p in people]
    me = _client(pro)
    assert (
        me.post(f"/caseload/{entries[0].pk}/", {"action": "project", "project": project.pk}).status_code
        == 302
    )
    small = esf.report(project)
    assert small["counts"]["participants"] == 1 and small["shown"]["participants"] is None
    for entry in entries[1:]:
        caseload.link_project(pro, entry, project.pk)
    entries[0].refresh_from_db()
    caseload.update(pro, entries[0], "employed", "", None, [], entries[0].created_at.date())
    full = esf.report(project)
    assert full["shown"]["participants"] == 5 and full["shown"]["employed"] is None  # one person: hidden
    csv_text = _client(world["analyst"]).get(f"/esf/{project.pk}.csv").content.decode()
    assert "S30001" in csv_text and ",5" in csv_text
    pdf = _client(world["analyst"]).get(f"/esf/{project.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="caseload.project_linked").count() == 5
