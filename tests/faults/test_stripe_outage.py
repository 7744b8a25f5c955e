"""Stripe stops, hangs or loses its answers while a buyer checks out.

Each test runs a localstripe of its own (checkout.local_stripe.LocalStripe) and breaks it for real:
the process is stopped and started again, a socket accepts and never answers, or a front passes
requests to localstripe and drops the answers. The buyer always gets a clear message, no order is
marked paid without Stripe's verified webhook, the basket is kept, and a retry charges once.
"""

import json
import time
from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from oscar.core.loading import get_model

from checkout import payments
from checkout.local_stripe import LocalStripe
from checkout.models import StripePayment
from tests.checkout_support import WEBHOOK_SECRET, intent_event, signed_webhook
from tests.factories import ProductFactory
from tests.fault_servers import Blackhole, StripeFront

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
Source = get_model("payment", "Source")

UNREACHABLE = "We could not reach our card processor. Nothing has been charged."
ADDRESS = {
    "first_name": "Claire",
    "last_name": "Dubois",
    "line1": "12 rue des Tanneurs",
    "line4": "Lyon",
    "postcode": "69001",
    "country": "FR",
    "phone_number": "+33 6 12 34 56 78",
}
# Short bounds for the tests; production's defaults are checked below.
TIMEOUT = 1.0


@pytest.fixture
def own_stripe(settings):
    """A localstripe of this test's own (it is stopped and restarted), with settings pointing at it."""
    server = LocalStripe().start()
    try:
        settings.STRIPE_API_BASE = server.url
        settings.STRIPE_SECRET_KEY = "sk_test_souk"
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_souk"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_CONNECT_TIMEOUT = TIMEOUT
        settings.STRIPE_TIMEOUT = TIMEOUT
        settings.STRIPE_MAX_NETWORK_RETRIES = 1
        yield server
    finally:
        server.stop()


@pytest.fixture
def rug():
    return ProductFactory(
        weight_kg=Decimal("9.000"), stockrecord__price=Decimal("4800.00"), stockrecord__stock=1
    )


def _to_preview(client, product):
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.post(reverse("checkout:index"), {"username": "claire@example.test", "options": "anonymous"})
    client.post(reverse("checkout:shipping-address"), ADDRESS, follow=True)


def _place(client):
    """Press "Continue to payment"; returns (the card page, the order)."""
    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)
    return response, Order.objects.get()


def _pay_with_card(client, order, card_number="4242424242424242"):
    token = payments.stripe_client().v1.tokens.create(
        params={"card": {"number": card_number, "exp_month": "12", "exp_year": "2030", "cvc": "123"}}
    )
    return client.post(
        reverse("checkout:pay-confirm", kwargs={"order_number": order.number}),
        json.dumps({"card": token.card.id}),
        content_type="application/json",
    )


def _webhook(client, event):
    body, header = signed_webhook(event)
    return client.post(
        reverse("checkout:stripe-webhook"),
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )


def _intents_for(order) -> list:
    listing = payments.stripe_client().v1.payment_intents.list(params={"limit": 100})
    return [
        intent for intent in listing.data if intent.metadata.to_dict().get("order_number") == order.number
    ]


def _held_for_the_buyer(order) -> bool:
    """The order still holds its piece and the basket it was made from, lines and all."""
    line = order.lines.get()
    basket = Basket.objects.get(pk=order.basket_id)
    record = StockRecord.objects.get(pk=line.stockrecord_id)
    return basket.status == Basket.FROZEN and basket.num_items == 1 and record.num_allocated == 1


def test_the_stripe_client_gives_up_in_seconds_and_retries_network_failures_once():
    # Defaults from base settings: bounded, retried (safe with idempotency keys), and the worst case
    # of every attempt timing out stays under gunicorn's 30 s request timeout.
    connect, read = django_settings.STRIPE_CONNECT_TIMEOUT, django_settings.STRIPE_TIMEOUT
    retries = django_settings.STRIPE_MAX_NETWORK_RETRIES
    assert 0 < connect <= 5 and 0 < read <= 20
    assert 1 <= retries <= 2
    assert (connect + read) * (retries + 1) < 30


def test_with_stripe_stopped_the_buyer_is_told_nothing_is_charged_and_a_retry_after_restart_charges_once(
    client, own_stripe, rug, ledger_calls, django_capture_on_commit_callbacks
):
    _to_preview(client, rug)

    own_stripe.stop()
    card_page, order = _place(client)

    assert card_page.status_code == 200
    assert UNREACHABLE in card_page.content.decode() and "Try again" in card_page.content.decode()
    assert order.status == "Pending payment"
    assert StripePayment.objects.get(order=order).payment_intent_id is None
    assert _held_for_the_buyer(order)

    # Stripe comes back; the buyer presses "Try again", twice (a double click).
    own_stripe.start()
    pay_url = reverse("checkout:pay", kwargs={"order_number": order.number})
    first, second = client.get(pay_url), client.get(pay_url)
    payment = StripePayment.objects.get(order=order)

    assert UNREACHABLE not in first.content.decode()
    assert (
        payment.client_secret in first.content.decode() and payment.client_secret in second.content.decode()
    )
    assert [intent.id for intent in _intents_for(order)] == [payment.payment_intent_id]

    # The card goes through; a second press of "Pay" cannot charge again.
    paid = _pay_with_card(client, order)
    again = _pay_with_card(client, order)
    assert paid.json()["status"] == "succeeded"
    assert again.status_code in (400, 402)
    charges = payments.stripe_client().v1.charges.list(params={"limit": 100}).data
    assert len([charge for charge in charges if charge.status == "succeeded"]) == 1
    assert Order.objects.get(pk=order.pk).status == "Pending payment"  # only the webhook marks it paid

    event = intent_event(payment, "payment_intent.succeeded")
    with django_capture_on_commit_callbacks(execute=True):
        assert _webhook(client, event).status_code == 200
        assert _webhook(client, event).status_code == 200
    order.refresh_from_db()
    assert order.status == "Paid"
    assert Source.objects.filter(order=order).count() == 1
    assert ledger_calls == [order.number]


def test_with_stripe_stopped_going_back_to_the_basket_gives_it_back_whole(client, own_stripe, rug):
    _to_preview(client, rug)
    own_stripe.stop()
    _card_page, order = _place(client)

    response = client.post(reverse("checkout:pay-cancel", kwargs={"order_number": order.number}), follow=True)

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert response.context["basket"].pk == order.basket_id
    assert response.context["basket"].num_items == 1
    assert StockRecord.objects.get(product=rug).num_allocated == 0


def test_a_stripe_that_accepts_and_never_answers_costs_the_buyer_seconds_and_charges_nothing(
    client, own_stripe, rug, settings
):
    _to_preview(client, rug)

    with Blackhole() as hung:
        settings.STRIPE_API_BASE = hung.url
        started = time.monotonic()
        card_page, order = _place(client)
        elapsed = time.monotonic() - started
        attempts = hung.accepted

    assert UNREACHABLE in card_page.content.decode()
    assert attempts == 2  # one call and its one retry, each abandoned after the read timeout
    assert elapsed < 2 * TIMEOUT + 8  # two timeouts and Stripe's back-off, plus the page itself
    assert order.status == "Pending payment"
    assert StripePayment.objects.get(order=order).payment_intent_id is None
    assert _held_for_the_buyer(order)


def test_an_answer_lost_on_the_way_back_is_retried_with_the_same_key_and_makes_one_payment_intent(
    client, own_stripe, rug, settings
):
    _to_preview(client, rug)

    with StripeFront(own_stripe.url) as front:
        settings.STRIPE_API_BASE = front.url
        # Stripe creates the PaymentIntent, and both answers (call and retry) are lost.
        front.swallow_next(2)
        card_page, order = _place(client)
        assert UNREACHABLE in card_page.content.decode()
        assert StripePayment.objects.get(order=order).payment_intent_id is None

        # "Try again": the same idempotency key, so Stripe answers with the intent it made.
        retried = client.get(reverse("checkout:pay", kwargs={"order_number": order.number}))
        creates = front.writes("/v1/payment_intents")

    payment = StripePayment.objects.get(order=order)
    assert payment.client_secret in retried.content.decode()
    assert len(creates) == 3 and len({key for _method, _path, key in creates}) == 1
    assert creates[0][2] == f"order-{order.number}-payment-intent"
    assert front.replayed == 2
    settings.STRIPE_API_BASE = own_stripe.url
    assert [intent.id for intent in _intents_for(order)] == [payment.payment_intent_id]
    assert Order.objects.get(pk=order.pk).status == "Pending payment"
