"""Pages fit a 360 px wide phone screen: nothing scrolls sideways."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PAGES = {
    "tyonhakija1": [
        "/",
        "/me/",
        "/me/skills/",
        "/me/capacity/physical/",
        "/me/work/",
        "/me/sharing/",
        "/me/data/",
        "/my-matches/",
    ],
    "tyonantaja1": ["/", "/hire/", "/jobs/", "/selko/", "/supports/hire/"],
}


@pytest.mark.parametrize("who", sorted(PAGES))
def test_no_sideways_scrolling_at_360_px(page, demo_world, who):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, who, demo_world.PASSWORD)
    wide = []
    for path in PAGES[who]:
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 1:
            wide.append(f"{path}: {overflow}px")
    assert wide == []


def test_the_hiring_steps_fit_at_360_px(page, demo_world):
    from kohtaanto.web.hiring.sample import bakery_case

    case = bakery_case(publish=False)
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, "tyonantaja1", demo_world.PASSWORD)
    wide = []
    for step in ("need", "tasks", "carve", "supports", "ad", "candidates", "onboarding"):
        page.goto(f"/hire/{case.pk}/{step}/")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 1:
            wide.append(f"{step}: {overflow}px")
    assert wide == []
