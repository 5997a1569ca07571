"""The consent ledger: every consent versioned, timestamped, per purpose and recipient; the ledger and
the state the app reads never disagree; withdrawal works at once, in the matching pool too; choices made
before the ledger existed are carried over by the migration."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from kohtaanto.web.matching import consent, services
from kohtaanto.web.matching import pool as live
from kohtaanto.web.matching.models import (
    ConsentPurpose,
    ConsentRecord,
    GroupDatum,
    GroupDimension,
    IdentityReveal,
)
from tests.db.test_matching_api import BAKER, JOB
from tests.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.db
_names = itertools.count()

FLAGS = st.tuples(st.just("flag"), st.sampled_from(sorted(services.FLAG_PURPOSES)), st.booleans())
REVEALS = st.tuples(
    st.just("reveal"),
    st.integers(0, 1),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.lists(st.sampled_from(services.SHARE_ITEMS), unique=True)),
)
WITHDRAWALS = st.tuples(st.just("withdraw"), st.integers(0, 1))
GROUPS = st.tuples(
    st.just("group"), st.sampled_from(GroupDimension.values), st.one_of(st.none(), st.just("x"))
)
OPERATIONS = st.lists(st.one_of(FLAGS, REVEALS, WITHDRAWALS, GROUPS), max_size=12)


@given(operations=OPERATIONS)
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_the_ledger_and_the_state_the_app_reads_never_disagree(world, operations):
    person = make_user("job_seeker", employment_area=world["north"], username=f"ledger{next(_names)}")
    profile = services.create_profile(person, spec=BAKER)
    orgs = [world["north_org"], world["south_org"]]
    for op in operations:
        if op[0] == "flag":
            services.update_profile(person, profile, **{op[1]: op[2]})
        elif op[0] == "reveal":
            services.reveal_identity(person, profile, orgs[op[1]], share_accommodations=op[2], items=op[3])
        elif op[0] == "withdraw":
            services.reveal_identity(person, profile, orgs[op[1]], reveal=False)
        else:
            services.set_group(person, profile, op[1], op[2])
    profile.refresh_from_db()
    for flag, purpose in services.FLAG_PURPOSES.items():
        assert consent.granted(profile, purpose) == getattr(profile, flag), flag
    for org in orgs:
        reveal = IdentityReveal.objects.filter(profile=profile, organisation=org).first()
        assert consent.granted(profile, ConsentPurpose.IDENTITY, org) == (reveal is not None)
        assert consent.granted(profile, ConsentPurpose.ADJUSTMENTS_TO_EMPLOYER, org) == bool(
            reveal and reveal.share_accommodations
        )
        assert consent.granted(profile, ConsentPurpose.ITEMS_TO_EMPLOYER, org) == bool(
            reveal and reveal.items
        )
        if reveal and reveal.items:
            last = ConsentRecord.objects.filter(
                profile=profile, purpose=ConsentPurpose.ITEMS_TO_EMPLOYER, organisation=org
            ).first()
            assert last.scope == reveal.items
    given_groups = {
        d for (p, _, d), row in consent.in_force(profile).items() if p == "group_data" and row.granted
    }
    assert given_groups == set(GroupDatum.objects.filter(profile=profile).values_list("dimension", flat=True))
    for row in ConsentRecord.objects.filter(profile=profile):
        text = consent.text_for(row.purpose, timezone.localdate(row.at))
        assert (row.text_version, row.text_digest) == (text.version, text.digest)
        assert row.given_by_id == person.pk


def test_each_row_names_its_purpose_recipient_time_and_the_words_agreed_to(world):
    person = world["north_seeker"]
    profile = services.create_profile(person, spec=BAKER, share_with_coach=True)
    services.reveal_identity(person, profile, world["north_org"], share_accommodations=True)
    rows = list(ConsentRecord.objects.filter(profile=profile).order_by("pk"))
    assert [(r.purpose, r.recipient, r.granted) for r in rows] == [
        ("coach_reads", "coach", True),
        ("identity", world["north_org"].name, True),
        ("adjustments_to_employer", world["north_org"].name, True),
    ]
    assert all(r.at is not None and len(r.text_digest) == 64 and r.text_version == "1" for r in rows)
    # the digests differ because the texts differ
    assert len({r.text_digest for r in rows}) == 3


def test_a_new_wording_gets_a_new_version_and_the_old_one_stays(monkeypatch):
    old = consent.TEXTS[ConsentPurpose.COACH_READS][0]
    new = consent.ConsentText("2", dt.date(2027, 3, 1), "A reworded consent.")
    monkeypatch.setitem(consent.TEXTS, ConsentPurpose.COACH_READS, (old, new))
    assert consent.text_for(ConsentPurpose.COACH_READS, dt.date(2027, 2, 28)) == old
    assert consent.text_for(ConsentPurpose.COACH_READS, dt.date(2027, 3, 1)) == new
    assert old.digest != new.digest


def test_withdrawing_takes_effect_at_once_in_the_matching_pool(world):
    live.reset()
    person = world["north_seeker"]
    profile = services.create_profile(person, spec=BAKER, open_to_employers=True)
    employer = APIClient()
    employer.force_authenticate(world["north_employer"])
    job = employer.post("/api/v1/jobs/", {"title": "Leipomoapulainen", "spec": JOB}, format="json").json()
    found = employer.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"]
    assert [r["person"] for r in found] == [profile.pseudonym]
    services.update_profile(person, profile, open_to_employers=False)
    assert employer.post(f"/api/v1/jobs/{job['id']}/matches/").json()["results"] == []
    assert not consent.granted(profile, ConsentPurpose.SHOWN_TO_EMPLOYERS)
    live.reset()


def test_the_person_sees_their_ledger_in_their_export(world):
    person = world["north_seeker"]
    profile = services.create_profile(person, spec=BAKER, open_to_employers=True)
    services.update_profile(person, profile, open_to_employers=False)
    client = APIClient()
    client.force_login(person)
    exported = json.loads(client.get("/me/data/export.json").content)
    assert [(c["purpose"], c["granted"]) for c in exported["consents"]] == [
        ("shown_to_employers", True),
        ("shown_to_employers", False),
    ]
    assert all(c["text_version"] == "1" and len(c["text_sha256"]) == 64 for c in exported["consents"])


@pytest.mark.django_db(transaction=True)
def test_choices_made_before_the_ledger_are_carried_over(world):
    executor = MigrationExecutor(connection)
    before, after = (
        [("matching", "0006_seekerprofile_share_with_coach")],
        [("matching", "0007_consent_ledger")],
    )
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    profiles = old.get_model("matching", "SeekerProfile")
    reveals = old.get_model("matching", "IdentityReveal")
    groups = old.get_model("matching", "GroupDatum")
    org = OrganisationFactory(municipality=world["north_municipality"])
    profile = profiles.objects.create(
        pseudonym="K-OLDDATA1",
        person_id=world["north_seeker"].pk,
        area_id=world["north"].pk,
        spec=BAKER,
        digest="x",
        open_to_employers=True,
        share_with_coach=True,
    )
    reveals.objects.create(
        profile=profile, organisation_id=org.pk, share_accommodations=True, items=["history"]
    )
    groups.objects.create(profile=profile, dimension="age_band", value="55-64", consented_at=timezone.now())
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
    rows = {
        (r.purpose, r.organisation_id, tuple(r.scope))
        for r in ConsentRecord.objects.filter(profile_id=profile.pk)
    }
    assert rows == {
        ("shown_to_employers", None, ()),
        ("coach_reads", None, ()),
        ("identity", org.pk, ()),
        ("adjustments_to_employer", org.pk, ()),
        ("items_to_employer", org.pk, ("history",)),
        ("group_data", None, ("age_band",)),
    }
    assert set(ConsentRecord.objects.values_list("text_version", flat=True)) == {"0"}
