"""Parallel writes: every write path keeps every answer, or says plainly that it could not.

Each test sends real requests from several threads at once through the whole stack (middleware,
views, services); each thread has its own database connection, so on PostgreSQL the rows are locked
by ``SELECT … FOR UPDATE`` and on SQLite by its IMMEDIATE transactions. The measured defects these
tests pin down: 34 of 48 parallel capacity answers lost, 41 of 50 parallel "add task" calls lost, a
consent withdrawal silently reverted by a concurrent save, all with success responses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from kohtaanto.taxonomy.vocabulary import demands
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.matching import consent, seeker, services
from kohtaanto.web.matching.models import ConsentPurpose, SeekerProfile

pytestmark = pytest.mark.db
SPEC = {"skills": {"cleaning.mop_floors": 2}, "capacities": {}, "hours_min": 10, "hours_max": 30}


def parallel(n: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` for i in 0..n-1 on n threads released together; each closes its connection."""
    gate = threading.Barrier(n)

    def one(i: int) -> Any:
        try:
            gate.wait(timeout=30)
            return work(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_parallel_capacity_answers_are_all_kept(tx_world):
    person = tx_world["north_seeker"]
    profile = services.create_profile(None, spec=SPEC, person=person, area=tx_world["north"])
    groups = sorted({a.group for a in demands().attributes})
    clients = [_client(person) for _ in groups]

    def answer(i: int) -> int:
        group = groups[i]
        form = {a.id: "2" for a in demands().attributes if a.group == group}
        return clients[i].post(f"/me/capacity/{group}/", form).status_code

    for _ in range(3):  # several rounds: a lost update shows up in one of them
        assert parallel(len(groups), answer) == [302] * len(groups)
    profile.refresh_from_db()
    assert profile.spec["capacities"] == {a.id: 2 for a in demands().attributes}
    changes = AuditEvent.objects.filter(action="seeker_profile.updated", object_id=str(profile.pk))
    assert changes.count() == len(groups)  # each group changed once; the later rounds changed nothing
    assert profile.version == 1 + len(groups)


def test_parallel_tasks_on_one_hiring_case_are_all_kept(tx_world):
    boss = tx_world["north_employer"]
    case = hiring.create_case(boss, tx_world["north_org"], "Lisäkädet")
    hiring.add_role(boss, case, "Leipuri", 2, Decimal(30))
    role = HiringCase.objects.get(pk=case.pk).inventory["workplace"]["roles"][0]["id"]
    answers = {f"q_{k}": "never" for k in ("lifting", "standing", "customers", "rush", "reading", "noise")}
    clients = [_client(boss) for _ in range(12)]

    def add(i: int) -> int:
        body = {"action": "add_task", "role": role, "name": f"Tehtävä {i}", "hours": "1", "level": "2"}
        body.update(answers)
        return clients[i].post(f"/hire/{case.pk}/tasks/", body).status_code

    assert parallel(12, add) == [302] * 12
    tasks = HiringCase.objects.get(pk=case.pk).inventory["workplace"]["roles"][0]["tasks"]
    assert sorted(t["name"]["fi"] for t in tasks) == sorted(f"Tehtävä {i}" for i in range(12))


def test_a_withdrawal_is_never_reverted_by_a_parallel_save(tx_world):
    person = tx_world["north_seeker"]
    profile = services.create_profile(person, spec=SPEC, open_to_employers=True, share_accommodations=True)
    for _ in range(5):
        services.update_profile(person, profile, open_to_employers=True)

        def act(i: int) -> None:
            mine = SeekerProfile.objects.get(pk=profile.pk)
            if i == 0:
                services.update_profile(person, mine, open_to_employers=False)
            else:
                seeker.save_capacities(person, mine, "physical", {"physical.standing": 2 + i % 3})

        parallel(4, act)
        profile.refresh_from_db()
        assert profile.open_to_employers is False
        assert consent.granted(profile, ConsentPurpose.SHOWN_TO_EMPLOYERS) is False  # ledger agrees


def test_a_stale_api_write_gets_a_conflict_and_changes_nothing(tx_world):
    api = APIClient()
    api.force_authenticate(tx_world["north_seeker"])
    created = api.put("/api/v1/profiles/me/", {"spec": SPEC}, format="json")
    assert created.status_code == 201
    tag = created["ETag"]
    first = api.put(
        "/api/v1/profiles/me/", {"spec": {**SPEC, "hours_max": 20}}, format="json", HTTP_IF_MATCH=tag
    )
    assert first.status_code == 200 and first["ETag"] != tag
    stale = api.put(
        "/api/v1/profiles/me/", {"spec": {**SPEC, "hours_max": 35}}, format="json", HTTP_IF_MATCH=tag
    )
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "precondition_failed"
    assert stale["ETag"] == first["ETag"]
    assert SeekerProfile.objects.get().spec["hours_max"] == 20
    bad = api.put("/api/v1/profiles/me/", {"spec": SPEC}, format="json", HTTP_IF_MATCH="yesterday")
    assert bad.status_code == 400 and "If-Match" in bad.json()["error"]["fields"]


def test_parallel_api_writes_with_the_same_etag_one_wins_the_others_are_told(tx_world):
    seeker_user = tx_world["north_seeker"]
    api = APIClient()
    api.force_authenticate(seeker_user)
    tag = api.put("/api/v1/profiles/me/", {"spec": SPEC}, format="json")["ETag"]
    clients = []
    for _ in range(6):
        client = APIClient()
        client.force_authenticate(seeker_user)
        clients.append(client)

    def write(i: int) -> int:
        body = {"spec": {**SPEC, "hours_max": 20 + i}}
        return clients[i].put("/api/v1/profiles/me/", body, format="json", HTTP_IF_MATCH=tag).status_code

    codes = parallel(6, write)
    assert sorted(codes) == [200] + [412] * 5
    winner = codes.index(200)
    assert SeekerProfile.objects.get().spec["hours_max"] == 20 + winner


def test_a_form_opened_before_another_save_says_so_and_keeps_what_was_typed(world):
    import re

    person = world["north_seeker"]
    services.create_profile(person, spec={**SPEC, "municipality": "Lahti"})
    first, second = _client(person), _client(person)
    pages = [c.get("/me/work/").content.decode() for c in (first, second)]
    version = re.search(r'name="version" value="(\d+)"', pages[1]).group(1)
    form = {
        "hours_min": "10",
        "days": ["mon", "tue"],
        "municipality": "Lahti",
        "remote": "no",
        "version": version,
    }
    assert first.post("/me/work/", {**form, "hours_max": "20"}).status_code == 302
    stale = second.post("/me/work/", {**form, "hours_max": "35"})
    page = stale.content.decode()
    assert stale.status_code == 409 and "sen jälkeen, kun avasit" in page
    assert 'value="35"' in page  # what the person typed is kept
    assert SeekerProfile.objects.get().spec["hours_max"] == 20  # the first save stands
    fresh = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert second.post("/me/work/", {**form, "hours_max": "35", "version": fresh}).status_code == 302
    assert SeekerProfile.objects.get().spec["hours_max"] == 35


def test_two_employers_editing_one_job_ad_do_not_overwrite_each_other_silently(world):
    import re

    boss = world["north_employer"]
    case = hiring.create_case(boss, world["north_org"], "Lisäkädet")
    first, second = _client(boss), _client(boss)
    pages = [c.get(f"/hire/{case.pk}/ad/").content.decode() for c in (first, second)]
    version = re.search(r'name="version" value="(\d+)"', pages[1]).group(1)
    assert (
        first.post(f"/hire/{case.pk}/ad/", {"text": "Ensimmäinen ilmoitus.", "version": version}).status_code
        == 200
    )
    stale = second.post(f"/hire/{case.pk}/ad/", {"text": "Toinen ilmoitus.", "version": version})
    assert stale.status_code == 409 and "Toinen ilmoitus." in stale.content.decode()
    assert HiringCase.objects.get(pk=case.pk).ad_text == "Ensimmäinen ilmoitus."
