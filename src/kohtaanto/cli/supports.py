"""``kohtaanto supports``: the rules engine at the command line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from kohtaanto.cli.base import on_date
from kohtaanto.core import userdata
from kohtaanto.core.language import LANGUAGES


def _packs(packs: tuple[str, ...]) -> list[str]:
    configured = [p for p in os.environ.get("KOHTAANTO_RULE_PACKS", "").split(os.pathsep) if p]
    return [*configured, *packs]


def rule_engine(packs: tuple[str, ...]) -> Any:
    from kohtaanto.rules import ParameterError, build_engine

    try:
        return build_engine(_packs(packs))
    except ParameterError as exc:
        raise click.ClickException(str(exc)) from None


def _read(file: Path) -> Any:
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
        data = userdata.load(text)
    except UnicodeDecodeError:
        raise click.UsageError(f"{file}: not UTF-8 text") from None
    except userdata.DocumentError as exc:
        raise click.UsageError(f"{file}: {exc}") from None
    if not isinstance(data, dict):
        raise click.UsageError(f"{file}: the situation must be a mapping of fields")
    return data


common = [
    click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)),
    click.option("--on", "on", metavar="DATE", help="The day the question is about (default: today)."),
    click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True),
    click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default="fi",
        show_default=True,
        help="Language of the explanations.",
    ),
    click.option(
        "--pack",
        "packs",
        multiple=True,
        metavar="NAME|PATH",
        help="Also load a regional rule pack (repeatable; KOHTAANTO_RULE_PACKS adds more).",
    ),
]


def _with_common(function: Any) -> Any:
    for decorator in reversed(common):
        function = decorator(function)
    return function


def _answer(question: str, file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    from kohtaanto.rules import InputError, RulesNotInForce
    from kohtaanto.rules.report import render_text
    from kohtaanto.rules.report_year import render_claims, render_cost, render_year

    engine = rule_engine(packs)
    data = _read(file)
    try:
        answer = engine.ask(question, data, on_date(on)).as_dict(lang)
    except InputError as exc:
        raise click.UsageError(f"{file}: {'; '.join(exc.in_language(lang))}") from None
    except RulesNotInForce as exc:
        raise click.ClickException(exc.in_language(lang)) from None
    if fmt == "json":
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        render = {
            "income_year": render_year,
            "employer_cost": render_cost,
            "payment_calendar": render_claims,
        }.get(question, render_text)
        click.echo(render(answer, lang))


@click.group()
def supports() -> None:
    """Which supports apply, and how work combines with benefits, pensions and permits."""


@supports.command("payment-calendar")
@_with_common
def payment_calendar(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """When to claim the decided pay subsidy: each payment period with its last day and what it needs."""
    _answer("payment_calendar", file, on, fmt, lang, packs)


@supports.command()
@_with_common
def year(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """Does the work pay? The household's months with and without the work in FILE."""
    _answer("income_year", file, on, fmt, lang, packs)


@supports.command("employer-cost")
@_with_common
def employer_cost(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """A hire's cost to the employer month by month (24 months by default), after the supports."""
    _answer("employer_cost", file, on, fmt, lang, packs)


@supports.command()
@_with_common
def hire(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """Supports for hiring the person in FILE (YAML or JSON; - reads standard input)."""
    _answer("hire", file, on, fmt, lang, packs)


@supports.command("part-time")
@_with_common
def part_time(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """How part-time earnings change the unemployment benefit."""
    _answer("part_time", file, on, fmt, lang, packs)


@supports.command()
@_with_common
def pension(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """How much a disability pensioner may earn."""
    _answer("pension", file, on, fmt, lang, packs)


@supports.command("right-to-work")
@_with_common
def right_to_work(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """What a residence-permit situation allows, and the employer's duties."""
    _answer("right_to_work", file, on, fmt, lang, packs)


@supports.command("de-minimis")
@_with_common
def de_minimis(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """Whether a new de minimis grant fits under the ceiling of the single undertaking."""
    _answer("de_minimis", file, on, fmt, lang, packs)


@supports.command()
@_with_common
def study(file: Path, on: str | None, fmt: str, lang: str, packs: tuple[str, ...]) -> None:
    """Can the person in FILE study and keep their unemployment benefit, on which basis and for how long."""
    _answer("study", file, on, fmt, lang, packs)


@supports.command()
@click.option("--on", "on", metavar="DATE", help="Show the values in force on this day (default: today).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--unverified", is_flag=True, help="Only the values still marked verified: false.")
@click.option("--pack", "packs", multiple=True, metavar="NAME|PATH")
def params(on: str | None, fmt: str, unverified: bool, packs: tuple[str, ...]) -> None:
    """Every parameter in force, with its value, unit, source and verification status."""
    engine = rule_engine(packs)
    day = on_date(on)
    rows = []
    for name in engine.parameters:
        parameter = engine.parameters[name]
        if not parameter.in_force(day):
            continue
        value = parameter.value_at(day)
        carried = parameter.carried_from(day)
        verified = value.verified and carried is None
        if unverified and verified:
            continue
        rows.append(
            {
                "name": name,
                "value": float(value.value or 0),
                "unit": parameter.unit,
                "since": value.start.isoformat(),
                "verified": verified,
                "carried_from": carried,
                "source": value.source,
                "note": value.note or (f"carried from {carried}: no row for {day.year}" if carried else ""),
                "last_checked": parameter.last_checked.isoformat(),
            }
        )
    for name in engine.parameters:  # drafts are unverified by definition: listed with --unverified too
        parameter = engine.parameters[name]
        draft = parameter.draft
        if draft is not None:
            rows.append(
                {
                    "name": name,
                    "value": float(draft.value or 0),
                    "unit": parameter.unit,
                    "since": None,
                    "draft_proposed_on": draft.start.isoformat(),
                    "verified": False,
                    "source": draft.source,
                    "note": draft.note,
                    "last_checked": parameter.last_checked.isoformat(),
                }
            )
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        if row.get("draft_proposed_on"):
            when = row["draft_proposed_on"]
            click.echo(
                f"{row['name']} = {row['value']:g} {row['unit']} (DRAFT proposed {when}, not in force)"
            )
            click.echo(f"    {row['source']}")
            continue
        flag = "" if row["verified"] else "  [verified: false]"
        click.echo(f"{row['name']} = {row['value']:g} {row['unit']} (since {row['since']}){flag}")
        click.echo(f"    {row['source']}")
    drafts = sum(1 for row in rows if row.get("draft_proposed_on"))
    summary = f"{len(rows) - drafts} parameters in force on {day.isoformat()}"
    click.echo(summary + (f", and {drafts} drafts not in force" if drafts else ""), err=True)


@supports.command("test")
@click.option("--pack", "packs", multiple=True, metavar="NAME|PATH", help="Also run this pack's scenarios.")
def run_tests(packs: tuple[str, ...]) -> None:
    """Run the YAML scenarios and report each failure."""
    from kohtaanto.rules import build_engine
    from kohtaanto.rules.packs import resolve
    from kohtaanto.rules.scenarios import SCENARIO_DIR, check, load_scenarios

    suites = [("national", SCENARIO_DIR, build_engine())]
    for spec in packs:
        suites.append((spec, resolve(spec) / "scenarios", build_engine([spec])))
    passed = failed = 0
    for label, folder, engine in suites:
        for scenario in load_scenarios(folder):
            problems = check(scenario, engine)
            if problems:
                failed += 1
                click.echo(f"FAIL {label} {scenario.where} {scenario.name}")
                for problem in problems:
                    click.echo(f"     {problem}")
            else:
                passed += 1
    click.echo(f"scenarios: {passed} passed, {failed} failed")
    if failed:
        raise click.ClickException(f"{failed} scenario(s) failed")
