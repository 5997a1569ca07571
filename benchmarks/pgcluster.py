"""A throwaway PostgreSQL cluster for the load and fault benchmarks: initdb in a temporary folder, a free
port on loopback, a role and a database for the app; ``restart()`` for the fault run. Needs Debian's
postgresql package. As root, the server runs as the ``postgres`` user (it refuses to run as root)."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise SystemExit("pgcluster: PostgreSQL server binaries not found (apt-get install postgresql)")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self) -> None:
        self.bin = _bin()
        self.root = Path(tempfile.mkdtemp(prefix="kohtaanto-pgbench."))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            subprocess.run(["id", "postgres"], check=True, capture_output=True)
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgres://kohtaanto:kohtaanto@127.0.0.1:{self.port}/kohtaanto"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, text=True)

    def start(self) -> Cluster:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self._pg_ctl("start")
        self._run(
            str(self.bin / "psql"), "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
            "-d", "postgres", "-v", "ON_ERROR_STOP=1",
            "-c", "CREATE ROLE kohtaanto LOGIN CREATEDB PASSWORD 'kohtaanto'",
            "-c", "CREATE DATABASE kohtaanto OWNER kohtaanto",
        )  # fmt: skip
        return self

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-w", "-t", "60", "-o", options, *extra, action,
        )  # fmt: skip

    def restart(self) -> None:
        """Stop fast (open connections are cut, open transactions roll back) and start again."""
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.root, ignore_errors=True)
