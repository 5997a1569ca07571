from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaanto.skills.suggest import SkillSuggester, SuggestEntry, starter_suggester, taxonomy_entries

pytestmark = pytest.mark.unit

ESCO = taxonomy_entries(
    [
        ("esco:cash", "preferred", "operate cash register"),
        ("esco:cash", "alternative", "use a till"),
        ("esco:fork", "preferred", "operate forklift"),
        ("esco:cust", "preferred", "customer service"),
        ("esco:rep", "preferred", "represent the company"),
    ]
)


def names(found):
    return [s.name for s in found]


def test_starts_with_beats_word_start_beats_inside_a_word():
    suggester = SkillSuggester(
        [
            SuggestEntry("a", "itsepalvelukassan opastus", "itsepalvelukassan opastus", "starter"),
            SuggestEntry("b", "työ kassalla", "työ kassalla", "starter"),
            SuggestEntry("c", "kassatyö", "kassatyö", "starter"),
        ]
    )
    found = suggester.suggest("kass")
    assert names(found) == ["kassatyö", "työ kassalla", "itsepalvelukassan opastus"]
    assert [s.score for s in found] == [1.0, 0.9, 0.75]


def test_synonyms_find_the_concept_once_under_its_name():
    found = SkillSuggester(ESCO).suggest("till")
    expected = [("esco:cash", "operate cash register", "use a till")]
    assert [(s.id, s.name, s.matched) for s in found] == expected


def test_every_typed_word_must_match_and_typos_are_forgiven():
    suggester = SkillSuggester(ESCO)
    assert names(suggester.suggest("cash reg")) == ["operate cash register"]
    assert names(suggester.suggest("operate fork")) == ["operate forklift"]
    typo = suggester.suggest("custmer serv")
    assert names(typo)[0] == "customer service" and typo[0].score < 0.9
    assert suggester.suggest("zzzz") == []
    assert suggester.suggest("c") == []  # one letter is not yet a question


def test_the_starter_vocabulary_answers_in_each_language():
    assert "Hyllyjen täyttäminen" in names(starter_suggester("fi").suggest("hyllyj"))
    assert "Påfyllning av hyllor" in names(starter_suggester("sv").suggest("påfyll"))
    assert "Stocking shelves" in names(starter_suggester("en").suggest("stocking"))


@given(st.text(max_size=40), st.integers(min_value=1, max_value=20))
def test_any_input_gives_at_most_k_scored_suggestions(text, k):
    found = SkillSuggester(ESCO).suggest(text, k=k)
    assert len(found) <= k
    assert all(0 < s.score <= 1 for s in found)
    assert len({s.id for s in found}) == len(found)
