"""Load (and fault) benchmark: locust users doing their journeys against gunicorn on PostgreSQL on loopback.

A throwaway PostgreSQL cluster gets the demo data and one account per simulated job seeker; the app runs
under gunicorn (``kohtaanto serve``). Two phases are measured in the same run: a baseline with one user of
each kind, then ``--users`` concurrent users (seekers, employers, professionals in 5:3:2). Reported:
throughput, p50 and p95 latency, error rate, per request kind and overall, and the p95 ratio to the
baseline. Goal: no errors and p95 ≤ 500 ms at 50 users on the 2-core machine. It stops by itself.

With ``--restart-db-at S`` PostgreSQL is restarted S seconds into the load phase. Then requests may fail,
but only cleanly (503 with a message), the app must recover by itself (every kind of request succeeds again
afterwards), and no write may be half-done: each successful write left exactly one audit event, failed ones
none, and the audit chain verifies.

    .venv/bin/python benchmarks/load.py [--users 50] [--duration 60] [--restart-db-at 20]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import gevent
from locust import HttpUser, between, task  # first: locust patches the standard library for gevent
from locust.env import Environment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgcluster import Cluster, free_port

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin" / "kohtaanto"
PASSWORD = "kohtaanto-demo-2026"
SEEKERS = 30  # accounts made for the run: each simulated job seeker (baseline and load) has its own
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
outcomes: list[dict] = []
writes = {"attempted": 0, "ok": 0, "failed": 0, "unknown": 0}
signed_in = {"n": 0}
last_story: dict[str, str] = {}  # per account: the story last saved
last_hours: dict[str, int] = {}  # per account, across phases: every save changes the value


def on_request(request_type, name, response_time, response_length, response=None, exception=None, **_):
    status = getattr(response, "status_code", 0) if response is not None else 0
    outcomes.append(
        {
            "at": time.monotonic(),
            "kind": name,
            "ms": response_time,
            "status": status,
            "error": exception is not None and status == 0,
            "body": (response.text[:2000] if response is not None and status >= 500 else ""),
            "exception": repr(exception)[:200] if exception is not None else "",
        }
    )


def _counted(response, success: int) -> bool:  # type: ignore[no-untyped-def]
    """Count a write's answer; True when it succeeded."""
    if response.status_code == success:
        writes["ok"] += 1
        return True
    if 400 <= response.status_code < 600:
        writes["failed"] += 1
    else:
        writes["unknown"] += 1  # no answer: the write may or may not have committed
    return False


class Journey(HttpUser):
    abstract = True
    wait_time = between(0.5, 2.0)
    accounts: itertools.cycle = itertools.cycle([""])

    def on_start(self) -> None:
        self.username = next(self.accounts)
        page = self.client.get("/login/", name="login")
        token = CSRF.search(page.text)
        self.client.post(
            "/login/",
            {
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="login",
        )
        signed_in["n"] += 1

    def post(self, path: str, data: dict, name: str):
        data = {**data, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        return self.client.post(path, data, name=name, allow_redirects=False)


STORIES = itertools.cycle(
    [
        "Olen tiskannut ravintolassa ja siivonnut toimistoja.",
        "Osaan kokata ja pestä astiat. Olen ajanut trukkia varastossa.",
        "Täytin hyllyjä kaupassa ja palvelin asiakkaita kassalla.",
        "Hoidan lapset ja laitan ruokaa. En osaa ajaa autoa.",
    ]
)


class Seeker(Journey):
    weight = 5
    accounts = itertools.cycle([f"kuorma{n:02d}" for n in range(1, SEEKERS + 1)])

    @task(4)
    def overview(self) -> None:
        self.client.get("/me/", name="seeker: my path")

    @task(2)
    def work(self) -> None:
        self.client.get("/me/work/", name="seeker: work page")

    @task(2)
    def sharing(self) -> None:
        self.client.get("/me/sharing/", name="seeker: what I share")

    @task(1)
    def supports(self) -> None:
        self.client.get("/supports/hire/", name="seeker: supports page")

    @task(2)
    def skills(self) -> None:
        self.client.get("/me/skills/", name="seeker: skills page")

    @task(2)
    def suggest_skills(self) -> None:
        # the person's own words → suggested skills: runs the text encoder inside the web process
        # (the story is saved: a different one from the last, so each successful post is one audit event)
        story = next(STORIES)
        if story == last_story.get(self.username):
            story = next(STORIES)
        writes["attempted"] += 1
        data = {"action": "suggest", "text": story, "language": "fi"}
        if _counted(self.post("/me/skills/", data, "seeker: suggest skills"), success=200):
            last_story[self.username] = story

    @task(2)
    def save_work(self) -> None:
        # a change from what was last saved: one audit event per successful save
        hours = 26 if last_hours.get(self.username, 25) == 25 else 25
        writes["attempted"] += 1
        response = self.post(
            "/me/work/",
            {
                "looking": "on",
                "hours_min": "15",
                "hours_max": str(hours),
                "days": ["mon", "tue", "wed"],
                "municipality": "Lahti",
                "max_commute_km": "30",
                "remote": "prefer",
            },
            name="seeker: save work (write)",
        )
        if _counted(response, success=302):
            last_hours[self.username] = hours


class Employer(Journey):
    weight = 3
    accounts = itertools.cycle(["tyonantaja1", "tyonantaja2", "tyonantaja3", "tyonantaja4"])

    def on_start(self) -> None:
        super().on_start()
        cases = self.client.get("/hire/", name="employer: hiring cases").text
        self.cases = sorted(set(re.findall(r"/hire/(\d+)/need/", cases)))[:5]

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/", name="employer: front page")

    @task(2)
    def hiring(self) -> None:
        self.client.get("/hire/", name="employer: hiring cases")

    @task(2)
    def case_supports(self) -> None:
        if self.cases:
            case = self.cases[len(outcomes) % len(self.cases)]
            self.client.get(f"/hire/{case}/supports/", name="employer: supports of a case")

    @task(1)
    def plain_language(self) -> None:
        self.post(
            "/selko/",
            {
                "text": "Työvuoron päätyttyä suoritetaan siivoaminen. Pakkaa leivät.",
                "profile": "instructions",
                "language": "fi",
            },
            name="employer: plain-language check",
        )


class Professional(Journey):
    weight = 2
    accounts = itertools.cycle(["ammattilainen1", "ammattilainen2"])

    @task(3)
    def caseload(self) -> None:
        self.client.get("/caseload/", name="professional: caseload")

    @task(2)
    def outreach(self) -> None:
        self.client.get("/outreach/", name="professional: employers")

    @task(1)
    def pools(self) -> None:
        self.client.get("/pools/", name="professional: talent pools")

    @task(1)
    def outcomes_page(self) -> None:
        self.client.get("/outcomes/", name="professional: outcomes")

    @task(1)
    def jobs(self) -> None:
        self.client.get("/jobs/", name="professional: jobs")


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _summary(rows: list[dict], seconds: float) -> dict:
    ms = [r["ms"] for r in rows]
    failed = [r for r in rows if r["error"] or r["status"] >= 400]
    return {
        "requests": len(rows),
        "throughput_rps": round(len(rows) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(statistics.median(ms), 1) if ms else float("nan"),
        "p95_ms": round(_percentile(ms, 0.95), 1),
        "errors": len(failed),
        "error_rate": round(len(failed) / len(rows), 4) if rows else 0.0,
        "status_503": sum(1 for r in rows if r["status"] == 503),
    }


def _phase(
    host: str, users: int, seconds: float, restart: tuple[Cluster, float] | None = None
) -> tuple[list, float]:
    start_index = len(outcomes)
    env = Environment(user_classes=[Seeker, Employer, Professional], host=host)
    env.events.request.add_listener(on_request)
    runner = env.create_local_runner()
    signed_in["n"] = 0
    runner.start(users, spawn_rate=max(1, users / 5))
    deadline = time.monotonic() + 120
    while signed_in["n"] < users and time.monotonic() < deadline:  # measure once everyone has signed in
        gevent.sleep(0.2)
    del outcomes[start_index:]
    began = time.monotonic()
    if restart is not None:
        cluster, after = restart

        def bounce() -> None:
            print(f"   restarting PostgreSQL at {after:.0f} s …", flush=True)
            cluster.restart()
            print("   PostgreSQL is back", flush=True)

        gevent.spawn_later(after, bounce)
    gevent.sleep(seconds)
    runner.quit()
    return outcomes[start_index:], time.monotonic() - began


def _env(cluster: Cluster, data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOHTAANTO_")}
    env |= {
        "DATABASE_URL": cluster.url,
        "KOHTAANTO_DATA_DIR": str(data_dir),
        "KOHTAANTO_LOG_LEVEL": "WARNING",
        "KOHTAANTO_LOG_FORMAT": "json",
    }
    return env


def _django(env: dict, script: str) -> str:
    """Run a Python script with Django set up against the benchmark's database; its standard output."""
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "kohtaanto.web.project.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _prepare(env: dict) -> None:
    subprocess.run([str(BIN), "demo", "--no-serve"], env=env, check=True, capture_output=True)
    script = (
        "import django; django.setup()\n"
        "from kohtaanto.web.accounts import services\n"
        "from kohtaanto.web.accounts.models import EmploymentArea, Role\n"
        "from kohtaanto.web.matching import seeker\n"
        "area = EmploymentArea.objects.order_by('pk').first()\n"
        f"for n in range(1, {SEEKERS} + 1):\n"
        "    user = services.create_user(None, username=f'kuorma{n:02d}', role=Role.JOB_SEEKER, "
        f"password='{PASSWORD}', employment_area=area, validate_password_strength=False)\n"
        "    seeker.ensure_profile(user)\n"
        "seeker.warm_up()\n"  # the skill vectors on disk, as after 'kohtaanto demo'
    )
    _django(env, script)


def _wait_ready(url: str, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        gevent.sleep(0.5)
    raise SystemExit("the server did not become ready")


def _audit_after(env: dict) -> tuple[int, bool]:
    script = (
        "import django; django.setup()\n"
        "from kohtaanto.web.audit.models import AuditEvent\n"
        "from kohtaanto.web.audit.services import verify\n"
        "n = AuditEvent.objects.filter(\n"
        "    action='seeker_profile.updated', actor_username__startswith='kuorma').count()\n"
        "print(n, verify().ok)\n"
    )
    out = _django(env, script).split()
    return int(out[0]), out[1] == "True"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the load phase")
    parser.add_argument("--baseline", type=float, default=15.0, help="seconds of the one-user baseline")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (4 threads each)")
    parser.add_argument(
        "--restart-db-at", type=float, default=None, help="restart PostgreSQL after S seconds"
    )
    args = parser.parse_args()
    if not 1 <= args.users <= 500 or not 5 <= args.duration <= 900:
        parser.error("--users 1..500 and --duration 5..900")

    cluster = Cluster().start()
    data_dir = Path(tempfile.mkdtemp(prefix="kohtaanto-load."))
    env = _env(cluster, data_dir)
    server = None
    try:
        print(f"== setup: PostgreSQL on 127.0.0.1:{cluster.port}, demo data + {SEEKERS} job-seeker accounts")
        _prepare(env)
        port = free_port()
        server = subprocess.Popen(
            [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(data_dir / "server.log").open("w"),
        )
        host = f"http://127.0.0.1:{port}"
        _wait_ready(host)
        print(f"   gunicorn: {args.workers} workers × 4 threads on {host}; machine: {os.cpu_count()} cores")

        print(f"== baseline: 3 users (one of each kind), {args.baseline:.0f} s")
        base_rows, base_s = _phase(host, 3, args.baseline)
        baseline = _summary(base_rows, base_s)
        writes.update(attempted=0, ok=0, failed=0, unknown=0)
        events_before, _ = _audit_after(env)

        restart = (cluster, args.restart_db_at) if args.restart_db_at is not None else None
        print(f"== load: {args.users} users (seekers:employers:professionals 5:3:2), {args.duration:.0f} s")
        rows, seconds = _phase(host, args.users, args.duration, restart)
        load = _summary(rows, seconds)

        kinds = defaultdict(list)
        for row in rows:
            kinds[row["kind"]].append(row)
        print(f"\n{'request kind':<38}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
        for kind in sorted(kinds):
            s = _summary(kinds[kind], seconds)
            print(f"{kind:<38}{s['requests']:>6}{s['p50_ms']:>9}{s['p95_ms']:>9}{s['errors']:>8}")
        print(f"\nbaseline (3 users): {json.dumps(baseline)}")
        print(f"load ({args.users} users):  {json.dumps(load)}")
        ratio = load["p95_ms"] / baseline["p95_ms"] if baseline["p95_ms"] else float("nan")
        print(f"p95 ratio load/baseline: {ratio:.2f}")

        events_after, chain_ok = _audit_after(env)
        events = events_after - events_before
        print(
            f"writes: {writes['attempted']} attempted, {writes['ok']} succeeded, "
            f"{writes['failed']} failed, "
            f"{writes['unknown']} without an answer; audit events written for them: {events}; "
            f"audit chain intact: {chain_ok}"
        )
        verdict = []
        if args.restart_db_at is None:
            verdict.append(("no errors", load["errors"] == 0))
            verdict.append(("p95 ≤ 500 ms", load["p95_ms"] <= 500))
        else:
            bad = [r for r in rows if r["error"] or (r["status"] >= 500 and r["status"] != 503)]
            after = [r for r in rows if r["at"] > rows[0]["at"] + args.restart_db_at + 15]
            recovered = {r["kind"] for r in after if 200 <= r["status"] < 400}
            for row in bad[:5]:
                print(
                    f"   not clean: {row['kind']}: status {row['status']} {row['exception']} "
                    f"{row['body'][:300]!r}"
                )
            missing = set(kinds) - {"login"} - recovered
            if missing:
                print(f"   no success after the restart for: {sorted(missing)}")
                for kind in sorted(missing):
                    seen = [r["status"] for r in after if r["kind"] == kind]
                    print(
                        f"     {kind}: statuses after the restart {sorted(set(seen))} ({len(seen)} requests)"
                    )
            verdict.append(("failures were clean 503s", not bad))
            verdict.append(
                (
                    "503 bodies say nothing was saved",
                    all(
                        "saved" in r["body"] or "tallennettu" in r["body"] for r in rows if r["status"] == 503
                    ),
                )
            )
            verdict.append(
                ("every request kind succeeded again after the restart", recovered >= set(kinds) - {"login"})
            )
        # a write still in flight when the phase stopped may have committed without its answer being
        # counted: the events lie between the confirmed successes and the attempts that did not fail
        lower, upper = writes["ok"], writes["attempted"] - writes["failed"]
        verdict.append(("no write half-done (events match successful writes)", lower <= events <= upper))
        verdict.append(("audit chain verifies", chain_ok))
        for name, passed in verdict:
            print(f"   {'PASS' if passed else 'FAIL'}  {name}")
        return 0 if all(p for _, p in verdict) else 1
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
