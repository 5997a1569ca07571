"""The CSP allows scripts and styles only from the app's own files. Every template keeps to that: no inline
<script> blocks, no event-handler attributes, no style attributes or <style> blocks (a browser under the
policy would ignore them, so the page would silently break). A JSON-LD data block
(``<script type="application/ld+json">``) is data, not code: browsers never run it, and the CSP does not
apply to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "src" / "kohtaanto").rglob("templates/**/*.html"))
INLINE = [
    (
        re.compile(r'<script(?![^>]*\bsrc=)(?![^>]*\btype="application/ld\+json")[^>]*>', re.IGNORECASE),
        "inline <script>",
    ),
    (re.compile(r"\son[a-z]+\s*=", re.IGNORECASE), "event-handler attribute"),
    (re.compile(r"\sstyle\s*=", re.IGNORECASE), "style attribute"),
    (re.compile(r"<style[\s>]", re.IGNORECASE), "<style> block"),
]


def test_there_are_templates():
    assert len(TEMPLATES) > 20


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_inline_script_or_style(template):
    text = template.read_text(encoding="utf-8")
    found = [f"{what}: {m.group(0)!r}" for pattern, what in INLINE for m in pattern.finditer(text)]
    assert found == []
