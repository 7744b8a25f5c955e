from decimal import Decimal

import pytest

from checkout.destination import country_from_accept_language
from checkout.payments import AmountTooSmall, stripe_amount_check, stripe_minor_units


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        (Decimal("12.34"), "USD", 1234),
        (Decimal("12.345"), "EUR", 1235),
        (Decimal("0.5"), "GBP", 50),
        (Decimal("1234"), "JPY", 1234),
        (Decimal("1234.6"), "jpy", 1235),
        (Decimal("6100.00"), "MAD", 610000),
        (Decimal("99.99"), "AED", 9999),
    ],
)
def test_amounts_become_stripe_minor_units_per_currency(amount, currency, minor):
    assert stripe_minor_units(amount, currency) == minor


@pytest.mark.parametrize(
    ("amount", "currency"),
    [(Decimal("0.49"), "USD"), (Decimal("0.29"), "GBP"), (Decimal("49"), "JPY"), (Decimal("1.99"), "AED")],
)
def test_amounts_below_stripes_minimum_are_refused_with_a_message(amount, currency):
    with pytest.raises(AmountTooSmall, match=currency):
        stripe_amount_check(amount, currency)


@pytest.mark.parametrize(("amount", "currency"), [(Decimal("0.50"), "USD"), (Decimal("50"), "JPY")])
def test_the_minimum_itself_is_accepted(amount, currency):
    stripe_amount_check(amount, currency)


@pytest.mark.parametrize(
    ("header", "country"),
    [("fr-CA,fr;q=0.8", "CA"), ("fr", "FR"), ("en-GB", "GB"), ("ar", "MA"), ("", "US"), ("xx", "US")],
)
def test_the_destination_is_guessed_from_the_browser_language(header, country):
    assert country_from_accept_language(header) == country
