from __future__ import annotations

import pytest

from kohtaanto.matching.fairness import disparity

pytestmark = pytest.mark.unit


def test_rates_ratios_and_the_four_fifths_flag():
    eligible = (
        [f"a{i}" for i in range(20)] + [f"b{i}" for i in range(20)] + [f"c{i}" for i in range(5)] + ["x"]
    )
    groups = {
        **{f"a{i}": "A" for i in range(20)},
        **{f"b{i}": "B" for i in range(20)},
        **{f"c{i}": "C" for i in range(5)},
    }
    recommended = [f"a{i}" for i in range(10)] + [f"b{i}" for i in range(6)] + ["c0", "x"]
    report = {g.group: g for g in disparity(eligible, recommended, groups)}
    assert report["A"].rate == 0.5 and report["A"].ratio == 1.0 and not report["A"].flagged
    assert report["B"].rate == 0.3 and report["B"].ratio == pytest.approx(0.6) and report["B"].flagged
    # too small to report: no rate, no count of recommendations, no flag
    assert report["C"].rate is None and report["C"].recommended == 0 and not report["C"].flagged
    assert "x" not in {g.group for g in report.values()}  # no opt-in group data: left out


def test_no_recommendations_means_no_ratio():
    groups = {f"p{i}": "A" for i in range(12)}
    [only] = disparity(groups, [], groups)
    assert only.rate == 0.0 and only.ratio is None and not only.flagged
