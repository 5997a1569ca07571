"""Migrating from the previous release's schema with its data (on SQLite, and on PostgreSQL in CI): the
demo data is taken back to the previous release's migrations, then forward to this release. Every row of
every table that existed then is still there, choices made then are carried into the consent ledger, and
the audit chain verifies. (Migrating an empty database is what every test run starts with.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kohtaanto.web.audit.services import verify
from kohtaanto.web.project import demo
from kohtaanto.web.project.backup import counts

pytestmark = pytest.mark.db
PREVIOUS = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "previous_release.json").read_text()
)


def _targets() -> list[tuple[str, str | None]]:
    return [*PREVIOUS["migrations"].items(), *((app, None) for app in PREVIOUS["new_apps"])]


@pytest.mark.django_db(transaction=True)
def test_the_previous_release_with_data_migrates_to_this_one():
    demo.load()
    before = counts()
    new_tables = {"matching_consentrecord"} | {
        t for t in before if t.split("_")[0] in ("retention", "jobs", "django")
    }
    executor = MigrationExecutor(connection)
    executor.migrate(_targets())
    old_tables = set(connection.introspection.table_names())
    assert "matching_consentrecord" not in old_tables and "retention_retentionrule" not in old_tables
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    after = counts()
    kept = {t: n for t, n in before.items() if t in old_tables and t not in new_tables}
    assert kept, "no tables compared"
    assert {t: after[t] for t in kept} == kept
    from kohtaanto.web.matching.models import ConsentRecord, SeekerProfile

    shown = SeekerProfile.objects.filter(open_to_employers=True).count()
    carried = ConsentRecord.objects.filter(purpose="shown_to_employers", text_version="0").count()
    assert shown > 0 and carried == shown
    assert verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_study_plan_kept_under_the_old_benefit_name_is_renamed():
    executor = MigrationExecutor(connection)
    executor.migrate([("matching", "0008_study_plan")])
    old = executor.loader.project_state([("matching", "0008_study_plan")]).apps
    area = old.get_model("accounts", "EmploymentArea").objects.create(name_fi="Opiskelualue")
    plan = {"situation": {"age": 30, "benefit": "labour_market_subsidy"}, "on": "2025-09-01"}
    other = {"situation": {"age": 40, "benefit": "basic"}, "on": "2025-09-01"}
    profiles = old.get_model("matching", "SeekerProfile").objects
    renamed = profiles.create(pseudonym="OPISK-1", area=area, spec={}, study_plan=plan)
    kept = profiles.create(pseudonym="OPISK-2", area=area, spec={}, study_plan=other)
    empty = profiles.create(pseudonym="OPISK-3", area=area, spec={})
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    from kohtaanto.web.matching.models import SeekerProfile

    benefit = SeekerProfile.objects.get(pk=renamed.pk).study_plan["situation"]["benefit"]
    assert benefit == "labour_market_support"
    assert SeekerProfile.objects.get(pk=kept.pk).study_plan == other
    assert SeekerProfile.objects.get(pk=empty.pk).study_plan == {}
    executor = MigrationExecutor(connection)
    executor.migrate([("matching", "0008_study_plan")])  # and back: the old name again
    old = executor.loader.project_state([("matching", "0008_study_plan")]).apps
    back = old.get_model("matching", "SeekerProfile").objects.get(pk=renamed.pk)
    assert back.study_plan["situation"]["benefit"] == "labour_market_subsidy"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_an_employers_own_words_move_to_the_language_they_were_written_in_and_back():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = [node for node in leaves if node[0] != "hiring"] + [("hiring", "0007_hiringcase_version")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    area = old.get_model("accounts", "EmploymentArea").objects.create(name_fi="Kielialue", kind="")
    place = old.get_model("accounts", "Municipality").objects.create(code="999", name_fi="Kieli", area=area)
    org = old.get_model("accounts", "Organisation").objects.create(
        name="Bageri Ab", business_id="9800009-2", legal_form="company", size_class="micro", sector="C",
        municipality=place,
    )  # fmt: skip
    users = old.get_model("accounts", "User").objects

    def inventory(title, task):
        return {"workplace": {"roles": [{"id": "r", "title": title, "tasks": [{"id": "t", "name": task}]}]}}

    cases = old.get_model("hiring", "HiringCase").objects
    swedish = cases.create(
        organisation=org, title="Mer händer", created_by=users.create(username="sv-boss", language="sv"),
        inventory=inventory({"fi": "Bagare"}, {"fi": "Packa bröd"}),
    )  # fmt: skip
    finnish = cases.create(
        organisation=org, title="Lisää käsiä", created_by=users.create(username="fi-boss", language="fi"),
        inventory=inventory({"fi": "Leipuri"}, {"fi": "Leivän pakkaus"}),
    )  # fmt: skip
    translated = cases.create(
        organisation=org, title="Två språk", created_by=users.get(username="sv-boss"),
        inventory=inventory({"fi": "Leipuri", "sv": "Bagare"}, {"fi": "Pakkaus"}),
    )  # fmt: skip
    nobody = cases.create(organisation=org, title="Ei tekijää", inventory=inventory({"fi": "X"}, {"fi": "Y"}))
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    from kohtaanto.web.hiring.models import HiringCase

    def texts(case):
        role = HiringCase.objects.get(pk=case.pk).inventory["workplace"]["roles"][0]
        return role["title"], role["tasks"][0]["name"]

    assert texts(swedish) == ({"sv": "Bagare"}, {"sv": "Packa bröd"})
    assert texts(finnish) == ({"fi": "Leipuri"}, {"fi": "Leivän pakkaus"})
    assert texts(translated) == ({"fi": "Leipuri", "sv": "Bagare"}, {"sv": "Pakkaus"})  # one language only
    assert texts(nobody) == ({"fi": "X"}, {"fi": "Y"})
    executor = MigrationExecutor(connection)
    executor.migrate(before)  # and back: every single-language text under fi again
    back = executor.loader.project_state(before).apps.get_model("hiring", "HiringCase").objects
    role = back.get(pk=swedish.pk).inventory["workplace"]["roles"][0]
    assert (role["title"], role["tasks"][0]["name"]) == ({"fi": "Bagare"}, {"fi": "Packa bröd"})
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _missing_migrations(state) -> dict[str, list]:
    """What ``makemigrations`` would write for the models in ``state`` against the migration files."""
    from django.db.migrations.autodetector import MigrationAutodetector
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
    from django.utils import translation

    loader = MigrationLoader(None, ignore_no_migrations=True)
    detector = MigrationAutodetector(loader.project_state(), state, NonInteractiveMigrationQuestioner())
    with translation.override(None):  # as management commands run: verbose names untranslated
        return detector.changes(graph=loader.graph)


def test_every_model_change_has_a_migration():
    """As ``makemigrations --check``: the models and the migration files describe the same tables."""
    from django.apps import apps
    from django.db.migrations.state import ProjectState

    assert _missing_migrations(ProjectState.from_apps(apps)) == {}


def test_a_model_change_without_a_migration_is_found():
    from django.apps import apps
    from django.db import models
    from django.db.migrations.state import ProjectState

    planted = ProjectState.from_apps(apps)
    planted.models["hiring", "hiringcase"].fields["planted"] = models.IntegerField(default=0)
    assert set(_missing_migrations(planted)) == {"hiring"}
