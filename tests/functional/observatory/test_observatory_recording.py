"""Buyer behaviour recorded from Oscar's signals: what is kept, what is not; never breaking a page."""

import logging

import pytest
from django.urls import reverse
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from marketplace.observatory import services
from marketplace.observatory.models import BasketOrigin, Event
from tests.factories import ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")

PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
BUYER = {"HTTP_USER_AGENT": PHONE, "HTTP_ACCEPT_LANGUAGE": "fr-BE,fr;q=0.9", "REMOTE_ADDR": "203.0.113.7"}


def test_a_product_page_view_is_recorded_without_anything_personal(client):
    product = ProductFactory(title="Azilal rug")
    buyer = UserFactory(email="claire.dubois@example.test")
    client.force_login(buyer)

    response = client.get(product.get_absolute_url(), **BUYER)

    assert response.status_code == 200
    event = Event.objects.get()
    assert (event.kind, event.product_id, event.country, event.device, event.language) == (
        "view",
        product.pk,
        "BE",
        "mobile",
        "en",
    )
    assert event.cooperative_id == product.stockrecords.get().partner.cooperative.pk
    stored = " ".join(str(value) for value in Event.objects.values().get().values())
    for personal in ("claire", "example.test", "203.0.113.7", client.session.session_key):
        assert personal not in stored


def test_robots_are_not_recorded(client):
    product = ProductFactory()

    client.get(product.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.get(product.get_absolute_url())  # no User-Agent at all: a script

    assert not Event.objects.exists()


def test_a_failing_recorder_never_breaks_the_page_and_is_logged(client, monkeypatch, caplog):
    product = ProductFactory(title="Tiznit silver fibula")

    def broken(**kwargs):
        raise RuntimeError("analytics table locked")

    monkeypatch.setattr(services, "event_record", broken)
    with caplog.at_level(logging.ERROR, logger="marketplace.observatory.receivers"):
        response = client.get(product.get_absolute_url(), **BUYER)

    assert response.status_code == 200
    assert b"Tiznit silver fibula" in response.content
    assert "product view" in caplog.text


def test_a_basket_addition_checkout_and_placed_order_are_recorded_with_the_basket_origin(client):
    product = ProductFactory(stockrecord__stock=3)

    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2}, **BUYER)
    client.post(
        reverse("checkout:index"), {"username": "guest@example.test", "options": "anonymous"}, **BUYER
    )
    basket = Basket.objects.get()
    basket.strategy = Selector().strategy()
    create_order(basket=basket)

    events = list(
        Event.objects.order_by("pk").values_list("kind", "product_id", "quantity", "country", "device")
    )
    assert events == [
        ("basket", product.pk, 2, "BE", "mobile"),
        ("checkout", None, 1, "BE", "mobile"),
        ("checkout", product.pk, 2, "BE", "mobile"),
        ("placed", None, 1, "BE", "mobile"),
    ]
    origin = BasketOrigin.objects.get()
    assert (origin.basket_id, origin.country, origin.device) == (basket.pk, "BE", "mobile")
