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
from kohtaanto.plainlang.check import check

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
