"""Write-side rules of checkout: placing an order under stock locks, paying it, releasing it.

An order is placed (status "Pending payment", stock allocated, basket frozen) before the card
is charged. Only a verified `payment_intent.succeeded` webhook marks it paid; a failed,
cancelled or abandoned payment cancels it, releases its stock and gives the buyer back the
basket, so trying again is one click.
"""

import logging
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_class, get_model

from catalogue.money import BASE_CURRENCY, money_convert

from . import payments
from .models import OrderLineCustoms, OrderShippingCharge, StripeEvent, StripePayment
from .selectors import packing_item

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
SourceType = get_model("payment", "SourceType")
Source = get_model("payment", "Source")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

PENDING, PAID, CANCELLED = "Pending payment", "Paid", "Cancelled"


class OutOfStock(UnableToPlaceOrder):
    pass


def stock_lock_and_check(*, basket) -> None:
    """Lock the basket's stock records (in pk order, so two checkouts never deadlock) and re-check.

    Called inside the placement transaction: a concurrent checkout for the same piece waits
    here until this one commits, then sees the allocation and is refused.
    """
    wanted: dict[int, int] = defaultdict(int)
    titles: dict[int, str] = {}
    for line in basket.all_lines():
        if line.stockrecord_id is not None:
            wanted[line.stockrecord_id] += line.quantity
            titles[line.stockrecord_id] = line.product.get_title()
    # Lock the stock rows alone: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
    records = StockRecord.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
    for record in records:
        if not record.can_track_allocations:
            continue
        if record.net_stock_level < wanted[record.pk]:
            raise OutOfStock(
                _("Sorry, “%(title)s” has just sold out. It is still in your basket: remove it to continue.")
                % {"title": titles[record.pk]}
            )


@transaction.atomic
def order_place(
    *,
    basket,
    user,
    order_number: str,
    shipping_address,
    shipping_method,
    shipping_charge,
    order_total,
    billing_address=None,
    request=None,
    **order_fields,
):
    """Place `basket` as an order awaiting payment, with stock allocated under row locks.

    Also fixes each cooperative's shipping charge and each line's customs data as they are
    now, for the vendor orders and commercial invoices made from this order later.
    """
    stock_lock_and_check(basket=basket)
    order = OrderCreator().place_order(
        user=user,
        order_number=order_number,
        basket=basket,
        shipping_address=shipping_address,
        shipping_method=shipping_method,
        shipping_charge=shipping_charge,
        total=order_total,
        billing_address=billing_address,
        status=settings.OSCAR_INITIAL_ORDER_STATUS,
        request=request,
        **order_fields,
    )
    quotes = shipping_method.quotes(basket) if hasattr(shipping_method, "quotes") else []
    OrderShippingCharge.objects.bulk_create(
        OrderShippingCharge(
            order=order,
            partner=quote.partner,
            zone=quote.zone,
            method_name=quote.method_name,
            charge=quote.charge,
            days_min=quote.days_min,
            days_max=quote.days_max,
            actual_kg=quote.parcel.actual_kg.quantize(Decimal("0.001")),
            chargeable_kg=quote.parcel.chargeable_kg,
            crates=quote.parcel.crates,
        )
        for quote in quotes
    )
    order_customs_record(order=order)
    return order


def order_customs_record(*, order) -> None:
    """HS code, origin, value and weight of every line, for the commercial invoice."""
    customs = []
    for line in order.lines.select_related("product__product_class", "product__parent__product_class"):
        product = line.product
        if product is None:
            continue
        item = packing_item(product=product, quantity=line.quantity)
        customs.append(
            OrderLineCustoms(
                line=line,
                hs_code=product.effective_hs_code,
                origin_country="MA",
                unit_value=line.unit_price_incl_tax or Decimal("0.00"),
                currency=order.currency,
                unit_weight_kg=item.unit_weight_kg.quantize(Decimal("0.001")),
            )
        )
    OrderLineCustoms.objects.bulk_create(customs)


def payment_amount(*, total_mad: Decimal, currency: str, rates: dict) -> tuple[Decimal, Decimal]:
    """(amount, rate): the order total in the buyer's currency exactly as the page shows it."""
    rate = rates.get(currency)
    if currency == BASE_CURRENCY or rate is None:
        return money_convert(amount=total_mad, rate=Decimal(1), currency=BASE_CURRENCY), Decimal(1)
    return money_convert(amount=total_mad, rate=rate.rate, currency=currency), rate.rate


def payment_start(*, order, currency: str, rates: dict, language: str = "en") -> StripePayment:
    """The order's PaymentIntent, created once (a retry after Stripe was unreachable reuses it).

    Raises payments.PaymentUnavailable when Stripe cannot be reached: the order stays pending,
    nothing is charged, and calling this again is safe.
    """
    payment = StripePayment.objects.filter(order=order).first()
    if payment is None:
        amount, rate = payment_amount(total_mad=order.total_incl_tax, currency=currency, rates=rates)
        if rate == 1:
            currency = BASE_CURRENCY
        payments.stripe_amount_check(amount, currency)
        payment = StripePayment.objects.create(
            order=order,
            currency=currency,
            amount=amount,
            amount_minor=payments.stripe_minor_units(amount, currency),
            exchange_rate=rate,
            language=language,
        )
    if payment.payment_intent_id is None:
        intent = payments.payment_intent_create(
            order_number=order.number,
            amount_minor=payment.amount_minor,
            currency=payment.currency,
            metadata={"total_mad": str(order.total_incl_tax)},
        )
        payment.payment_intent_id = intent.id
        payment.client_secret = intent.client_secret
        payment.save(update_fields=["payment_intent_id", "client_secret", "updated_at"])
    return payment


def _basket_release(order) -> None:
    """Give the buyer back the basket the order was made from (Oscar froze it at placement)."""
    basket = Basket.objects.filter(pk=order.basket_id).first()
    if basket is not None and basket.status == Basket.FROZEN:
        basket.thaw()


def _stock_release(order) -> None:
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord is not None:
            line.stockrecord.cancel_allocation(line.quantity)


@transaction.atomic
def order_cancel_pending(*, order, reason: str) -> bool:
    """Cancel an order still awaiting payment: release its stock, thaw its basket. False if not pending."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != PENDING:
        return False
    order.set_status(CANCELLED)
    _stock_release(order)
    _basket_release(order)
    StripePayment.objects.filter(order=order).exclude(status=StripePayment.Status.SUCCEEDED).update(
        status=StripePayment.Status.CANCELED, last_error=reason[:500]
    )
    order.notes.create(note_type="System", message=f"Cancelled before payment: {reason}")
    logger.info("Order %s cancelled before payment: %s", order.number, reason)
    return True


def order_payment_failed(*, order, reason: str) -> bool:
    """A card attempt failed: void the PaymentIntent so it cannot be paid later, then cancel the order."""
    payment = StripePayment.objects.filter(order=order).first()
    if order.status != PENDING:
        return False
    if payment is not None and payment.payment_intent_id:
        intent = payments.payment_intent_retrieve(payment.payment_intent_id)
        if intent.status == "succeeded":
            # The buyer retried with another card meanwhile: the succeeded event will pay the order.
            return False
        if intent.status != "canceled":
            payments.payment_intent_cancel(
                order_number=order.number, payment_intent_id=payment.payment_intent_id
            )
    return order_cancel_pending(order=order, reason=reason)


def orders_abandon(*, older_than_minutes: int | None = None, now=None) -> list[str]:
    """Cancel orders that waited longer than the limit for their card; returns their numbers."""
    minutes = older_than_minutes if older_than_minutes is not None else settings.SOUK_PENDING_ORDER_MINUTES
    cutoff = (now or timezone.now()) - timedelta(minutes=minutes)
    cancelled = []
    for order in Order.objects.filter(status=PENDING, date_placed__lt=cutoff).order_by("date_placed"):
        try:
            if order_payment_failed(order=order, reason=f"no payment within {minutes} minutes"):
                cancelled.append(order.number)
        except payments.PaymentUnavailable as error:
            logger.warning("Order %s left pending: Stripe unreachable (%s)", order.number, error)
    return cancelled


def _stock_reallocate(order) -> bool:
    """Allocate a cancelled order's stock again if it is all still there (a late success)."""
    wanted = {line.stockrecord_id: line.quantity for line in order.lines.all() if line.stockrecord_id}
    records = list(StockRecord.objects.select_for_update().filter(pk__in=wanted).order_by("pk"))
    if any(r.can_track_allocations and r.net_stock_level < wanted[r.pk] for r in records):
        return False
    for record in records:
        record.allocate(wanted[record.pk])
    return True


def _ledger_split(order) -> None:
    try:
        from checkout.ledger.services import order_split
    except ImportError:
        logger.error(
            "Order %s is paid but checkout.ledger.services.order_split is not installed: "
            "no vendor orders were created. Re-run the split once the ledger app exists.",
            order.number,
        )
        return
    order_split(order=order)


@transaction.atomic
def order_mark_paid(*, order, payment_intent: dict) -> bool:
    """Mark `order` paid from a verified succeeded PaymentIntent and split it per cooperative.

    Idempotent: a second call finds the order paid and does nothing (returns False).
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    payment = StripePayment.objects.select_for_update().get(order=order)
    if payment.status == StripePayment.Status.SUCCEEDED:
        return False
    if (
        payment_intent["amount"] != payment.amount_minor
        or payment_intent["currency"].upper() != payment.currency
    ):
        raise ValueError(
            f"PaymentIntent {payment_intent['id']} is {payment_intent['amount']} "
            f"{payment_intent['currency']}, order {order.number} expects "
            f"{payment.amount_minor} {payment.currency}"
        )
    if order.status == CANCELLED:
        # Cancelled as abandoned while the buyer was paying: take the stock back if still there.
        if not _stock_reallocate(order):
            payment.status = StripePayment.Status.SUCCEEDED
            payment.save(update_fields=["status", "updated_at"])
            payments.refund_create(
                order=order,
                amount=payment.amount,
                currency=payment.currency,
                idempotency_key=f"order-{order.number}-refund-sold-out",
            )
            order.notes.create(
                note_type="System", message="Paid after cancellation, stock gone: refunded in full."
            )
            return False
        order.status = PENDING
    order.set_status(PAID)
    payment.status = StripePayment.Status.SUCCEEDED
    payment.last_error = ""
    payment.save(update_fields=["status", "last_error", "updated_at"])
    source_type, _created = SourceType.objects.get_or_create(code="stripe", defaults={"name": "Stripe"})
    Source.objects.get_or_create(
        order=order,
        source_type=source_type,
        reference=payment_intent["id"],
        defaults={
            "currency": order.currency,
            "amount_allocated": order.total_incl_tax,
            "amount_debited": order.total_incl_tax,
            "label": f"{payment.amount} {payment.currency}",
        },
    )
    basket = Basket.objects.filter(pk=order.basket_id).first()
    if basket is not None and basket.status != Basket.SUBMITTED:
        basket.submit()
    _ledger_split(order)
    transaction.on_commit(lambda: order_confirmation_send(order=order))
    return True


def order_status_path(*, order) -> str:
    """Where the buyer follows the order: their account's order page, or Oscar's signed guest page."""
    if order.user_id is not None:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse(
        "customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()}
    )


def order_confirmation_send(*, order) -> None:
    """The buyer's confirmation, in the language and currency they checked out in.

    It links to the order's status page, where each shipment's tracking and commercial invoice
    are (a guest's link carries the order's verification hash).
    """
    from .selectors import order_shipping_by_partner

    payment = StripePayment.objects.filter(order=order).first()
    language = payment.language if payment else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "order": order,
            "lines": order.lines.all(),
            "payment": payment,
            "shipping_by_partner": list(order_shipping_by_partner(order=order).values()),
            "status_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + order_status_path(order=order),
        }
        try:
            OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)
        except Exception:
            # The order is paid whatever happens to the email; log loudly and carry on.
            logger.exception("Order %s: confirmation email failed", order.number)


# --- Webhooks ----------------------------------------------------------------------------


class WebhookSignatureInvalid(Exception):
    pass


WEBHOOK_TOLERANCE_SECONDS = 300


def stripe_event_receive(*, payload: bytes, signature: str) -> StripeEvent:
    """Verify and store a webhook event once; handle it unless it was handled before.

    A replay of a handled event changes nothing; a replay of a failed one retries it.
    """
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature, settings.STRIPE_WEBHOOK_SECRET, WEBHOOK_TOLERANCE_SECONDS
        )
    except stripe.SignatureVerificationError as error:
        raise WebhookSignatureInvalid(str(error)) from error
    import json

    data = json.loads(payload)
    event, _created = StripeEvent.objects.get_or_create(
        event_id=data["id"], defaults={"type": data.get("type", ""), "payload": data}
    )
    if event.status in (StripeEvent.Status.RECEIVED, StripeEvent.Status.FAILED):
        stripe_event_process(event=event)
    return event


HANDLED_EVENTS = ("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled")


def stripe_event_process(*, event: StripeEvent) -> StripeEvent:
    """Run the handler of a stored event; a failure is recorded and retried later, never lost."""
    event = StripeEvent.objects.get(pk=event.pk)
    if event.status in (StripeEvent.Status.PROCESSED, StripeEvent.Status.IGNORED):
        return event
    event.attempts += 1
    try:
        handled = _stripe_event_handle(event.type, event.payload["data"]["object"])
    except Exception as error:
        logger.exception("Stripe event %s (%s) failed; it will be retried", event.event_id, event.type)
        event.status = StripeEvent.Status.FAILED
        event.last_error = f"{type(error).__name__}: {error}"[:2000]
    else:
        event.status = StripeEvent.Status.PROCESSED if handled else StripeEvent.Status.IGNORED
        event.last_error = ""
        event.processed_at = timezone.now()
    event.save(update_fields=["status", "attempts", "last_error", "processed_at"])
    return event


def _stripe_event_handle(event_type: str, intent: dict) -> bool:
    if event_type not in HANDLED_EVENTS:
        return False
    payment = StripePayment.objects.select_related("order").filter(payment_intent_id=intent["id"]).first()
    if payment is None:
        number = (intent.get("metadata") or {}).get("order_number")
        if number and Order.objects.filter(number=number).exists():
            # The order exists but the intent id was not saved yet (a retry is racing): later.
            raise LookupError(f"PaymentIntent {intent['id']} of order {number} is not recorded yet")
        logger.warning("Stripe event for unknown PaymentIntent %s ignored", intent["id"])
        return False
    order = payment.order
    if event_type == "payment_intent.succeeded":
        order_mark_paid(order=order, payment_intent=intent)
    elif event_type == "payment_intent.payment_failed":
        error = intent.get("last_payment_error") or {}
        order_payment_failed(order=order, reason=error.get("message") or "card payment failed")
    else:
        order_cancel_pending(order=order, reason="payment cancelled")
    return True


def stripe_events_retry(*, limit: int = 100) -> list[StripeEvent]:
    from .selectors import stripe_events_to_retry

    return [stripe_event_process(event=event) for event in stripe_events_to_retry(limit=limit)]
