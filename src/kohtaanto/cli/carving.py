"""``kohtaanto carve`` and ``kohtaanto carve-pool``: job carving at the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kohtaanto.cli.base import on_date
from kohtaanto.cli.supports import rule_engine
from kohtaanto.core.formatting import number
from kohtaanto.core.language import LANGUAGES

FORMATS = ("text", "json", "md")


def _settings(path: Path | None, on: str | None) -> Any:
    from kohtaanto.carving.io import parse
    from kohtaanto.carving.schema import SettingsIn

    data: dict[str, Any] = {}
    if path is not None:
        from kohtaanto.core import userdata

        try:
            loaded = userdata.load(path.read_text(encoding="utf-8")) or {}
        except (userdata.DocumentError, UnicodeDecodeError) as exc:
            raise click.UsageError(f"{path}: {exc}") from None
        data = loaded if isinstance(loaded, dict) else {"_": loaded}
    settings = parse(data, SettingsIn, str(path or "settings"))
    return settings.model_copy(update={"on": on_date(on) if on or not settings.on else settings.on})


def _solver(time_limit: float, seed: int, workers: int) -> Any:
    from kohtaanto.carving.solver import SolverSettings

    return SolverSettings(time_limit=time_limit, seed=seed, workers=workers)


def dumps(data: Any) -> str:
    from kohtaanto.carving.proposal import json_default

    return json.dumps(data, default=json_default, ensure_ascii=False, indent=2)


LABELS = {
    "fi": {
        "hours": "h/vko",
        "freed": "Vapautuu",
        "aids": "Järjestelyt",
        "net": "Nettokustannus työnantajalle",
        "cost": "Kustannus ilman tukia",
        "supports": "Tuet",
        "excluded": "Pois jätetyt tehtävät",
        "optimal": "todistetusti paras",
        "gap": "ero ylärajaan",
        "greedy": "aikaraja tuli vastaan: paras löydetty (ahne) ratkaisu",
        "month": "€/kk",
        "proposal": "Ehdotus",
        "training": "Koulutus",
    },
    "sv": {
        "hours": "h/vecka",
        "freed": "Frigörs",
        "aids": "Arrangemang",
        "net": "Nettokostnad för arbetsgivaren",
        "cost": "Kostnad utan stöd",
        "supports": "Stöd",
        "excluded": "Uppgifter som lämnats bort",
        "optimal": "bevisat bäst",
        "gap": "avstånd till gränsen",
        "greedy": "tidsgränsen nåddes: bästa hittade (giriga) lösningen",
        "month": "€/mån",
        "proposal": "Förslag",
        "training": "Utbildning",
    },
    "en": {
        "hours": "h/week",
        "freed": "Freed",
        "aids": "Accommodations",
        "net": "Net cost to the employer",
        "cost": "Cost before supports",
        "supports": "Supports",
        "excluded": "Tasks left out",
        "optimal": "proven optimal",
        "gap": "gap to bound",
        "greedy": "time limit reached: the best (greedy) answer found",
        "month": "€/month",
        "proposal": "Proposal",
        "training": "Training",
    },
}


def render(results: list[dict[str, Any]], fmt: str, language: str) -> str:
    if fmt == "json":
        return dumps(results)
    words = LABELS[language]
    md = fmt == "md"
    lines: list[str] = []
    for result in results:
        title = f"{result['alias'] or result['person']}"
        lines.append(f"## {title}" if md else f"== {title} ==")
        if result["message"]:
            lines.append(result["message"])
        for n, p in enumerate(result["proposals"], start=1):
            status = words["optimal"] if p["optimal"] else f"{words['gap']} {p['gap']:.1%}"
            lines.append(
                f"{'### ' if md else ''}{words['proposal']} {n}: {number(p['hours_per_week'], language)} "
                f"{words['hours']} ({status})"
            )
            for task in p["tasks"]:
                lines.append(f"- {task['name']}: {number(task['hours_per_week'], language)} {words['hours']}")
            for role, hours in p["freed_hours_by_role"].items():
                why = p["freed_for"].get(role) or ""
                name = p["role_titles"].get(role, role)
                lines.append(
                    f"{words['freed']} ({name}): {number(hours, language)} {words['hours']}. {why}".rstrip()
                )
            if p["accommodations"]:
                aids = ", ".join(a["name"] for a in p["accommodations"])
                lines.append(f"{words['aids']}: {aids}")
            lines.append(f"{words['training']}: {p['training_path']['text']}")
            lines.append(f"{words['cost']}: {number(p['employer_monthly_cost'], language)} {words['month']}")
            supports = ", ".join(s["name"] for s in p["supports"]) or "-"
            lines.append(f"{words['supports']}: {supports}")
            lines.append(f"{words['net']}: {number(p['net_monthly_cost'], language)} {words['month']}")
            lines.append("")
            lines.append(p["job_description"][language])
            lines.append("")
        if result["proposals"]:
            lines.append(f"{'#### ' if md else ''}{words['excluded']}:")
            lines.extend(f"- {reason}" for reason in result["proposals"][0]["excluded"].values())
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def load_input(func: Any, *args: Any) -> Any:
    from kohtaanto.carving.io import CarvingInputError

    try:
        return func(*args)
    except CarvingInputError as exc:
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        raise click.UsageError(exc.problems[0] + more) from None


common = [
    click.option(
        "--time-limit",
        type=click.FloatRange(0.1, 3600),
        default=10.0,
        show_default=True,
        help="Seconds for the solver.",
    ),
    click.option(
        "--seed", type=int, default=7, show_default=True, help="Solver seed (deterministic with one worker)."
    ),
    click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True),
    click.option(
        "--settings",
        "settings_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Objective weights and limits (YAML).",
    ),
    click.option("--on", metavar="DATE", help="Date of the support calculation (default: today)."),
    click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True),
    click.option("--lang", type=click.Choice(LANGUAGES), default="fi", show_default=True),
    click.option("--pack", "packs", multiple=True, help="Regional rule pack for the supports (repeatable)."),
]


def with_common(func: Any) -> Any:
    for option in reversed(common):
        func = option(func)
    return func


@click.command()
@click.argument("workplace", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False)
@click.option(
    "--people",
    "people_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="People file (default: the people in the workplace file).",
)
@click.option(
    "--accommodations",
    "catalogue_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Accommodation catalogue (default: the one in the workplace file).",
)
@click.option("--alternatives", type=click.IntRange(1, 10), default=1, show_default=True)
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the input files and stop.")
@with_common
def carve(
    workplace: Path | None,
    people_file: Path | None,
    catalogue_file: Path | None,
    alternatives: int,
    schema: bool,
    time_limit: float,
    seed: int,
    workers: int,
    settings_file: Path | None,
    on: str | None,
    fmt: str,
    lang: str,
    packs: tuple[str, ...],
) -> None:
    """Carve the best new job for each person at one WORKPLACE."""
    from kohtaanto.carving import io
    from kohtaanto.carving.schema import json_schema
    from kohtaanto.carving.service import carve_workplace

    if schema:
        click.echo(dumps(json_schema()))
        return
    if workplace is None:
        raise click.UsageError("give a WORKPLACE file (or --schema)")
    source = load_input(io.read_workplace, workplace)
    people = load_input(io.read_people, people_file).people if people_file else source.people
    if not people:
        raise click.UsageError(f"{workplace}: no people; give --people FILE")
    catalogue = (
        load_input(io.read_catalogue, catalogue_file).accommodations
        if catalogue_file
        else source.accommodations
    )
    settings = load_input(_settings, settings_file, on)
    results = carve_workplace(
        source,
        people,
        catalogue,
        settings,
        rule_engine(packs),
        settings.on,
        _solver(time_limit, seed, workers),
        alternatives,
        lang,
    )
    click.echo(render([r.as_dict() for r in results], fmt, lang), nl=False)


@click.command("carve-pool")
@click.argument("pooldir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@with_common
def carve_pool(
    pooldir: Path,
    time_limit: float,
    seed: int,
    workers: int,
    settings_file: Path | None,
    on: str | None,
    fmt: str,
    lang: str,
    packs: tuple[str, ...],
) -> None:
    """Carve jobs for a talent pool: POOLDIR holds people.yaml and one file per workplace."""
    from kohtaanto.carving import io
    from kohtaanto.carving.service import carve_talent_pool

    workplaces, people = load_input(io.read_pool, pooldir)
    settings = load_input(_settings, settings_file, on)
    result = carve_talent_pool(
        workplaces,
        people.people,
        settings,
        rule_engine(packs),
        settings.on,
        _solver(time_limit, seed, workers),
        lang,
    )
    body = result.as_dict()
    if fmt == "json":
        click.echo(dumps(body))
        return
    words = LABELS[lang]
    status = words["optimal"] if result.optimal else f"{words['gap']} {result.gap:.1%}"
    if result.status == "GREEDY":
        status = f"{words['greedy']}, {status}"
    click.echo(
        f"{'# ' if fmt == 'md' else ''}{len(workplaces)} / {len(people.people)}: {result.objective} "
        f"{words['month']} ({status}, {result.seconds:.1f} s)"
    )
    click.echo(render(body["people"], fmt, lang), nl=False)
