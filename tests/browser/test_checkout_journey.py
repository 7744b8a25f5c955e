"""A buyer in France pays for rugs and zellige from two cooperatives with a 3-D Secure test card.

Stripe is localstripe on a free port; its Stripe.js runs the card form and the 3-D Secure
dialog. The order becomes paid only when the signed `payment_intent.succeeded` webhook
reaches the live server (localstripe delivers it; if it cannot, the test signs and posts it).
"""

import json
import time
import urllib.request
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from checkout.local_stripe import LocalStripe
from checkout.models import StripePayment
from tests.checkout_support import WEBHOOK_SECRET, signed_webhook
from tests.factories import CooperativeFactory, ProductClassFactory, ProductFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Order = get_model("order", "Order")
ExchangeRate = get_model("catalogue", "ExchangeRate")
StockRecord = get_model("partner", "StockRecord")
THREE_D_SECURE_CARD = "4000002760003184"


@pytest.fixture
def local_stripe(settings, live_server):
    with LocalStripe() as server:
        settings.STRIPE_API_BASE = server.url
        settings.STRIPE_SECRET_KEY = "sk_test_souk"
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_souk"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        server.webhook_register(url=live_server.url + "/shop/checkout/stripe/webhook/", secret=WEBHOOK_SECRET)
        yield server


@pytest.fixture
def two_cooperatives():
    ExchangeRate.objects.create(currency="EUR", rate=Decimal("0.0925"), as_of="2026-11-26")
    anzar = CooperativeFactory(name="Coopérative Anzar", city="Taznakht")
    rihana = CooperativeFactory(name="Coopérative Rihana", city="Fès")
    rug = ProductFactory(
        title="Taznakht rug, walnut and ivory, 140 × 200 cm",
        weight_kg=Decimal("9.000"),
        stockrecord__cooperative=anzar,
        stockrecord__price=Decimal("4800.00"),
        stockrecord__stock=1,
    )
    zellige = ProductClassFactory(name="Zellige", slug="zellige", hs_code="6907")
    tiles = ProductFactory(
        title="Fes zellige, 5×5 square, milk white (box of 1 m²)",
        product_class=zellige,
        weight_kg=Decimal("24.000"),
        stockrecord__cooperative=rihana,
        stockrecord__price=Decimal("950.00"),
        stockrecord__stock=20,
    )
    return rug, tiles


def _webhook_fallback(live_server, payment):
    """Post the succeeded event ourselves, signed with the local secret, if none arrived."""
    intent = {
        "id": payment.payment_intent_id,
        "object": "payment_intent",
        "amount": payment.amount_minor,
        "currency": payment.currency.lower(),
        "status": "succeeded",
        "metadata": {"order_number": payment.order.number},
    }
    event = {
        "id": f"evt_test_{payment.pk}",
        "type": "payment_intent.succeeded",
        "created": int(time.time()),
        "data": {"object": intent},
    }
    body, header = signed_webhook(event)
    request = urllib.request.Request(
        live_server.url + "/shop/checkout/stripe/webhook/",
        data=body,
        headers={"Content-Type": "application/json", "Stripe-Signature": header},
    )
    return json.loads(urllib.request.urlopen(request, timeout=10).read())


def test_buyer_pays_a_two_cooperative_basket_through_3d_secure_and_the_webhook_marks_it_paid(
    live_server, local_stripe, two_cooperatives, page, screenshot
):
    rug, tiles = two_cooperatives
    page.context.add_cookies(
        [
            {"name": "souk_currency", "value": "EUR", "url": live_server.url},
            {"name": "souk_country", "value": "FR", "url": live_server.url},
        ]
    )

    # given a basket with a piece from each cooperative
    for product in (rug, tiles):
        page.goto(live_server.url + product.get_absolute_url())
        page.locator("form[action*='/basket/add/'] button[type=submit]").first.click()
        page.wait_for_load_state()
    page.goto(live_server.url + "/shop/basket/")
    assert page.locator(".shipment").count() == 2
    assert "1 wooden crate" in page.locator(".shipment").nth(1).inner_text()
    screenshot(page, "checkout-basket")

    # when the buyer checks out as a guest with a French address
    page.get_by_role("link", name="Proceed to checkout").click()
    page.fill("#id_username", "claire@example.test")
    page.get_by_role("button", name="Continue").click()
    page.fill("#id_first_name", "Claire")
    page.fill("#id_last_name", "Dubois")
    page.fill("#id_line1", "12 rue des Tanneurs")
    page.fill("#id_line4", "Lyon")
    page.fill("#id_postcode", "69001")
    page.select_option("#id_country", "FR")
    page.fill("#id_phone_number", "+33 6 12 34 56 78")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/checkout/preview/")
    screenshot(page, "checkout-preview")
    page.locator("#place-order").click()
    page.wait_for_url("**/checkout/pay/*/")

    # then the order exists, pending, with the last rug held for this buyer
    order = Order.objects.get()
    assert order.status == "Pending payment"
    assert StockRecord.objects.get(product=rug).num_allocated == 1
    payment = StripePayment.objects.get(order=order)
    assert payment.currency == "EUR"
    assert payment.amount.to_eng_string() in page.locator("#pay-button").inner_text().replace(",", "")

    # when they pay with a card that asks for 3-D Secure, and confirm it
    page.fill("#card-element input[placeholder=number]", THREE_D_SECURE_CARD)
    page.fill("#card-element input[placeholder=exp_month]", "12")
    page.fill("#card-element input[placeholder=exp_year]", "30")
    page.fill("#card-element input[placeholder=cvc]", "123")
    page.fill("#card-element input[placeholder=postal_code]", "69001")
    screenshot(page, "checkout-payment")
    page.locator("#pay-button").click()
    page.get_by_role("button", name="Complete authentication").click()
    page.wait_for_url("**/checkout/thank-you/")

    # then only the webhook marks the order paid, and the confirmation page follows it
    deadline = time.monotonic() + 20
    while Order.objects.get().status != "Paid" and time.monotonic() < deadline:
        time.sleep(0.5)
    if Order.objects.get().status != "Paid":
        _webhook_fallback(live_server, payment)
    assert Order.objects.get().status == "Paid"
    page.wait_for_selector(".order-status[data-status='Paid']", timeout=15000)
    assert page.locator(".shipment").count() == 2
    screenshot(page, "checkout-confirmation")
    assert page.console_errors == []
