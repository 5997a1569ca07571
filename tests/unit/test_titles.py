"""Finnish and Swedish job titles → ESCO occupations: local titles, cross-lingual labels, held-out
evaluation, the unit-group vote and the encoder-free path for titles that are labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from kohtaanto.skills.evaluation import TitleQuery, held_out_texts, score_groups, title_queries
from kohtaanto.skills.normalise import LabelRanker, clean_title
from kohtaanto.skills.service import SkillsService
from kohtaanto.taxonomy.occupations import CommonTitles, common_titles
from kohtaanto.taxonomy.store import TaxonomyStore, import_esco
from kohtaanto.taxonomy.vocabulary import VocabularyError, load_model
from tests.unit.test_skills import FIXTURE, OCC, TrigramEncoder

pytestmark = pytest.mark.unit

NOW = dt.datetime(2026, 12, 7, 8, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> TaxonomyStore:
    folder = tmp_path_factory.mktemp("tax")
    return TaxonomyStore(import_esco([FIXTURE], folder, "0.9.0", at=NOW).path)


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Lähihoitaja (sijaisuus)", "Lähihoitaja"),
        ("Siivooja, osa-aikainen", "Siivooja"),
        ("Varastotyöntekijä 2-vuorotyöhön", "Varastotyöntekijä"),
        ("Myyjä (kesätyö)", "Myyjä"),
        ("Närvårdare (vikariat)", "Närvårdare"),
        ("Städare, deltid", "Städare"),
        ("KOKKI (m/n)", "Kokki"),
        ("Kylmävarastotyöntekijä", "Kylmävarastotyöntekijä"),
    ],
)
def test_ad_words_in_finnish_and_swedish_are_cleaned_from_titles(title, cleaned):
    assert clean_title(title) == cleaned


def test_a_finnish_title_finds_its_occupation_with_the_finnish_label(store):
    ranker = SkillsService(store, "fi", TrigramEncoder()).titles
    first = ranker.rank_title("Trukinkuljettaja (sijaisuus)", k=3)[0]
    assert first.uri == OCC + "forklift-driver"
    assert first.label == "trukinkuljettaja"


def test_a_swedish_title_is_found_through_the_common_titles_list(store):
    """The fixture has no Swedish labels; 'truckförare' comes from occupation_titles.yaml."""
    ranker = SkillsService(store, "sv", TrigramEncoder()).titles
    first = ranker.rank_title("Truckförare (vikariat)", k=3)[0]
    assert first.uri == OCC + "forklift-driver"
    assert first.label == "truckförare"


def test_a_title_that_is_a_label_is_ranked_without_the_encoder(store):
    encoder = TrigramEncoder()
    ranker = SkillsService(store, "fi", encoder).titles
    before = encoder.calls
    assert ranker.rank_title("trukinkuljettaja", k=1)[0].uri == OCC + "forklift-driver"
    assert encoder.calls == before
    ranker.rank_title("trukkien kuljettaja yövuoroon", k=1)
    assert encoder.calls == before + 1
    ranker.rank_title("trukkien kuljettaja yövuoroon", k=1)  # the second time from the cache
    assert encoder.calls == before + 1


def test_held_out_labels_are_hidden_from_the_index(store):
    encoder = TrigramEncoder()
    service = SkillsService(store, "fi", encoder)
    ranker = service.title_ranker(exclude={"trukkikuski"})
    before = encoder.calls
    ranked = ranker.rank_title("trukkikuski", k=3)
    assert encoder.calls == before + 1  # not a label any more: encoded
    assert all(r.label.casefold() != "trukkikuski" for r in ranked)


def test_the_ten_best_vote_for_the_first_results_unit_group(tmp_path):
    entries = [(f"u{i}", "preferred", f"label {i}") for i in range(5)]
    groups = {"u0": "1111", "u1": "2222", "u2": "2222", "u3": "2222", "u4": "3333"}
    ranker = LabelRanker(entries, "en", tmp_path / "v.npz", TrigramEncoder(), symmetric=True, groups=groups)
    best = np.array([0.90, 0.895, 0.894, 0.893, 0.5], dtype=np.float32)
    top = ranker._top(best, 3, None, vote=True)
    assert [r.uri for r in top] == ["u1", "u0", "u2"]
    clear = np.array([0.95, 0.80, 0.79, 0.78, 0.5], dtype=np.float32)  # a clear leader keeps its place
    assert ranker._top(clear, 1, None, vote=True)[0].uri == "u0"


def test_own_language_labels_count_a_little_less_only_beside_other_languages(tmp_path):
    """A Swedish title meets a Swedish lookalike ("bärplockare" for "brevbärare") by its letters as much as by
    its meaning; beside Finnish and English labels, an own-language cosine counts at WEIGHTS["own"]."""
    from kohtaanto.skills.normalise import WEIGHTS, CrossLabels

    own = [("picker", "preferred", "bärplockare")]
    other = [("postman", "preferred", "postman")]
    alone = LabelRanker(own, "sv", tmp_path / "sv.npz", TrigramEncoder(), symmetric=True)
    beside = LabelRanker(
        own,
        "sv",
        tmp_path / "sv.npz",
        TrigramEncoder(),
        symmetric=True,
        cross=(CrossLabels(other, tmp_path / "en.npz"),),
    )
    dense = np.array([0.9], dtype=np.float32)
    assert alone.entry_scores("brevbärare", use=("dense",), dense=dense)[0] == pytest.approx(0.9)
    scaled = beside.entry_scores("brevbärare", use=("dense",), dense=dense)[0]
    assert scaled == pytest.approx(0.9 * WEIGHTS["own"]) and WEIGHTS["own"] < 1.0


def test_development_titles_are_held_out_by_a_stable_hash(tmp_path):
    labels = [("a", "preferred", "siivooja")] + [("a", "alternative", f"siivoja {i}") for i in range(40)]
    labels.append(("b", "alternative", "siivooja"))  # the same text as a kept label of another concept
    written = tmp_path / "dev.csv"
    written.write_text("title,isco\nSiistijä (sijaisuus),9112\n", encoding="utf-8")
    queries = title_queries("fi", labels, {"a": "9112", "b": "9111"}, [("Varastomies", "a")], written)
    esco = [q for q in queries if q.source == "esco"]
    assert 0 < len(esco) < 40  # about a quarter
    again = title_queries("fi", labels, {"a": "9112", "b": "9111"}, [], written)
    assert esco == [q for q in again if q.source == "esco"]
    assert TitleQuery("Varastomies", "9112", "starter") in queries
    assert TitleQuery("Siistijä (sijaisuus)", "9112", "written") in queries
    hidden = held_out_texts(queries, clean_title)
    assert {"siistijä (sijaisuus)", "siistijä", "varastomies"} <= hidden


def test_group_scores_count_the_first_results_unit_group():
    queries = [TitleQuery("x", "1111", "written"), TitleQuery("y", "2222", "written")]
    rows = score_groups("m", queries, lambda t: ["a"] if t == "x" else ["a", "b"], {"a": "1111", "b": "2222"})
    everything = next(r for r in rows if r.source == "all")
    assert everything.queries == 2 and everything.top1 == 0.5


def test_common_titles_name_one_occupation_each(tmp_path):
    titles = common_titles()
    assert len(titles.titles) > 100
    assert any("siivooja" in t.fi and "städare" in t.sv for t in titles.titles)
    clash = tmp_path / "titles.yaml"
    clash.write_text(
        "version: 1\ntitles:\n  - {esco: cook, fi: [kokki]}\n  - {esco: chef, fi: [Kokki]}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="names both"):
        load_model(clash, CommonTitles)


def test_store_gives_unit_groups(store):
    groups = store.groups("occupation")
    assert groups[OCC + "forklift-driver"] == "8344"


def test_the_eval_command_reports_finnish_and_swedish_titles_against_baselines(tmp_path: Path):
    from tests.unit.test_cli import run

    env = {"KOHTAANTO_TAXONOMY_DIR": str(tmp_path / "tax")}
    assert run("taxonomy", "import", str(FIXTURE), env=env).returncode == 0
    result = run("eval", "titles", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    import json

    rows = json.loads(result.stdout)
    methods = {(row["language"], row["method"]) for row in rows}
    for language in ("fi", "sv"):
        assert (language, "hybrid") in methods
        assert (language, "embeddings only (ESCO fi+en)") in methods
        assert (language, "fuzzy label (rapidfuzz, ESCO fi+en)") in methods
        assert (language, "raw encoder, one title a call") in methods
    sets = {row["set"] for row in rows if row["method"] == "hybrid"}
    assert {"starter", "written", "all"} <= sets


def test_the_version_of_each_languages_labels_is_recorded(tmp_path):
    import shutil

    english = tmp_path / "v0.9.0"
    english.mkdir()
    for path in FIXTURE.iterdir():
        if not path.name.endswith("_fi.csv"):
            shutil.copy(path, english / path.name)
    finnish = tmp_path / "fi-occupations"
    finnish.mkdir()
    shutil.copy(FIXTURE / "occupations_fi.csv", finnish / "occupations_fi.csv")
    (finnish / "README.md").write_text(
        "# ESCO occupations in Finnish\n\n- Version: ESCO v0.8.5\n", encoding="utf-8"
    )
    report = import_esco([english, finnish], tmp_path / "tax", "0.9.0", at=NOW)
    assert TaxonomyStore(report.path).language_versions() == {"en": "0.9.0", "fi": "0.8.5"}


def test_finnish_occupations_alone_leave_finnish_skills_to_the_english_labels(tmp_path):
    """The Finnish pack has occupations only: Finnish skills are still found (English labels + bridge)."""
    import shutil

    folder = tmp_path / "v0.9.0"
    folder.mkdir()
    for path in FIXTURE.iterdir():
        if path.name != "skills_fi.csv":
            shutil.copy(path, folder / path.name)
    store = TaxonomyStore(import_esco([folder], tmp_path / "tax", "0.9.0", at=NOW).path)
    service = SkillsService(store, "fi", TrigramEncoder())
    assert "fi" in store.languages and not store.has_labels("fi", ["skill", "knowledge"])
    assert service.label_language == "en"
    assert len(service.skills.concepts) > 0
    assert service.titles.rank_title("trukinkuljettaja", k=1)[0].uri == OCC + "forklift-driver"


def test_a_list_of_titles_ranks_as_each_title_alone_with_one_encoder_call_per_batch(store):
    from kohtaanto.skills.normalise import TITLE_BATCH

    encoder = TrigramEncoder()
    service = SkillsService(store, "fi", encoder)
    titles = ["trukkikuski (sijaisuus)", "siivooja - Helsinki", "Varastotyöntekijä", "kokki"] * 5
    service.title_ranker(exclude={"trukkikuski"})  # the label vectors, encoded once and cached
    one_by_one = service.title_ranker(exclude={"trukkikuski"})
    alone = [one_by_one.rank_title(t, k=3) for t in titles]
    ranker = service.title_ranker(exclude={"trukkikuski"})
    calls = []
    encoder.queries = lambda texts, original=encoder.queries: calls.append(len(texts)) or original(texts)
    together = ranker.rank_titles(titles, k=3)
    assert [[r.uri for r in ranked] for ranked in together] == [[r.uri for r in ranked] for ranked in alone]
    for many, one in zip(together, alone, strict=True):
        assert [round(r.score, 5) for r in many] == [round(r.score, 5) for r in one]
    assert len(calls) <= -(-len(titles) // TITLE_BATCH)  # one encoder call per batch at most
    assert sum(calls) <= 2 * len(set(titles))  # each distinct title (and its head) is encoded once
