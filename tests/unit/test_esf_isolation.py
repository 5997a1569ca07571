"""The ESF+ participant details (gender, age group, disability, citizenship, background …) stay in the
ESF+ app: no other module reads them, so they can never reach matching, carving or an employer's page."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "kohtaanto"
ALLOWED = {"web/esf", "web/project/demo_esf.py"}  # the app itself and its demo data


def test_only_the_esf_app_reads_participant_details():
    readers = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if any(relative.startswith(allowed) for allowed in ALLOWED):
            continue
        text = path.read_text(encoding="utf-8")
        if "ParticipantRecord" in text or "esf_record" in text or "esf.participants" in text:
            readers.append(relative)
    assert readers == []
