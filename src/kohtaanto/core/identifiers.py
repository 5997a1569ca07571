"""Finnish identifiers used across the domain.

A business ID (Y-tunnus) is seven digits, a hyphen and a check digit. The check digit is
computed with the weights 7, 9, 10, 5, 8, 4, 2 (Finnish Tax Administration / PRH):

>>> BusinessId.parse("0112038-9")
BusinessId(value='0112038-9')
>>> BusinessId.parse(" 112038-9")
BusinessId(value='0112038-9')
>>> BusinessId.parse("0112038-8")
Traceback (most recent call last):
...
kohtaanto.core.identifiers.InvalidBusinessId: check digit should be 9, not 8
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_PATTERN = re.compile(r"^(\d{6,7})-(\d)$")


class InvalidBusinessId(ValueError):
    """The text is not a valid Finnish business ID."""


def business_id_check_digit(digits: str) -> int | None:
    """Return the check digit for seven digits, or ``None`` when no digit is valid.

    A remainder of 1 has no valid check digit: such numbers are never issued.

    >>> business_id_check_digit("0112038")
    9
    >>> business_id_check_digit("0000001") is None
    False
    """
    if len(digits) != 7 or not digits.isdigit():
        raise InvalidBusinessId("a business ID has seven digits before the hyphen")
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


@dataclass(frozen=True, slots=True)
class BusinessId:
    """A validated Finnish business ID (Y-tunnus) in the canonical form ``NNNNNNN-C``."""

    value: str

    @classmethod
    def parse(cls, text: str) -> BusinessId:
        cleaned = text.strip()
        match = _PATTERN.match(cleaned)
        if not match:
            raise InvalidBusinessId("the form is seven digits, a hyphen and a check digit, e.g. 1234567-1")
        digits = match.group(1).zfill(7)
        given = int(match.group(2))
        expected = business_id_check_digit(digits)
        if expected is None:
            raise InvalidBusinessId("no business ID has these seven digits")
        if expected != given:
            raise InvalidBusinessId(f"check digit should be {expected}, not {given}")
        return cls(f"{digits}-{given}")

    def __str__(self) -> str:
        return self.value
