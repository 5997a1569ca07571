"""Plain-language checker speed: words per second on one core, with and without Voikko.

Input: the Finnish texts of corpus/plainlang/eval (both sides of every pair), repeated until the
text has at least ``--words`` words, checked as one document per text. Two figures per mode: cold
(every word cache cleared before each run: the checker's own, the analysers' and wordfreq's, so every
run analyses and looks up its words afresh; the word lists stay loaded, as in a running server) and
warm (the caches kept from the previous run). Baseline in the same run: tokenising the same texts and
computing LIX only. Prints sizes, the median of ``--runs`` runs, and the ratios.

    .venv/bin/python benchmarks/plainlang.py [--words 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def clear_caches() -> None:
    from kohtaanto.plainlang import morph, syllables
    from kohtaanto.plainlang.check import _phrases

    morph.HeuristicAnalyzer.analyse.cache_clear()
    morph.VoikkoAnalyzer.analyse.cache_clear()
    morph.lemma.cache_clear()
    morph.frequency.cache_clear()
    morph.split_compound.cache_clear()
    morph._fi_known.cache_clear()
    syllables.count.cache_clear()
    _phrases.cache_clear()
    import wordfreq

    wordfreq._wf_cache.clear()  # wordfreq's own per-word cache (the word lists stay loaded)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=Path, default=ROOT / "corpus" / "plainlang" / "eval")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from kohtaanto.plainlang.check import lix
    from kohtaanto.plainlang.evaluate import load_pairs
    from kohtaanto.plainlang.mask import prepare
    from kohtaanto.plainlang.morph import _voikko
    from kohtaanto.plainlang.segment import sentences

    texts = [t for p in load_pairs(args.pairs) if p.language == "fi" for t in (p.standard, p.plain)]
    batch: list[str] = []
    total = 0
    while total < args.words:
        for text in texts:
            batch.append(text)
            total += len(prepare(text).clean.split())
    print(f"input: {len(batch)} Finnish texts from {args.pairs}, {total:,} words; {args.runs} runs; one core")

    def baseline() -> None:
        for text in batch:
            units = sentences(prepare(text), "fi")
            ws = [w for u in units for w in u.words]
            lix(len(ws), len(units), sum(1 for w in ws if len(w.text) > 6))

    def timed(work: object, cold: bool = True) -> float:
        times = []
        for _ in range(args.runs):
            if cold:
                clear_caches()
            started = time.perf_counter()
            work()  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    base = timed(baseline)
    print(f"baseline (tokenise + LIX): {total / base:,.0f} words/s")
    modes = [("heuristic", False)] + ([("Voikko", True)] if _voikko() is not None else [])
    for name, use_voikko in modes:
        for cold in (True, False):
            took = timed(functools.partial(check_all, batch, use_voikko), cold)
            print(
                f"checker, {name} mode, {'cold' if cold else 'warm'} caches: {total / took:,.0f} words/s "
                f"({took / base:.1f}x the baseline's time)"
            )
    if _voikko() is None:
        print("checker, Voikko mode: not measured (libvoikko1 + voikko-fi not installed)")


def check_all(batch: list[str], use_voikko: bool) -> None:
    from kohtaanto.plainlang.check import check

    for text in batch:
        check(text, "instructions", "fi", use_voikko=use_voikko)


if __name__ == "__main__":
    main()
