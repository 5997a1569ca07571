"""The starter skill vocabulary and the functional-demand vocabulary: schema, coverage, languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kohtaanto.taxonomy.vocabulary import DATA, VocabularyError, load_demands, load_starter

pytestmark = pytest.mark.unit

DIAGNOSES = re.compile(
    r"\b(diagnoo?s|diagnos|diagnosis|masennus|depressio|depression|skitsofren|schizophren|autis|adhd|epilep|"
    r"diabet|syöpä|cancer|cancer|dementia|alzheimer|ms-tauti|multiple sclerosis|bipolar|kaksisuuntai)",
    re.IGNORECASE,
)


def texts(node) -> list[str]:
    if isinstance(node, dict):
        return [t for value in node.values() for t in texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in texts(value)]
    return [node] if isinstance(node, str) else []


def test_starter_vocabulary_covers_entry_level_work_in_three_languages():
    vocabulary = load_starter()
    assert len(vocabulary.skills) >= 250
    domains = {skill.domain for skill in vocabulary.skills}
    for needed in (
        "warehouse",
        "cleaning",
        "kitchen",
        "care_support",
        "retail",
        "office_support",
        "it_support",
        "property_maintenance",
        "logistics",
        "construction_support",
        "customer_service",
    ):
        assert needed in domains
    for skill in vocabulary.skills:
        assert skill.labels.fi != skill.labels.en or skill.labels.fi.isupper(), skill.id
        assert skill.esco_hint, skill.id
        assert skill.uri == f"urn:kohtaanto:skill:{skill.id}"


def test_demand_vocabulary_has_anchored_levels_and_measures():
    vocabulary = load_demands()
    assert 38 <= len(vocabulary.attributes) <= 44
    assert {a.group for a in vocabulary.attributes} == {
        "physical",
        "sensory_communication",
        "cognitive",
        "work_style",
        "social",
        "task_structure",
        "environment",
        "organisation",
    }
    assert [e.id for e in vocabulary.exposure] == ["never", "rarely", "sometimes", "often", "mostly"]
    for attribute in vocabulary.attributes:
        level_texts = [attribute.levels[i].fi for i in range(6)]
        assert len(set(level_texts)) == 6, attribute.id
    language = next(a for a in vocabulary.attributes if "language" in a.id)
    assert "A1" in language.levels[1].en and "B1" in language.levels[3].en
    supports = {m.support for a in vocabulary.attributes for m in a.measures}
    assert {"work_arrangement_tools", "work_arrangement_help"} <= supports


@pytest.mark.parametrize("name", ["starter_skills.yaml", "functional_demands.yaml"])
def test_no_diagnoses_anywhere(name: str):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    found = [t for t in texts(data) if DIAGNOSES.search(t)]
    assert found == []


def test_the_validator_refuses_broken_data(tmp_path: Path):
    original = yaml.safe_load((DATA / "functional_demands.yaml").read_text(encoding="utf-8"))
    del original["attributes"][0]["levels"][5]
    broken = tmp_path / "demands.yaml"
    broken.write_text(yaml.safe_dump(original, allow_unicode=True), encoding="utf-8")
    with pytest.raises(VocabularyError, match="levels must be exactly 0-5"):
        load_demands(broken)
    starter = yaml.safe_load((DATA / "starter_skills.yaml").read_text(encoding="utf-8"))
    starter["skills"].append(dict(starter["skills"][0]))
    duplicate = tmp_path / "starter.yaml"
    duplicate.write_text(yaml.safe_dump(starter, allow_unicode=True), encoding="utf-8")
    with pytest.raises(VocabularyError, match="duplicate skill id"):
        load_starter(duplicate)


def test_the_vocabulary_owns_the_task_questions_and_group_titles(tmp_path: Path):
    vocabulary = load_demands()
    lifting = vocabulary.task_question("lifting")
    assert (lifting.attribute, lifting.level) == ("physical.lifting_carrying", 4)
    assert lifting.text.get("sv").startswith("Hur ofta lyfter")
    assert vocabulary.group_title("physical", "fi") == "Liikkuminen ja nostaminen"
    attributes = {a.id for a in vocabulary.attributes}
    assert all(q.attribute in attributes for q in vocabulary.task_questions)
    original = yaml.safe_load((DATA / "functional_demands.yaml").read_text(encoding="utf-8"))
    original["task_questions"][0]["attribute"] = "physical.flying"
    broken = tmp_path / "demands.yaml"
    broken.write_text(yaml.safe_dump(original, allow_unicode=True), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"unknown attribute 'physical\.flying'"):
        load_demands(broken)
    original = yaml.safe_load((DATA / "functional_demands.yaml").read_text(encoding="utf-8"))
    del original["groups"][0]
    broken.write_text(yaml.safe_dump(original, allow_unicode=True), encoding="utf-8")
    with pytest.raises(VocabularyError, match="groups must list each attribute group once"):
        load_demands(broken)
