"""Checkout test helpers: baskets, placed orders as checkout makes them, signed webhooks."""

import hashlib
import hmac
import json
import time

import pytest
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_class, get_model

from checkout import services
from checkout.local_stripe import LocalStripe
from checkout.shipping.methods import CooperativeShipping

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")

WEBHOOK_SECRET = "whsec_test_souk"


def basket_create(*items):
    """An open basket holding [(product, quantity)]."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    basket.reset_offer_applications()
    return basket


def order_place(basket, *, country: str = "FR", number: str | None = None):
    """Place `basket` as the checkout view does (pending payment, stock allocated)."""
    basket.freeze()
    method = CooperativeShipping(country_code=country)
    charge = method.calculate(basket)
    address = ShippingAddress.objects.create(
        first_name="Claire",
        last_name="Dubois",
        line1="12 rue des Tanneurs",
        line4="Lyon",
        postcode="69001",
        country=country_ensure(country),
    )
    return services.order_place(
        basket=basket,
        user=None,
        order_number=number or str(100000 + basket.pk),
        shipping_address=address,
        shipping_method=method,
        shipping_charge=charge,
        order_total=OrderTotalCalculator().calculate(basket, charge),
    )


def signed_webhook(event: dict, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None):
    """(body, Stripe-Signature header) as Stripe signs a webhook."""
    body = json.dumps(event)
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return body.encode(), f"t={timestamp},v1={signature}"


def intent_event(payment, event_type: str, *, event_id: str | None = None, **intent) -> dict:
    return {
        "id": event_id or f"evt_{event_type.replace('.', '_')}_{payment.pk}",
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "data": {
            "object": {
                "id": payment.payment_intent_id,
                "object": "payment_intent",
                "amount": payment.amount_minor,
                "currency": payment.currency.lower(),
                "metadata": {"order_number": payment.order.number},
                **intent,
            }
        },
    }


@pytest.fixture(scope="session")
def local_stripe():
    """localstripe on a free port for the whole session (stopped at the end)."""
    with LocalStripe() as server:
        yield server


@pytest.fixture
def stripe_settings(settings, local_stripe):
    settings.STRIPE_API_BASE = local_stripe.url
    settings.STRIPE_SECRET_KEY = "sk_test_souk"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_souk"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    return settings


@pytest.fixture
def ledger_calls(monkeypatch):
    """Stand in for checkout.ledger.services.order_split and record the orders it was given."""
    calls = []
    monkeypatch.setattr(services, "_ledger_split", lambda order: calls.append(order.number))
    return calls


def country_ensure(code: str):
    """The country a migration creates; recreated when a transactional test's flush removed it."""
    country, _ = Country.objects.get_or_create(
        iso_3166_1_a2=code, defaults={"printable_name": code, "name": code, "is_shipping_country": True}
    )
    return country
