"""Link the starter vocabulary to the nearest concepts of an imported ESCO version.

Suggestions are derived data: they are recomputed per version and kept in the version's store
(``starter_links``). A reviewer's decision is kept apart, in the application database, so a new
import never overwrites it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kohtaanto.taxonomy.vocabulary import StarterSkill

SCHEMA = """CREATE TABLE IF NOT EXISTS starter_links (
    starter_id TEXT NOT NULL, rank INTEGER NOT NULL, uri TEXT NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (starter_id, rank))"""


@dataclass(frozen=True)
class LinkSuggestion:
    starter_id: str
    rank: int
    uri: str
    score: float
    label: str


def query_text(skill: StarterSkill) -> str:
    """The English hint and label describe the skill in ESCO's own style."""
    return f"{skill.esco_hint}. {skill.labels.en}" if skill.esco_hint else skill.labels.en


def suggest(
    skills: Iterable[StarterSkill], extractor: Any, k: int = 3, progress: Callable[[int], None] | None = None
) -> list[LinkSuggestion]:
    out: list[LinkSuggestion] = []
    for done, skill in enumerate(skills, start=1):
        for rank, found in enumerate(extractor.extract(query_text(skill), k=k), start=1):
            out.append(LinkSuggestion(skill.id, rank, found.uri, found.score, found.label))
        if progress:
            progress(done)
    return out


def save(store_file: Path, suggestions: list[LinkSuggestion]) -> None:
    db = sqlite3.connect(store_file)
    try:
        with db:
            db.execute(SCHEMA)
            db.execute("DELETE FROM starter_links")
            db.executemany(
                "INSERT INTO starter_links VALUES (?, ?, ?, ?)",
                [(s.starter_id, s.rank, s.uri, s.score) for s in suggestions],
            )
    finally:
        db.close()


def load(store_file: Path) -> dict[str, list[tuple[str, float]]]:
    db = sqlite3.connect(f"file:{store_file}?mode=ro", uri=True)
    try:
        exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'starter_links'").fetchone()
        rows = (
            db.execute(
                "SELECT starter_id, uri, score FROM starter_links ORDER BY starter_id, rank"
            ).fetchall()
            if exists
            else []
        )
    finally:
        db.close()
    links: dict[str, list[tuple[str, float]]] = {}
    for starter_id, uri, score in rows:
        links.setdefault(starter_id, []).append((uri, score))
    return links
