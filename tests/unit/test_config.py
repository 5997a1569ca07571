from __future__ import annotations

from pathlib import Path

import pytest

from kohtaanto.web.project.config import ConfigError, load_config

pytestmark = pytest.mark.unit

GOOD_KEY = "k" * 20 + "Q7-rT9_zX2" * 4


def production(**overrides: str) -> dict[str, str]:
    env = {
        "KOHTAANTO_ENV": "production",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "kohtaanto.example.fi",
        "DATABASE_URL": "postgres://u:p@db/kohtaanto",
        "KOHTAANTO_DATA_DIR": "/tmp/kohtaanto-config-test",
        "KOHTAANTO_AUDIT_KEY": "a" * 16 + "Zq81_xv0Lw-9" * 2,
    }
    env.update(overrides)
    return env


def test_a_safe_production_configuration_loads():
    config = load_config(production())
    assert config.production and not config.debug
    assert config.allowed_hosts == ("kohtaanto.example.fi",)
    assert config.encoder_threads == 1  # one encoder thread per web process unless asked
    assert load_config(production(KOHTAANTO_ENCODER_THREADS="2")).encoder_threads == 2


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"KOHTAANTO_DEBUG": "true"}, "KOHTAANTO_DEBUG must be off"),
        ({"SECRET_KEY": ""}, "SECRET_KEY is missing"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "SECRET_KEY is missing or a known default"),
        ({"SECRET_KEY": "short-but-random-1234"}, "shorter than 50"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is empty"),
        ({"ALLOWED_HOSTS": "*"}, "must not contain '*'"),
        ({"DATABASE_URL": ""}, "DATABASE_URL is not set"),
        ({"KOHTAANTO_DEBUG": "maybe"}, "must be true or false"),
        ({"KOHTAANTO_ENV": "staging"}, "KOHTAANTO_ENV must be one of"),
        ({"KOHTAANTO_AUDIT_KEY": ""}, "KOHTAANTO_AUDIT_KEY is missing"),
        ({"KOHTAANTO_AUDIT_KEY": "short"}, "shorter than 32"),
        ({"KOHTAANTO_ENCODER_THREADS": "many"}, "KOHTAANTO_ENCODER_THREADS"),
    ],
)
def test_production_refuses_unsafe_settings(overrides: dict[str, str], expected: str):
    with pytest.raises(ConfigError) as info:
        load_config(production(**overrides))
    assert any(expected in problem for problem in info.value.problems), info.value.problems


def test_every_problem_is_listed_at_once():
    with pytest.raises(ConfigError) as info:
        load_config({"KOHTAANTO_ENV": "production", "KOHTAANTO_DEBUG": "1"})
    assert len(info.value.problems) >= 4


def test_development_keeps_one_random_secret_in_the_data_directory(tmp_path: Path):
    env = {"KOHTAANTO_DATA_DIR": str(tmp_path)}
    first, second = load_config(env), load_config(env)
    assert first.secret_key == second.secret_key and len(first.secret_key) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert first.database_url == f"sqlite:///{tmp_path / 'kohtaanto.sqlite3'}"
    assert not first.debug
