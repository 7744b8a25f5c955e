"""Webhooks that arrive broken, early, late, twice or for something else: the cases
tests/integration/checkout/test_webhooks.py does not already cover (replays, failure after
success, success after a cancellation with the piece still there, stale and wrongly signed
deliveries, payment_intent.created)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.selectors import exchange_rates_current
from checkout import payments, services
from checkout.models import StripeEvent, StripePayment
from tests.checkout_support import basket_create, intent_event, order_place, signed_webhook
from tests.factories import ProductFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
WEBHOOK = "checkout:stripe-webhook"


@pytest.fixture
def rug():
    return ProductFactory(stockrecord__stock=1)


@pytest.fixture
def pending(stripe_settings, rug):
    """A placed order for the one rug, with its PaymentIntent at the local Stripe."""
    order = order_place(basket_create((rug, 1)))
    order.guest_email = "claire@example.test"
    order.save()
    return services.payment_start(order=order, currency="MAD", rates=exchange_rates_current())


@pytest.fixture
def deliver(client, django_capture_on_commit_callbacks):
    def post(body: bytes, header: str | None):
        extra = {} if header is None else {"HTTP_STRIPE_SIGNATURE": header}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse(WEBHOOK), body, content_type="application/json", **extra)

    return post


def _signed(event: dict, **sign):
    return signed_webhook(event, **sign)


def _status(payment) -> str:
    return Order.objects.get(pk=payment.order_id).status


@pytest.mark.parametrize(
    "header",
    [None, "", "t=not-a-time,v1=abc", "v1=deadbeef", "t=1700000000"],
    ids=["missing", "empty", "garbage-timestamp", "no-timestamp", "no-signature"],
)
def test_a_webhook_without_a_usable_signature_is_refused_and_stores_nothing(
    deliver, pending, ledger_calls, header
):
    body, _good = _signed(intent_event(pending, "payment_intent.succeeded"))

    response = deliver(body, header)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert _status(pending) == "Pending payment" and ledger_calls == []


def test_a_signed_body_changed_on_the_way_is_refused(deliver, pending, ledger_calls):
    body, header = _signed(intent_event(pending, "payment_intent.succeeded"))
    tampered = body.replace(b'"payment_intent.succeeded"', b'"payment_intent.canceled"')

    response = deliver(tampered, header)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert _status(pending) == "Pending payment"


@pytest.mark.parametrize(
    "event_type, data_object",
    [
        ("charge.dispute.created", {"id": "dp_1", "object": "dispute", "amount": 100}),
        ("customer.created", {"id": "cus_1", "object": "customer"}),
        ("payment_intent.amount_capturable_updated", None),
    ],
)
def test_event_types_we_do_not_handle_are_acknowledged_stored_once_and_change_nothing(
    deliver, pending, ledger_calls, event_type, data_object
):
    event = intent_event(pending, event_type, event_id=f"evt_{event_type}")
    if data_object is not None:
        event["data"]["object"] = data_object

    first = deliver(*_signed(event))
    again = deliver(*_signed(event))

    assert first.status_code == again.status_code == 200
    stored = StripeEvent.objects.get()
    assert (stored.type, stored.status, stored.attempts) == (event_type, StripeEvent.Status.IGNORED, 1)
    assert _status(pending) == "Pending payment" and ledger_calls == []


def test_a_succeeded_event_for_someone_elses_payment_intent_is_ignored(deliver, pending, ledger_calls):
    stranger = intent_event(pending, "payment_intent.succeeded", event_id="evt_stranger")
    stranger["data"]["object"].update(id="pi_not_ours", metadata={})

    response = deliver(*_signed(stranger))

    assert response.status_code == 200
    assert StripeEvent.objects.get().status == StripeEvent.Status.IGNORED
    assert _status(pending) == "Pending payment" and ledger_calls == []


def test_a_success_for_another_amount_never_marks_the_order_paid_even_when_retried(
    deliver, pending, ledger_calls
):
    wrong = intent_event(pending, "payment_intent.succeeded", amount=pending.amount_minor - 100)

    deliver(*_signed(wrong))
    call_command("stripe_events_retry")

    event = StripeEvent.objects.get()
    assert event.status == StripeEvent.Status.FAILED and "expects" in event.last_error
    assert event.attempts == 2
    assert _status(pending) == "Pending payment" and ledger_calls == []


def test_a_success_arriving_before_the_payment_intent_is_recorded_is_kept_and_completed_later(
    deliver, stripe_settings, rug, ledger_calls
):
    # The intent exists at Stripe, but the request that made it has not saved its id yet.
    order = order_place(basket_create((rug, 1)))
    payment = services.payment_start(order=order, currency="MAD", rates={})
    intent_id = payment.payment_intent_id
    StripePayment.objects.filter(pk=payment.pk).update(payment_intent_id=None)
    payment.payment_intent_id = intent_id
    early = intent_event(payment, "payment_intent.succeeded")

    response = deliver(*_signed(early))
    assert response.status_code == 200
    assert StripeEvent.objects.get().status == StripeEvent.Status.FAILED
    assert _status(payment) == "Pending payment"

    StripePayment.objects.filter(pk=payment.pk).update(payment_intent_id=intent_id)
    call_command("stripe_events_retry")

    assert StripeEvent.objects.get().status == StripeEvent.Status.PROCESSED
    assert _status(payment) == "Paid" and ledger_calls == [order.number]


def test_stripe_resending_an_event_that_failed_here_completes_it_once(
    deliver, pending, ledger_calls, monkeypatch
):
    event = intent_event(pending, "payment_intent.succeeded")
    real = services.order_mark_paid
    monkeypatch.setattr(
        services, "order_mark_paid", lambda **kwargs: (_ for _ in ()).throw(OSError("db gone"))
    )
    deliver(*_signed(event))
    assert StripeEvent.objects.get().status == StripeEvent.Status.FAILED

    monkeypatch.setattr(services, "order_mark_paid", real)
    deliver(*_signed(event))  # Stripe's own retry of the same event id
    deliver(*_signed(event))

    stored = StripeEvent.objects.get()
    assert (stored.status, stored.attempts) == (StripeEvent.Status.PROCESSED, 2)
    assert _status(pending) == "Paid" and ledger_calls == [pending.order.number]


def test_a_success_after_cancellation_when_the_piece_was_sold_again_is_refunded_in_full(
    deliver, pending, rug, ledger_calls
):
    # The buyer's order was cancelled as abandoned while they were still paying...
    order = Order.objects.get(pk=pending.order_id)
    services.order_cancel_pending(order=order, reason="no payment within 60 minutes")
    # ...the rug was sold to someone else...
    other = order_place(basket_create((rug, 1)), number="200001")
    # ...and then their card went through at Stripe.
    token = payments.stripe_client().v1.tokens.create(
        params={"card": {"number": "4242424242424242", "exp_month": "12", "exp_year": "2030", "cvc": "123"}}
    )
    intent = payments.payment_intent_confirm_card(
        order_number=order.number,
        payment_intent_id=pending.payment_intent_id,
        card_id=token.card.id,
        attempt=1,
    )
    assert intent.status == "succeeded"

    response = deliver(*_signed(intent_event(pending, "payment_intent.succeeded")))
    deliver(*_signed(intent_event(pending, "payment_intent.succeeded")))  # and once more

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == "Cancelled" and ledger_calls == []
    payment = StripePayment.objects.get(pk=pending.pk)
    assert payment.amount_refunded_minor == payment.amount_minor
    refunds = payments.stripe_client().v1.refunds.list(params={"limit": 100}).data
    assert [r.amount for r in refunds if r.payment_intent == pending.payment_intent_id] == [
        payment.amount_minor
    ]
    assert "refunded in full" in order.notes.get(message__contains="refunded").message
    assert Order.objects.get(pk=other.pk).status == "Pending payment"
    assert StockRecord.objects.get(product=rug).num_allocated == 1
    assert not [m for m in mail.outbox if order.number in m.subject]
