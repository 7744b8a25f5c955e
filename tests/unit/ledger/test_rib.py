import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from checkout.ledger.exports import iban_from_rib
from checkout.ledger.rib import rib_format, rib_is_valid, rib_key, validate_rib

# The IBAN registry's Moroccan example: MA64 0115 1900 0001 2050 0053 4921.
REGISTRY_RIB = "011519000001205000534921"


def test_the_iban_registry_example_is_a_valid_rib():
    assert rib_is_valid(REGISTRY_RIB)
    assert rib_is_valid("011 519 0000012050005349 21")


def test_the_moroccan_iban_is_built_from_the_rib():
    assert iban_from_rib(REGISTRY_RIB) == "MA64011519000001205000534921"


def test_a_rib_with_a_wrong_key_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError, match="key"):
        validate_rib(REGISTRY_RIB[:-2] + "22")


@pytest.mark.parametrize("value", ["", "12345", "01151900000120500053492A", REGISTRY_RIB + "1"])
def test_a_rib_that_is_not_24_digits_is_refused(value):
    with pytest.raises(ValidationError, match="24 digits"):
        validate_rib(value)


def test_a_rib_is_shown_in_its_groups():
    assert rib_format(REGISTRY_RIB) == "011 519 0000012050005349 21"


@given(st.text(alphabet="0123456789", min_size=22, max_size=22))
def test_the_computed_key_makes_every_rib_valid_and_any_other_key_invalid(first_22):
    key = rib_key(first_22)
    assert rib_is_valid(f"{first_22}{key:02d}")
    assert not rib_is_valid(f"{first_22}{(key % 97) + 1:02d}")
