"""EURA 2021 and Kohesio project rows, and the transparent classifier."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from kohtaanto.web.esf.classify import THRESHOLD, classify
from kohtaanto.web.esf.sources import SourceError, read
from tests.unit.test_skills import TrigramEncoder

pytestmark = pytest.mark.unit
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "esf"


def test_eura_2021_rows_with_finnish_dates_and_amounts():
    source, rows, rejected = read((EXAMPLES / "eura2021.csv").read_bytes())
    assert source == "eura2021" and rejected == []
    first = rows[0].values
    assert first["code"] == "S30001" and first["starts_on"] == dt.date(2025, 3, 1)
    assert first["eu_funding"] == Decimal("450000.00") and first["nuts"] == "Päijät-Häme"


def test_kohesio_rows():
    source, rows, rejected = read((EXAMPLES / "kohesio.csv").read_bytes())
    assert source == "kohesio" and rejected == [] and len(rows) == 2
    assert rows[1].values["eu_funding"] == Decimal("240000.50")


def test_bad_rows_are_listed_with_their_lines():
    data = (
        "Hankekoodi;Hankkeen nimi;Aloituspvm;Suunniteltu EU- ja valtion rahoitus;Toteuttajan Y-tunnus\n"
        "S1;Hyvä;1.1.2025;100;\n"
        "S1;Toinen sama koodi;1.1.2025;100;\n"
        ";Ei koodia;1.1.2025;100;\n"
        "S2;Huono päivä;31.2.2025;100;\n"
        "S3;Huono summa;1.1.2025;paljon;\n"
        "S4;Huono tunnus;1.1.2025;100;1234567-0\n"
    ).encode()
    with translation.override("en"):
        _, rows, rejected = read(data)
    assert [r.values["code"] for r in rows] == ["S1"]
    reasons = {r.line: r.reason for r in rejected}
    assert "already on line 2" in reasons[3] and "code is missing" in reasons[4]
    assert "31.2.2025" in reasons[5] and "paljon" in reasons[6] and "check digit" in reasons[7]
    with translation.override("fi"):  # a Finnish page reads the reasons in Finnish
        _, _, rejected = read(data)
    assert "on jo rivillä 2" in rejected[0].reason and "tarkistusmerkki" in rejected[-1].reason


@pytest.mark.parametrize(("data", "message"), [(b"a;b\n1;2\n", "neither"), (b"\xff\xfe", "UTF-8")])
def test_unreadable_files(data, message):
    with translation.override("en"), pytest.raises(SourceError, match=message):
        read(data)


def test_keywords_choose_labels_and_show_their_evidence():
    found = classify("Hankkeessa muokataan työtehtäviä osatyökykyisille ja tehdään työkokeiluja.")
    assert "work_trial" in found.methods and "partial_work_ability" in found.target_groups
    assert found.evidence["work_trial"]["keywords"] == ["työkokeilu"]
    assert found.evidence["immigrants"]["confidence"] < THRESHOLD and "immigrants" not in found.target_groups


def test_swedish_and_english_descriptions_are_classified_too():
    assert "apprenticeship" in classify("Läroavtal för invandrare").methods
    assert "immigrants" in classify("Läroavtal för invandrare").target_groups
    assert "hidden_jobs" in classify("A search for hidden jobs for long-term unemployed people").methods


def test_the_embedding_adds_a_similarity_to_every_label():
    found = classify("Työkokeilu", TrigramEncoder())
    assert all(0 <= e["similarity"] <= 1 for e in found.evidence.values())
    assert found.evidence["work_trial"]["confidence"] >= found.evidence["apprenticeship"]["confidence"]
