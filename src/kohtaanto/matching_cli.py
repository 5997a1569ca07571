"""``kohtaanto match``: explained, anonymous matching at the command line (files for now)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

LANGUAGES = ("fi", "sv", "en")


def _read(path: Path, model: type[BaseModel]) -> Any:
    """The file as ``model``; a bad file is a one-line usage error naming the file and the field."""
    from kohtaanto.carving.io import read
    from kohtaanto.carving_cli import load_input

    return load_input(read, path, model)


@click.group()
def match() -> None:
    """Match people and jobs on skills and capacity; never on who they are."""


@match.command("job")
@click.argument("job_file", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--people", "people_file", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--top", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default="fi", show_default=True)
def job_command(job_file: Path, people_file: Path, top: int, fmt: str, lang: str) -> None:
    """Rank the people in --people for the job in FILE, with each score explained."""
    from kohtaanto.carving.reasons import attribute_label, skill_label
    from kohtaanto.matching.explain import explain
    from kohtaanto.matching.places import distance_km
    from kohtaanto.matching.schema import JobFile, PeopleFile
    from kohtaanto.matching.score import Scored, score

    job = _read(job_file, JobFile).job.to_job()
    people = [p.to_candidate() for p in _read(people_file, PeopleFile).people]
    results = [score(p, job, distance=distance_km) for p in people]
    hits = sorted((r for r in results if isinstance(r, Scored)), key=lambda r: (-r.score, r.candidate))[:top]
    misses = [r for r in results if not isinstance(r, Scored)]
    rows = [
        {
            "person": r.candidate,
            "score": r.score,
            "components": dict(r.components),
            "matched_skills": list(r.matched),
            "partial": [{"need": n, "near": h, "credit": c} for n, h, c in r.partial],
            "gaps": [{"skill": s, "levels": lv, "trainable": t} for s, lv, t in r.gaps],
            "accommodations": [{"attribute": a, "levels": lv} for a, lv in r.accommodations],
            "explanation": explain(r, lang, skill_label, attribute_label),
        }
        for r in hits
    ]
    excluded = [
        {"person": m.candidate, "reason": explain(m, lang, skill_label, attribute_label)[0]} for m in misses
    ]
    if fmt == "json":
        click.echo(
            json.dumps({"job": job.ref, "results": rows, "excluded": excluded}, ensure_ascii=False, indent=2)
        )
        return
    for row in rows:
        click.echo(f"{row['score']:.3f}  {row['person']}")
        for line in row["explanation"]:
            click.echo(f"       {line}")
    for item in excluded:
        click.echo(f"  -    {item['person']}: {item['reason']}")
