"""The command line: one-line errors, exit codes 2 (usage) and 1 (failure), no traceback without --debug."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner

import kohtaanto
from kohtaanto.cli import main

pytestmark = pytest.mark.unit

BIN = Path(sys.executable).with_name("kohtaanto")


class _NeedsProcess(BaseException):
    """Raised in place of Django's setup: the command needs its own process and settings."""


def _no_django() -> None:
    raise _NeedsProcess


def _environment(env: dict[str, str] | None, data_dir: Path | None) -> dict[str, str | None]:
    """The command's environment: none of the suite's KOHTAANTO_* or DATABASE_URL, quiet logs."""
    full: dict[str, str | None] = {
        k: None for k in os.environ if k.startswith(("KOHTAANTO_", "DATABASE_URL"))
    }
    full["KOHTAANTO_LOG_LEVEL"] = "WARNING"
    if data_dir is not None:
        full["KOHTAANTO_DATA_DIR"] = str(data_dir)
    full.update(env or {})
    return full


def run_script(
    *args: str, env: dict[str, str] | None = None, data_dir: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed ``kohtaanto`` script in its own process."""
    full = {k: v for k, v in {**os.environ, **_environment(env, data_dir)}.items() if v is not None}
    return subprocess.run(
        [str(BIN), *args], capture_output=True, text=True, env=full, input=stdin, timeout=120, check=False
    )


def run(
    *args: str, env: dict[str, str] | None = None, data_dir: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``kohtaanto ARGS`` in this process through Click's runner, as the script would run it; a command
    that sets up Django (its own settings and database) runs in its own process instead."""
    runner = CliRunner()
    code: int | str | None = 0
    try:
        with (
            mock.patch("django.setup", _no_django),
            runner.isolation(input=stdin, env=_environment(env, data_dir)) as streams,
        ):
            try:
                main(list(args))
            except SystemExit as exc:
                code = exc.code
            stdout, stderr = streams[0].getvalue(), streams[1].getvalue()
    except _NeedsProcess:
        return run_script(*args, env=env, data_dir=data_dir, stdin=stdin)
    returncode = code if isinstance(code, int) else (0 if code is None else 1)
    return subprocess.CompletedProcess(
        ["kohtaanto", *args], returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
    )


@pytest.mark.process
def test_version():
    result = run_script("--version")  # the installed script itself
    assert result.returncode == 0
    assert result.stdout.strip() == f"kohtaanto {kohtaanto.__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["--no-such-flag"],
        ["createuser", "--username", "x"],
        ["createuser", "--role", "wizard", "--username", "x"],
        ["createuser", "--role", "employer", "--username", "x", "--password-stdin"],
        ["serve", "--port", "99999"],
        ["audit", "export"],
        ["audit", "export", "--since", "last tuesday"],
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(args: list[str], tmp_path: Path):
    result = run(*args, data_dir=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kohtaanto")
    assert "Traceback" not in result.stderr


def test_every_subcommand_has_help():
    for command in (
        ["demo"],
        ["serve"],
        ["migrate"],
        ["createuser"],
        ["check"],
        ["audit", "export"],
        ["audit", "verify"],
        ["backup"],
        ["messages", "compile"],
    ):
        result = run(*command, "--help")
        assert result.returncode == 0, command
        assert "Usage:" in result.stdout


UNSAFE_PRODUCTION = {"KOHTAANTO_ENV": "production", "KOHTAANTO_DEBUG": "true", "SECRET_KEY": "changeme"}


@pytest.mark.process
def test_unsafe_production_settings_stop_a_command_with_one_line(tmp_path: Path):
    result = run("migrate", env=UNSAFE_PRODUCTION, data_dir=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "KOHTAANTO_DEBUG must be off in production" in lines[0]
    assert "ALLOWED_HOSTS is empty" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.process
def test_check_lists_each_problem(tmp_path: Path):
    result = run("check", env=UNSAFE_PRODUCTION, data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout.count("FAIL  configuration:") >= 3
    failures = result.stdout.count("FAIL  ")
    assert result.stderr.strip().splitlines() == [f"kohtaanto: {failures} problem(s) found"]


@pytest.mark.process
def test_check_reports_unreachable_database_and_debug_shows_traceback(tmp_path: Path):
    env = {"DATABASE_URL": "postgres://nobody:x@127.0.0.1:1/none"}
    result = run("check", env=env, data_dir=tmp_path)
    assert result.returncode == 1
    assert "FAIL  database: cannot connect" in result.stdout
    # A runtime failure with --debug prints the traceback.
    debug = run("--debug", "audit", "verify", env=env, data_dir=tmp_path)
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
    plain = run("audit", "verify", env=env, data_dir=tmp_path)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert len(plain.stderr.strip().splitlines()) == 1


@pytest.mark.process
def test_check_passes_on_a_migrated_database(tmp_path: Path):
    assert run("migrate", data_dir=tmp_path).returncode == 0
    result = run("check", data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    database migrations are up to date" in result.stdout


def test_supports_year_and_employer_cost_print_month_tables_and_refuse_bad_input(tmp_path):
    examples = Path(__file__).resolve().parents[2] / "examples" / "supports"
    year = run("supports", "year", str(examples / "year-seasonal.yaml"))
    assert year.returncode == 0, year.stderr
    assert "Ero vuodessa (työn kanssa - ilman): 2 935,50 €" in year.stdout.replace("\u00a0", " ")
    assert "2026-08" in year.stdout and "462,87" in year.stdout  # T7's August: housing allowance lags
    cost = run("supports", "employer-cost", str(examples / "employer-cost.yaml"), "--format", "json")
    assert cost.returncode == 0 and json.loads(cost.stdout)["total"]["net_cost"] == 48993.94
    bad = tmp_path / "bad.yaml"
    bad.write_text("municipality: Atlantis\nrent: -5\nadults: 3\n")
    refused = run("supports", "year", str(bad))
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "municipality" in refused.stderr and "rent" in refused.stderr and "adults" in refused.stderr


def test_supports_payment_calendar_prints_each_claim_and_refuses_an_empty_list(tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "supports" / "payment-calendar.yaml"
    done = run("supports", "payment-calendar", str(example), "--on", "2026-12-07")
    assert done.returncode == 0, done.stderr
    text = done.stdout.replace("\u00a0", " ")
    assert "21.12.2026–28.2.2027  1.3.2027     30.4.2027        1 734,41  + kopio työsopimuksesta" in text
    assert "1.9.2027–20.10.2027" in text and "31.12.2027" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text("start: 2026-12-21\nsupports: []\n")
    refused = run("supports", "payment-calendar", str(bad))
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "supports: liian vähän kohtia, vähintään 1" in refused.stderr


def test_supports_study_answers_in_json_and_refuses_bad_input(tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "supports" / "study.yaml"
    done = run("supports", "study", str(example), "--on", "2025-09-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert {k: answer[k] for k in ("full_time", "benefit_continues", "basis", "max_months")} == {
        "full_time": True,
        "benefit_continues": True,
        "basis": "self_motivated",
        "max_months": 24,
    }
    assert answer["obligations"] and answer["reasons"] and answer["sources"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("age: 30\nbenefit: none\nstudies: {kind: spaceflight, starts_on: 2025-09-01, months: 2}\n")
    refused = run("supports", "study", str(bad))
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
