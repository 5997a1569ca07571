"""kohtaanto supports: the four questions, params and test at the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.test_cli import run

pytestmark = pytest.mark.unit

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "supports"


def test_hire_json_has_the_documented_fields():
    result = run(
        "supports",
        "hire",
        str(EXAMPLES / "hire-reduced-work-ability.yaml"),
        "--on",
        "2025-03-01",
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    by_id = {s["id"]: s for s in answer["supports"]}
    rwa = by_id["pay_subsidy_reduced_work_ability"]
    for field in (
        "id",
        "eligible",
        "discretionary",
        "rate",
        "monthly_amount",
        "max_months",
        "total_max",
        "basis",
        "reasons",
        "sources",
        "warnings",
    ):
        assert field in rwa
    assert rwa["eligible"] is True and rwa["monthly_amount"] == 1400.0 and rwa["max_months"] == 10
    assert all(source.startswith("http") for source in rwa["sources"])
    assert by_id["work_arrangement_tools"]["total_max"] == 1200.0
    assert by_id["work_arrangement_help"]["monthly_amount"] == 200.0


@pytest.mark.parametrize(
    ("command", "file", "expected"),
    [
        ("part-time", "part-time.yaml", "income_with_work: 1\u00a0200,02"),
        ("pension", "pension.yaml", "kela_pension: 566,55"),
        ("right-to-work", "right-to-work.yaml", "may_work: limited"),
        ("de-minimis", "de-minimis.yaml", "fits: KYLLÄ"),
    ],
)
def test_each_question_answers_in_text(command: str, file: str, expected: str):
    result = run("supports", command, str(EXAMPLES / file), "--on", "2025-09-01")
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert "Lähteet:" in result.stdout


def test_a_bad_field_is_one_line_with_exit_2(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "employer: {legal_form: castle}\nperson: {age: 40}\njob: {monthly_wage: abc, hours_per_week: 1}\n"
    )
    result = run("supports", "hire", str(bad), "--on", "2025-03-01")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "employer.legal_form" in lines[0] and "job.monthly_wage" in lines[0]


def test_a_date_before_the_modelled_rules_is_refused(tmp_path: Path):
    result = run("supports", "hire", str(EXAMPLES / "hire-association.json"), "--on", "2023-01-01")
    assert result.returncode == 1
    assert "säännöt vasta 1.7.2023 alkaen; päivälle 1.1.2023" in result.stderr
    english = run(
        "supports", "hire", str(EXAMPLES / "hire-association.json"), "--on", "2023-01-01", "--lang", "en"
    )
    assert "rules on this only from 2023-07-01; it cannot answer for 2023-01-01" in english.stderr


def test_params_lists_unverified_values_with_sources():
    result = run("supports", "params", "--on", "2026-03-01", "--unverified", "--format", "json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    names = {row["name"] for row in rows}
    assert "pay_subsidy.monthly_cap.reduced_work_ability" in names
    assert all(row["verified"] is False and row["source"].startswith("http") for row in rows)
    in_force = [row for row in rows if not row.get("draft_proposed_on")]
    drafts = len(rows) - len(in_force)
    assert drafts >= 1  # the 2026 open-university draft
    text = run("supports", "params", "--on", "2026-03-01", "--unverified")
    summary = text.stderr.strip().splitlines()[-1]
    assert summary == f"{len(in_force)} parameters in force on 2026-03-01, and {drafts} drafts not in force"


def test_supports_test_runs_every_scenario():
    result = run("supports", "test", "--pack", "youth_voucher_example")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1].endswith("passed, 0 failed")
