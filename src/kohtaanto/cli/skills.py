"""``kohtaanto skills``: extract skills from text and normalise job titles."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from kohtaanto.cli.base import LANGUAGE_CHOICE
from kohtaanto.cli.taxonomy import imported_store, taxonomy_dir
from kohtaanto.core.language import LANGUAGES


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
        name, name_language = store.label_in(r.uri, language) or (r.uri, "")
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
        fallback = f" [{row['label_language']}]" if row["label_language"] != language else ""
        click.echo(f'{row["score"]:.3f}  {row["label"]}{fallback}  (via "{row["matched"]}")')


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
