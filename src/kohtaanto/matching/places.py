"""Municipalities and the distance between their centres, from project data with sources.

The shared kernel (``kohtaanto.core.municipalities``) lists all 308 municipalities (2025 division) with
their code, Finnish and Swedish names, region and centre coordinates. Distances are great-circle
kilometres between centres: a straight line, shorter than the road.
"""

from __future__ import annotations

import math

from kohtaanto.core.municipalities import Place, find
from kohtaanto.core.municipalities import municipalities as all_by_key

__all__ = ["Place", "distance_km", "find", "municipalities"]

EARTH_RADIUS_KM = 6371.0088


def municipalities() -> dict[str, Place]:
    """By code, Finnish name and Swedish name (all lower case except the code)."""
    return all_by_key()


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
