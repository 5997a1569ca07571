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
    # near, fluent and keen, but without the essential skills: never listed, and told why (issue 23)
    assert reasons["henkilo-e"].startswith("A skill the job requires is missing and cannot be learnt at work")


def test_protected_attributes_in_a_file_are_refused(tmp_path: Path):
    people = tmp_path / "people.yaml"
    people.write_text("people:\n  - {ref: x, age: 58, skills: {retail.stock_shelves: 2}}\n", encoding="utf-8")
    result = run("match", "job", str(EXAMPLES / "job.yaml"), "--people", str(people))
    assert result.returncode == 2
    assert "people.0.age" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_match_person_file_against_a_jobs_file():
    result = run(
        "match",
        "person",
        str(EXAMPLES / "person.yaml"),
        "--jobs",
        str(EXAMPLES / "jobs.yaml"),
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert [r["job"] for r in body["results"]] == ["varasto-siilinjarvi-1"]
    reasons = {e["job"]: e["reason"] for e in body["excluded"]}
    assert "longer than the person's limit of 30 km" in reasons["varasto-iisalmi-1"]
    assert "lifting and carrying" in reasons["kauppa-kuopio-1"]
    many = run("match", "person", str(EXAMPLES / "people.yaml"), "--jobs", str(EXAMPLES / "jobs.yaml"))
    assert many.returncode == 2 and "exactly one person" in many.stderr


def test_match_pool_assigns_within_headcounts_and_min_score():
    result = run("match", "pool", str(EXAMPLES / "pool.yaml"), "--format", "json")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    jobs = [p["job"] for p in body["pairs"]]
    assert jobs.count("varasto-siilinjarvi-1") <= 2 and jobs.count("kauppa-kuopio-1") <= 1
    assert all(p["score"] >= body["min_score"] for p in body["pairs"])
    assert len({p["person"] for p in body["pairs"]}) == len(body["pairs"])
    assert body["total_score"] == pytest.approx(sum(p["score"] for p in body["pairs"]), abs=1e-5)
    strict = json.loads(
        run("match", "pool", str(EXAMPLES / "pool.yaml"), "--min-score", "0.99", "--format", "json").stdout
    )
    assert strict["pairs"] == [] and strict["total_score"] == 0


def test_match_pool_refuses_a_file_with_a_repeated_ref(tmp_path):
    bad = tmp_path / "pool.yaml"
    bad.write_text(
        "format: kohtaanto.matching/1\njobs: [{ref: a}]\npeople: [{ref: x}, {ref: x}]\n", encoding="utf-8"
    )
    result = run("match", "pool", str(bad))
    assert result.returncode == 2 and "appears twice" in result.stderr
