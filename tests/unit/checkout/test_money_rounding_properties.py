"""Properties of the money code, checked with hypothesis on any amount, rate and currency.

tests/unit/catalogue/test_money.py already checks that a converted price has the currency's
decimals and stays within half a unit of the exact product; these add the rest: rounding never
goes negative, never reorders prices, is stable when repeated, and survives the trip to Stripe's
integer amounts and back, for zero-, two- and three-decimal currencies.
"""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.money import SUPPORTED_CURRENCIES, currency_precision, money_convert, money_round
from checkout.payments import THREE_DECIMAL_CURRENCIES, ZERO_DECIMAL_CURRENCIES, stripe_minor_units

# Souk's currencies, plus three-decimal and other zero-decimal ones the rounding must also get right.
CURRENCIES = (*SUPPORTED_CURRENCIES, "KWD", "BHD", "TND", "KRW", "CLP")
EXAMPLES = settings(max_examples=300, deadline=None)

amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("10000000"), places=4)
rates = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1000"), places=4)


def unit(currency: str) -> Decimal:
    return Decimal(1).scaleb(-currency_precision(currency))


@EXAMPLES
@given(amount=amounts, currency=st.sampled_from(CURRENCIES))
def test_rounding_keeps_the_currencys_decimals_stays_within_half_a_unit_and_is_never_negative(
    amount, currency
):
    rounded = money_round(amount, currency)

    assert -rounded.as_tuple().exponent == currency_precision(currency)
    assert abs(rounded - amount) <= unit(currency) / 2
    assert rounded >= 0


@EXAMPLES
@given(amount=amounts, currency=st.sampled_from(CURRENCIES))
def test_rounding_twice_changes_nothing(amount, currency):
    assert money_round(money_round(amount, currency), currency) == money_round(amount, currency)


@EXAMPLES
@given(a=amounts, b=amounts, rate=rates, currency=st.sampled_from(SUPPORTED_CURRENCIES))
def test_a_dearer_piece_never_shows_a_lower_price_in_any_currency(a, b, rate, currency):
    low, high = sorted((a, b))

    assert money_convert(amount=low, rate=rate, currency=currency) <= money_convert(
        amount=high, rate=rate, currency=currency
    )


@EXAMPLES
@given(amount=amounts, rate=rates, currency=st.sampled_from(SUPPORTED_CURRENCIES))
def test_the_amount_sent_to_stripe_is_exactly_the_price_shown(amount, rate, currency):
    shown = money_convert(amount=amount, rate=rate, currency=currency)

    minor = stripe_minor_units(shown, currency)

    assert isinstance(minor, int) and minor >= 0
    assert Decimal(minor).scaleb(-currency_precision(currency)) == shown
    if currency in ZERO_DECIMAL_CURRENCIES:
        assert minor == shown  # whole yen, no cents


@EXAMPLES
@given(amount=amounts, currency=st.sampled_from(sorted(THREE_DECIMAL_CURRENCIES)))
def test_three_decimal_currencies_go_to_stripe_in_thousandths_ending_in_zero(amount, currency):
    minor = stripe_minor_units(amount, currency)

    assert minor % 10 == 0
    assert abs(Decimal(minor) / 1000 - amount) <= Decimal("0.005")


@EXAMPLES
@given(
    parts=st.lists(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2), max_size=8),
    rate=rates,
    currency=st.sampled_from(SUPPORTED_CURRENCIES),
)
def test_rounding_each_line_strays_from_rounding_the_total_by_at_most_half_a_unit_per_line(
    parts, rate, currency
):
    # Why refunds in the buyer's currency must not be rounded one by one (see the ledger properties).
    each = sum((money_convert(amount=part, rate=rate, currency=currency) for part in parts), Decimal(0))
    whole = money_convert(amount=sum(parts, Decimal(0)), rate=rate, currency=currency)

    assert abs(each - whole) <= unit(currency) / 2 * max(len(parts), 1)
