"""Production mode, checked in a separate interpreter because settings are read at start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.unit, pytest.mark.process]

PROBE = """
import json, django
django.setup()
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
insecure = client.get("/login/", HTTP_HOST="kohtaanto.example.fi")
secure = client.get("/login/", secure=True, HTTP_HOST="kohtaanto.example.fi")
cookie = secure.cookies.get("csrftoken")
print(json.dumps({
    "insecure_status": insecure.status_code,
    "insecure_location": insecure.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csp": secure.get("Content-Security-Policy", ""),
    "csrf_secure": bool(cookie and cookie["secure"]),
    "debug": __import__("django.conf").conf.settings.DEBUG,
}))
"""


def test_production_sets_hsts_https_redirect_and_secure_cookies(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOHTAANTO_", "DATABASE_URL"))}
    env.update(
        {
            "KOHTAANTO_ENV": "production",
            "SECRET_KEY": "p" * 30 + "-Zq81_xv0Lw" * 4,
            "ALLOWED_HOSTS": "kohtaanto.example.fi",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
            "KOHTAANTO_DATA_DIR": str(tmp_path),
            "KOHTAANTO_AUDIT_KEY": "audit-" * 8,
            "DJANGO_SETTINGS_MODULE": "kohtaanto.web.project.settings",
            "KOHTAANTO_LOG_LEVEL": "ERROR",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["insecure_status"] == 301 and seen["insecure_location"].startswith("https://")
    assert seen["hsts"].startswith("max-age=31536000") and "includeSubDomains" in seen["hsts"]
    assert "default-src 'self'" in seen["csp"]
    assert seen["csrf_secure"] is True
    assert seen["debug"] is False


def test_the_documented_production_start_passes_check_migrate_check(tmp_path: Path):
    """README: 'kohtaanto check && kohtaanto migrate && kohtaanto serve' on a new production database;
    warnings fail the check in production, so there must be none."""
    from tests.unit.test_cli import run

    env = {
        "KOHTAANTO_ENV": "production",
        "SECRET_KEY": "p" * 30 + "-Zq81_xv0Lw" * 4,
        "ALLOWED_HOSTS": "kohtaanto.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "KOHTAANTO_AUDIT_KEY": "audit-" * 8,
        "DJANGO_ALLOW_ASYNC_UNSAFE": "",  # the browser tests set it in this process; production never does
    }
    before = run("check", env=env, data_dir=tmp_path)
    assert before.returncode == 0, before.stdout + before.stderr
    assert "FAIL" not in before.stdout and "migration(s) to apply" in before.stdout
    assert run("migrate", env=env, data_dir=tmp_path).returncode == 0
    after = run("check", "--strict", env=env, data_dir=tmp_path)
    assert after.returncode == 0 and "migrations are up to date" in after.stdout
