"""Every number marked in a checked text points at its explanation on the page, also past the first five."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from kohtaanto.plainlang.check import check
from kohtaanto.web.plainlang.views import report_context

pytestmark = pytest.mark.db

TEXT = (
    "Työvuoron päätyttyä suoritetaan siivoaminen esim. mopilla. Työntekijältä edellytetään "
    "asiakaspalvelukokemusta ja oma-aloitteisuutta, ts. kykyä toimia itsenäisesti, mm. "
    "kassatoimintojen suorittamisessa ja tavaravastaanoton hoitamisessa, jne. Hakemukset "
    "toimitetaan viimeistään määräpäivään mennessä sähköisesti rekrytointijärjestelmän kautta. "
    "Tehtävään valitun henkilön on esitettävä hyväksyttävä selvitys terveydentilastaan ennen "
    "työsuhteen alkamista, mikäli työnantaja katsoo sen tarpeelliseksi."
)


def test_every_mark_links_to_an_explanation_on_the_page():
    with translation.override("fi"):
        report = check(TEXT, "job-ad", "auto", "auto", (), "fi")
        html = render_to_string("plainlang/_report.html", report_context(report, TEXT))
    links = set(re.findall(r'href="#(finding-\d+)"', html))
    targets = set(re.findall(r'id="(finding-\d+)"', html))
    assert len(links) > 5, "the text should have more than five findings"
    assert links <= targets
