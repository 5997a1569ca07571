"""Charts are drawn on the server; their coordinates must survive a page in Finnish or Swedish."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from kohtaanto.web.core.chart import bar_chart, income_chart

pytestmark = pytest.mark.db

ATTRIBUTES = re.compile(r'(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"')


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_svg_coordinates_keep_a_decimal_point_in_every_language(language):
    income = income_chart([(Decimal(e), 900.0 + e / 3, 850.0) for e in range(0, 1300, 50)], Decimal(730))
    bars = bar_chart(
        [{"month": "1/2026", "a": 3, "b": None}, {"month": "2/2026", "a": 7, "b": 5}], ["a", "b"], "month"
    )
    page = Template(
        '{% for t in income.y_ticks %}<line y1="{{ t.y }}"/>{% endfor %}'
        '{% for t in income.x_ticks %}<text x="{{ t.x }}"/>{% endfor %}<line x1="{{ income.marker_x }}"/>'
        '{% for g in bars.groups %}<text x="{{ g.x }}"/>{% for b in g.bars %}'
        '<rect x="{{ b.x }}" y="{{ b.y }}" width="{{ b.width }}" height="{{ b.height }}"/>'
        "{% endfor %}{% endfor %}"
    )
    with translation.override(language):
        drawn = page.render(Context({"income": income, "bars": bars}))
    values = ATTRIBUTES.findall(drawn)
    assert len(values) > 20
    assert [v for v in values if "," in v or not re.fullmatch(r"-?\d+(\.\d+)?", v)] == []
    assert any("." in v for v in values)  # fractional coordinates are there, written with a point
