"""Carving files, the documented JSON Schema and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kohtaanto.carving.io import CarvingInputError, read_pool, read_workplace
from kohtaanto.carving.schema import json_schema
from kohtaanto.cli import cli
from tests.unit.test_cli import run

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "carving"


def test_the_committed_json_schema_is_current():
    committed = json.loads((ROOT / "docs" / "carving-format.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(json_schema())), "run: kohtaanto carve --schema > docs/..."


@pytest.mark.parametrize("name", ["warehouse", "hospital_ward", "accounting_office"])
def test_examples_are_realistic_sized_and_valid(name):
    source = read_workplace(EXAMPLES / f"{name}.yaml")
    tasks = [t for r in source.workplace.roles for t in r.tasks]
    assert 15 <= len(tasks) <= 40 and 3 <= len(source.people) <= 5


def test_errors_name_the_file_line_and_field(tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("workplace:\n\tid: x\n", encoding="utf-8")
    with pytest.raises(CarvingInputError, match=r"broken.yaml: not valid YAML or JSON at line 2"):
        read_workplace(broken)
    typo = tmp_path / "typo.yaml"
    source = (EXAMPLES / "warehouse.yaml").read_text(encoding="utf-8")
    typo.write_text(source.replace("hourly_cost:", "hourly_kost:", 1), encoding="utf-8")
    with pytest.raises(CarvingInputError) as info:
        read_workplace(typo)
    assert any("workplace.roles.0.hourly_kost" in p for p in info.value.problems)
    with pytest.raises(CarvingInputError, match=r"no people\.yaml"):
        read_pool(tmp_path)


def test_cli_carves_an_example_in_json_and_markdown():
    runner = CliRunner()
    args = ["carve", str(EXAMPLES / "hospital_ward.yaml"), "--on", "2026-11-27", "--time-limit", "5"]
    result = runner.invoke(cli, [*args, "--format", "json", "--alternatives", "2"])
    assert result.exit_code == 0, result.output
    people = json.loads(result.output)
    assert len(people) == 4 and all(p["proposals"] for p in people)
    assert all(len(p["proposals"]) == 2 for p in people)
    markdown = runner.invoke(cli, [*args, "--format", "md", "--lang", "sv"])
    assert markdown.exit_code == 0 and "## " in markdown.output and "h/vecka" in markdown.output


def test_cli_usage_errors_are_one_line_with_exit_code_2(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: kohtaanto.carving/1\nworkplace: {id: x}\n", encoding="utf-8")
    result = run("carve", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "bad.yaml: workplace.name" in result.stderr
    assert run("carve").returncode == 2
    assert run("carve-pool", str(tmp_path)).returncode == 2


def test_cli_pool_over_a_folder(tmp_path: Path):
    import yaml

    people = []
    for name in ("warehouse", "accounting_office"):
        data = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
        people += data.pop("people")[:2]
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "people.yaml").write_text(
        yaml.safe_dump({"people": people}, allow_unicode=True), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["carve-pool", str(tmp_path), "--on", "2026-11-27", "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert len(body["people"]) == 4 and body["objective"] > 0
