from __future__ import annotations

import pytest

from kohtaanto.matching.places import distance_km, find, municipalities

pytestmark = pytest.mark.unit


def test_all_308_municipalities_with_plausible_coordinates():
    codes = {m.code for m in municipalities().values()}
    assert len(codes) == 308
    for place in municipalities().values():
        assert 59.7 <= place.lat <= 70.1 and 19.5 <= place.lon <= 31.6, place


def test_names_in_both_languages_and_codes_find_the_same_place():
    assert find("Helsingfors") == find("helsinki") == find("091")
    assert find("Vasa") == find("Vaasa")
    assert find("Atlantis") is None


def test_distances_between_centres():
    assert distance_km("Helsinki", "Espoo") == pytest.approx(16, abs=3)
    assert distance_km("Kuopio", "Siilinjärvi") == pytest.approx(20, abs=3)
    assert distance_km("Helsinki", "Rovaniemi") == pytest.approx(700, abs=20)
    assert distance_km("Tampere", "Tampere") == 0.0
    assert distance_km("Helsinki", "nowhere") is None
    assert distance_km("Turku", "Oulu") == distance_km("Oulu", "Åbo")
