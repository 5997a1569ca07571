"""The taxonomy store: one SQLite file per ESCO version, written by swap so a failed import never
touches the taxonomy in use. Several languages of one version merge into the same file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kohtaanto.taxonomy.esco import (
    CONCEPT_FILES,
    RELATION_FILES,
    CsvFile,
    EscoFormatError,
    find_files,
    read_collection,
    read_concepts,
    read_relations,
    source_version,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS concepts (
    uri TEXT PRIMARY KEY, kind TEXT NOT NULL, code TEXT NOT NULL DEFAULT '',
    isco_group TEXT NOT NULL DEFAULT '', reuse_level TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS labels (
    uri TEXT NOT NULL, lang TEXT NOT NULL, role TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (uri, lang, role, label));
CREATE INDEX IF NOT EXISTS labels_lang ON labels (lang, role);
CREATE TABLE IF NOT EXISTS descriptions (uri TEXT NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (uri, lang));
CREATE TABLE IF NOT EXISTS relations (source TEXT NOT NULL, relation TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (source, relation, target));
CREATE INDEX IF NOT EXISTS relations_target ON relations (target, relation);
CREATE TABLE IF NOT EXISTS collections (uri TEXT NOT NULL, collection TEXT NOT NULL,
    PRIMARY KEY (uri, collection));
"""

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class TaxonomyImport:
    version: str
    path: Path
    languages: tuple[str, ...]
    concepts: int
    labels: int
    relations: int
    language_versions: dict[str, str] = field(default_factory=dict)  # of every language the store now has


def store_path(folder: Path, version: str) -> Path:
    return Path(folder) / f"esco-{version}.sqlite"


def available_versions(folder: Path) -> list[str]:
    return sorted(p.stem.removeprefix("esco-") for p in Path(folder).glob("esco-*.sqlite"))


def _batched(rows: Iterable[tuple[object, ...]], size: int = 5000) -> Iterator[list[tuple[object, ...]]]:
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _load_concepts(db: sqlite3.Connection, files: list[CsvFile], progress: Progress | None) -> None:
    for file in files:
        concepts, labels, descriptions = [], [], []
        for concept, lang, preferred, alternative, hidden, description in read_concepts(file):
            concepts.append(
                (
                    concept.uri,
                    concept.kind,
                    concept.code,
                    concept.isco_group,
                    concept.reuse_level,
                    concept.status,
                )
            )
            labels.append((concept.uri, lang, "preferred", preferred))
            labels.extend((concept.uri, lang, "alternative", label) for label in alternative)
            labels.extend((concept.uri, lang, "hidden", label) for label in hidden)
            if description:
                descriptions.append((concept.uri, lang, description))
        db.executemany(
            "INSERT INTO concepts VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(uri) DO UPDATE SET "
            "kind = excluded.kind, status = excluded.status, "
            "code = coalesce(nullif(excluded.code, ''), concepts.code), "
            "isco_group = coalesce(nullif(excluded.isco_group, ''), concepts.isco_group), "
            "reuse_level = coalesce(nullif(excluded.reuse_level, ''), concepts.reuse_level)",
            concepts,
        )
        db.executemany("INSERT OR IGNORE INTO labels VALUES (?, ?, ?, ?)", labels)
        db.executemany("INSERT OR REPLACE INTO descriptions VALUES (?, ?, ?)", descriptions)
        if progress:
            progress(file.name, len(concepts))


def _language_versions(per_source: list[tuple[Path, list[CsvFile]]], version: str) -> dict[str, str]:
    """The ESCO version each language's labels come from (the import's version when a source names none)."""
    found: dict[str, str] = {}
    for source, files in per_source:
        named = source_version(source) or version
        for f in files:
            if f.base in CONCEPT_FILES:
                found.setdefault(f.language or "en", named)
    return found


def import_esco(
    sources: Iterable[Path],
    folder: Path,
    version: str,
    languages: Iterable[str] | None = None,
    progress: Progress | None = None,
    *,
    at: dt.datetime,
) -> TaxonomyImport:
    """Import ESCO CSVs into the version's store, recording ``at`` as the import time. All or nothing:
    the new file replaces the old only when every row has been read and written."""
    per_source = [(Path(source), find_files(Path(source))) for source in sources]
    files = [f for _, found in per_source for f in found]
    wanted = set(languages) if languages else None
    language_versions = _language_versions(per_source, version)
    concept_files = [
        f for f in files if f.base in CONCEPT_FILES and (wanted is None or (f.language or "en") in wanted)
    ]
    relation_files = [f for f in files if f.base in RELATION_FILES]
    collection_files = [
        f
        for f in files
        if f.base.endswith("Collection") and (wanted is None or (f.language or "en") in wanted)
    ]
    imported_languages = tuple(sorted({f.language or "en" for f in concept_files}))
    if not concept_files and not relation_files:
        raise EscoFormatError("nothing to import for the chosen languages")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = store_path(folder, version)
    work = target.with_suffix(".importing")
    work.unlink(missing_ok=True)
    if target.exists():
        shutil.copy2(target, work)
    try:
        db = sqlite3.connect(work)
        try:
            db.executescript(SCHEMA)
            with db:  # one transaction
                for lang in imported_languages:
                    db.execute("DELETE FROM labels WHERE lang = ?", (lang,))
                    db.execute("DELETE FROM descriptions WHERE lang = ?", (lang,))
                _load_concepts(db, concept_files, progress)
                relations = 0
                if relation_files:
                    db.execute("DELETE FROM relations")
                    for file in relation_files:
                        rows = 0
                        for batch in _batched(read_relations(file)):
                            db.executemany("INSERT OR IGNORE INTO relations VALUES (?, ?, ?)", batch)
                            rows += len(batch)
                        relations += rows
                        if progress:
                            progress(file.name, rows)
                for file in collection_files:
                    name = file.base.removesuffix("Collection")
                    db.execute("DELETE FROM collections WHERE collection = ?", (name,))
                    db.executemany(
                        "INSERT OR IGNORE INTO collections VALUES (?, ?)",
                        ((uri, name) for uri in read_collection(file)),
                    )
                    if progress:
                        progress(file.name, 0)
                known = {row[0] for row in db.execute("SELECT value FROM meta WHERE key = 'languages'")}
                merged = sorted(set(imported_languages) | {x for v in known for x in v.split(",") if x})
                db.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [
                        ("version", version),
                        ("languages", ",".join(merged)),
                        ("imported_at", at.isoformat(timespec="seconds")),
                        *((f"version_{lang}", language_versions[lang]) for lang in imported_languages),
                    ],
                )
                stored = dict(db.execute("SELECT key, value FROM meta"))
                versions = {lang: stored.get(f"version_{lang}", version) for lang in merged}
                labels = db.execute("SELECT count(*) FROM labels").fetchone()[0]
                concepts = db.execute("SELECT count(*) FROM concepts").fetchone()[0]
            db.execute("VACUUM")
        finally:
            db.close()
        os.replace(work, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            work.unlink()
        raise
    return TaxonomyImport(version, target, imported_languages, concepts, labels, relations, versions)


class TaxonomyStore:
    """Read access to one imported ESCO version."""

    def __init__(self, path: Path) -> None:
        if not Path(path).exists():
            raise FileNotFoundError(f"{path}: no imported taxonomy (run 'kohtaanto taxonomy import')")
        self.path = Path(path)
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def close(self) -> None:
        self.db.close()

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def language_versions(self) -> dict[str, str]:
        """The ESCO version of each language's labels (Finnish occupations may be older than English)."""
        meta = self.meta()
        return {lang: meta.get(f"version_{lang}", meta.get("version", "")) for lang in self.languages}

    @property
    def languages(self) -> list[str]:
        return [x for x in self.meta().get("languages", "").split(",") if x]

    def stats(self) -> dict[str, dict[str, int]]:
        return {
            "concepts": dict(
                self.db.execute("SELECT kind, count(*) FROM concepts GROUP BY kind ORDER BY kind")
            ),
            "labels": {
                f"{lang}/{role}": n
                for lang, role, n in self.db.execute(
                    "SELECT lang, role, count(*) FROM labels GROUP BY lang, role ORDER BY lang, role"
                )
            },
            "descriptions": dict(self.db.execute("SELECT lang, count(*) FROM descriptions GROUP BY lang")),
            "relations": dict(
                self.db.execute(
                    "SELECT relation, count(*) FROM relations GROUP BY relation ORDER BY relation"
                )
            ),
            "collections": dict(
                self.db.execute(
                    "SELECT collection, count(*) FROM collections GROUP BY collection ORDER BY collection"
                )
            ),
        }

    def label(self, uri: str, lang: str) -> str | None:
        found = self.label_in(uri, lang)
        return found[0] if found else None

    def label_in(self, uri: str, lang: str) -> tuple[str, str] | None:
        """The preferred label in ``lang``, or in the first language that has one (English first), with
        the language it is in, so a caller can show that it fell back."""
        for candidate in (lang, "en", "fi", "sv"):
            row = self.db.execute(
                "SELECT label FROM labels WHERE uri = ? AND lang = ? AND role = 'preferred'", (uri, candidate)
            ).fetchone()
            if row:
                return str(row[0]), candidate
        return None

    def concepts(self, kinds: Iterable[str]) -> list[tuple[str, str]]:
        marks = ",".join("?" * len(tuple(kinds)))
        return list(
            self.db.execute(
                f"SELECT uri, kind FROM concepts WHERE kind IN ({marks}) ORDER BY uri",  # noqa: S608
                tuple(kinds),
            )
        )

    def labels(
        self, lang: str, kinds: Iterable[str], roles: Iterable[str] = ("preferred", "alternative")
    ) -> list[tuple[str, str, str]]:
        kinds, roles = tuple(kinds), tuple(roles)
        query = (  # only placeholders are formatted into the text
            "SELECT l.uri, l.role, l.label FROM labels l JOIN concepts c ON c.uri = l.uri "  # noqa: S608
            f"WHERE l.lang = ? AND c.kind IN ({','.join('?' * len(kinds))}) "
            f"AND l.role IN ({','.join('?' * len(roles))}) ORDER BY l.uri, l.role, l.label"
        )
        return list(self.db.execute(query, (lang, *kinds, *roles)))

    def has_labels(self, lang: str, kinds: Iterable[str]) -> bool:
        """Whether any concept of ``kinds`` has a label in ``lang``."""
        kinds = tuple(kinds)
        query = (  # only placeholders are formatted into the text
            "SELECT 1 FROM labels l JOIN concepts c ON c.uri = l.uri "  # noqa: S608
            f"WHERE l.lang = ? AND c.kind IN ({','.join('?' * len(kinds))}) LIMIT 1"
        )
        return self.db.execute(query, (lang, *kinds)).fetchone() is not None

    def groups(self, kind: str = "occupation") -> dict[str, str]:
        """Concept → ISCO-08 unit group code, for the concepts of ``kind`` that have one."""
        return dict(
            self.db.execute(
                "SELECT uri, isco_group FROM concepts WHERE kind = ? AND isco_group != ''", (kind,)
            )
        )

    def isco_group(self, uri: str) -> str:
        """The concept's ISCO-08 unit group code, or '' when it has none."""
        row = self.db.execute("SELECT isco_group FROM concepts WHERE uri = ?", (uri,)).fetchone()
        return str(row[0]) if row else ""

    def find(self, label: str, lang: str, kind: str) -> str | None:
        """The concept of ``kind`` whose preferred label in ``lang`` is ``label`` (case-insensitive)."""
        row = self.db.execute(
            "SELECT l.uri FROM labels l JOIN concepts c ON c.uri = l.uri WHERE l.lang = ? "
            "AND l.role = 'preferred' AND c.kind = ? AND lower(l.label) = lower(?) ORDER BY l.uri",
            (lang, kind, label),
        ).fetchone()
        return str(row[0]) if row else None

    def description(self, uri: str, lang: str) -> str:
        row = self.db.execute(
            "SELECT text FROM descriptions WHERE uri = ? AND lang = ?", (uri, lang)
        ).fetchone()
        return str(row[0]) if row else ""

    def related(self, uri: str, relation: str) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT target FROM relations WHERE source = ? AND relation = ?", (uri, relation)
            )
        ]
