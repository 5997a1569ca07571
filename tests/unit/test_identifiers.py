from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaanto.core.identifiers import BusinessId, InvalidBusinessId, business_id_check_digit

pytestmark = pytest.mark.unit

seven_digits = st.integers(min_value=0, max_value=9_999_999).map(lambda n: f"{n:07d}")


@given(seven_digits)
def test_a_computed_check_digit_is_accepted_and_every_other_is_refused(digits: str):
    check = business_id_check_digit(digits)
    for candidate in range(10):
        text = f"{digits}-{candidate}"
        if candidate == check:
            assert BusinessId.parse(text).value == text
        else:
            with pytest.raises(InvalidBusinessId):
                BusinessId.parse(text)


@pytest.mark.parametrize(
    "text", ["", "1234567", "12345671", "1234567-", "abcdefg-1", "12345-6", "1234567-12"]
)
def test_malformed_business_ids_are_refused(text: str):
    with pytest.raises(InvalidBusinessId):
        BusinessId.parse(text)


def test_known_public_business_id_and_leading_zero_padding():
    # 0112038-9 is the business ID printed for Nokia Oyj in the trade register.
    assert str(BusinessId.parse("0112038-9")) == "0112038-9"
    assert str(BusinessId.parse("112038-9")) == "0112038-9"


def test_remainder_one_has_no_valid_id():
    # Weighted sum 1 (mod 11): 0000010 → 2*... find such digits by search, then check none is accepted.
    digits = next(f"{n:07d}" for n in range(10_000) if business_id_check_digit(f"{n:07d}") is None)
    for candidate in range(10):
        with pytest.raises(InvalidBusinessId):
            BusinessId.parse(f"{digits}-{candidate}")
