"""Properties of the marketplace split and of refunds, checked with hypothesis on any basket.

test_refunds_payouts.py already checks one vendor order refunded in MAD (never more than paid,
balance = sum of entries); these check whole orders: baskets of one to three cooperatives at any
commission rate, with the real per-cooperative shipping, and partial refunds of every part in
any order for a buyer who paid in another currency. Each example builds its own order, so the
examples are few.
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.money import money_convert, money_round
from checkout import payments
from checkout.ledger.models import LedgerEntry, VendorOrder
from checkout.ledger.selectors import cooperative_balance, vendor_order_refundable
from checkout.ledger.services import order_split, vendor_order_refund
from checkout.models import StripePayment
from tests.checkout_support import basket_create, country_ensure, order_place
from tests.factories import CooperativeFactory, ProductFactory

pytestmark = pytest.mark.django_db

DB_EXAMPLES = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
RATES = [None, "0.000", "0.050", "0.100", "0.125", "0.200", "0.333"]

prices = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("20000.00"), places=2)
cooperatives = st.lists(
    st.tuples(
        st.sampled_from(RATES),
        st.lists(st.tuples(prices, st.integers(min_value=1, max_value=3)), min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=3,
)


def _order(shape) -> object:
    """A placed order (real per-cooperative shipping to France) for `shape`: [(rate, [(price, qty)])]."""
    country_ensure("FR")
    items = []
    for rate, lines in shape:
        cooperative = CooperativeFactory(commission_rate=None if rate is None else Decimal(rate))
        for price, quantity in lines:
            product = ProductFactory(
                weight_kg=Decimal("2.000"), stockrecord__cooperative=cooperative, stockrecord__price=price
            )
            product.stockrecords.update(num_in_stock=quantity)
            items.append((product, quantity))
    return order_place(basket_create(*items), country="FR")


@DB_EXAMPLES
@given(shape=cooperatives)
def test_for_any_basket_commission_plus_net_is_each_cooperatives_goods_and_the_parts_add_up_to_the_charge(
    shape,
):
    order = _order(shape)

    parts = order_split(order=order, notify=False)

    assert len(parts) == len(shape)
    for part in parts:
        goods = sum((line.line_price_incl_tax for line in part.lines), Decimal(0))
        assert part.subtotal == goods
        assert part.commission + part.net == part.subtotal
        assert part.commission == money_round(part.subtotal * part.commission_rate, "MAD")
        assert Decimal(0) <= part.commission <= part.subtotal
        # The cooperative is owed its net and its shipping: the sum of its entries, nothing else.
        entries = LedgerEntry.objects.filter(vendor_order=part)
        assert sum(entries.values_list("amount", flat=True)) == part.net + part.shipping_charge
    assert sum((part.total for part in parts), Decimal(0)) == order.total_incl_tax
    assert (
        sum((part.commission for part in parts), Decimal(0))
        + sum((cooperative_balance(partner=part.partner).total for part in parts), Decimal(0))
        == order.total_incl_tax
    )
    # Splitting again (a replayed webhook) writes nothing more.
    before = LedgerEntry.objects.count()
    order_split(order=order, notify=False)
    assert LedgerEntry.objects.count() == before


@pytest.fixture
def stripe_refunds(settings, monkeypatch):
    """The real refund path (payments.refund_create and its checks) with Stripe's answer stubbed."""
    settings.STRIPE_SECRET_KEY = "sk_test_souk"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # never reached: the call below answers
    sent = []

    def call(action, func, *args, params=None, options=None, **kwargs):
        assert action == "refund create"
        sent.append((params["amount"], options["idempotency_key"]))
        return SimpleNamespace(id=f"re_test_{len(sent)}")

    monkeypatch.setattr(payments, "_call", call)
    return sent


def _paid(order, currency: str, rate: Decimal) -> StripePayment:
    amount = money_convert(amount=order.total_incl_tax, rate=rate, currency=currency)
    return StripePayment.objects.create(
        order=order,
        currency=currency,
        amount=amount,
        amount_minor=payments.stripe_minor_units(amount, currency),
        exchange_rate=rate if currency != "MAD" else Decimal(1),
        payment_intent_id=f"pi_test_{order.number}",
        status=StripePayment.Status.SUCCEEDED,
    )


@DB_EXAMPLES
@given(
    shape=cooperatives.filter(lambda shape: len(shape) >= 2),
    currency=st.sampled_from(["EUR", "USD", "JPY", "GBP", "MAD"]),
    rate=st.decimals(min_value=Decimal("0.0050"), max_value=Decimal("20.0000"), places=4),
    plan=st.lists(
        st.tuples(st.integers(min_value=0, max_value=2), st.integers(min_value=1, max_value=100)),
        max_size=6,
    ),
)
def test_partial_refunds_in_any_order_never_return_more_than_was_charged_and_all_of_them_return_it_exactly(
    stripe_refunds, shape, currency, rate, plan
):
    order = _order(shape)
    payment = _paid(order, currency, rate)
    parts = order_split(order=order, notify=False)
    del stripe_refunds[:]  # the fixture lives across examples; count this order's refunds only

    def refund(part, amount):
        vendor_order_refund(vendor_order=part, amount=amount, by=None, reason="returned")
        payment.refresh_from_db()
        assert payment.amount_refunded_minor <= payment.amount_minor

    # Partial refunds of the parts, in the order the plan says (percent of what is left).
    for index, percent in plan:
        part = parts[index % len(parts)]
        left = vendor_order_refundable(vendor_order=part)
        amount = money_round(left * percent / 100, "MAD")
        if amount > 0:
            refund(part, amount)
    # Then everything that is left: the buyer gets back exactly what they paid, never more.
    for part in parts:
        left = vendor_order_refundable(vendor_order=part)
        if left > 0:
            refund(part, left)

    payment.refresh_from_db()
    assert payment.amount_refunded_minor == payment.amount_minor
    assert sum(amount for amount, _key in stripe_refunds) == payment.amount_minor
    assert len({key for _amount, key in stripe_refunds}) == len(stripe_refunds)
    for part in VendorOrder.objects.filter(order=order):
        assert part.status == VendorOrder.Status.REFUNDED
        balance = cooperative_balance(partner=part.partner).total
        assert balance == sum(
            LedgerEntry.objects.filter(partner=part.partner).values_list("amount", flat=True)
        )
        assert balance == Decimal("0.00")
