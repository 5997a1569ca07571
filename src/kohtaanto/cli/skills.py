"""``kohtaanto skills``: extract skills from text and normalise job titles."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kohtaanto.cli.base import LANGUAGE_CHOICE
from kohtaanto.cli.taxonomy import imported_store, taxonomy_dir
from kohtaanto.core.language import LANGUAGES

if TYPE_CHECKING:
    from kohtaanto.skills.normalise import Ranked
    from kohtaanto.taxonomy.store import TaxonomyStore


def _service(language: str) -> Any:
    """The service for the text's language when the taxonomy has labels in it, else English."""
    from kohtaanto.skills.service import SkillsService

    return SkillsService(imported_store(), language)


def _text(value: str) -> str:
    text = sys.stdin.read() if value == "-" else value
    if not text.strip():
        raise click.UsageError("the text is empty")
    return text


@click.group()
def skills() -> None:
    """Skills in people's own words, and job titles, as taxonomy concepts."""


@skills.command()
@click.argument("text")
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True)
@click.option("--top", type=click.IntRange(1, 50), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def extract(text: str, lang: str, top: int, fmt: str) -> None:
    """Ranked skills in TEXT (or standard input with -), each with its score and evidence."""
    from kohtaanto.skills.text import detect_language

    text = _text(text)
    language = detect_language(text) if lang == "auto" else lang
    results = _service(language).skills.extract(text, k=top)
    rows = [
        {
            "uri": r.uri,
            "label": r.label,
            "score": round(r.score, 4),
            "evidence": {"start": r.evidence.start, "end": r.evidence.end, "text": r.evidence.text}
            if r.evidence
            else None,
        }
        for r in results
    ]
    if fmt == "json":
        click.echo(json.dumps({"language": language, "skills": rows}, ensure_ascii=False, indent=2))
        return
    for row in rows:
        evidence = f'  "{row["evidence"]["text"]}"' if row["evidence"] else ""
        click.echo(f"{row['score']:.3f}  {row['label']}{evidence}")


@skills.command("normalize-title")
@click.argument("title")
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True)
@click.option("--top", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def normalize_title(title: str, lang: str, top: int, fmt: str) -> None:
    """Ranked occupations for a job title."""
    from kohtaanto.skills.text import detect_language

    language = detect_language(title) if lang == "auto" else lang
    service = _service(language)
    results = service.titles.rank_title(_text(title), k=top)
    store = service.store
    rows = []
    for r in results:
        name, name_language = occupation_name(store, r, language)
        rows.append(
            {
                "uri": r.uri,
                "label": name,  # in the title's language; another language only when it has no name
                "label_language": name_language,
                "matched": r.label,
                "score": round(r.score, 4),
            }
        )
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        fallback = f" [{row['label_language']}]" if row["label_language"] not in (language, "") else ""
        click.echo(f'{row["score"]:.3f}  {row["label"]}{fallback}  (via "{row["matched"]}")')


ROW_FIELDS = ("title", "language", "rank", "uri", "label", "label_language", "score")


def occupation_name(store: TaxonomyStore, result: Ranked, language: str) -> tuple[str, str]:
    """An occupation's name in ``language``, else in another language, else the label the title
    matched (its language then unknown here: ``""``); never the bare URI."""
    return store.label_in(result.uri, language) or (result.label, "")


@skills.command("normalize-titles")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True)
@click.option("--top", type=click.IntRange(1, 10), default=1, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
def normalize_titles(source: Path, lang: str, top: int, fmt: str) -> None:
    """Occupations for many job titles: one title a line in SOURCE (a UTF-8 file, or - for standard
    input). The titles of one language are ranked together in batches, several times faster than one
    at a time. CSV columns: title, language, rank, uri, label, label_language, score."""
    from kohtaanto.skills.text import detect_language

    raw = sys.stdin.buffer.read() if str(source) == "-" else _read_bytes(source)
    try:
        lines = raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        raise click.UsageError(f"{source} is not UTF-8 text (byte {error.start})") from error
    titles = [line.strip() for line in lines if line.strip()]
    if not titles:
        raise click.UsageError(f"{source} has no titles")
    languages = [detect_language(title) if lang == "auto" else lang for title in titles]
    ranked: dict[int, list[Any]] = {}
    names: dict[int, list[tuple[str, str]]] = {}
    for language in dict.fromkeys(languages):
        service = _service(language)
        at = [i for i, found in enumerate(languages) if found == language]
        for i, results in zip(at, service.titles.rank_titles([titles[i] for i in at], k=top), strict=True):
            ranked[i] = results
            names[i] = [occupation_name(service.store, r, language) for r in results]
    rows = [
        {
            "title": title,
            "language": languages[i],
            "rank": n,
            "uri": result.uri,
            "label": names[i][n - 1][0],
            "label_language": names[i][n - 1][1],
            "score": round(result.score, 4),
        }
        for i, title in enumerate(titles)
        for n, result in enumerate(ranked[i], start=1)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ROW_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(out.getvalue(), nl=False)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise click.UsageError(f"cannot read {path}: {error.strerror or error}") from error


@skills.command()
@click.argument("partial")
@click.option("--lang", type=LANGUAGE_CHOICE, default="fi", show_default=True)
@click.option("--top", type=click.IntRange(1, 50), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def suggest(partial: str, lang: str, top: int, fmt: str) -> None:
    """Skill names for what has been typed so far (starter vocabulary, then imported ESCO)."""
    from kohtaanto.skills.suggest import starter_suggester
    from kohtaanto.taxonomy.store import available_versions

    if not partial.strip():
        raise click.UsageError("the text is empty")
    imported = bool(available_versions(taxonomy_dir()))
    suggester = _service(lang).suggester if imported else starter_suggester(lang)
    rows = [vars(s) for s in suggester.suggest(partial, k=top)]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        via = f'  (via "{row["matched"]}")' if row["matched"] != row["name"] else ""
        click.echo(f"{row['score']:.2f}  {row['name']}  [{row['source']}]{via}")
