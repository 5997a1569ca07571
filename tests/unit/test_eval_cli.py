"""kohtaanto eval and kohtaanto skills on the fixture taxonomy, with the real multilingual model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.test_cli import run

pytestmark = pytest.mark.unit

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"
OCC = "http://data.europa.eu/esco/occupation/test-"


@pytest.fixture(scope="module")
def taxonomy(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("tax")
    env = {"KOHTAANTO_TAXONOMY_DIR": str(folder)}
    assert run("taxonomy", "import", str(FIXTURE), env=env).returncode == 0
    return env


def test_jobnorm_prints_metrics_for_the_method_and_both_baselines(taxonomy, tmp_path: Path):
    titles = tmp_path / "titles.csv"
    lines = [
        ",vacancyTitle,conceptUri",
        f"0,Forklift Driver (night shift),{OCC}forklift-driver",
        f"1,Office cleaner wanted,{OCC}cleaner",
        f"2,Retail sales assistant,{OCC}shop-assistant",
    ]
    titles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("eval", "jobnorm", "--titles", str(titles), "--format", "json", env=taxonomy)
    assert result.returncode == 0, result.stderr
    rows = {row["method"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {"hybrid", "embeddings only", "fuzzy label (rapidfuzz)"}
    assert rows["hybrid"]["queries"] == 3 and rows["hybrid"]["r@1"] == 1.0
    assert 0.0 <= rows["fuzzy label (rapidfuzz)"]["mrr@10"] <= 1.0


def test_skill_eval_and_extract_and_normalize(taxonomy, tmp_path: Path):
    annotations = tmp_path / "a.csv"
    annotations.write_text(
        "sentence,span,sub_span,label\nI mopped the floors every day,mopped,,clean floors\n"
        "I mopped the floors every day,x,,LABEL NOT PRESENT\n",
        encoding="utf-8",
    )
    result = run("eval", "skills", "--annotations", str(annotations), "--format", "json", env=taxonomy)
    assert result.returncode == 0, result.stderr
    hybrid = json.loads(result.stdout)[0]
    assert hybrid["sentences"] == 1 and hybrid["rp@5"] == 1.0
    extracted = run(
        "skills", "extract", "I helped customers and filled shelves", "--format", "json", env=taxonomy
    )
    body = json.loads(extracted.stdout)
    assert body["language"] == "en" and body["skills"][0]["uri"].startswith(
        "http://data.europa.eu/esco/skill/"
    )
    title = run("skills", "normalize-title", "trukkikuski", "--format", "json", env=taxonomy)
    first = json.loads(title.stdout)[0]
    assert first["uri"] == OCC + "forklift-driver"
    # the occupation's name in the title's language, or visibly in another when it has none in Finnish
    assert first["label_language"] in ("fi", "en") and first["label"]
    text = run("skills", "normalize-title", "trukkikuski", "--lang", "fi", env=taxonomy).stdout
    assert ("[en]" in text.splitlines()[0]) == (first["label_language"] == "en")
    assert run("skills", "extract", "   ", env=taxonomy).returncode == 2


def test_a_list_of_titles_is_normalised_in_one_call_each_in_its_own_language(taxonomy, tmp_path: Path):
    import csv
    import io

    titles = tmp_path / "titles.txt"
    titles.write_text("trukkikuski\n\nForklift driver (night shift)\ntrukkikuski\n", encoding="utf-8")
    result = run("skills", "normalize-titles", str(titles), "--top", "2", env=taxonomy)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["title"] for r in rows if r["rank"] == "1"] == [
        "trukkikuski",
        "Forklift driver (night shift)",
        "trukkikuski",
    ]
    assert all(r["uri"] == OCC + "forklift-driver" for r in rows if r["rank"] == "1")
    assert {r["language"] for r in rows} == {"fi", "en"} and len(rows) == 6
    one = json.loads(run("skills", "normalize-title", "trukkikuski", "--format", "json", env=taxonomy).stdout)
    assert float(rows[0]["score"]) == pytest.approx(one[0]["score"], abs=1e-3)
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"siivooja\n\xff\xfe kokki\n")
    failed = run("skills", "normalize-titles", str(broken), env=taxonomy)
    assert (
        failed.returncode == 2 and "UTF-8" in failed.stderr and len(failed.stderr.strip().splitlines()) == 1
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    assert run("skills", "normalize-titles", str(empty), env=taxonomy).returncode == 2


def test_crosslingual_eval_runs_on_a_small_set(taxonomy, tmp_path: Path):
    items = tmp_path / "set.yaml"
    items.write_text(
        "version: 1\nitems:\n  - {concept: operate forklift, fi: ajoin trukkia, sv: jag körde truck, "
        "en: I drove a forklift}\n",
        encoding="utf-8",
    )
    result = run("eval", "crosslingual", "--set", str(items), "--format", "json", env=taxonomy)
    assert result.returncode == 0, result.stderr
    rows = {row["language"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {"fi", "sv", "en"} and rows["en"]["phrases"] == 1
    assert rows["en"]["top3"] == 1.0
    shipped = run("eval", "crosslingual", "--format", "json", env=taxonomy)  # the set that ships with us
    assert shipped.returncode == 0, shipped.stderr


def test_an_occupation_without_a_name_in_any_language_shows_the_label_the_title_matched():
    from kohtaanto.cli.skills import occupation_name
    from kohtaanto.skills.normalise import Ranked

    class NoNames:
        def label_in(self, uri: str, lang: str) -> None:
            return None

    class Finnish:
        def label_in(self, uri: str, lang: str) -> tuple[str, str]:
            return ("trukinkuljettaja", "fi")

    matched = Ranked(OCC + "forklift-driver", 0.9, "trukkikuski")
    assert occupation_name(NoNames(), matched, "fi") == ("trukkikuski", "")  # never the bare URI
    assert occupation_name(Finnish(), matched, "sv") == ("trukinkuljettaja", "fi")


def test_own_words_eval_reports_against_labels_alone_and_refuses_a_broken_set(tmp_path: Path, monkeypatch):
    from tests.unit.test_skills import TrigramEncoder

    monkeypatch.setattr("kohtaanto.skills.extract.default_encoder", TrigramEncoder)
    env = {"KOHTAANTO_TAXONOMY_DIR": str(tmp_path / "taxonomy")}
    sentences = tmp_path / "own.yaml"
    sentences.write_text(
        "items:\n  - {lang: fi, split: check, text: vein paketteja asiakkaille,\n"
        "     skills: [logistics.deliver_parcels]}\n",
        encoding="utf-8",
    )
    result = run("eval", "own-words", "--set", str(sentences), "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    rows = {(r["method"], r["split"]): r for r in json.loads(result.stdout)}
    assert rows[("kohtaanto", "check")]["first_right"] == 1.0 == rows[("kohtaanto", "all")]["first_right"]
    assert rows[("labels alone", "check")]["first_right"] == 0.0
    broken = tmp_path / "broken.yaml"
    broken.write_text("items:\n  - {text: no language}\n", encoding="utf-8")
    failed = run("eval", "own-words", "--set", str(broken), env=env)
    assert failed.returncode == 2 and "lang, text and skills" in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1
