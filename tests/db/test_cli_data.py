"""The data commands end to end, in subprocesses against their own SQLite database:
demo loading, createuser, audit export and verify (with a tampered chain) and backup."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.unit.test_cli import run

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo")
    result = run("demo", "--no-serve", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "tyonantaja1" in result.stdout and "kohtaanto-demo-2026" in result.stdout
    # the logins end what is printed: no audit lines (they are in the trail) and no traceback around them
    assert "audit.recorded" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.rstrip().splitlines()[-2].startswith("│ tyonhakija6")
    again = run("demo", "--no-serve", data_dir=data_dir)
    assert "already present, reused" in again.stdout
    return data_dir


def test_demo_creates_the_database_in_the_data_directory_once(demo_dir):
    db = sqlite3.connect(demo_dir / "kohtaanto.sqlite3")
    assert db.execute("select count(*) from accounts_user").fetchone()[0] == 14
    assert db.execute("select count(*) from accounts_organisation").fetchone()[0] == 7  # 3 micro-firms
    password = db.execute("select password from accounts_user where username='yllapitaja'").fetchone()[0]
    assert password.startswith("argon2$")
    db.close()


def test_createuser_validates_and_audits(demo_dir):
    ok = run(
        "createuser",
        "--role",
        "employer",
        "--username",
        "uusi_tyonantaja",
        "--organisation",
        "9800003-2",
        "--password-stdin",
        data_dir=demo_dir,
        stdin="pitka-ja-hyva-salasana-77\n",
    )
    assert ok.returncode == 0, ok.stderr
    weak = run(
        "createuser",
        "--role",
        "analyst",
        "--username",
        "heikko",
        "--password-stdin",
        data_dir=demo_dir,
        stdin="12345\n",
    )
    assert weak.returncode == 1 and len(weak.stderr.strip().splitlines()) == 1
    assert "password" in weak.stderr
    missing = run(
        "createuser",
        "--role",
        "employer",
        "--username",
        "x",
        "--organisation",
        "1234567-0",
        "--password-stdin",
        data_dir=demo_dir,
        stdin="pitka-ja-hyva-salasana-77\n",
    )
    assert missing.returncode == 1 and "no organisation with business ID" in missing.stderr
    export = run("audit", "export", "--since", "2000-01-01", data_dir=demo_dir)
    events = [json.loads(line) for line in export.stdout.splitlines()]
    created = [e for e in events if e["action"] == "user.created" and e["data"]["role"] == "employer"]
    assert len(created) == 5
    assert [e["sequence"] for e in events] == list(range(1, len(events) + 1))


def test_audit_export_to_a_file_and_since_in_the_future(demo_dir, tmp_path):
    target = tmp_path / "audit.jsonl"
    result = run("audit", "export", "--since", "2000-01-01", "--output", str(target), data_dir=demo_dir)
    assert result.returncode == 0
    assert len(target.read_text().splitlines()) >= 22
    assert run("audit", "export", "--since", "2999-01-01", data_dir=demo_dir).stdout == ""


def test_backup_is_a_consistent_sqlite_copy(demo_dir, tmp_path):
    target = tmp_path / "copy.sqlite3"
    result = run("backup", "--output", str(target), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    copy = sqlite3.connect(target)
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert copy.execute("select count(*) from audit_auditevent").fetchone()[0] >= 22
    copy.close()


def test_audit_verify_detects_a_tampered_chain(tmp_path):
    data_dir = tmp_path / "tamper"
    assert run("demo", "--no-serve", data_dir=data_dir).returncode == 0
    intact = run("audit", "verify", data_dir=data_dir)
    db = sqlite3.connect(data_dir / "kohtaanto.sqlite3")
    events = db.execute("select count(*) from audit_auditevent").fetchone()[0]
    assert intact.returncode == 0 and intact.stdout.startswith(f"Audit chain intact: {events} events")
    db.execute("update audit_auditevent set actor_username = 'someone-else' where sequence = 7")
    db.commit()
    db.close()
    broken = run("audit", "verify", data_dir=data_dir)
    assert broken.returncode == 1
    assert broken.stderr.strip() == (
        "kohtaanto: audit chain broken at event #7: contents do not match the stored hash "
        "(6 events before it are intact)"
    )


def test_match_commands_read_the_demo_database_and_record_runs(demo_dir):
    job = run("match", "job", "1", "--format", "json", "--lang", "en", data_dir=demo_dir)
    assert job.returncode == 0, job.stderr
    body = json.loads(job.stdout)
    assert body["results"] and body["considered"] == 6 and "not a decision" in body["notice"]
    assert body["results"] == sorted(body["results"], key=lambda r: -r["score"])
    person = run("match", "person", "1", "--no-carving", "--format", "json", data_dir=demo_dir)
    assert person.returncode == 0, person.stderr
    with sqlite3.connect(demo_dir / "kohtaanto.sqlite3") as jobs:
        demo_jobs = {f"job-{i}" for (i,) in jobs.execute("select id from matching_jobposting")}
    assert {r["job"] for r in json.loads(person.stdout)["results"]} <= demo_jobs
    fairness = run("match", "fairness", str(body["run"]), data_dir=demo_dir)
    assert fairness.returncode == 0 and "no opt-in group data" in fairness.stdout
    db = sqlite3.connect(demo_dir / "kohtaanto.sqlite3")
    kinds = [k for (k,) in db.execute("select kind from matching_matchingrun order by id")]
    assert kinds[-2:] == ["job", "person"]
    assert (
        db.execute("select count(*) from audit_auditevent where action='matching_run.recorded'").fetchone()[0]
        >= 2
    )
    db.close()
    missing = run("match", "job", "999", data_dir=demo_dir)
    assert missing.returncode == 2 and "no job with id 999" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    not_a_file = run("match", "person", "no-such-file.yaml", data_dir=demo_dir)
    assert not_a_file.returncode == 2 and "neither a number" in not_a_file.stderr


def test_outreach_import_from_the_command_line(demo_dir):
    example = Path(__file__).resolve().parents[2] / "examples" / "outreach" / "register.csv"
    nobody = run("outreach", "import", str(example), "--as", "tyonhakija1", data_dir=demo_dir)
    assert nobody.returncode == 2 and "no active professional" in nobody.stderr
    checked = run("outreach", "import", str(example), "--as", "ammattilainen1", "--check", data_dir=demo_dir)
    assert checked.returncode == 0 and "would import: 8 new" in checked.stdout
    bad = example.parent.parent.parent / "tests" / "fixtures" / "register" / "bad.csv"
    refused = run("outreach", "import", str(bad), "--as", "ammattilainen1", data_dir=demo_dir)
    assert refused.returncode == 1 and "bad.csv:3:" in refused.stderr
    assert "nothing was saved" in refused.stderr
    done = run("outreach", "import", str(example), "--as", "ammattilainen1", data_dir=demo_dir)
    assert done.returncode == 0 and "imported: 8 new, 0 updated" in done.stdout
    db = sqlite3.connect(demo_dir / "kohtaanto.sqlite3")
    assert db.execute("select count(*) from accounts_organisation").fetchone()[0] == 15
    db.close()
