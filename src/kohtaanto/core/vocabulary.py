"""The shared vocabulary types: functional levels, how often a demand occurs, weekdays, CEFR.

>>> cefr("b1"), CEFR["C2"]
('B1', 5)
>>> EXPOSURES.index("often")
3
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$")

Key = Annotated[str, Field(min_length=1, max_length=120, pattern=_KEY.pattern)]
"""An identifier a user chose for a task, a person or a job in a file: letters, digits and ``_.:/-``."""

Level = Annotated[int, Field(ge=0, le=5)]
"""A functional-demand or capacity level, 0-5 (the functional-demand vocabulary anchors each)."""

Exposure = Literal["never", "rarely", "sometimes", "often", "mostly"]
EXPOSURES: Final[tuple[Exposure, ...]] = ("never", "rarely", "sometimes", "often", "mostly")
"""How often a demand occurs in a task, from never to most of the working time."""

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: Final[tuple[Day, ...]] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORKDAYS: Final[tuple[Day, ...]] = DAYS[:5]


def weekdays() -> list[Day]:
    """Monday to Friday, as a fresh list (a default for models)."""
    return list(WORKDAYS)


CEFR: Final[dict[str, int]] = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 5}
"""A CEFR level as the 1-5 scale the engines compare (C1 and C2 are one step)."""


def cefr(code: str | None) -> str | None:
    """A CEFR level (A1-C2) in upper case, or None; anything else is refused."""
    if code is not None and code.upper() not in CEFR:
        raise ValueError("a CEFR level is one of A1, A2, B1, B2, C1, C2")
    return code.upper() if code else None


class StrictModel(BaseModel):
    """A document part that refuses unknown fields (a typo is reported, not ignored) and is immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
