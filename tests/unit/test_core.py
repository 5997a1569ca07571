"""The shared kernel: one language list, one fallback (Finnish), one catalogue loader, one formatter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from kohtaanto.core import formatting, messages
from kohtaanto.core.language import LANGUAGES, pick, resolve
from kohtaanto.core.text import Written
from kohtaanto.core.vocabulary import CEFR, EXPOSURES, cefr

pytestmark = pytest.mark.unit


def test_one_language_list_and_the_finnish_fallback():
    assert LANGUAGES == ("fi", "sv", "en")
    assert [resolve(c) for c in ("fi", "sv-FI", "EN", "de", "", None)] == ["fi", "sv", "en", "fi", "fi", "fi"]
    assert pick({"fi": "Leipuri", "sv": "Bagare"}, "sv") == "Bagare"
    assert pick({"fi": "Leipuri", "sv": ""}, "sv") == "Leipuri"
    assert pick({"en": "Baker"}, "sv") == "Baker"
    assert pick({}, "fi") == ""


def test_a_catalogue_renders_in_the_language_asked_and_falls_back_to_finnish(tmp_path: Path):
    path = tmp_path / "messages.yaml"
    path.write_text("hello:\n  fi: 'Hei {name}'\n  en: 'Hello {name}'\n", encoding="utf-8")
    catalogue = messages.load(path)
    assert catalogue.render("hello", "en", name="Aino") == "Hello Aino"
    assert catalogue.render("hello", "sv", name="Aino") == "Hei Aino"
    assert "hello" in catalogue
    with pytest.raises(KeyError):
        catalogue.render("goodbye", "fi")


def test_a_catalogue_without_finnish_is_refused(tmp_path: Path):
    path = tmp_path / "messages.yaml"
    path.write_text("hello:\n  en: 'Hello'\n", encoding="utf-8")
    with pytest.raises(messages.CatalogueError, match="no Finnish text"):
        messages.load(path)


def test_every_shipped_catalogue_loads():
    import kohtaanto

    shipped = sorted(Path(kohtaanto.__file__).parent.rglob("messages.yaml"))
    assert len(shipped) >= 3
    for path in shipped:
        assert messages.load(path).entries


def test_numbers_money_and_dates_per_language():
    assert formatting.number(20.0, "fi") == "20"
    assert formatting.number(Decimal("7.50"), "sv") == "7,5"
    assert formatting.amount(Decimal("12345.6"), "fi") == "12\u00a0345,60"
    assert formatting.amount(Decimal("12345.6"), "en") == "12,345.60"
    assert formatting.date(dt.date(2026, 5, 1), "fi") == "1.5.2026"
    assert formatting.value(dt.date(2026, 5, 1), "en") == "2026-05-01"
    assert formatting.value("text", "fi") == "text"


def test_written_text_keeps_its_language():
    written = Written(language="sv", text="Bageri", translations={"fi": "Leipomo"})
    assert written.get("sv") == "Bageri"
    assert written.get("fi") == "Leipomo"
    assert written.get("en") == "Bageri"  # no English: the words as written
    assert Written.from_stored(written.to_stored()) == written
    legacy = Written.from_stored({"fi": "", "sv": "Bageri"})
    assert (legacy.language, legacy.text) == ("sv", "Bageri")
    assert Written.from_stored(None, language="en").language == "en"


def test_shared_vocabulary():
    assert EXPOSURES[0] == "never"
    assert CEFR["B1"] == 3
    assert cefr("c1") == "C1"
    assert cefr(None) is None
    with pytest.raises(ValueError, match="CEFR"):
        cefr("D1")
