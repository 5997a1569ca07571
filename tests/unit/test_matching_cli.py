from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.test_cli import run

pytestmark = pytest.mark.unit

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "matching"


def test_match_job_ranks_explains_and_excludes_with_reasons():
    result = run(
        "match",
        "job",
        str(EXAMPLES / "job.yaml"),
        "--people",
        str(EXAMPLES / "people.yaml"),
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert [r["person"] for r in body["results"]] == ["henkilo-a", "henkilo-b"]
    first = body["results"][0]
    assert set(first) == {
        "person",
        "job",
        "accommodations_hidden",
        "score",
        "components",
        "matched_skills",
        "partial",
        "gaps",
        "accommodations",
        "explanation",
    }
    assert set(first["components"]) == {"skills", "functional", "hours", "place", "language", "preferences"}
    assert first["accommodations"] == [{"attribute": "physical.standing", "levels": 1}]
    reasons = {e["person"]: e["reason"] for e in body["excluded"]}
    assert (
        reasons["henkilo-d"]
        == "The hours do not fit: the job is at most 25 h/week, the person wants at least 30 h/week."
    )
    assert "lifting and carrying" in reasons["henkilo-c"].lower()


def test_protected_attributes_in_a_file_are_refused(tmp_path: Path):
    people = tmp_path / "people.yaml"
    people.write_text("people:\n  - {ref: x, age: 58, skills: {retail.stock_shelves: 2}}\n", encoding="utf-8")
    result = run("match", "job", str(EXAMPLES / "job.yaml"), "--people", str(people))
    assert result.returncode == 2
    assert "people.0.age" in result.stderr and len(result.stderr.strip().splitlines()) == 1
