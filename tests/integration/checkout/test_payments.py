from decimal import Decimal

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from catalogue.selectors import exchange_rates_current
from checkout import payments, services
from checkout.local_stripe import free_port
from checkout.models import StripePayment
from tests.checkout_support import basket_create, order_place
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

ExchangeRate = get_model("catalogue", "ExchangeRate")
StockRecord = get_model("partner", "StockRecord")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


@pytest.fixture
def order():
    rug = ProductFactory(stockrecord__price=Decimal("4800.00"), stockrecord__stock=1)
    return order_place(basket_create((rug, 1)), country="JP")


def test_the_payment_intent_charges_exactly_the_displayed_total_in_yen(stripe_settings, order):
    ExchangeRate.objects.create(currency="JPY", rate=Decimal("15.27"), as_of="2026-11-26")

    payment = services.payment_start(order=order, currency="JPY", rates=exchange_rates_current())

    expected = (order.total_incl_tax * Decimal("15.27")).quantize(Decimal(1))
    assert payment.currency == "JPY" and payment.amount == expected
    assert payment.amount_minor == int(expected)
    intent = payments.payment_intent_retrieve(payment.payment_intent_id)
    assert (intent.amount, intent.currency) == (int(expected), "jpy")
    assert intent.metadata["order_number"] == order.number


def test_without_a_rate_the_buyer_pays_in_dirhams(stripe_settings, order):
    payment = services.payment_start(order=order, currency="GBP", rates={})

    assert payment.currency == "MAD"
    assert payment.amount_minor == int(order.total_incl_tax * 100)


def test_an_unreachable_stripe_leaves_the_order_pending_and_a_retry_creates_one_intent(
    stripe_settings, local_stripe, order
):
    # given Stripe is down
    stripe_settings.STRIPE_API_BASE = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(payments.PaymentUnavailable):
        services.payment_start(order=order, currency="MAD", rates={})
    payment = StripePayment.objects.get(order=order)
    assert payment.payment_intent_id is None
    assert Order.objects.get(pk=order.pk).status == "Pending payment"

    # when it is back and the buyer retries twice
    stripe_settings.STRIPE_API_BASE = local_stripe.url
    first = services.payment_start(order=order, currency="MAD", rates={})
    again = services.payment_start(order=order, currency="MAD", rates={})

    # then one PaymentIntent serves both
    assert first.payment_intent_id and first.payment_intent_id == again.payment_intent_id
    assert StripePayment.objects.filter(order=order).count() == 1


def test_an_abandoned_order_is_cancelled_its_stock_released_and_its_basket_reopened(stripe_settings, order):
    services.payment_start(order=order, currency="MAD", rates={})

    call_command("orders_abandon", minutes=0)

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert StockRecord.objects.get(pk=order.lines.get().stockrecord_id).num_allocated == 0
    assert Basket.objects.get(pk=order.basket_id).status == Basket.OPEN
    intent = payments.payment_intent_retrieve(order.stripe_payment.payment_intent_id)
    assert intent.status == "canceled"


def test_recent_pending_orders_are_left_alone(stripe_settings, order):
    call_command("orders_abandon", minutes=60)

    assert Order.objects.get(pk=order.pk).status == "Pending payment"


def test_a_partial_refund_is_made_at_stripe_and_counted(stripe_settings, order, ledger_calls):
    # given an order paid at the local Stripe with a test card
    payment = services.payment_start(order=order, currency="MAD", rates={})
    token = payments.stripe_client().v1.tokens.create(
        params={"card": {"number": "4242424242424242", "exp_month": "12", "exp_year": "2030", "cvc": "123"}}
    )
    intent = payments.payment_intent_confirm_card(
        order_number=order.number,
        payment_intent_id=payment.payment_intent_id,
        card_id=token.card.id,
        attempt=1,
    )
    assert intent.status == "succeeded"
    services.order_mark_paid(order=order, payment_intent=intent)

    # when a cooperative's share is refunded

    refund_id = payments.refund_create(
        order=order,
        amount=Decimal("100.00"),
        currency="MAD",
        idempotency_key=f"vendor-order-{order.number}-1",
    )

    # then Stripe holds the refund and no more than what remains can be refunded
    assert refund_id.startswith("re_")
    assert StripePayment.objects.get(pk=payment.pk).amount_refunded_minor == 10000
    with pytest.raises(ValueError):
        payments.refund_create(
            order=order,
            amount=order.total_incl_tax,
            currency="MAD",
            idempotency_key=f"vendor-order-{order.number}-2",
        )
