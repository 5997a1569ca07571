"""Settings from the environment, validated in one place.

Only the environment configures kohtaanto (``KOHTAANTO_*``, ``DATABASE_URL``, ``SECRET_KEY``,
``ALLOWED_HOSTS``). Production refuses to start with unsafe values and lists every problem.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENVIRONMENTS = ("development", "production")
_INSECURE_KEYS = {"", "changeme", "change-me", "secret", "dev", "development", "insecure"}


class ConfigError(Exception):
    """The environment does not make a safe configuration. ``problems`` lists why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Config:
    env: str
    debug: bool
    secret_key: str
    allowed_hosts: tuple[str, ...]
    csrf_trusted_origins: tuple[str, ...]
    database_url: str
    data_dir: Path
    log_format: str
    log_level: str
    behind_tls_proxy: bool
    rule_packs: tuple[str, ...] = ()
    job_timeout: int = 600  # seconds a background job may run before the worker stops it
    job_retry: int = 660  # seconds before an unacknowledged job (its worker died) is handed out again
    oidc: dict[str, str] | None = None  # sign-in through OpenID Connect, when KOHTAANTO_OIDC_CLIENT_ID is set
    audit_key: str = ""  # keys the audit trail's chain (HMAC); never stored in the database
    employer_runs_per_hour: int = 60  # an organisation's job → people runs an hour
    employer_probes_per_day: int = 5  # and its runs a day that look like probes of capacities
    api_token_days: int = 30  # an API token works this many days from when it was issued
    encoder_threads: int = 1  # threads of the text encoder in each web process (more stall a busy machine)

    @property
    def production(self) -> bool:
        return self.env == "production"


def _flag(environ: Mapping[str, str], name: str, default: bool, problems: list[str]) -> bool:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    problems.append(f"{name} must be true or false, not {raw!r}")
    return default


def _list(raw: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (raw or "").split(",") if item.strip())


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("kohtaanto", appauthor=False))


def _development_secret(data_dir: Path, name: str = "secret_key") -> str:
    """A per-installation random key kept in the data directory (development only)."""
    path = data_dir / name
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # Written whole under a private name, then linked in place: processes starting together (test
    # workers, server workers) all end up with the one key that won, never with a half-written file.
    tmp = data_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    try:
        os.link(tmp, path)
    except FileExistsError:
        key = path.read_text(encoding="utf-8").strip()
    finally:
        tmp.unlink()
    return key


def _production_problems(
    environ: Mapping[str, str], debug: bool, secret_key: str, allowed_hosts: tuple[str, ...]
) -> list[str]:
    problems = []
    if debug:
        problems.append("KOHTAANTO_DEBUG must be off in production")
    if secret_key.strip().lower() in _INSECURE_KEYS or secret_key.startswith("django-insecure"):
        problems.append("SECRET_KEY is missing or a known default; set a random value of 50+ characters")
    elif len(secret_key) < 50:
        problems.append("SECRET_KEY is shorter than 50 characters")
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty; list the host names the service answers to")
    if "*" in allowed_hosts:
        problems.append("ALLOWED_HOSTS must not contain '*' in production")
    if not environ.get("DATABASE_URL"):
        problems.append("DATABASE_URL is not set; production needs an explicit database")
    if len(environ.get("KOHTAANTO_AUDIT_KEY", "").strip()) < 32:
        problems.append(
            "KOHTAANTO_AUDIT_KEY is missing or shorter than 32 characters; it keys the audit trail's "
            "chain and must be kept outside the database"
        )
    return problems


OIDC_ENDPOINTS = ("AUTHORIZATION", "TOKEN", "USERINFO", "JWKS")


def _oidc(environ: Mapping[str, str], production: bool, problems: list[str]) -> dict[str, str] | None:
    client = environ.get("KOHTAANTO_OIDC_CLIENT_ID", "").strip()
    if not client:
        return None
    found = {"client_id": client, "client_secret": environ.get("KOHTAANTO_OIDC_CLIENT_SECRET", "")}
    if not found["client_secret"]:
        problems.append("KOHTAANTO_OIDC_CLIENT_SECRET is not set (KOHTAANTO_OIDC_CLIENT_ID is)")
    for name in OIDC_ENDPOINTS:
        value = environ.get(f"KOHTAANTO_OIDC_{name}_ENDPOINT", "").strip()
        if not value.startswith(("https://", "http://")):
            problems.append(f"KOHTAANTO_OIDC_{name}_ENDPOINT must be a URL")
        elif production and not value.startswith("https://"):
            problems.append(f"KOHTAANTO_OIDC_{name}_ENDPOINT must use https in production")
        found[name.lower()] = value
    found["name"] = environ.get("KOHTAANTO_OIDC_NAME", "").strip() or "OpenID Connect"
    found["new_job_seekers_area"] = environ.get("KOHTAANTO_OIDC_NEW_JOB_SEEKERS_AREA", "").strip()
    return found


def _seconds(environ: Mapping[str, str], name: str, default: int, problems: list[str]) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 86_400:
        problems.append(f"{name} must be a whole number of seconds from 1 to 86400, not {raw!r}")
        return default
    return int(raw)


def _count(environ: Mapping[str, str], name: str, default: int, problems: list[str]) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        problems.append(f"{name} must be a whole number from 1 to 100000, not {raw!r}")
        return default
    return int(raw)


def load_config(environ: Mapping[str, str]) -> Config:
    problems: list[str] = []
    env = environ.get("KOHTAANTO_ENV", "development").strip().lower() or "development"
    if env not in ENVIRONMENTS:
        problems.append(f"KOHTAANTO_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
        env = "production"  # judge an unknown environment by the strict rules
    production = env == "production"
    debug = _flag(environ, "KOHTAANTO_DEBUG", default=False, problems=problems)
    data_dir = Path(environ.get("KOHTAANTO_DATA_DIR") or default_data_dir()).expanduser().resolve()
    allowed_hosts = _list(environ.get("ALLOWED_HOSTS"))
    secret_key = environ.get("SECRET_KEY", "")
    log_format = environ.get("KOHTAANTO_LOG_FORMAT", "json" if production else "console")
    if log_format not in {"json", "console"}:
        problems.append(f"KOHTAANTO_LOG_FORMAT must be json or console, not {log_format!r}")
    log_level = environ.get("KOHTAANTO_LOG_LEVEL", "INFO").upper()
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        problems.append(f"KOHTAANTO_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {log_level!r}")

    behind_tls_proxy = _flag(environ, "KOHTAANTO_BEHIND_TLS_PROXY", default=production, problems=problems)
    oidc = _oidc(environ, production, problems)
    job_timeout = _seconds(environ, "KOHTAANTO_JOB_TIMEOUT", 600, problems)
    job_retry = _seconds(environ, "KOHTAANTO_JOB_RETRY", job_timeout + 60, problems)
    runs_per_hour = _count(environ, "KOHTAANTO_EMPLOYER_RUNS_PER_HOUR", 60, problems)
    probes_per_day = _count(environ, "KOHTAANTO_EMPLOYER_PROBES_PER_DAY", 5, problems)
    token_days = _count(environ, "KOHTAANTO_API_TOKEN_DAYS", 30, problems)
    encoder_threads = _count(environ, "KOHTAANTO_ENCODER_THREADS", 1, problems)
    if job_retry <= job_timeout:
        problems.append("KOHTAANTO_JOB_RETRY must be longer than KOHTAANTO_JOB_TIMEOUT")
    if production:
        problems.extend(_production_problems(environ, debug, secret_key, allowed_hosts))
    if problems:
        raise ConfigError(problems)

    if not production:
        allowed_hosts = allowed_hosts or ("127.0.0.1", "localhost", "[::1]", "testserver")
        if not secret_key:
            secret_key = _development_secret(data_dir)
    audit_key = environ.get("KOHTAANTO_AUDIT_KEY", "").strip()
    if not production and not audit_key:
        audit_key = _development_secret(data_dir, "audit_key")
    database_url = environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'kohtaanto.sqlite3'}"
    return Config(
        env=env,
        debug=debug,
        secret_key=secret_key,
        allowed_hosts=allowed_hosts,
        csrf_trusted_origins=_list(environ.get("KOHTAANTO_CSRF_TRUSTED_ORIGINS")),
        database_url=database_url,
        data_dir=data_dir,
        log_format=log_format,
        log_level=log_level,
        behind_tls_proxy=behind_tls_proxy,
        rule_packs=tuple(p for p in environ.get("KOHTAANTO_RULE_PACKS", "").split(os.pathsep) if p),
        job_timeout=job_timeout,
        job_retry=job_retry,
        oidc=oidc,
        audit_key=audit_key,
        employer_runs_per_hour=runs_per_hour,
        employer_probes_per_day=probes_per_day,
        api_token_days=token_days,
        encoder_threads=encoder_threads,
    )
