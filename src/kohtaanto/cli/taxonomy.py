"""``kohtaanto taxonomy``: import ESCO and report what is loaded."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kohtaanto.core.language import LANGUAGES

if TYPE_CHECKING:
    from kohtaanto.taxonomy.store import TaxonomyStore


def taxonomy_dir() -> Path:
    override = os.environ.get("KOHTAANTO_TAXONOMY_DIR")
    if override:
        return Path(override)
    from kohtaanto.web.project.config import ConfigError, load_config

    try:
        return load_config(os.environ).data_dir / "taxonomy"
    except ConfigError as exc:
        raise click.ClickException(f"configuration: {'; '.join(exc.problems)}") from None


def imported_store(version: str | None = None) -> TaxonomyStore:
    """The imported store of ``version``, or of the newest version; a clear error when there is none."""
    from kohtaanto.taxonomy.store import TaxonomyStore, available_versions, store_path

    versions = available_versions(taxonomy_dir())
    if not versions:
        raise click.ClickException("no taxonomy imported yet (run 'kohtaanto taxonomy import PATH')")
    chosen = version or versions[-1]
    if chosen not in versions:
        raise click.UsageError(f"version {chosen} is not imported; imported: {', '.join(versions)}")
    return TaxonomyStore(store_path(taxonomy_dir(), chosen))


@click.group()
def taxonomy() -> None:
    """The skills and occupations taxonomy (ESCO)."""


@taxonomy.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--lang",
    "languages",
    default=None,
    metavar="fi,sv,en",
    help="Only these languages (default: every language in the files).",
)
@click.option(
    "--version",
    "version",
    default=None,
    metavar="X.Y.Z",
    help="ESCO version (default: read from the path, e.g. v1.1.1).",
)
def import_command(paths: tuple[Path, ...], languages: str | None, version: str | None) -> None:
    """Import the official ESCO CSV download (zips or folders). Re-importing is safe."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kohtaanto.taxonomy.esco import EscoFormatError, guess_version
    from kohtaanto.taxonomy.store import import_esco

    version = version or guess_version(paths[0])
    if not version:
        raise click.UsageError("cannot tell the ESCO version from the path; give --version")
    wanted = [x.strip() for x in languages.split(",") if x.strip()] if languages else None
    started = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as progress:
        task = progress.add_task("reading ESCO files", total=None)

        def report(name: str, rows: int) -> None:
            progress.update(task, description=f"{name}: {rows:,} rows")

        try:
            result = import_esco(paths, taxonomy_dir(), version, wanted, report, at=dt.datetime.now(dt.UTC))
        except EscoFormatError as exc:
            raise click.ClickException(f"{exc} (the previous taxonomy is unchanged)") from None
    click.echo(
        f"ESCO {result.version}: {result.concepts:,} concepts, {result.labels:,} labels, "
        f"{result.relations:,} relations; labels "
        f"{', '.join(f'{lang} v{v}' for lang, v in result.language_versions.items())}; "
        f"{time.perf_counter() - started:.1f} s -> {result.path}"
    )


@taxonomy.command()
@click.option("--version", "version", default=None, help="Which imported version (default: the newest).")
def stats(version: str | None) -> None:
    """Counts per concept type, language and relation."""
    store = imported_store(version)
    chosen = store.meta().get("version", "?")
    meta = store.meta()
    versions = ", ".join(f"{lang} v{v}" for lang, v in store.language_versions().items())
    click.echo(f"ESCO {chosen} (labels: {versions or '-'}; imported {meta.get('imported_at', '-')})")
    for section, counts in store.stats().items():
        click.echo(f"{section}:")
        for key, value in counts.items():
            click.echo(f"  {key:<28} {value:>9,}")


@taxonomy.command()
@click.option("--version", "version", default=None, help="Which imported version (default: the newest).")
@click.option(
    "--lang",
    "languages",
    default="fi,sv,en",
    show_default=True,
    metavar="fi,sv,en",
    help="Languages whose title and skill indexes to build.",
)
def prepare(version: str | None, languages: str) -> None:
    """Build the title and skill indexes (vectors, lexicons) ahead of use, so no request waits for them.

    The first build encodes every label once (minutes: about 6 for the English occupations); later
    starts read the cache beside the store.
    """
    from kohtaanto.skills.service import SkillsService

    store = imported_store(version)
    wanted = [x.strip() for x in languages.split(",") if x.strip()]
    unknown = [x for x in wanted if x not in LANGUAGES]
    if unknown:
        raise click.UsageError(f"unknown language {unknown[0]!r}; choose from {', '.join(LANGUAGES)}")
    for language in wanted:
        started = time.perf_counter()
        service = SkillsService(store, language)
        titles = service.titles
        skills = service.skills
        others = sum(len(block.entries) for block in titles.cross)
        click.echo(
            f"{language}: {len(titles.own.entries):,} title labels (+{others:,} in other languages), "
            f"{len(skills.concepts):,} skills; {time.perf_counter() - started:.1f} s"
        )


@taxonomy.command("link-starter")
@click.option("--version", "version", default=None, help="Which imported version (default: the newest).")
@click.option("--top", type=click.IntRange(1, 10), default=3, show_default=True)
def link_starter(version: str | None, top: int) -> None:
    """Suggest the nearest ESCO skills for every starter-vocabulary skill (a reviewer confirms them)."""
    from rich.progress import Progress

    from kohtaanto.skills.service import SkillsService
    from kohtaanto.taxonomy import linking
    from kohtaanto.taxonomy.vocabulary import starter

    store = imported_store(version)
    chosen, path = store.meta().get("version", "?"), store.path
    service = SkillsService(store, "en")
    skills = starter().skills
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("linking starter skills", total=len(skills))
        suggestions = linking.suggest(
            skills, service.skills, top, lambda done: progress.update(task, completed=done)
        )
    linking.save(path, suggestions)
    best = [s for s in suggestions if s.rank == 1]
    click.echo(
        f"{len(best)} of {len(skills)} starter skills linked to ESCO {chosen} ({top} suggestions each)"
    )
