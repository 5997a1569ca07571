"""Title normalisation, skill extraction and the skill suggester on one core, against the raw encoder.

Inputs: an imported ESCO taxonomy (``KOHTAANTO_TAXONOMY_DIR``, or ``--esco`` to import the real files
from ``../shared/data/esco`` first). Titles: the Finnish and Swedish development titles of
``kohtaanto eval titles`` (ESCO's held-out Finnish labels, starter names, written titles); sentences: the
TECH and HOUSE validation sentences (``--sentences``, English) and the shipped Finnish examples.
Each run uses a fresh query cache. Baseline in the same run: the encoder alone, one text a call, on
the same texts (what normalising or extracting cannot go below without skipping the encoder).
Prints sizes, the median of ``--runs`` runs, and ratios; also load time, memory, and the suggester's
per-keystroke latency.

    .venv/bin/python benchmarks/skills.py [--runs 3] [--titles 400] [--sentences FILE ...]
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"

FINNISH_SENTENCES = [
    "Olen tiskannut ravintolassa kaksi vuotta.",
    "Osaan kokata ja siivota.",
    "Olen ajanut trukkia varastossa ja kerännyt tilauksia.",
    "Täytin hyllyjä kaupassa ja palvelin asiakkaita kassalla.",
    "Olen siivonnut toimistoja ja hotellihuoneita.",
    "Hoidan lapset ja teen ruokaa kotona.",
    "En osaa ajaa autoa, mutta pyöräilen töihin.",
    "Pesen astiat ja pyyhin pöydät.",
]


# Finnish sentences in a person's own words, with the starter skill a coach would tick first.
FINNISH_GOLD = [
    ("Olen tiskannut ravintolassa.", "kitchen.wash_dishes"),
    ("Osaan kokata.", "kitchen.cook_simple_meals"),
    ("Pesen astiat.", "kitchen.wash_dishes"),
    ("Olen siivonnut toimistoja.", "cleaning.clean_offices"),
    ("Täytin hyllyjä kaupassa.", "retail.stock_shelves"),
    ("Hoidan lapset.", "early_childhood_support.play_with_children"),
    ("Olen ajanut trukkia varastossa.", "warehouse.drive_forklift"),
    ("Keräsin tilauksia varastossa.", "warehouse.pick_orders"),
    ("Olen pakannut tuotteita.", "warehouse.pack_goods"),
    ("Imuroin ja pyyhin pölyt.", "cleaning.vacuum"),
    ("Pesin ikkunoita.", "cleaning.wash_windows"),
    ("Olin kassalla kaupassa.", "retail.work_at_till"),
    ("Jaoin lehtiä aamuisin.", "logistics.deliver_newspapers"),
    ("Kuorin ja pilkoin kasviksia.", "kitchen.prepare_vegetables"),
    ("Tein voileipiä ja salaatteja.", "kitchen.make_salads_sandwiches"),
    ("Lakaisin ja luin lunta pihalta.", "property_maintenance.clear_snow"),
]


def bench_finnish_words(runs: int) -> None:
    """Voikko against simplemma (the fallback): does the right starter skill come first, and how fast."""
    import tempfile

    from kohtaanto.core import voikko
    from kohtaanto.skills import text
    from kohtaanto.skills.service import starter_extractor

    cache = Path(tempfile.mkdtemp(prefix="kohtaanto-bench-"))
    modes = [("simplemma", lambda: None)]
    if voikko.finnish() is not None:
        modes.insert(0, ("voikko", voikko.finnish))
    for name, morphology in modes:
        text._voikko = morphology  # type: ignore[assignment]
        text.lemma.cache_clear()
        extractor = starter_extractor("fi", cache)
        first = top3 = 0
        speeds = []
        for _ in range(runs):
            text.lemma.cache_clear()
            started = time.perf_counter()
            found = [[f.uri for f in extractor.extract(sentence, k=3)] for sentence, _ in FINNISH_GOLD]
            speeds.append(rate(len(FINNISH_GOLD), time.perf_counter() - started))
        for ranked, (_, gold) in zip(found, FINNISH_GOLD, strict=True):
            first += bool(ranked) and ranked[0] == gold
            top3 += gold in ranked
        n = len(FINNISH_GOLD)
        print(
            f"own words fi ({name}): {n} sentences | first right {first}/{n} | in top 3 {top3}/{n}"
            f" | {statistics.median(speeds):.1f} sentences/s"
        )
    text._voikko = voikko.finnish  # type: ignore[assignment]
    text.lemma.cache_clear()


def rate(count: int, seconds: float) -> float:
    return count / max(seconds, 1e-9)


def timed(function, items) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - started


def open_store(esco: Path | None):  # type: ignore[no-untyped-def]
    from kohtaanto.taxonomy.store import TaxonomyStore, available_versions, import_esco, store_path

    folder = Path(os.environ.get("KOHTAANTO_TAXONOMY_DIR", ROOT / ".data" / "bench-taxonomy"))
    if esco is not None:
        import datetime as dt

        files = [*sorted(esco.glob("v1.1.1/*.zip")), esco / "fi-occupations"]
        import_esco(files, folder, "1.1.1", at=dt.datetime.now(dt.UTC))
    versions = available_versions(folder)
    if not versions:
        sys.exit(f"no taxonomy in {folder}: pass --esco ../shared/data/esco or set KOHTAANTO_TAXONOMY_DIR")
    store = TaxonomyStore(store_path(folder, versions[-1]))
    print(f"taxonomy {versions[-1]} ({', '.join(store.languages)}) from {folder}")
    return store


def bench_titles(store, services, encoder, runs: int, limit: int) -> None:  # type: ignore[no-untyped-def]
    from kohtaanto.skills.evaluation import title_queries
    from kohtaanto.skills.normalise import TITLE_BATCH, clean_title

    groups = store.groups("occupation")
    roles = ("preferred", "alternative", "hidden")
    for language, service in services.items():
        labels = store.labels(language, ["occupation"], roles) if language in store.languages else []
        starter = [(n, u) for u, r, n in service.local_titles(language) if r == "starter"]
        titles = [q.title for q in title_queries(language, labels, groups, starter)][:limit]
        hidden = {t.casefold() for t in titles} | {clean_title(t).casefold() for t in titles}
        raw, batched, typed, unseen, many = [], [], [], [], []
        for _ in range(runs):
            raw.append(rate(len(titles), timed(lambda t: encoder.queries([t]), titles)))
            chunks = [titles[i : i + TITLE_BATCH] for i in range(0, len(titles), TITLE_BATCH)]
            batched.append(rate(len(titles), timed(encoder.queries, chunks)))
            ranker = service.title_ranker()  # a fresh query cache each run
            typed.append(rate(len(titles), timed(lambda t, r=ranker: r.rank_title(t, k=5), titles)))
            ranker = service.title_ranker(exclude=hidden)  # no title is a label: each one is encoded
            unseen.append(rate(len(titles), timed(lambda t, r=ranker: r.rank_title(t, k=5), titles)))
            ranker = service.title_ranker(exclude=hidden)
            many.append(rate(len(titles), timed(lambda ts, r=ranker: r.rank_titles(ts, k=5), [titles])))
        r, b = statistics.median(raw), statistics.median(batched)
        t, u, m = statistics.median(typed), statistics.median(unseen), statistics.median(many)
        print(
            f"titles {language}: {len(titles)} titles x {runs} runs | raw encoder {r:.1f}/s one a call, "
            f"{b:.1f}/s {TITLE_BATCH} a call | normaliser one a call {t:.1f}/s ({t / r:.2f} x encoder; "
            f"titles that are labels skip it) | held out from the index: one a call {u:.1f}/s "
            f"({u / r:.2f} x encoder), a list at once {m:.1f}/s ({m / b:.2f} x batched encoder)"
        )


def bench_extraction(extractors, encoder, runs: int) -> None:  # type: ignore[no-untyped-def]
    for language, texts, extractor in extractors:
        if not texts:
            continue
        raw, ours = [], []
        for _ in range(runs):
            raw.append(rate(len(texts), timed(lambda s: encoder.queries([s]), texts)))
            ours.append(rate(len(texts), timed(lambda s, x=extractor: x.extract(s), texts)))
        r, o = statistics.median(raw), statistics.median(ours)
        print(
            f"extraction {language}: {len(texts)} sentences x {runs} runs | raw encoder {r:.1f}/s | "
            f"extractor {o:.1f}/s | extractor/encoder {o / r:.2f}"
        )


def bench_suggester(suggester, runs: int) -> None:  # type: ignore[no-untyped-def]
    words = ["siivo", "siivous", "trukk", "kassa", "asiakaspalv", "tiskaus", "lastenh", "varasto"]
    keystrokes = [word[:n] for word in words for n in range(2, len(word) + 1)]
    latencies = []
    for _ in range(runs):
        for prefix in keystrokes:
            started = time.perf_counter()
            suggester.suggest(prefix)
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    p95 = latencies[int(0.95 * len(latencies))]
    print(
        f"suggester fi: {len(keystrokes)} keystrokes x {runs} runs over {len(suggester.entries)} labels"
        f" | median {statistics.median(latencies):.2f} ms | p95 {p95:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--titles", type=int, default=400, help="titles per language and run")
    parser.add_argument("--esco", type=Path, default=None, help="ESCO download folder to import first")
    parser.add_argument(
        "--sentences",
        type=Path,
        nargs="*",
        default=[SHARED / "dev" / "skill_extraction_tech_validation_annotations.csv"],
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from kohtaanto.skills import embeddings
    from kohtaanto.skills.service import SkillsService

    embeddings.set_default_threads(1)
    store = open_store(args.esco)
    started = time.perf_counter()
    services = {language: SkillsService(store, language) for language in ("fi", "sv")}
    for service in services.values():
        service.titles  # noqa: B018 - load the index (vectors from the cache)
    english = SkillsService(store, "en")
    extractors = [("en", english.skills), ("fi", services["fi"].skills)]
    suggester = services["fi"].suggester
    load_seconds = time.perf_counter() - started
    memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"load: {load_seconds:.1f} s (titles fi and sv, skills en and fi, suggester); peak {memory_mb:.0f} MB"
    )

    sentences: list[str] = []
    for path in args.sentences:
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                sentences += sorted({row["sentence"].strip() for row in csv.DictReader(handle)})
    texts = {"en": sentences, "fi": FINNISH_SENTENCES * 10}
    encoder = embeddings.default_encoder()
    bench_titles(store, services, encoder, args.runs, args.titles)
    bench_extraction([(lang, texts[lang], extractor) for lang, extractor in extractors], encoder, args.runs)
    bench_suggester(suggester, args.runs)
    bench_finnish_words(args.runs)


if __name__ == "__main__":
    main()
