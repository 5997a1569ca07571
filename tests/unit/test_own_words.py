"""Skills in a person's own words: inflected verbs, derivations, negations, evidence for whole labels."""

from __future__ import annotations

import math

import pytest

from kohtaanto.skills.service import starter_extractor
from kohtaanto.skills.text import affirmed, content_lemmas
from tests.unit.test_skills import TrigramEncoder

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module", params=["voikko", "simplemma"])
def finnish(request, tmp_path_factory):
    """The Finnish extractor with Voikko (when installed) and with simplemma alone."""
    from kohtaanto.skills import text

    original = text._voikko
    if request.param == "voikko" and original() is None:
        pytest.skip("Debian libvoikko1 and voikko-fi are not installed")
    if request.param == "simplemma":
        text._voikko = lambda: None
    text.lemma.cache_clear()
    try:
        yield starter_extractor("fi", tmp_path_factory.mktemp(request.param), TrigramEncoder())
    finally:
        text._voikko = original
        text.lemma.cache_clear()


def _first(extractor, sentence):
    found = extractor.extract(sentence, k=3)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("sentence", "skill", "words"),
    [
        ("Olen tiskannut ravintolassa", "kitchen.wash_dishes", "tiskannut"),
        ("osaan kokata", "kitchen.cook_simple_meals", "kokata"),
        ("pesen astiat", "kitchen.wash_dishes", "pesen astiat"),
        ("olen siivonnut toimistoja", "cleaning.clean_offices", "siivonnut toimistoja"),
        ("täytin hyllyjä kaupassa", "retail.stock_shelves", "täytin hyllyjä"),
        ("hoidan lapset", "early_childhood_support.play_with_children", "hoidan lapset"),
    ],
)
def test_a_finnish_sentence_gives_the_skill_a_coach_would_tick(finnish, sentence, skill, words):
    first = _first(finnish, sentence)
    assert first is not None and first.uri == skill
    assert first.evidence is not None and first.evidence.text == words


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("en osaa ajaa autoa", "fi"),
        ("En ole koskaan ajanut trukkia.", "fi"),
        ("jag kan inte köra bil", "sv"),
        ("I can't drive a car", "en"),
        ("I have never driven a forklift", "en"),
    ],
)
def test_a_negated_sentence_suggests_nothing(tmp_path, sentence, language):
    extractor = starter_extractor(language, tmp_path, TrigramEncoder())
    assert extractor.extract(sentence) == []


def test_only_the_negated_clause_is_dropped(finnish):
    found = finnish.extract("Olen siivonnut toimistoja, mutta en osaa ajaa autoa.", k=5)
    assert found[0].uri == "cleaning.clean_offices"
    assert not any(f.evidence and "autoa" in f.evidence.text for f in found)


def test_affirmed_keeps_offsets():
    text = "Jag har städat, men jag kan inte köra bil."
    kept = affirmed(text, "sv")
    assert len(kept) == len(text)
    assert kept.startswith("Jag har städat,") and "köra" not in kept


def test_a_compound_label_is_not_cut_to_its_first_part(monkeypatch):
    """simplemma reads "siivouskärry" as "siivous"; with Voikko the compound stays whole."""
    from kohtaanto.core import voikko
    from kohtaanto.skills import text

    if voikko.finnish() is None:
        pytest.skip("Debian libvoikko1 and voikko-fi are not installed")
    monkeypatch.setattr(text, "_voikko", voikko.finnish)
    text.lemma.cache_clear()
    try:
        assert content_lemmas("siivouskärry toimistoapu", "fi") == ["siivouskärry", "toimistoapu"]
    finally:
        text.lemma.cache_clear()


def test_a_worker_can_tell_whether_the_starter_vectors_are_on_disk(tmp_path):
    from kohtaanto.skills.service import starter_cached

    assert not starter_cached("sv", tmp_path)
    starter_extractor("sv", tmp_path, TrigramEncoder())
    assert starter_cached("sv", tmp_path)
    assert not starter_cached("fi", tmp_path)
    (tmp_path / "starter-sv-descriptions.npz").unlink()  # the labels' vectors alone are not enough
    assert not starter_cached("sv", tmp_path)


def test_a_sentence_like_a_skill_description_finds_that_skill(tmp_path):
    """ "Vein paketteja asiakkaille" shares one word with the label "Pakettien jakaminen" and with several
    others, but says what its description says ("Vien paketit asiakkaille oikeaan osoitteeseen")."""
    extractor = starter_extractor("fi", tmp_path, TrigramEncoder())
    sentence = "vein paketteja asiakkaille"
    assert [s.uri for s in extractor.extract(sentence, k=1)] == ["logistics.deliver_parcels"]
    extractor.weights["description"] = 0.0
    assert "logistics.deliver_parcels" not in [s.uri for s in extractor.extract(sentence, k=1)]


def test_descriptions_reorder_the_skills_without_lifting_them_all(tmp_path):
    """The skills page pre-ticks the suggestions near the best one (a share of its score); descriptions
    must change which skill fits best, not raise every score alike, or every suggestion would be ticked."""
    extractor = starter_extractor("fi", tmp_path, TrigramEncoder())
    extractor.weights["min_score"] = -math.inf
    everything = len(extractor.concepts)

    def scores() -> dict[str, float]:
        return {s.uri: s.score for s in extractor.extract("vein paketteja asiakkaille", k=everything)}

    with_descriptions = scores()
    extractor.weights["description"] = 0.0
    names_alone = scores()
    shifts = [with_descriptions[uri] - names_alone[uri] for uri in names_alone]
    assert sum(shifts) / len(shifts) == pytest.approx(0.0, abs=1e-4)
    assert max(shifts) > 0.01  # and they do move


def test_a_single_word_or_a_shared_wording_is_no_evidence_of_an_unrelated_skill(tmp_path):
    """ESCO: "driving t.b.m." reads as "drive" once the letters go; "drive forklifts" is a label of
    both "operate forklift" and "drive agricultural machines"."""
    from kohtaanto.skills.extract import SkillExtractor

    entries = [
        ("tbm", "preferred", "drive tunnel boring machine"),
        ("tbm", "alternative", "driving t.b.m."),
        ("fork", "preferred", "operate forklift"),
        ("fork", "alternative", "drive forklift"),
        ("agri", "preferred", "drive agricultural machines"),
        ("agri", "alternative", "drive forklifts"),
    ]
    preferred = {uri: text for uri, role, text in entries if role == "preferred"}
    extractor = SkillExtractor(entries, preferred, "en", tmp_path / "x.npz", TrigramEncoder())
    found = {f.uri: f for f in extractor.extract("I drove a forklift in the warehouse", k=3)}
    assert found["fork"].evidence is not None and found["fork"].evidence.text == "drove a forklift"
    assert all(found[uri].evidence is None for uri in ("tbm", "agri") if uri in found)
    assert next(iter(found)) == "fork"


def test_clauses_are_cut_at_sentence_ends_commas_and_conjunctions():
    from kohtaanto.skills.text import clauses

    text = "Я працювала в готелі. Зустрічала гостей, але не готувала їжу."
    assert [text[a:b] for a, b in clauses(text)] == [
        "Я працювала в готелі",
        "Зустрічала гостей",
        "не готувала їжу",
    ]
    assert clauses(" . , ") == []


def test_words_in_a_journey_language_show_the_closest_clause_in_meaning(tmp_path):
    """Ukrainian has no lemmatiser or synonyms here: a skill found by meaning is shown with the clause that is
    closest to it, and said so; a clause the person negated is never shown."""
    extractor = starter_extractor("uk", tmp_path, TrigramEncoder())
    label = extractor.preferred["office_support.answer_office_phone"]  # the Ukrainian name of the skill
    text = f"Я жила в Києві. {label} щодня, не мила підлогу."
    found = {item.uri: item for item in extractor.extract(text, k=10)}
    item = found["office_support.answer_office_phone"]
    assert item.evidence is not None and item.evidence.how in ("words", "meaning")
    assert label in item.evidence.text
    assert all("підлогу" not in (i.evidence.text if i.evidence else "") for i in found.values())


def test_a_negated_clause_in_a_journey_language_is_no_evidence():
    from kohtaanto.skills.text import affirmed

    for text, language in (
        ("Я вмію прибирати, але не вмію готувати.", "uk"),
        ("Я умею убирать, но не умею готовить.", "ru"),
        ("أستطيع التنظيف، ولا أستطيع الطبخ", "ar"),
    ):
        kept = affirmed(text, language)
        assert len(kept) == len(text)
        assert not any(word in kept for word in ("готувати", "готовить", "الطبخ"))
        assert any(word in kept for word in ("прибирати", "убирать", "التنظيف"))
