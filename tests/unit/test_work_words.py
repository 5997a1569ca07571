"""The language kit's core words: complete, chosen by the job's tasks, glossed in six languages."""

import pytest

from kohtaanto.plainlang.work_words import GLOSS_LANGUAGES, NAMES, is_rtl, words_for, work_words
from kohtaanto.taxonomy.vocabulary import demands, starter

pytestmark = pytest.mark.unit


def test_every_word_has_plain_finnish_and_swedish_and_a_gloss_in_each_language() -> None:
    words = work_words().words
    assert len(words) >= 40
    for word in words:
        for text in (word.fi, word.sv):
            assert text.word and text.explain.endswith(".") and len(text.explain) <= 120, word.id
        assert all(word.gloss[code].strip() for code in GLOSS_LANGUAGES), word.id
        # the Arabic gloss is written in Arabic script, the Russian and Ukrainian ones in Cyrillic
        assert any("\u0600" <= ch <= "\u06ff" for ch in word.gloss["ar"]), word.id
        assert any("\u0400" <= ch <= "\u04ff" for ch in word.gloss["ru"] + word.gloss["uk"]), word.id
    assert set(NAMES) == set(GLOSS_LANGUAGES) and is_rtl("ar") and not is_rtl("uk")


def test_the_words_point_at_real_attributes_and_skill_domains() -> None:
    attributes = {a.id for a in demands().attributes}
    domains = {s.id.split(".", 1)[0] for s in starter().skills}
    for word in work_words().words:
        assert set(word.attributes) <= attributes, word.id
        assert set(word.skills) <= domains, word.id


def test_a_job_gets_its_domains_words_first_then_its_demands_then_the_general_words() -> None:
    chosen = [w.id for w in words_for(attributes={"environment.noise"}, skills={"kitchen.wash_dishes"})]
    assert chosen.index("dishwasher") < chosen.index("noise") < chosen.index("shift")
    assert "ear_protectors" in chosen and "lawn_mower" not in chosen
    assert len(chosen) == len(set(chosen))
    plain = [w.id for w in words_for(attributes=(), skills=())]
    assert plain == [w.id for w in work_words().words if w.always]
    assert len(words_for(attributes={"environment.noise"}, skills={"kitchen.x"}, limit=5)) == 5
