"""Finnish morphology from Voikko, when the machine has it (Debian ``libvoikko1`` and ``voikko-fi``).

Voikko is optional at run time. The PyPI binding, asked for a Voikko when the C library is missing,
fails half-way and later prints an ``AttributeError`` from its destructor to the console; so the
library is looked for first, and a failure of any kind means "not available", silently.
"""

from __future__ import annotations

import ctypes.util
from functools import cache
from typing import Any


@cache
def finnish() -> Any | None:
    """One shared Finnish Voikko, or None when the library or its Finnish dictionary is missing."""
    if ctypes.util.find_library("voikko") is None:
        return None
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # noqa: BLE001 - Voikko is optional; any load failure means "not available"
        return None
