"""Match results as plain data: the score, its parts, the skills, the gaps and the sentences behind it.

One shape for the command line, the API and the recorded run. Nothing is hidden here: employer-facing
results are scored without the capacities a person did not share (``kohtaanto.web.matching.pool``), so
there is nothing to hide and no sign that anything was hidden.
"""

from __future__ import annotations

from typing import Any

from kohtaanto.matching.explain import Label, Reader, explain
from kohtaanto.matching.score import Miss, Scored
from kohtaanto.taxonomy.vocabulary import attribute_label, skill_label


def result_row(
    result: Scored, language: str, skill: Label = skill_label, reader: Reader = "other"
) -> dict[str, Any]:
    return {
        "person": result.candidate,
        "job": result.job,
        "score": result.score,
        "components": dict(result.components),
        "matched_skills": list(result.matched),
        "partial": [{"need": n, "near": h, "credit": c} for n, h, c in result.partial],
        "gaps": [{"skill": s, "levels": lv, "trainable": t} for s, lv, t in result.gaps],
        "accommodations": [{"attribute": a, "levels": lv} for a, lv in result.accommodations],
        "explanation": explain(result, language, skill, attribute_label, reader),
    }


def miss_row(
    result: Miss, language: str, skill: Label = skill_label, reader: Reader = "other"
) -> dict[str, Any]:
    return {
        "person": result.candidate,
        "job": result.job,
        "reason": explain(result, language, skill, attribute_label, reader)[0],
    }


def ranked(results: list[Scored | Miss], top: int) -> tuple[list[Scored], list[Miss]]:
    """The best ``top`` matches by score, ties by pseudonym and job, and the pairs that missed."""
    hits = sorted(
        (r for r in results if isinstance(r, Scored)), key=lambda r: (-r.score, r.candidate, r.job)
    )[:top]
    return hits, [r for r in results if isinstance(r, Miss)]
