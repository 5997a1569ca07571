"""Words that suggest a diagnosis are found in fi/sv/en, inflected too; ordinary work words are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaanto.plainlang.health import health_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hänellä on masennusta ja ADHD-diagnoosi.", ["masennusta", "ADHD", "diagnoosi"]),
        ("Sairauden vuoksi lyhyempi päivä", ["Sairauden"]),
        ("Han har diabetes och tar medicin.", ["diabetes", "medicin"]),
        ("Has an anxiety disorder", ["anxiety", "disorder"]),
        ("Ottaa lääkkeet aamulla", ["lääkkeet"]),
    ],
)
def test_health_words_are_found_as_written(text, expected):
    assert health_terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tarvitsee lyhyitä taukoja ja hiljaisen työpisteen.",
        "Kävi sairaalassa työkokeilussa siivoojana.",  # a place of work, not a health detail
        "Addressing the additional tasks: packing and labelling.",
        "Behöver korta pauser och en lugn plats.",
        "Needs a quiet place and a fixed schedule.",
    ],
)
def test_functional_needs_and_ordinary_words_pass(text):
    assert health_terms(text) == []


@given(st.text(max_size=2000))
def test_any_text_gives_a_short_list_of_words_from_the_text(text):
    found = health_terms(text)
    assert len(found) <= 5 and all(word in text for word in found)
