"""A guest buyer goes through checkout with the test client, up to the card page and back."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.local_stripe import free_port
from checkout.models import StripePayment
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

ADDRESS = {
    "first_name": "Claire",
    "last_name": "Dubois",
    "line1": "12 rue des Tanneurs",
    "line4": "Lyon",
    "postcode": "69001",
    "country": "FR",
    "phone_number": "+33 6 12 34 56 78",
}


@pytest.fixture
def rug():
    return ProductFactory(
        weight_kg=Decimal("9.000"), stockrecord__price=Decimal("4800.00"), stockrecord__stock=1
    )


def checkout_to_preview(client, product, address=ADDRESS):
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.post(reverse("checkout:index"), {"username": "claire@example.test", "options": "anonymous"})
    return client.post(reverse("checkout:shipping-address"), address, follow=True)


def test_a_guest_places_an_order_and_reaches_the_card_page(client, stripe_settings, rug):
    response = checkout_to_preview(client, rug)
    assert response.redirect_chain[-1][0].endswith(reverse("checkout:preview"))
    assert b"Shipping to European Union" in response.content

    response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    order = Order.objects.get()
    assert response.url == reverse("checkout:pay", kwargs={"order_number": order.number})
    assert order.status == "Pending payment" and order.guest_email == "claire@example.test"
    page = client.get(response.url)
    assert page.status_code == 200
    assert StripePayment.objects.get(order=order).client_secret.encode() in page.content
    assert stripe_settings.STRIPE_API_BASE.encode() + b"/js.stripe.com/v3/" in page.content


def test_a_postcode_that_does_not_fit_the_country_is_refused_with_the_form_kept(client, stripe_settings, rug):
    response = checkout_to_preview(client, rug, {**ADDRESS, "country": "GB", "postcode": "69001"})

    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors
    assert response.context["form"]["line1"].value() == ADDRESS["line1"]


def test_an_impossible_phone_number_is_refused(client, stripe_settings, rug):
    response = checkout_to_preview(client, rug, {**ADDRESS, "phone_number": "+33 12"})

    assert "phone_number" in response.context["form"].errors


def test_when_stripe_is_unreachable_the_buyer_sees_a_clear_error_and_nothing_is_paid(
    client, stripe_settings, rug
):
    stripe_settings.STRIPE_API_BASE = f"http://127.0.0.1:{free_port()}"
    checkout_to_preview(client, rug)

    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)

    assert b"could not reach our card processor" in response.content
    assert b"Try again" in response.content
    assert Order.objects.get().status == "Pending payment"
    assert StripePayment.objects.get().payment_intent_id is None


def test_going_back_to_the_basket_cancels_the_order_and_keeps_the_basket(client, stripe_settings, rug):
    checkout_to_preview(client, rug)
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()

    response = client.post(reverse("checkout:pay-cancel", kwargs={"order_number": order.number}), follow=True)

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert StockRecord.objects.get(product=rug).num_allocated == 0
    assert response.context["basket"].pk == order.basket_id
    assert response.context["basket"].num_items == 1


def test_someone_else_cannot_open_the_card_page_of_an_order(client, stripe_settings, rug):
    checkout_to_preview(client, rug)
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()
    client.cookies.clear()

    response = client.get(reverse("checkout:pay", kwargs={"order_number": order.number}))

    assert response.status_code == 404


def test_the_product_page_estimates_shipping_to_the_buyers_country(client, rug):
    client.cookies["souk_country"] = "CA"

    response = client.get(rug.get_absolute_url())

    assert b"Shipping to Canada" in response.content
    assert b"delivered in 7\xe2\x80\x9312 days" in response.content
