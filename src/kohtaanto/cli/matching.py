"""``kohtaanto match``: explained, anonymous matching from files or from the database.

A number (``JOB_ID``, ``PERSON_ID``, ``RUN_ID``) reads the database and records the run (actor
``cli``); a path reads a ``kohtaanto.matching/1`` file and records nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

from kohtaanto.cli.base import django_setup
from kohtaanto.core.language import LANGUAGES

top_option = click.option("--top", type=click.IntRange(1, 1000), default=20, show_default=True)
format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default="fi", show_default=True)


def _read(path: Path, model: type[BaseModel]) -> Any:
    """The file as ``model``; a bad file is a one-line usage error naming the file and the field."""
    from kohtaanto.carving.io import read
    from kohtaanto.cli.carving import load_input

    return load_input(read, path, model)


def _path(value: str, what: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise click.UsageError(f"{what} {value!r} is neither a number (database id) nor a file")
    return path


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _echo_rows(rows: list[dict[str, Any]], excluded: list[dict[str, Any]], key: str) -> None:
    for row in rows:
        name = row[key] if key != "job" else f"{row.get('title', row['job'])}"
        click.echo(f"{row['score']:.3f}  {name}")
        for line in row["explanation"]:
            click.echo(f"       {line}")
    for item in excluded:
        name = item.get("title", item[key])
        click.echo(f"  -    {name}: {item['reason']}")


def _file_results(
    people: list[Any], jobs: list[Any], top: int, lang: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from kohtaanto.matching.places import distance_km
    from kohtaanto.matching.report import miss_row, ranked, result_row
    from kohtaanto.matching.score import score

    results = [score(p, j, distance=distance_km) for p in people for j in jobs]
    hits, misses = ranked(results, top)
    return [result_row(r, lang) for r in hits], [miss_row(m, lang) for m in misses]


@click.group()
def match() -> None:
    """Match people and jobs on skills and capacity; never on who they are."""


@match.command("job")
@click.argument("job", metavar="JOB_ID|FILE")
@click.option(
    "--people",
    "people_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="People file; without it a job file is matched against the database pool.",
)
@top_option
@format_option
@lang_option
def job_command(job: str, people_file: Path | None, top: int, fmt: str, lang: str) -> None:
    """Rank people for a job (a database id or a file), each score explained."""
    from kohtaanto.matching.schema import JobFile, PeopleFile

    if job.isdigit():
        if people_file is not None:
            raise click.UsageError("--people goes with a job file, not a database job")
        django_setup()
        from kohtaanto.web.matching.models import JobPosting
        from kohtaanto.web.matching.runs import match_job

        posting = (
            JobPosting.objects.select_related("organisation__municipality__area").filter(pk=int(job)).first()
        )
        if posting is None:
            raise click.UsageError(f"no job with id {job}")
        view = match_job(None, posting, top, lang).as_dict()
        rows, excluded = view["results"], view["excluded"]
        if fmt == "json":
            _echo_json(view)
            return
        click.echo(f"run {view['run']}: {view['job']['title']} ({view['considered']} people considered)")
        _echo_rows(rows, excluded, "person")
        click.echo(view["notice"])
        return
    path = _path(job, "JOB")
    spec = _read(path, JobFile).job
    if people_file is None:
        django_setup()
        from kohtaanto.web.matching.runs import match_job_spec

        view = match_job_spec(None, spec, top, lang).as_dict()
        if fmt == "json":
            _echo_json(view)
            return
        click.echo(f"run {view['run']}: {spec.ref} ({view['considered']} people considered)")
        _echo_rows(view["results"], view["excluded"], "person")
        click.echo(view["notice"])
        return
    people = [p.to_candidate() for p in _read(people_file, PeopleFile).people]
    rows, excluded = _file_results(people, [spec.to_job()], top, lang)
    if fmt == "json":
        _echo_json({"job": spec.ref, "results": rows, "excluded": excluded})
        return
    _echo_rows(rows, excluded, "person")


@match.command("person")
@click.argument("person", metavar="PERSON_ID|FILE")
@click.option(
    "--jobs",
    "jobs_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Jobs file (format kohtaanto.matching/1 with 'jobs'); needed with a person file.",
)
@click.option("--no-carving", is_flag=True, help="Skip the search for carving opportunities.")
@top_option
@format_option
@lang_option
def person_command(
    person: str, jobs_file: Path | None, no_carving: bool, top: int, fmt: str, lang: str
) -> None:
    """Rank jobs for a person (a database id or pseudonym, or a file), each score explained."""
    from kohtaanto.matching.schema import JobsFile, PeopleFile

    looks_like_id = person.isdigit() or (person.startswith("K-") and not Path(person).exists())
    if looks_like_id:
        if jobs_file is not None:
            raise click.UsageError("--jobs goes with a person file, not a database profile")
        django_setup()
        from kohtaanto.web.matching.models import SeekerProfile
        from kohtaanto.web.matching.runs import match_person

        found = SeekerProfile.objects.select_related("area")
        profile = (
            found.filter(pk=int(person)).first()
            if person.isdigit()
            else found.filter(pseudonym=person).first()
        )
        if profile is None:
            raise click.UsageError(f"no profile {person}")
        view = match_person(None, profile, top, lang, carving=not no_carving).as_dict()
        if fmt == "json":
            _echo_json(view)
            return
        click.echo(f"run {view['run']}: {view['profile']} ({view['considered']} open jobs considered)")
        _echo_rows(view["results"], view["excluded"], "job")
        for item in view["carving_opportunities"]:
            tasks = ", ".join(item["tasks"])
            click.echo(f"carving  {item['organisation']}: {item['hours_per_week']} h/week, {tasks}")
        click.echo(view["notice"])
        return
    path = _path(person, "PERSON")
    if jobs_file is None:
        raise click.UsageError("give --jobs FILE with a person file")
    people = _read(path, PeopleFile).people
    if len(people) != 1:
        raise click.UsageError(f"{path}: a person file for 'match person' holds exactly one person")
    jobs = [j.to_job() for j in _read(jobs_file, JobsFile).jobs]
    rows, excluded = _file_results([people[0].to_candidate()], jobs, top, lang)
    if fmt == "json":
        _echo_json({"person": people[0].ref, "results": rows, "excluded": excluded})
        return
    _echo_rows(rows, excluded, "job")


@match.command("pool")
@click.argument("pool_file", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--min-score", type=click.FloatRange(0, 1), default=None, help="Overrides the file's min_score."
)
@format_option
@lang_option
def pool_command(pool_file: Path, min_score: float | None, fmt: str, lang: str) -> None:
    """Assign people to jobs with headcounts, maximising the total score (min-cost flow)."""
    from kohtaanto.matching.assign import assign
    from kohtaanto.matching.places import distance_km
    from kohtaanto.matching.report import result_row
    from kohtaanto.matching.schema import PoolFile
    from kohtaanto.matching.score import Scored, score

    data = _read(pool_file, PoolFile)
    floor = data.min_score if min_score is None else min_score
    jobs = {j.ref: j.to_job() for j in data.jobs}
    people = {p.ref: p.to_candidate() for p in data.people}
    scored = {
        (p, j): r
        for p, person in people.items()
        for j, job in jobs.items()
        if isinstance(r := score(person, job, distance=distance_km), Scored)
    }
    result = assign(
        [(p, j, r.score) for (p, j), r in scored.items()], {j.ref: j.headcount for j in data.jobs}, floor
    )
    chosen = result.people
    out: dict[str, Any] = {
        "total_score": result.total,
        "min_score": floor,
        "pairs": [result_row(scored[(p, j)], lang) for p, j, _ in result.pairs],
        "unassigned": sorted(set(people) - set(chosen)),
        "open_places": {
            j.ref: j.headcount - sum(1 for v in chosen.values() if v == j.ref)
            for j in data.jobs
            if j.headcount > sum(1 for v in chosen.values() if v == j.ref)
        },
    }
    if fmt == "json":
        _echo_json(out)
        return
    click.echo(f"total score {result.total:.3f} over {len(result.pairs)} pairs (min score {floor})")
    for row in out["pairs"]:
        click.echo(f"{row['score']:.3f}  {row['person']} → {row['job']}")
    if out["unassigned"]:
        click.echo(f"unassigned: {', '.join(out['unassigned'])}")
    for ref, left in out["open_places"].items():
        click.echo(f"open: {ref} ({left})")


@match.command("fairness")
@click.argument("run_id", metavar="RUN_ID", type=int)
@click.option(
    "--dimension",
    type=click.Choice(["age_band", "gender", "origin", "language", "disability"]),
    default=None,
    help="One opt-in group dimension; all of them when left out.",
)
@format_option
def fairness_command(run_id: int, dimension: str | None, fmt: str) -> None:
    """Recommendation rates across opt-in groups for a recorded run (disparity ratios)."""
    from dataclasses import asdict

    django_setup()
    from kohtaanto.web.matching.models import GroupDimension, MatchingRun
    from kohtaanto.web.matching.runs import RunError, fairness

    run = MatchingRun.objects.filter(pk=run_id).first()
    if run is None:
        raise click.UsageError(f"no matching run {run_id}")
    dimensions = [dimension] if dimension else list(GroupDimension.values)
    try:
        report = {d: [asdict(g) for g in fairness(None, run, d)] for d in dimensions}
    except RunError as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        _echo_json({"run": run.pk, "considered": len(run.considered), "groups": report})
        return
    click.echo(f"run {run.pk} ({run.kind}): {len(run.considered)} considered, {len(run.results)} recommended")
    for name, groups in report.items():
        click.echo(f"{name}:")
        if not groups:
            click.echo("  no opt-in group data")
        for g in groups:
            if g["rate"] is None:
                click.echo(f"  {g['group']}: {g['eligible']} people, too few to report")
            else:
                flag = "  ← below four fifths" if g["flagged"] else ""
                rate, ratio = f"{g['rate']:.2f}", f"{g['ratio']:.2f}"
                click.echo(f"  {g['group']}: rate {rate}, ratio {ratio} ({g['eligible']} people){flag}")
