"""ESCO import on a small fixture in the ESCO CSV format."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from kohtaanto.taxonomy.esco import EscoFormatError, guess_version
from kohtaanto.taxonomy.store import TaxonomyStore, available_versions, import_esco, store_path
from tests.unit.test_cli import run

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)  # the import time the store records

pytestmark = pytest.mark.unit

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"
CLEAN = "http://data.europa.eu/esco/skill/test-clean-floors"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_loads_every_kind_language_and_relation(tmp_path: Path):
    report = import_esco([FIXTURE], tmp_path, "0.9.0", at=NOW)
    assert report.languages == ("en", "fi")
    store = TaxonomyStore(report.path)
    stats = store.stats()
    assert stats["concepts"] == {"isco_group": 3, "knowledge": 1, "occupation": 3, "skill": 4}
    assert stats["labels"]["en/preferred"] == 11 and stats["labels"]["fi/preferred"] == 8
    assert stats["relations"] == {
        "broader": 4,
        "essential_skill": 4,
        "optional_related": 1,
        "optional_skill": 1,
    }
    assert stats["collections"] == {"transversalSkills": 1}
    assert store.label(CLEAN, "fi") == "lattioiden puhdistaminen"
    assert (
        store.label("http://data.europa.eu/esco/isco/C8344", "fi") == "Lifting truck operators"
    )  # falls back
    assert store.related("http://data.europa.eu/esco/occupation/test-cleaner", "essential_skill") == [CLEAN]
    assert "lattioiden pesu" in {label for _, _, label in store.labels("fi", ["skill"])}


def test_languages_merge_and_reimport_is_idempotent(tmp_path: Path):
    only_en = tmp_path / "en"
    only_en.mkdir()
    for name in FIXTURE.iterdir():
        if not name.name.endswith("_fi.csv"):
            shutil.copy(name, only_en)
    first = import_esco([only_en], tmp_path / "store", "0.9.0", at=NOW)
    assert TaxonomyStore(first.path).languages == ["en"]
    import_esco([FIXTURE], tmp_path / "store", "0.9.0", languages=["fi"], at=NOW)
    store = TaxonomyStore(first.path)
    assert store.languages == ["en", "fi"]
    before = store.stats()
    store.close()
    import_esco([FIXTURE], tmp_path / "store", "0.9.0", at=NOW)
    assert TaxonomyStore(first.path).stats() == before


def test_versions_are_kept_apart(tmp_path: Path):
    import_esco([FIXTURE], tmp_path, "0.9.0", at=NOW)
    import_esco([FIXTURE], tmp_path, "0.9.1", at=NOW)
    assert available_versions(tmp_path) == ["0.9.0", "0.9.1"]
    assert guess_version(FIXTURE) == "0.9.0"


def test_zipped_download_imports_the_same(tmp_path: Path):
    archive = tmp_path / "esco-v0.9.0-classification-csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in FIXTURE.iterdir():
            zf.write(path, f"nested/{path.name}")
    zipped = TaxonomyStore(import_esco([archive], tmp_path / "z", "0.9.0", at=NOW).path).stats()
    plain = TaxonomyStore(import_esco([FIXTURE], tmp_path / "p", "0.9.0", at=NOW).path).stats()
    assert zipped == plain


@pytest.mark.parametrize(
    ("file", "mutate", "message"),
    [
        (
            "skills_en.csv",
            lambda t: t.replace("http://data.europa.eu/esco/skill/test-hygiene", "hygiene"),
            r"skills_en\.csv:\d+: column 2 \(conceptUri\): 'hygiene' is not a concept URI",
        ),
        (
            "occupations_fi.csv",
            lambda t: t.replace(",myyjä,", ",,"),
            r"occupations_fi\.csv:\d+: column 4 \(preferredLabel\): empty label",
        ),
        (
            "skills_en.csv",
            lambda t: t.replace("conceptUri", "uri", 1),
            r"skills_en\.csv:1: missing column 'conceptUri'",
        ),
        (
            "occupationSkillRelations.csv",
            lambda t: t + "a,b,c,d,e\n",
            r"occupationSkillRelations\.csv:7: more fields",
        ),
    ],
)
def test_a_malformed_file_names_file_line_and_column_and_keeps_the_old_store(
    tmp_path: Path, file, mutate, message
):
    good = import_esco([FIXTURE], tmp_path / "store", "0.9.0", at=NOW)
    before = digest(good.path)
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE, broken)
    target = broken / file
    target.write_text(mutate(target.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(EscoFormatError, match=message):
        import_esco([broken], tmp_path / "store", "0.9.0", at=NOW)
    assert digest(good.path) == before
    assert not list((tmp_path / "store").glob("*.importing"))


def test_cli_import_and_stats(tmp_path: Path):
    env = {"KOHTAANTO_TAXONOMY_DIR": str(tmp_path)}
    result = run("taxonomy", "import", str(FIXTURE), env=env)
    assert result.returncode == 0, result.stderr
    assert "ESCO 0.9.0: 11 concepts" in result.stdout
    stats = run("taxonomy", "stats", env=env)
    assert (
        "occupation" in stats.stdout and "fi/preferred" in stats.stdout and "essential_skill" in stats.stdout
    )
    missing = run("taxonomy", "import", str(tmp_path / "nope"), env=env)
    assert missing.returncode == 2
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURE, bad)
    (bad / "skills_en.csv").write_text(
        "conceptType,conceptUri,preferredLabel\nx,not-a-uri,y\n", encoding="utf-8"
    )
    failed = run("taxonomy", "import", str(bad), "--version", "0.9.0", env=env)
    assert failed.returncode == 1
    assert (
        "skills_en.csv:2: column 2 (conceptUri)" in failed.stderr
        and "previous taxonomy is unchanged" in failed.stderr
    )
    assert store_path(tmp_path, "0.9.0").exists()


def test_starter_skills_get_linked_suggestions(tmp_path: Path):
    from kohtaanto.skills.service import SkillsService
    from kohtaanto.taxonomy import linking
    from kohtaanto.taxonomy.vocabulary import starter
    from tests.unit.test_skills import TrigramEncoder

    report = import_esco([FIXTURE], tmp_path, "0.9.0", at=NOW)
    service = SkillsService(TaxonomyStore(report.path), "en", TrigramEncoder())
    chosen = [s for s in starter().skills if s.id in {"cleaning.mop_floors", "retail.stock_shelves"}]
    assert chosen, "the starter vocabulary has floor cleaning and shelf filling"
    suggestions = linking.suggest(chosen, service.skills, k=2)
    linking.save(report.path, suggestions)
    links = linking.load(report.path)
    assert set(links) == {s.id for s in chosen}
    assert all(len(v) <= 2 for v in links.values())


def test_a_small_zip_that_expands_to_one_huge_line_is_refused_without_reading_it_whole(tmp_path: Path):
    import tracemalloc

    from kohtaanto.taxonomy import esco

    archive = tmp_path / "esco-v0.9.0-bomb.zip"
    header = (FIXTURE / "skills_en.csv").read_text(encoding="utf-8").splitlines()[0]
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in FIXTURE.iterdir():
            if path.name != "skills_en.csv":
                zf.write(path, path.name)
        with zf.open("skills_en.csv", "w") as member:  # 60 MB of one line, about 60 kB zipped
            member.write((header + "\n").encode())
            for _ in range(60):
                member.write(b"x" * 1_000_000)
    assert archive.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(EscoFormatError, match=r"skills_en\.csv:2: a line longer than"):
            import_esco([archive], tmp_path / "store", "0.9.0", at=NOW)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30_000_000, peak  # bounded by the line limit, not by the 60 MB line
    assert esco.MAX_LINE < 60_000_000
