"""Finland's municipalities (2025 division): code, Finnish and Swedish name, region.

``data/municipalities.yaml`` lists all 308 with their centre coordinates; its header names the sources.
Several engines need the same list (distances in matching, tax rates and housing-allowance groups in the
rules), so it lives in the shared kernel.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "municipalities.yaml"
ALAND = "Ahvenanmaa"


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    fi: str
    sv: str
    region: str
    lat: float
    lon: float

    @property
    def aland(self) -> bool:
        return self.region == ALAND

    def name(self, language: str) -> str:
        return self.sv if language == "sv" else self.fi


@cache
def municipalities() -> dict[str, Place]:
    """By code, Finnish name and Swedish name (names in lower case)."""
    with DATA.open(encoding="utf-8") as handle:
        rows = yaml.safe_load(handle)["municipalities"]
    out: dict[str, Place] = {}
    for row in rows:
        place = Place(
            str(row["code"]), row["fi"], row["sv"], row["region"], float(row["lat"]), float(row["lon"])
        )
        for key in (place.code, place.fi.casefold(), place.sv.casefold()):
            out.setdefault(key, place)
    return out


def find(name_or_code: str) -> Place | None:
    """A municipality by its code or its Finnish or Swedish name, in any case.

    >>> find("tammerfors").fi, find("091").sv
    ('Tampere', 'Helsingfors')
    """
    return municipalities().get(name_or_code.strip().casefold())


def all_municipalities() -> list[Place]:
    """Each municipality once, in code order."""
    return sorted({m.code: m for m in municipalities().values()}.values(), key=lambda m: m.code)
