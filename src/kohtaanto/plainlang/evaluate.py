"""Evaluation on paired texts: does the plain version of each pair score better than the standard one?

A pairs folder holds one YAML file per language (``language: fi``, ``pairs: [{id, genre, standard,
plain}]``). For each language we report the share of pairs where the checker prefers the plain text,
the same share for LIX alone (lower LIX = easier), and the document-level AUC of both: the
probability that a random plain text scores as easier than a random standard text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.core.language import LANGUAGES
from kohtaanto.plainlang import TextReport
from kohtaanto.plainlang.check import check, rules
from kohtaanto.plainlang.mask import prepare

READER_SHARE = 0.2
GENRE_PROFILE = {"job-ad": "job-ad"}  # everything else (instructions, letters, onboarding): instructions


class PairsError(ValueError):
    """A pairs folder or file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    language: str
    genre: str
    standard: str
    plain: str


@dataclass(frozen=True, slots=True)
class LanguageResult:
    language: str
    pairs: int
    checker_prefers_plain: float
    lix_prefers_plain: float
    checker_auc: float
    lix_auc: float
    misses: tuple[str, ...]  # ids of pairs where the checker did not prefer the plain text


def load_pairs(folder: Path) -> list[Pair]:
    if not folder.is_dir():
        raise PairsError(f"{folder}: not a folder")
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        raise PairsError(f"{folder}: no .yaml files with pairs")
    out: list[Pair] = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            raise PairsError(f"{path}: {exc}".splitlines()[0]) from None
        if not isinstance(data, dict) or data.get("language") not in LANGUAGES:
            raise PairsError(f"{path}: needs 'language: fi|sv|en' and a 'pairs' list")
        for index, item in enumerate(data.get("pairs") or []):
            if not isinstance(item, dict) or not all(
                isinstance(item.get(k), str) for k in ("standard", "plain")
            ):
                raise PairsError(f"{path}: pair {index + 1} needs 'standard' and 'plain' texts")
            out.append(
                Pair(
                    str(item.get("id", f"{path.stem}-{index + 1}")),
                    data["language"],
                    str(item.get("genre", "instructions")),
                    item["standard"],
                    item["plain"],
                )
            )
    return out


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """P(a positive outranks a negative), ties count half (the Mann-Whitney statistic)."""
    if not positives or not negatives:
        return float("nan")
    wins = 0.0
    for p in positives:
        for n in negatives:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(positives) * len(negatives))


def evaluate(
    pairs: Sequence[Pair], use_voikko: bool = True, progress: Callable[[], Any] | None = None
) -> list[LanguageResult]:
    results = []
    for language in LANGUAGES:
        mine = [p for p in pairs if p.language == language]
        if not mine:
            continue
        scores: list[tuple[float, float]] = []
        lixes: list[tuple[float, float]] = []
        misses = []
        for pair in mine:
            profile = GENRE_PROFILE.get(pair.genre, "instructions")
            hard = check(pair.standard, profile, language, use_voikko=use_voikko)
            easy = check(pair.plain, profile, language, use_voikko=use_voikko)
            scores.append((easy.score, hard.score))
            lixes.append((easy.lix, hard.lix))
            if not easy.score > hard.score:
                misses.append(pair.id)
            if progress:
                progress()
        n = len(mine)
        results.append(
            LanguageResult(
                language,
                n,
                sum(1 for e, h in scores if e > h) / n,
                sum(1 for e, h in lixes if e < h) / n,
                auc([e for e, _ in scores], [h for _, h in scores]),
                auc([-e for e, _ in lixes], [-h for _, h in lixes]),
                tuple(misses),
            )
        )
    return results


# -- labelled texts: real easy and standard language --------------------------------------------------
EASY = "easy"


@dataclass(frozen=True, slots=True)
class Labelled:
    label: str  # "easy" or anything else (standard)
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class SourceResult:
    source: str
    texts: int
    auc: float  # easy texts against this source's texts (or this easy source against every standard one)
    lix_auc: float


@dataclass(frozen=True, slots=True)
class BandResult:
    band: str
    texts: int
    easy_share: float


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: str
    easy_per_1000: float  # findings per thousand words of easy text, where a rule should rarely fire
    standard_per_1000: float
    precision: float  # share of the rule's findings (per word) that fall on standard text; nan: not measured
    texts: int = 0  # the texts it was counted on
    unmeasured: str = ""  # why the set cannot measure it: "paragraphs" or "reader" (the rule's ``needs``)


@dataclass(frozen=True, slots=True)
class LabelledResult:
    language: str
    easy: int
    standard: int
    auc: float
    lix_auc: float
    sentence_auc: float  # mean words per sentence alone
    sources: tuple[SourceResult, ...]
    bands: tuple[BandResult, ...]
    rules: tuple[RuleResult, ...]


def load_labelled(path: Path) -> list[Labelled]:
    """One JSON object a line with ``label`` (easy or standard), ``source`` and ``text``."""
    import json

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PairsError(f"{path}: {exc}".splitlines()[0]) from None
    out: list[Labelled] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PairsError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("label", "text")):
            raise PairsError(f"{path}:{number}: needs 'label' and 'text' strings")
        out.append(Labelled(item["label"], str(item.get("source") or item["label"]), item["text"]))
    if {t.label == EASY for t in out} != {True, False}:
        raise PairsError(f"{path}: needs both easy texts (label 'easy') and standard ones")
    return out


Scored = Sequence[tuple[Labelled, TextReport]]  # each text with its report


def evaluate_labelled(
    texts: Sequence[Labelled],
    language: str = "fi",
    use_voikko: bool = True,
    profile: str = "instructions",
    progress: Callable[[], Any] | None = None,
) -> LabelledResult:
    """How well the score tells easy from standard text, against LIX and sentence length alone, how
    the bands are calibrated, and how often each rule fires on easy text."""
    scored: list[tuple[Labelled, TextReport]] = []
    for item in texts:
        scored.append((item, check(item.text, profile, language, use_voikko=use_voikko)))
        if progress:
            progress()
    return LabelledResult(
        language,
        sum(1 for t in texts if t.label == EASY),
        sum(1 for t in texts if t.label != EASY),
        _auc(scored, _score),
        _auc(scored, _lix),
        _auc(scored, _sentence),
        _by_source(scored),
        _bands(scored),
        _rule_rates(scored),
    )


def _score(report: TextReport) -> float:
    return float(report.score)


def _lix(report: TextReport) -> float:
    return -float(report.lix)  # lower LIX = easier


def _sentence(report: TextReport) -> float:
    return -float(report.stats["sentence_mean"])


def _auc(scored: Scored, key: Callable[[TextReport], float]) -> float:
    """AUC of ``key`` (higher = easier) over the easy and standard texts scored."""
    easy = [key(r) for t, r in scored if t.label == EASY]
    standard = [key(r) for t, r in scored if t.label != EASY]
    return auc(easy, standard)


def _by_source(scored: Scored) -> tuple[SourceResult, ...]:
    """Each source against the other side: an easy source against every standard text, a standard
    source against every easy text. A source under 0.5 is a class where the score runs the wrong way."""
    out = []
    for source in sorted({t.source for t, _ in scored}):
        mine = [(t, r) for t, r in scored if t.source == source]
        easy_side = mine[0][0].label == EASY
        among = [*mine, *((t, r) for t, r in scored if (t.label == EASY) != easy_side)]
        out.append(SourceResult(source, len(mine), _auc(among, _score), _auc(among, _lix)))
    return tuple(out)


def _bands(scored: Scored) -> tuple[BandResult, ...]:
    from kohtaanto.plainlang.check import band

    out = []
    for name in ("easy", "fairly_easy", "fairly_hard", "hard"):
        inside = [t for t, r in scored if band(r.score) == name]
        share = sum(1 for t in inside if t.label == EASY) / len(inside) if inside else float("nan")
        out.append(BandResult(name, len(inside), share))
    return tuple(out)


def _rule_rates(scored: Scored) -> tuple[RuleResult, ...]:
    """Each rule's findings per thousand words on easy and on standard text. A rule about paragraphs is
    counted only on texts that kept their paragraph breaks; a rule for texts that address a reader is
    not counted on a set where neither side does (news): its rate there says nothing of plainness."""
    needs = {rule: str(spec.get("needs", "")) for rule, spec in rules().items()}
    broken = [len([b for b in prepare(t.text).blocks if b.kind == "paragraph"]) > 1 for t, _ in scored]
    # a set speaks to its reader when at least READER_SHARE of its texts do (instructions); news do not
    speaks = sum(1 for _, r in scored if r.stats["you"] > 0) >= READER_SHARE * len(scored)
    measurable = {"": [True] * len(scored), "paragraphs": broken, "reader": [speaks] * len(scored)}
    out = []
    for rule in sorted({f.rule for _, r in scored for f in r.findings}):
        need = needs.get(rule, "")
        inside = [item for item, ok in zip(scored, measurable.get(need, measurable[""]), strict=True) if ok]
        words = {True: 0.0, False: 0.0}
        fired = {True: 0, False: 0}
        for item, report in inside:
            side = item.label == EASY
            words[side] += report.stats["words"]
            fired[side] += sum(1 for f in report.findings if f.rule == rule)
        if not words[True] or not words[False]:
            out.append(RuleResult(rule, float("nan"), float("nan"), float("nan"), len(inside), need))
            continue
        easy_rate = 1000 * fired[True] / words[True]
        standard_rate = 1000 * fired[False] / words[False]
        total = easy_rate + standard_rate
        precision = standard_rate / total if total else float("nan")
        out.append(RuleResult(rule, easy_rate, standard_rate, precision, len(inside)))
    return tuple(out)
