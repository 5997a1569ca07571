"""Municipalities and the distance between their centres, from project data with sources.

``data/municipalities.yaml`` lists all 308 municipalities (2025 division) with their code, Finnish
and Swedish names, region and centre coordinates; its header names the sources. Distances are
great-circle kilometres between centres: a straight line, shorter than the road.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "municipalities.yaml"
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    fi: str
    sv: str
    region: str
    lat: float
    lon: float


@cache
def municipalities() -> dict[str, Place]:
    """By code, Finnish name and Swedish name (all lower case except the code)."""
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
    return municipalities().get(name_or_code.strip().casefold())


def distance_km(a: str, b: str) -> float | None:
    """Kilometres between two municipality centres by name (fi or sv) or code; None if either is unknown."""
    first, second = find(a), find(b)
    if first is None or second is None:
        return None
    if first.code == second.code:
        return 0.0
    phi1, phi2 = math.radians(first.lat), math.radians(second.lat)
    dphi, dlmb = phi2 - phi1, math.radians(second.lon - first.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
