"""Talent pools: made by the area's professional, a shared pipeline, and one job carved from two firms."""

from __future__ import annotations

import pytest
from django.test import Client

from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.matching import services
from kohtaanto.web.outreach.models import TalentPool
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.db
WEEK = ["mon", "tue", "wed", "thu", "fri"]


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _inventory(key: str, tasks: list[tuple[str, int, str]]) -> dict:
    return {
        "workplace": {
            "id": key,
            "name": key,
            "legal_form": "company",
            "new_job_hourly_wage": "13.50",
            "roles": [
                {
                    "id": "staff",
                    "title": {"fi": "Työntekijä"},
                    "hourly_cost": "25",
                    "tasks": [
                        {
                            "id": f"t{n}",
                            "name": {"fi": name},
                            "hours": str(h),
                            "skills": [{"id": skill, "level": 1}],
                        }
                        for n, (name, h, skill) in enumerate(tasks)
                    ],
                }
            ],
        }
    }


@pytest.fixture
def firms(world):
    place = world["north_org"].municipality
    cafe = OrganisationFactory(municipality=place, name="Kahvila", size_class="micro")
    yard = OrganisationFactory(municipality=place, name="Pihapalvelu", size_class="micro")
    services.save_inventory(None, cafe, _inventory("cafe", [("Tiskaus", 6, "kitchen.wash_dishes")]))
    services.save_inventory(None, yard, _inventory("yard", [("Haravointi", 6, "gardening.rake_leaves")]))
    return cafe, yard


def test_a_pool_is_made_of_the_areas_employers_with_field_errors_that_keep_input(world, firms):
    cafe, yard = firms
    me = _client(world["north_professional"])
    one = me.post("/pools/", {"name": "Pienet", "members": [cafe.pk]})
    assert one.status_code == 400 and 'value="Pienet"' in one.content.decode()
    other_area = me.post("/pools/", {"name": "Sekoitus", "members": [cafe.pk, world["south_org"].pk]})
    assert other_area.status_code == 400  # the south employer is not even offered
    made = me.post("/pools/", {"name": "Pienet", "members": [cafe.pk, yard.pk]})
    pool = TalentPool.objects.get()
    assert made.status_code == 302 and set(pool.members.all()) == {cafe, yard}
    assert AuditEvent.objects.filter(action="talent_pool.created").count() == 1
    page = me.get(f"/pools/{pool.pk}/").content.decode()
    assert "Kahvila" in page and "Pihapalvelu" in page
    assert _client(world["south_professional"]).get(f"/pools/{pool.pk}/").status_code == 404
    assert _client(world["north_employer"]).get("/pools/").status_code == 404


def test_one_job_is_carved_from_two_firms_with_each_firms_share(world, firms):
    cafe, yard = firms
    pool = TalentPool.objects.create(name="Pienet", area=world["north"])
    pool.members.set([cafe, yard])
    spec = {
        "skills": {"kitchen.wash_dishes": 2, "gardening.rake_leaves": 2},
        "capacities": {},
        "hours_min": 10,
        "hours_max": 12,
        "days": WEEK,
    }
    person = services.create_profile(None, spec=spec, person=world["north_seeker"], area=world["north"])
    me = _client(world["north_professional"])
    bad = me.post(f"/pools/{pool.pk}/", {"members": [cafe.pk], "person": person.pseudonym})
    assert bad.status_code == 400
    page = me.post(f"/pools/{pool.pk}/", {"members": [cafe.pk, yard.pk], "person": person.pseudonym})
    html = page.content.decode()
    assert page.status_code == 200 and 'id="shared-1"' in html
    assert "Tiskaus" in html and "Haravointi" in html  # one job, tasks from both firms
    assert (
        html.count('<th scope="row">Kahvila</th>') >= 1
        and html.count('<th scope="row">Pihapalvelu</th>') >= 1
    )
    event = AuditEvent.objects.get(action="talent_pool.carved")
    assert event.data["members"] == [cafe.pk, yard.pk] and event.data["proposals"] >= 1


def test_a_member_without_a_task_inventory_is_named(world, firms):
    cafe, _ = firms
    bare = OrganisationFactory(municipality=cafe.municipality, name="Ilman kartoitusta")
    pool = TalentPool.objects.create(name="P", area=world["north"])
    pool.members.set([cafe, bare])
    person = services.create_profile(
        None, spec={"skills": {}}, person=world["north_seeker"], area=world["north"]
    )
    page = _client(world["north_professional"]).post(
        f"/pools/{pool.pk}/", {"members": [cafe.pk, bare.pk], "person": person.pseudonym}
    )
    assert page.status_code == 400 and "Ilman kartoitusta" in page.content.decode()


def test_a_shared_job_becomes_a_hiring_case_at_the_lead_employer(world, firms):
    from kohtaanto.web.hiring.models import HiringCase
    from kohtaanto.web.matching.models import WorkplaceInventory

    cafe, yard = firms
    before = {i.organisation_id: i.payload for i in WorkplaceInventory.objects.all()}
    pool = TalentPool.objects.create(name="Pienet", area=world["north"])
    pool.members.set([cafe, yard])
    spec = {
        "skills": {"kitchen.wash_dishes": 2, "gardening.rake_leaves": 2},
        "capacities": {},
        "hours_min": 10,
        "hours_max": 12,
        "days": WEEK,
    }
    person = services.create_profile(None, spec=spec, person=world["north_seeker"], area=world["north"])
    me = _client(world["north_professional"])
    nothing_carved = me.post(f"/pools/{pool.pk}/", {"action": "start", "index": "0"})
    assert nothing_carved.status_code == 400
    me.post(f"/pools/{pool.pk}/", {"members": [cafe.pk, yard.pk], "person": person.pseudonym})
    started = me.post(f"/pools/{pool.pk}/", {"action": "start", "index": "0"})
    case = HiringCase.objects.get()
    assert started.status_code == 302 and started["Location"] == f"/hire/{case.pk}/supports/"
    assert case.person == person.pseudonym and case.need["pool"] == pool.pk
    assert case.organisation in (cafe, yard) and case.chosen["firm_shares"]
    tasks = {t["id"] for r in case.inventory["workplace"]["roles"] for t in r["tasks"]}
    assert {t.split("--")[0] for t in tasks} == {f"o{cafe.pk}", f"o{yard.pk}"}
    after = {i.organisation_id: i.payload for i in WorkplaceInventory.objects.all()}
    assert after == before  # the members' own inventories are untouched
    assert AuditEvent.objects.filter(action="talent_pool.case_started").count() == 1
