import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.selectors import exchange_rates_current
from checkout import services
from checkout.models import StripeEvent, StripePayment
from tests.checkout_support import basket_create, intent_event, order_place, signed_webhook
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
WEBHOOK = "checkout:stripe-webhook"


@pytest.fixture
def pending(stripe_settings):
    """A placed order with its PaymentIntent created at the local Stripe."""
    rug = ProductFactory(stockrecord__stock=1)
    basket = basket_create((rug, 1))
    order = order_place(basket)
    order.guest_email = "claire@example.test"
    order.save()
    payment = services.payment_start(order=order, currency="MAD", rates=exchange_rates_current())
    return payment


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Deliver a signed webhook as Stripe would, running what waits for the commit (emails)."""

    def deliver(event, **sign):
        body, header = signed_webhook(event, **sign)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse(WEBHOOK), body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
            )

    return deliver


def test_a_verified_succeeded_webhook_marks_the_order_paid_and_splits_it(post, pending, ledger_calls):
    response = post(intent_event(pending, "payment_intent.succeeded"))

    assert response.status_code == 200
    order = Order.objects.get(pk=pending.order_id)
    assert order.status == "Paid"
    assert ledger_calls == [order.number]
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject + mail.outbox[0].body


@pytest.mark.parametrize(
    "sign",
    [
        {"timestamp": int(time.time()) - 301},
        {"secret": "whsec_someone_else"},
    ],
    ids=["stale", "wrong-secret"],
)
def test_a_stale_or_forged_webhook_is_refused_and_changes_nothing(post, pending, ledger_calls, sign):
    response = post(intent_event(pending, "payment_intent.succeeded"), **sign)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert Order.objects.get(pk=pending.order_id).status == "Pending payment"


def test_a_webhook_signed_within_the_tolerance_is_accepted(post, pending, ledger_calls):
    response = post(intent_event(pending, "payment_intent.succeeded"), timestamp=int(time.time()) - 290)

    assert response.status_code == 200
    assert Order.objects.get(pk=pending.order_id).status == "Paid"


def test_the_same_event_ten_times_changes_nothing_more(post, pending, ledger_calls):
    event = intent_event(pending, "payment_intent.succeeded")

    for _ in range(10):
        assert post(event).status_code == 200

    order = Order.objects.get(pk=pending.order_id)
    assert StripeEvent.objects.count() == 1
    assert ledger_calls == [order.number]
    assert order.sources.count() == 1
    assert len(mail.outbox) == 1
    assert StockRecord.objects.get(pk=order.lines.get().stockrecord_id).num_allocated == 1


def test_a_failure_arriving_after_success_leaves_the_order_paid(post, pending, ledger_calls):
    post(intent_event(pending, "payment_intent.succeeded"))

    post(intent_event(pending, "payment_intent.payment_failed", last_payment_error={"message": "declined"}))

    order = Order.objects.get(pk=pending.order_id)
    assert order.status == "Paid"
    assert StockRecord.objects.get(pk=order.lines.get().stockrecord_id).num_allocated == 1


def test_a_success_arriving_after_cancellation_pays_the_order_when_the_piece_is_still_there(
    post, pending, ledger_calls
):
    post(intent_event(pending, "payment_intent.canceled"))
    assert Order.objects.get(pk=pending.order_id).status == "Cancelled"

    post(intent_event(pending, "payment_intent.succeeded"))

    order = Order.objects.get(pk=pending.order_id)
    assert order.status == "Paid"
    assert StockRecord.objects.get(pk=order.lines.get().stockrecord_id).num_allocated == 1


def test_a_failed_payment_releases_the_stock_and_gives_the_basket_back(post, pending, ledger_calls):
    response = post(
        intent_event(
            pending, "payment_intent.payment_failed", last_payment_error={"message": "Card declined"}
        )
    )

    assert response.status_code == 200
    order = Order.objects.get(pk=pending.order_id)
    assert order.status == "Cancelled"
    assert StockRecord.objects.get(pk=order.lines.get().stockrecord_id).num_allocated == 0
    basket = Basket.objects.get(pk=order.basket_id)
    assert basket.status == Basket.OPEN and basket.num_items == 1
    assert StripePayment.objects.get(pk=pending.pk).status == StripePayment.Status.CANCELED
    assert ledger_calls == []


def test_a_failing_handler_is_stored_as_failed_and_the_retry_command_completes_it(
    post, pending, ledger_calls, monkeypatch
):
    real_mark_paid = services.order_mark_paid

    def broken(**kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(services, "order_mark_paid", broken)
    response = post(intent_event(pending, "payment_intent.succeeded"))
    event = StripeEvent.objects.get()
    assert response.status_code == 200
    assert event.status == StripeEvent.Status.FAILED and "database hiccup" in event.last_error
    assert Order.objects.get(pk=pending.order_id).status == "Pending payment"

    monkeypatch.setattr(services, "order_mark_paid", real_mark_paid)
    call_command("stripe_events_retry")

    event.refresh_from_db()
    assert event.status == StripeEvent.Status.PROCESSED and event.attempts == 2
    assert Order.objects.get(pk=pending.order_id).status == "Paid"


def test_events_we_do_not_handle_are_stored_and_ignored(post, pending):
    post(intent_event(pending, "payment_intent.created"))

    assert StripeEvent.objects.get().status == StripeEvent.Status.IGNORED
    assert Order.objects.get(pk=pending.order_id).status == "Pending payment"
