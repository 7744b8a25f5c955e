"""Stripe: amounts in minor units, the client, PaymentIntents and refunds.

Every write carries an idempotency key derived from the order number, so a retry after a
timeout never charges or refunds twice.
"""

import logging
from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

from catalogue.money import money_round

logger = logging.getLogger(__name__)

# Stripe's own list: these currencies are charged in whole units (no cents).
ZERO_DECIMAL_CURRENCIES = frozenset("BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split())
# Stripe's three-decimal currencies: amounts in thousandths, and a multiple of ten (so two decimals).
THREE_DECIMAL_CURRENCIES = frozenset("BHD JOD KWD OMR TND".split())
# Smallest charge Stripe accepts per currency (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
MINIMUM_AMOUNTS = {
    "USD": Decimal("0.50"),
    "EUR": Decimal("0.50"),
    "GBP": Decimal("0.30"),
    "CAD": Decimal("0.50"),
    "AED": Decimal("2.00"),
    "JPY": Decimal("50"),
    "MAD": Decimal("5.00"),
}


class PaymentUnavailable(Exception):
    """Stripe could not be reached or refused the request; nothing was charged."""


class AmountTooSmall(ValueError):
    pass


def stripe_minor_units(amount: Decimal, currency: str) -> int:
    """`amount` as Stripe's integer: cents for USD (12.34 -> 1234), whole yen for JPY (1234 -> 1234),
    thousandths ending in 0 for the three-decimal currencies (KWD 5.124 -> 5120)."""
    code = currency.upper()
    if code in THREE_DECIMAL_CURRENCIES:
        # Half up to two decimals, as Stripe asks, then in thousandths.
        return int(Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 1000)
    rounded = money_round(Decimal(amount), code)
    if code in ZERO_DECIMAL_CURRENCIES:
        return int(rounded)
    return int(rounded * 100)


def stripe_amount_check(amount: Decimal, currency: str) -> None:
    """Raise AmountTooSmall, with a message for the buyer, below Stripe's minimum charge."""
    minimum = MINIMUM_AMOUNTS.get(currency.upper(), Decimal("0.50"))
    if Decimal(amount) < minimum:
        raise AmountTooSmall(
            _("Card payments in %(currency)s start at %(minimum)s %(currency)s; please add to your basket.")
            % {"currency": currency.upper(), "minimum": minimum}
        )


def stripe_is_local() -> bool:
    return bool(settings.STRIPE_API_BASE)


def stripe_js_url() -> str:
    if settings.STRIPE_API_BASE:
        return settings.STRIPE_API_BASE.rstrip("/") + "/js.stripe.com/v3/"
    return "https://js.stripe.com/v3/"


def stripe_client() -> stripe.StripeClient:
    """A client that gives up in seconds, not the library's 80 s, and retries network failures once.

    Retrying is safe because every write carries an idempotency key; the bounds keep a buyer's
    request (and a gunicorn worker) from hanging on a Stripe that accepts and never answers.
    """
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentUnavailable(_("Card payments are not configured."))
    kwargs = {
        "max_network_retries": settings.STRIPE_MAX_NETWORK_RETRIES,
        "http_client": stripe.RequestsClient(
            timeout=(settings.STRIPE_CONNECT_TIMEOUT, settings.STRIPE_TIMEOUT)
        ),
    }
    if settings.STRIPE_API_BASE:
        kwargs["base_addresses"] = {"api": settings.STRIPE_API_BASE.rstrip("/")}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **kwargs)


def _call(action: str, func, *args, **kwargs):
    try:
        return func(*args, **kwargs)
    except stripe.APIConnectionError as error:
        # Refused, timed out or cut off: say so in the buyer's words, not the library's.
        logger.warning("Stripe %s failed: %s", action, error)
        raise PaymentUnavailable(
            _(
                "We could not reach our card processor. Nothing has been charged. "
                "Please try again in a moment."
            )
        ) from error
    except stripe.StripeError as error:
        logger.warning("Stripe %s failed: %s", action, error)
        raise PaymentUnavailable(str(getattr(error, "user_message", None) or error)) from error


def payment_intent_create(*, order_number: str, amount_minor: int, currency: str, metadata: dict):
    return _call(
        "PaymentIntent create",
        stripe_client().v1.payment_intents.create,
        params={
            "amount": amount_minor,
            "currency": currency.lower(),
            "payment_method_types": ["card"],
            "metadata": {"order_number": order_number, **metadata},
        },
        options={"idempotency_key": f"order-{order_number}-payment-intent"},
    )


def payment_intent_retrieve(payment_intent_id: str):
    return _call("PaymentIntent retrieve", stripe_client().v1.payment_intents.retrieve, payment_intent_id)


def payment_intent_confirm_card(*, order_number: str, payment_intent_id: str, card_id: str, attempt: int):
    """Attach a card tokenised in the browser and confirm (the flow localstripe's Stripe.js supports)."""
    client = stripe_client()
    key = f"order-{order_number}-confirm-{attempt}"
    _call(
        "PaymentIntent update",
        client.v1.payment_intents.update,
        payment_intent_id,
        params={"payment_method": card_id},
        options={"idempotency_key": key + "-card"},
    )
    return _call(
        "PaymentIntent confirm",
        client.v1.payment_intents.confirm,
        payment_intent_id,
        options={"idempotency_key": key},
    )


def payment_intent_cancel(*, order_number: str, payment_intent_id: str):
    return _call(
        "PaymentIntent cancel",
        stripe_client().v1.payment_intents.cancel,
        payment_intent_id,
        options={"idempotency_key": f"order-{order_number}-cancel"},
    )


def refund_create(*, order, amount: Decimal, currency: str, idempotency_key: str) -> str:
    """Refund `amount` (in the charge currency) of `order`'s payment; returns Stripe's refund id.

    The caller (ledger's per-cooperative refunds) owns the idempotency key, so one refund
    decision is one Stripe refund however often it is retried.
    """
    from .models import StripePayment

    payment = StripePayment.objects.get(order=order)
    if payment.payment_intent_id is None or payment.status != payment.Status.SUCCEEDED:
        raise PaymentUnavailable(
            _("Order %(number)s has no captured card payment.") % {"number": order.number}
        )
    if currency.upper() != payment.currency:
        raise ValueError(f"Order {order.number} was charged in {payment.currency}, not {currency}")
    amount_minor = stripe_minor_units(amount, currency)
    if amount_minor <= 0 or payment.amount_refunded_minor + amount_minor > payment.amount_minor:
        raise ValueError(f"Refund of {amount} {currency} exceeds what remains of order {order.number}")
    refund = _call(
        "refund create",
        stripe_client().v1.refunds.create,
        params={
            "payment_intent": payment.payment_intent_id,
            "amount": amount_minor,
            "metadata": {"order_number": order.number},
        },
        options={"idempotency_key": idempotency_key},
    )
    from django.db.models import F

    type(payment).objects.filter(pk=payment.pk).update(
        amount_refunded_minor=F("amount_refunded_minor") + amount_minor
    )
    return refund.id
