"""``kohtaanto eval``: measure normalisation and extraction on the development sets, with baselines."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kohtaanto.cli.taxonomy import imported_store, taxonomy_dir
from kohtaanto.core.language import LANGUAGES

if TYPE_CHECKING:
    from kohtaanto.plainlang.evaluate import LabelledResult
    from kohtaanto.skills.normalise import LabelRanker


def _service(esco: Path | None) -> object:
    from kohtaanto.skills.service import SkillsService
    from kohtaanto.taxonomy.store import TaxonomyStore, store_path

    if esco is not None and esco.suffix == ".sqlite":
        return SkillsService(TaxonomyStore(esco))
    if esco is not None:  # a download folder or zip: import it first (idempotent)
        from kohtaanto.taxonomy.esco import guess_version
        from kohtaanto.taxonomy.store import import_esco

        version = guess_version(esco)
        if not version:
            raise click.UsageError(
                "cannot tell the ESCO version from --esco; import it with 'kohtaanto taxonomy import'"
            )
        path = store_path(taxonomy_dir(), version)
        if not path.exists():
            import_esco([esco], taxonomy_dir(), version, at=dt.datetime.now(dt.UTC))
        return SkillsService(TaxonomyStore(path))
    return SkillsService(imported_store())


def _print(rows: Sequence[Mapping[str, object]], fmt: str, header: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(header)
    for row in rows:
        click.echo("  " + "  ".join(f"{k}={v}" for k, v in row.items()))


def set_and_format(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The ``--set FILE`` (a labelled set; the shipped one when left out) and ``--format`` options."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        with_format = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
        data = click.Path(exists=True, dir_okay=False, path_type=Path)
        return click.option("--set", "set_file", type=data, default=None, help=help_text)(
            with_format(command)
        )

    return decorate


@click.group("eval")
def evaluate() -> None:
    """Measure job-title normalisation and skill extraction on development data."""


@evaluate.command()
@click.option("--esco", type=click.Path(exists=True, path_type=Path), help="ESCO download or imported store.")
@click.option(
    "--titles",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="CSV with vacancyTitle and conceptUri columns.",
)
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N titles.")
@click.option("--baselines/--no-baselines", default=True, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def jobnorm(esco: Path | None, titles: Path, limit: int | None, baselines: bool, fmt: str) -> None:
    """MRR@10, R@1, R@5 and R@10 of title → occupation, and the same for the baselines."""
    from kohtaanto.skills.evaluation import fuzzy_ranker, read_titles, score_ranking

    service = _service(esco)
    ranker = service.titles  # type: ignore[attr-defined]
    queries = read_titles(titles, limit)
    rows = [
        score_ranking(
            "hybrid", queries, None, rank_all=lambda ts: [[r.uri for r in x] for x in ranker.rank_titles(ts)]
        ).as_dict()
    ]
    if baselines:
        rows.append(
            score_ranking(
                "embeddings only", queries, lambda t: [r.uri for r in ranker.rank(t, use=("dense",))]
            ).as_dict()
        )
        entries = sorted((e.uri, e.role, e.text) for e in ranker.lexical.entries)
        rows.append(score_ranking("fuzzy label (rapidfuzz)", queries, fuzzy_ranker(entries)).as_dict())
    _print(rows, fmt, f"job-title normalisation: {len(queries)} titles from {titles.name}")


def _first_titles(ranker: LabelRanker, titles: list[str]) -> list[list[str]]:
    return [[r.uri for r in ranked] for ranked in ranker.rank_titles(titles, k=1)]


def _first_dense(ranker: LabelRanker, title: str) -> list[str]:
    return [r.uri for r in ranker.rank(title, k=1, use=("dense",))]


@evaluate.command()
@click.option("--esco", type=click.Path(exists=True, path_type=Path), help="ESCO download or imported store.")
@click.option(
    "--lang",
    "languages",
    type=click.Choice(["fi", "sv"]),
    multiple=True,
    default=("fi", "sv"),
    show_default=True,
    help="Language of the titles (repeatable).",
)
@click.option("--baselines/--no-baselines", default=True, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def titles(esco: Path | None, languages: tuple[str, ...], baselines: bool, fmt: str) -> None:
    """Top-1 ISCO-08 unit group of Finnish and Swedish titles → occupation, with the baselines.

    The development titles (ESCO's held-out Finnish labels, the starter occupations' names and the
    written titles of skills/data/dev_titles_<lang>.csv) are hidden from the index while they are asked.
    """
    import time

    from kohtaanto.skills.embeddings import default_encoder
    from kohtaanto.skills.evaluation import fuzzy_ranker, held_out_texts, score_groups, title_queries
    from kohtaanto.skills.normalise import TITLE_BATCH, CrossLabels, LabelRanker, clean_title
    from kohtaanto.skills.normalise import WEIGHTS as TITLE_WEIGHTS
    from kohtaanto.skills.service import SkillsService
    from kohtaanto.taxonomy.occupations import common_titles

    base = _service(esco)
    store = base.store  # type: ignore[attr-defined]
    groups = store.groups("occupation")
    roles = ("preferred", "alternative", "hidden")
    missing = sorted({t.esco for t in common_titles().titles if not store.find(t.esco, "en", "occupation")})
    if missing:
        click.echo(f"common titles left out (no such ESCO occupation): {', '.join(missing)}", err=True)
    rows: list[dict[str, object]] = []
    for language in languages:
        service = SkillsService(store, language)
        esco_labels = store.labels(language, ["occupation"], roles) if language in store.languages else []
        starter = [(name, uri) for uri, role, name in service.local_titles(language) if role == "starter"]
        queries = title_queries(language, esco_labels, groups, starter)
        hidden = held_out_texts(queries, clean_title)
        ranker = service.title_ranker(exclude=hidden)
        ours = score_groups(
            "hybrid", queries, None, groups, rank_all=functools.partial(_first_titles, ranker)
        )
        rows += [{"language": language, **row.as_dict()} for row in ours]
        if not baselines:
            continue
        encoder = service.encoder or default_encoder()
        started = time.perf_counter()
        for query in queries:
            encoder.queries([query.title])
        rate = len(queries) / max(time.perf_counter() - started, 1e-9)
        rows.append(
            {"language": language, "method": "raw encoder, one title a call", "per_second": round(rate, 1)}
        )
        started = time.perf_counter()
        for first in range(0, len(queries), TITLE_BATCH):
            encoder.queries([query.title for query in queries[first : first + TITLE_BATCH]])
        rate = len(queries) / max(time.perf_counter() - started, 1e-9)
        rows.append(
            {
                "language": language,
                "method": f"raw encoder, {TITLE_BATCH} titles a call",
                "per_second": round(rate, 1),
            }
        )
        if not {"fi", "en"} <= set(store.languages):
            continue
        finnish = store.labels("fi", ["occupation"], roles)
        english = store.labels("en", ["occupation"], roles)
        plain = LabelRanker(
            finnish,
            "fi",
            service.cache_dir / "occupation-fi.npz",
            symmetric=True,
            cross=(CrossLabels(english, service.cache_dir / "occupation-en.npz"),),
            exclude=hidden,
            weights={**TITLE_WEIGHTS, "own": 1.0},  # plain cosines: every language's labels alike
        )
        dense = score_groups(
            "embeddings only (ESCO fi+en)",
            queries,
            functools.partial(_first_dense, plain),
            groups,
        )
        kept = sorted(e for e in [*finnish, *english] if e[2].casefold() not in hidden)
        fuzzy = score_groups("fuzzy label (rapidfuzz, ESCO fi+en)", queries, fuzzy_ranker(kept), groups)
        rows += [{"language": language, **row.as_dict()} for row in [*dense, *fuzzy]]
    _print(rows, fmt, "job titles → ISCO-08 unit group of the first occupation (held out from the index)")


@evaluate.command()
@click.option("--esco", type=click.Path(exists=True, path_type=Path), help="ESCO download or imported store.")
@click.option(
    "--annotations",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    multiple=True,
    help="CSV with sentence and label columns (repeatable).",
)
@click.option("--baselines/--no-baselines", default=True, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def skills(esco: Path | None, annotations: tuple[Path, ...], baselines: bool, fmt: str) -> None:
    """R-Precision@5 and @10 of sentence → skills, and the same for the baselines."""
    from kohtaanto.skills.evaluation import fuzzy_ranker, read_annotations, score_extraction

    service = _service(esco)
    extractor = service.skills  # type: ignore[attr-defined]
    label_to_uri = {label.casefold(): uri for uri, label in extractor.preferred.items()}
    rows = []
    for path in annotations:
        data = read_annotations(path, label_to_uri)
        rows.append(
            {
                "set": path.name,
                **score_extraction("hybrid", data, lambda s: [e.uri for e in extractor.extract(s)]).as_dict(),
            }
        )
        if baselines:
            rows.append(
                {
                    "set": path.name,
                    **score_extraction(
                        "embeddings only",
                        data,
                        lambda s: [e.uri for e in extractor.extract(s, use=("dense",))],
                    ).as_dict(),
                }
            )
            entries = sorted((e.uri, e.role, e.text) for e in extractor.lexical.entries)
            rows.append(
                {
                    "set": path.name,
                    **score_extraction("fuzzy label (rapidfuzz)", data, fuzzy_ranker(entries)).as_dict(),
                }
            )
    _print(rows, fmt, "skill extraction")


@evaluate.command()
@click.option("--esco", type=click.Path(exists=True, path_type=Path), help="ESCO download or imported store.")
@set_and_format("YAML of phrases (default: the shipped fi/sv/en set).")
def crosslingual(esco: Path | None, set_file: Path | None, fmt: str) -> None:
    """Top-1 and top-3 accuracy of skill extraction for the same phrases in fi, sv and en."""
    import yaml

    from kohtaanto.skills.service import SkillsService

    base = _service(esco)
    path = set_file or Path(__file__).parents[1] / "skills" / "data" / "crosslingual_set.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    english = base.skills  # type: ignore[attr-defined]
    label_to_uri = {label.casefold(): uri for uri, label in english.preferred.items()}
    items = [item for item in data["items"] if item["concept"].casefold() in label_to_uri]
    rows = []
    for language in LANGUAGES:
        extractor = SkillsService(base.store, language).skills  # type: ignore[attr-defined]
        top1 = top3 = 0
        for item in items:
            ranked = [r.uri for r in extractor.extract(item[language], k=3)]
            gold = label_to_uri[item["concept"].casefold()]
            top1 += bool(ranked) and ranked[0] == gold
            top3 += gold in ranked
        n = max(len(items), 1)
        rows.append(
            {
                "language": language,
                "phrases": len(items),
                "top1": round(top1 / n, 3),
                "top3": round(top3 / n, 3),
            }
        )
    _print(rows, fmt, f"cross-lingual skill extraction: {len(items)} concepts from {path.name}")


@evaluate.command("own-words")
@set_and_format("YAML of sentences with the starter skills a coach would tick (default: the shipped set).")
def own_words(set_file: Path | None, fmt: str) -> None:
    """Starter skills from sentences in a person's own words, as the skills page suggests them: how often
    the first suggestion is one a coach would tick, and how many of those are in the first five; against
    the same extractor without the skills' descriptions (labels alone). Needs no imported taxonomy."""
    import yaml

    from kohtaanto.core.language import READER_LANGUAGES
    from kohtaanto.skills.service import starter_extractor

    path = set_file or Path(__file__).parents[1] / "skills" / "data" / "own_words_dev.yaml"
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        cases = [
            (str(i["lang"]), str(i.get("split", "all")), str(i["text"]), list(i["skills"])) for i in items
        ]
    except (yaml.YAMLError, KeyError, TypeError) as error:
        raise click.UsageError(f"{path}: not a list of items with lang, text and skills ({error})") from error
    unknown = sorted({lang for lang, _, _, _ in cases} - set(READER_LANGUAGES))
    if unknown:
        raise click.UsageError(f"{path}: no starter vocabulary in {', '.join(unknown)}")
    cache = taxonomy_dir().parent / "skills-cache"
    rows: list[dict[str, object]] = []
    for language in dict.fromkeys(lang for lang, _, _, _ in cases):
        extractor = starter_extractor(language, cache)
        for method, weight in (("kohtaanto", extractor.weights["description"]), ("labels alone", 0.0)):
            extractor.weights["description"] = weight
            tally: dict[str, list[int]] = {}
            for lang, split, text, gold in cases:
                if lang != language:
                    continue
                found = [s.uri for s in extractor.extract(text, k=5)]
                for key in (split, "all"):
                    counts = tally.setdefault(key, [0, 0, 0, 0])
                    counts[0] += 1
                    counts[1] += bool(found) and found[0] in gold
                    counts[2] += len(set(found) & set(gold))
                    counts[3] += len(gold)
            rows += [
                {
                    "language": language,
                    "method": method,
                    "split": key,
                    "texts": texts,
                    "first_right": round(first / texts, 3),
                    "gold_in_top5": round(hits / max(gold, 1), 3),
                }
                for key, (texts, first, hits, gold) in sorted(tally.items(), key=lambda kv: kv[0] == "all")
            ]
    _print(rows, fmt, f"skills in own words (starter vocabulary): {len(cases)} sentences from {path.name}")


@evaluate.command("matching")
@set_and_format("Labelled set (default: the shipped matching/data/eval_set.yaml).")
def matching_eval(set_file: Path | None, fmt: str) -> None:
    """Precision at k of matching on a labelled set (people a coach calls a fit), with two baselines."""
    from kohtaanto.carving.io import read
    from kohtaanto.cli.carving import load_input
    from kohtaanto.matching import evaluate as match_eval
    from kohtaanto.matching.places import distance_km
    from kohtaanto.matching.schema import EvalFile

    path = set_file or Path(match_eval.__file__).with_name("data") / "eval_set.yaml"
    data = load_input(read, path, EvalFile)
    jobs = [j.to_job() for j in data.jobs]
    people = [p.to_candidate() for p in data.people]
    methods = [
        ("kohtaanto", match_eval.kohtaanto_rank(distance_km)),
        ("skill overlap only", match_eval.skill_overlap),
        ("place, hours and language only", match_eval.place_hours_language),
    ]
    rows = [match_eval.evaluate(name, jobs, people, data.fits, rank).as_dict() for name, rank in methods]
    _print(rows, fmt, f"matching: {len(jobs)} jobs, {len(people)} people from {path.name}")


@evaluate.command("selko")
@click.option(
    "--pairs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of paired texts (one YAML file per language), e.g. corpus/plainlang/dev.",
)
@click.option(
    "--labelled",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON lines of real easy and standard texts (label, source, text), e.g. the development set "
    "plain_fi_dev.jsonl; default: $KOHTAANTO_PLAIN_DEV.",
    envvar="KOHTAANTO_PLAIN_DEV",
)
@click.option("--language", type=click.Choice(LANGUAGES), default="fi", help="Of the labelled texts.")
@click.option("--no-voikko", is_flag=True, help="Use the heuristic mode even when Voikko is installed.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def selko_eval(pairs: Path | None, labelled: Path | None, language: str, no_voikko: bool, fmt: str) -> None:
    """How well the score tells plain from standard text, against LIX and sentence length alone: on
    paired texts (plain better in each pair, AUC) and on real labelled texts (AUC overall and per source,
    each band's share of easy texts, each rule's rate on easy and standard text)."""
    from rich.progress import Progress

    from kohtaanto.plainlang.evaluate import (
        PairsError,
        evaluate,
        evaluate_labelled,
        load_labelled,
        load_pairs,
    )
    from kohtaanto.plainlang.morph import analyzer

    if pairs is None and labelled is None:
        raise click.UsageError("give --pairs FOLDER, --labelled FILE or both")
    try:
        loaded = load_pairs(pairs) if pairs else []
        texts = load_labelled(labelled) if labelled else []
    except PairsError as exc:
        raise click.UsageError(str(exc)) from None
    mode = analyzer("fi", not no_voikko).mode
    with Progress(transient=True, disable=fmt == "json") as bar:
        task = bar.add_task("scoring texts", total=len(loaded) + len(texts))
        results = evaluate(loaded, not no_voikko, lambda: bar.advance(task)) if loaded else []
        found = (
            evaluate_labelled(texts, language, not no_voikko, progress=lambda: bar.advance(task))
            if texts
            else None
        )
    rows: list[dict[str, object]] = [
        {
            "set": "pairs",
            "language": r.language,
            "pairs": r.pairs,
            "plain_better": round(r.checker_prefers_plain, 3),
            "plain_better_lix": round(r.lix_prefers_plain, 3),
            "auc": round(r.checker_auc, 3),
            "auc_lix": round(r.lix_auc, 3),
            "misses": ",".join(r.misses) or "-",
        }
        for r in results
    ]
    if found is not None:
        rows += _labelled_rows(found, labelled)
    _print(rows, fmt, f"plain-language evaluation (Finnish mode: {mode}; score: higher = plainer)")


_UNMEASURED = {
    "paragraphs": "the texts have no paragraph breaks",
    "reader": "the texts address no reader (news), easy or not",
}


def _labelled_rows(found: LabelledResult, path: Path | None) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {
            "set": f"labelled {path.name if path else ''}",
            "language": found.language,
            "easy": found.easy,
            "standard": found.standard,
            "auc": round(found.auc, 3),
            "auc_lix": round(found.lix_auc, 3),
            "auc_sentence_length": round(found.sentence_auc, 3),
        }
    ]
    rows += [
        {"source": s.source, "texts": s.texts, "auc": round(s.auc, 3), "auc_lix": round(s.lix_auc, 3)}
        for s in found.sources
    ]
    rows += [
        {"band": b.band, "texts": b.texts, "easy_share": "-" if b.texts == 0 else round(b.easy_share, 3)}
        for b in found.bands
    ]
    rows += [
        {
            "rule": r.rule,
            "texts": r.texts,
            "easy_per_1000_words": round(r.easy_per_1000, 2),
            "standard_per_1000_words": round(r.standard_per_1000, 2),
            "precision": round(r.precision, 3),
        }
        if not r.unmeasured
        else {"rule": r.rule, "texts": r.texts, "precision": "-", "not_measured": _UNMEASURED[r.unmeasured]}
        for r in found.rules
    ]
    return rows
