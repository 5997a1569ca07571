"""Business-register CSV rows: columns found by name, every row checked, every problem with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kohtaanto.web.outreach.register import RegisterFormatError, legal_form_of, read, section_of

pytestmark = pytest.mark.unit
FILES = Path(__file__).resolve().parents[1] / "fixtures" / "register"


def test_a_good_file_with_finnish_headers_and_semicolons():
    rows, rejected = read((FILES / "good.csv").read_bytes())
    assert rejected == []
    assert [(r.business_id, r.sector, r.municipality_code, r.legal_form) for r in rows] == [
        ("3100000-3", "C", "398", "company"),
        ("3100001-1", "A", "098", "company"),
        ("3100003-8", "E", "560", "association"),
    ]


def test_every_bad_row_is_reported_with_its_line_and_reason():
    rows, rejected = read((FILES / "bad.csv").read_bytes())
    assert [r.business_id for r in rows] == ["3100000-3"]
    reasons = {r.line: r.reason for r in rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8]
    assert "check digit" in reasons[3]
    assert "name is missing" in reasons[4]
    assert "not a TOL 2008 code" in reasons[5]
    assert "Atlantis" in reasons[6]
    assert "already on line 2" in reasons[7]
    assert "more values than columns" in reasons[8]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("no_columns.csv", None, "no column for business_id, industry"),
        ("not_utf8.csv", None, "not UTF-8"),
        ("empty", b"", "empty"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(name, data, message):
    content = data if data is not None else (FILES / name).read_bytes()
    with pytest.raises(RegisterFormatError, match=message):
        read(content)


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("01130", "A"),
        ("10711", "C"),
        ("47.11", "G"),
        ("56101", "I"),
        ("8810", "Q"),
        ("g", "G"),
        ("99000", "U"),
    ],
)
def test_tol_codes_map_to_their_section(code, section):
    assert section_of(code) == section


@pytest.mark.parametrize("code", ["", "X", "4", "04000", "123456", "AB"])
def test_what_is_not_a_tol_code(code):
    assert section_of(code) is None


def test_legal_forms_from_the_usual_abbreviations():
    assert legal_form_of("Oy") == legal_form_of("TMI") == legal_form_of("") == "company"
    assert legal_form_of("ry.") == "association"
    assert legal_form_of("säätiö") == "foundation"
    assert legal_form_of("hyvinvointialue") == "municipality"
    assert legal_form_of("gmbh") is None
