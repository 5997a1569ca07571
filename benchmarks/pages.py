"""Page response times on the demo data: p50 and p95 per page, in-process (Django's test client).

A throwaway SQLite database gets the demo data; each page is requested ``--repeat`` times as the
role that uses it. The baseline, measured in the same run, is the health check (no database work
beyond one query), so each page's ratio shows what the page itself costs. Goal: p95 ≤ 300 ms.

    .venv/bin/python benchmarks/pages.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PAGES = [
    # (user, method, path, form data)
    ("tyonhakija1", "GET", "/", None),
    ("tyonhakija1", "GET", "/me/", None),
    ("tyonhakija1", "GET", "/me/skills/", None),
    (
        "tyonhakija1",
        "POST",
        "/me/skills/",
        {"action": "suggest", "text": "Olen pakannut leipää ja tiskannut.", "language": "fi"},
    ),
    ("tyonhakija1", "GET", "/me/capacity/physical/", None),
    ("tyonhakija1", "GET", "/me/work/", None),
    ("tyonhakija1", "GET", "/me/sharing/", None),
    ("tyonhakija1", "POST", "/my-matches/", {}),
    ("tyonhakija1", "GET", "/me/data/export.json", None),
    # the journey in Arabic (Amina) and Ukrainian (Daria): skills found in their own words
    ("tyonhakija4", "GET", "/me/", None),
    (
        "tyonhakija4",
        "POST",
        "/me/skills/",
        {"action": "suggest", "text": "عملت في مكتب. كنت أدخل البيانات وأمسح الوثائق.", "language": "ar"},
    ),
    ("tyonhakija4", "GET", "/me/capacity/physical/", None),
    (
        "tyonhakija6",
        "POST",
        "/me/skills/",
        {"action": "suggest", "text": "Я працювала в готелі. Зустрічала гостей.", "language": "uk"},
    ),
    ("tyonhakija6", "POST", "/my-matches/", {}),
    ("tyonhakija6", "GET", "/languages/", None),
    ("tyonantaja1", "GET", "/jobs/", None),
    ("tyonantaja1", "POST", "/jobs/1/matches/", {}),
    ("tyonantaja1", "GET", "/supports/hire/", None),
    (
        "tyonantaja1",
        "POST",
        "/selko/",
        {"text": "Hakemukset toimitetaan esim. sähköpostilla.", "profile": "job-ad", "language": "auto"},
    ),
    ("ammattilainen1", "GET", "/", None),
    ("ammattilainen1", "GET", "/outreach/", None),
    ("ammattilainen1", "GET", "/outreach/1/", None),
    ("ammattilainen1", "GET", "/caseload/", None),
    ("ammattilainen1", "GET", "/outcomes/", None),
    ("tyonhakija1", "GET", "/me/income/", None),
    ("analyytikko", "GET", "/", None),
    ("analyytikko", "GET", "/outcomes/", None),
    ("analyytikko", "GET", "/outcomes.csv?start=2025-12-01&end=2026-11-28", None),
    (None, "GET", "/results/", None),
    (None, "GET", "/results/1/", None),
    (None, "GET", "/results/1/data.csv", None),
    ("tyonantaja1", "GET", "/supports/de-minimis/", None),
    ("tyonantaja1", "GET", "/supports/de-minimis/record.json", None),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="kohtaanto-pages-")
    os.environ.update(
        {
            "KOHTAANTO_ENV": "development",
            "KOHTAANTO_DATA_DIR": folder,
            "DATABASE_URL": f"sqlite:///{folder}/pages.sqlite3",
            "KOHTAANTO_LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "kohtaanto.web.project.settings",
        }
    )
    import django

    django.setup()
    import structlog
    from django.core.management import call_command
    from django.test import Client

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(40))
    call_command("migrate", verbosity=0)
    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.matching import seeker
    from kohtaanto.web.project import demo

    demo.load()
    seeker.warm_up(("fi", "ar", "uk"))
    from kohtaanto.web.hiring.sample import bakery_case

    case = bakery_case().pk
    for step in ("need", "tasks", "carve", "supports", "ad", "candidates", "onboarding"):
        PAGES.append(("tyonantaja1", "GET", f"/hire/{case}/{step}/", None))
    PAGES.append(("tyonantaja1", "GET", f"/hire/{case}/supports.pdf", None))
    PAGES.append(("tyonantaja1", "GET", f"/hire/{case}/application/", None))
    PAGES.append(("tyonantaja1", "GET", f"/hire/{case}/application.pdf", None))
    PAGES.append(("tyonantaja1", "GET", f"/hire/{case}/tyomarkkinatori.json", None))
    from kohtaanto.web.esf.models import Project
    from kohtaanto.web.project.demo_esf import CODE

    project = Project.objects.get(code=CODE).pk
    PAGES.append(("ammattilainen1", "GET", f"/esf/{project}/indicators/", None))
    PAGES.append(("ammattilainen1", "GET", f"/esf/{project}/indicators.csv", None))
    clients: dict[str, Client] = {}

    def client(username: str) -> Client:
        if username not in clients:
            clients[username] = Client(HTTP_ACCEPT_LANGUAGE="fi")
            clients[username].force_login(User.objects.get(username=username))
        return clients[username]

    def measure(user: str | None, method: str, path: str, data: dict[str, str] | None) -> list[float]:
        c = client(user) if user else Client()
        times = []
        for _ in range(args.repeat + 2):
            started = time.perf_counter()
            response = c.post(path, data or {}) if method == "POST" else c.get(path)
            times.append(time.perf_counter() - started)
            if response.status_code >= 400:
                raise SystemExit(f"{method} {path} as {user}: HTTP {response.status_code}")
        return sorted(times[2:])  # the first two warm caches

    base = measure(None, "GET", "/healthz", None)
    base_p50 = statistics.median(base)
    print(f"inputs: demo data, {args.repeat} requests per page after 2 warm-up requests, SQLite, one process")
    base_p95 = base[int(0.95 * (len(base) - 1))]
    print(f"baseline GET /healthz: p50 {base_p50 * 1000:.1f} ms, p95 {base_p95 * 1000:.1f} ms")
    worst = 0.0
    for user, method, path, data in PAGES:
        times = measure(user, method, path, data)
        p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        worst = max(worst, p95)
        ratio = p50 / base_p50
        who = user or "anonymous"
        line = f"{method:4} {path:28} as {who:14} p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"
        print(f"{line}  ({ratio:5.1f}x baseline)")
    print(f"slowest p95: {worst * 1000:.1f} ms (goal ≤ 300 ms)")


if __name__ == "__main__":
    main()
