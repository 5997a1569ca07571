from __future__ import annotations

import pytest

from kohtaanto.web.accounts.models import EmploymentArea, Municipality, Organisation, User
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.audit.services import verify
from kohtaanto.web.hiring.models import FollowUp, HiringCase
from kohtaanto.web.outreach.models import Activity
from kohtaanto.web.project import demo
from kohtaanto.web.project.demo_history import MICRO_FIRMS

pytestmark = pytest.mark.db


def test_demo_data_has_what_the_demo_promises_and_loads_once(db):
    assert demo.load() is True
    counts = (
        EmploymentArea.objects.count(),
        Municipality.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        AuditEvent.objects.count(),
    )
    assert counts[:3] == (1, len(demo.MUNICIPALITIES) + len(demo.LAHTI_REGION), 4 + len(MICRO_FIRMS))
    assert Municipality.objects.filter(code="398", name_fi="Lahti", name_sv="Lahtis").exists()
    roles = sorted(User.objects.values_list("role", flat=True))
    assert roles.count("professional") == 2 and roles.count("job_seeker") == 6 and roles.count("analyst") == 1
    assert roles.count("administrator") == 1 and roles.count("employer") == 4
    assert len(set(Organisation.objects.values_list("legal_form", flat=True))) == 4
    assert len(set(Organisation.objects.values_list("size_class", flat=True))) == 4
    assert all(o.description_fi and o.description_sv and o.description_en for o in Organisation.objects.all())
    assert verify().ok
    # a year of outreach and hiring for the outcome dashboard, the same on every load
    months = {(d.year, d.month) for d in Activity.objects.values_list("happened_on", flat=True)}
    assert len(months) >= 11
    hires = HiringCase.objects.filter(decision="hired")
    assert hires.count() >= 5 and FollowUp.objects.filter(still_employed__isnull=False).exists()
    assert Organisation.objects.filter(size_class="micro").count() >= 3
    assert demo.load() is False
    assert counts == (
        EmploymentArea.objects.count(),
        Municipality.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        AuditEvent.objects.count(),
    )


def test_every_demo_login_works(db, client):
    demo.load()
    for username, *_rest in demo.PEOPLE:
        response = client.post("/login/", {"username": username, "password": demo.PASSWORD})
        assert response.status_code == 302, username
        assert client.get("/").status_code == 200, username
        client.post("/logout/")
