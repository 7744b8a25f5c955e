"""A buyer in France pays for rugs and zellige from two cooperatives with a 3-D Secure test card.

Stripe is localstripe on a free port; its Stripe.js runs the card form and the 3-D Secure
dialog. The order becomes paid only when the signed `payment_intent.succeeded` webhook
reaches the live server (localstripe delivers it; if it cannot, the test signs and posts it).
Then platform staff refund the zellige parcel from the dashboard, in two goes, and each
cooperative's dashboard and ledger show where its money stands.
"""

import json
import re
import time
import urllib.request
from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.test import Client
from oscar.core.loading import get_model

from checkout.local_stripe import LocalStripe
from checkout.models import StripePayment
from tests.checkout_support import WEBHOOK_SECRET, signed_webhook
from tests.factories import (
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductClassFactory,
    ProductFactory,
    StaffUserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Order = get_model("order", "Order")
VendorOrder = get_model("ledger", "VendorOrder")
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


def _sign_in(page, live_server, user):
    """Swap the browser's session for `user`'s (the dashboard's sign-in is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _mad(text: str) -> Decimal:
    """The amount in a formatted MAD figure ("5,064.00 MAD", "MAD -500.00")."""
    number = re.sub(r"[^0-9.\-−]", "", text).replace("−", "-")
    return Decimal(number)


def _vendor_order_row(page, number):
    return page.locator("table tbody tr", has=page.get_by_role("link", name=number))


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
        with page.expect_navigation():
            page.locator("form[action*='/basket/add/'] button[type=submit]").first.click()
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

    # and the guest follows the order on Oscar's status page, one invoice per shipment
    with page.expect_navigation():
        page.locator("#order-status-link").click()
    assert page.locator(".order-shipment").count() == 2
    invoice = page.locator(".order-shipment__invoice a").first.get_attribute("href")
    assert page.request.get(live_server.url + invoice).body().startswith(b"%PDF")

    # when platform staff refund 500 MAD of the zellige parcel, then the rest with the box back in stock
    anzar, rihana = (record.partner for record in (rug.stockrecords.get(), tiles.stockrecords.get()))
    rug_part, tiles_part = (VendorOrder.objects.get(partner=partner) for partner in (anzar, rihana))
    assert (rug_part.total, tiles_part.total) == (Decimal("5640.00"), Decimal("3360.00"))
    _sign_in(page, live_server, StaffUserFactory())
    detail = f"{live_server.url}/shop/dashboard/orders/vendor/{tiles_part.pk}/"
    page.goto(detail)
    page.fill("#id_amount", "500.00")
    page.fill("#id_reason_refund", "One tile chipped in the photos")
    with page.expect_navigation():
        page.get_by_role("button", name="Refund", exact=True).click()
    assert "Refunded 500.00 MAD (46.25 EUR to the buyer)" in page.locator("body").inner_text()

    # then the zellige cooperative's dashboard says partially refunded, the rug's does not
    rihana_staff = CooperativeStaffFactory(cooperative=rihana.cooperative)
    anzar_staff = CooperativeStaffFactory(cooperative=anzar.cooperative)
    _sign_in(page, live_server, rihana_staff)
    page.goto(live_server.url + "/shop/dashboard/orders/vendor/")
    row = _vendor_order_row(page, tiles_part.number)
    assert "New" in row.inner_text() and "Partially refunded" in row.inner_text()
    assert page.get_by_role("link", name=rug_part.number).count() == 0
    page.goto(live_server.url + "/shop/dashboard/orders/ledger/")
    entries = page.locator("table tbody tr")
    refund_row = entries.filter(has_text="Refund 1 of")
    assert refund_row.count() == 1 and _mad(refund_row.locator("td").last.inner_text()) == Decimal("-500.00")
    # 950 of zellige and 2,410 of shipping, less 12 % commission on the goods (114), less the
    # 500 refunded plus the commission given back on it (114 × 500 / 3,360 = 16.96).
    balance = page.locator(".souk-kpi", has_text="Balance").locator(".souk-kpi__value")
    assert _mad(balance.inner_text()) == Decimal("2762.96")
    screenshot(page, "checkout-ledger-partial-refund")

    # when staff refund the rest, with the box going back to stock
    _sign_in(page, live_server, StaffUserFactory())
    page.goto(detail)
    assert _mad(page.locator("#id_amount").input_value()) == Decimal("2860.00")
    page.fill("#id_reason_refund", "Buyer cancelled the tiles")
    page.fill(f"#id_restock_{tiles_part.lines.get().pk}", "1")
    with page.expect_navigation():
        page.get_by_role("button", name="Refund", exact=True).click()

    # then the zellige part is refunded, its box is for sale again and its balance is back to zero
    assert StockRecord.objects.get(product=tiles).num_allocated == 0
    _sign_in(page, live_server, rihana_staff)
    page.goto(live_server.url + "/shop/dashboard/orders/vendor/")
    row_text = _vendor_order_row(page, tiles_part.number).inner_text()
    assert "Refunded" in row_text and "Partially refunded" not in row_text
    page.goto(live_server.url + "/shop/dashboard/orders/ledger/")
    assert page.locator("table tbody tr").filter(has_text="Refund 2 of").count() == 1
    assert _mad(balance.inner_text()) == Decimal("0.00")
    screenshot(page, "checkout-ledger-refunded")

    # and the rug cooperative still has its order and its balance, net of commission
    _sign_in(page, live_server, anzar_staff)
    page.goto(live_server.url + "/shop/dashboard/orders/vendor/")
    row_text = _vendor_order_row(page, rug_part.number).inner_text()
    assert "New" in row_text and "efunded" not in row_text
    page.goto(live_server.url + "/shop/dashboard/orders/ledger/")
    # 4,800 + 840 shipping - 576 commission.
    assert _mad(balance.inner_text()) == Decimal("5064.00")
    assert page.console_errors == []
