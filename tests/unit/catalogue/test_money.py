"""Conversion and rounding of prices into the buyer's currency."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalogue.money import (
    SUPPORTED_CURRENCIES,
    currency_from_accept_language,
    currency_precision,
    money_convert,
    money_format,
    money_round,
)


def test_yen_has_no_minor_unit():
    assert money_convert(amount=Decimal("6100.00"), rate=Decimal("15.30"), currency="JPY") == Decimal("93330")
    assert money_round(Decimal("10.5"), "JPY") == Decimal("11")


def test_dollars_round_half_up_to_the_cent():
    assert money_convert(amount=Decimal("1234.45"), rate=Decimal("0.1"), currency="USD") == Decimal("123.45")
    assert money_round(Decimal("0.125"), "USD") == Decimal("0.13")


def test_dirhams_are_never_converted():
    assert money_convert(amount=Decimal("99.999"), rate=Decimal("123"), currency="MAD") == Decimal("100.00")


@given(
    amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2),
    rate=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1000"), places=4),
    currency=st.sampled_from(SUPPORTED_CURRENCIES),
)
def test_converted_prices_have_exactly_the_currencys_decimals_and_stay_within_half_a_unit(
    amount, rate, currency
):
    converted = money_convert(amount=amount, rate=rate, currency=currency)
    exact = amount if currency == "MAD" else amount * rate

    assert -converted.as_tuple().exponent == currency_precision(currency)
    assert abs(converted - exact) <= Decimal(1).scaleb(-currency_precision(currency)) / 2


@pytest.mark.parametrize(
    ("header", "currency"),
    [
        ("en-US,en;q=0.9", "USD"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "EUR"),
        ("fr-CA,fr;q=0.9", "CAD"),
        ("en-GB", "GBP"),
        ("ja", "JPY"),
        ("ar-AE,ar;q=0.9", "AED"),
        ("ar-MA", "MAD"),
        ("nl-BE;q=0.4,de-DE", "EUR"),
        ("", "USD"),
        ("tlh;q=garbage", "USD"),
    ],
)
def test_default_currency_follows_the_browsers_language_and_country(header, currency):
    assert currency_from_accept_language(header) == currency


def test_dirham_prices_put_the_code_after_the_amount():
    assert money_format(Decimal("6100"), "MAD", locale="en") == "6,100.00\u00a0MAD"
