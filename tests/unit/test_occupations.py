"""Role titles matched to occupations, and the tasks suggested for them (with and without ESCO)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kohtaanto.taxonomy import linking
from kohtaanto.taxonomy.occupations import (
    OccupationList,
    StarterOccupation,
    esco_tasks,
    guess,
    linked_starter_skills,
    load_occupations,
    occupations,
    task_suggestions,
)
from kohtaanto.taxonomy.store import TaxonomyStore, import_esco
from kohtaanto.taxonomy.vocabulary import VocabularyError, starter

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)  # the import time the store records

pytestmark = pytest.mark.unit
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"


def _occupation(**changes):
    base = {
        "id": "office_cleaner",
        "esco": "office cleaner",
        "labels": {"fi": "Toimistosiivooja", "sv": "Kontorsstädare", "en": "Office cleaner"},
        "tasks": ["cleaning.vacuum"],
    }
    return StarterOccupation.model_validate({**base, **changes})


def test_the_shipped_list_names_only_known_tasks_in_three_languages():
    known = {s.id for s in starter().skills}
    listed = occupations().occupations
    assert len(listed) >= 20
    for occupation in listed:
        assert set(occupation.tasks) <= known
        assert all(occupation.labels.get(lang) for lang in ("fi", "sv", "en"))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Varastotyöntekijä", "warehouse_worker"),
        ("lagerbiträde", "warehouse_worker"),
        ("Warehouse worker", "warehouse_worker"),
        ("Leipuri", "baker"),
        ("Keittiöapulainen", "kitchen_assistant"),
        ("Kerroshoitaja", "hotel_cleaner"),
    ],
)
def test_a_role_title_in_any_language_names_its_occupation(title, expected):
    [best, *_] = guess(title)
    assert best.occupation.id == expected and best.score == 1.0


def test_a_compound_title_matches_by_its_parts_with_a_lower_score():
    [best, *_] = guess("Kylmävarastomies")  # not a listed title: found by its head
    assert best.occupation.id == "warehouse_worker" and 0 < best.score < 1


def test_an_unknown_title_gives_no_occupation():
    assert guess("Kvanttifyysikko") == []
    assert guess("") == []


def test_suggestions_skip_the_tasks_the_role_has_and_keep_the_order():
    occupation = _occupation(tasks=["cleaning.vacuum", "cleaning.mop_floors", "cleaning.empty_bins"])
    assert task_suggestions(occupation, have={"cleaning.mop_floors"}) == [
        "cleaning.vacuum",
        "cleaning.empty_bins",
    ]
    assert task_suggestions(occupation, extra=["cleaning.wash_windows", "cleaning.vacuum"], limit=4) == [
        "cleaning.vacuum",
        "cleaning.mop_floors",
        "cleaning.empty_bins",
        "cleaning.wash_windows",
    ]


def test_the_list_refuses_unknown_tasks_and_duplicate_ids(tmp_path):
    with pytest.raises(ValueError, match="unknown starter skill"):
        OccupationList.model_validate(
            {"version": 1, "occupations": [_occupation(tasks=["cleaning.juggle"]).model_dump()]}
        )
    same = _occupation().model_dump()
    with pytest.raises(ValueError, match="duplicate occupation id"):
        OccupationList.model_validate({"version": 1, "occupations": [same, same]})
    broken = tmp_path / "occupations.yaml"
    broken.write_text("version: 1\noccupations:\n  - id: X\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"occupations\.0"):
        load_occupations(broken)


def test_linked_starter_skills_follow_each_starter_skills_best_link():
    links = {
        "cleaning.mop_floors": [("esco:floors", 0.9), ("esco:hygiene", 0.5)],
        "cleaning.vacuum": [("esco:vacuum", 0.8)],
    }
    assert linked_starter_skills(["esco:hygiene", "esco:vacuum", "esco:floors"], links) == [
        "cleaning.vacuum",
        "cleaning.mop_floors",
    ]


def test_an_imported_esco_occupation_adds_its_linked_skills(tmp_path):
    report = import_esco([FIXTURE], tmp_path, "0.9.0", at=NOW)
    linking.save(
        report.path,
        [
            linking.LinkSuggestion(
                "cleaning.mop_floors", 1, "http://data.europa.eu/esco/skill/test-clean-floors", 0.9, "x"
            ),
            linking.LinkSuggestion(
                "cleaning.use_cleaning_products", 1, "http://data.europa.eu/esco/skill/test-hygiene", 0.7, "y"
            ),
        ],
    )
    store = TaxonomyStore(report.path)
    try:
        links = linking.load(report.path)
        assert esco_tasks(_occupation(), store, links) == [
            "cleaning.mop_floors",  # essential first
            "cleaning.use_cleaning_products",  # then optional
        ]
        assert esco_tasks(_occupation(esco="astronaut"), store, links) == []
    finally:
        store.close()


def test_common_job_ad_titles_find_their_starter_occupation():
    """occupation_titles.yaml names of the same ESCO occupation count as the starter occupation's names."""
    assert guess("toimitilahuoltaja")[0].occupation.id == "cleaner"
    assert guess("Städerska")[0].occupation.id == "cleaner"
    assert guess("kylmävarastotyöntekijä")[0].score == 1.0
