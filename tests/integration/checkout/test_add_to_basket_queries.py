"""Adding a piece to the basket costs at most 15 queries (issue #10), and still does everything:
the stock check, merging into the basket's line, offers, messages, Oscar's basket_addition
signal and the observatory's event with the basket's origin."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import create_offer

from marketplace.observatory.models import BasketOrigin, Event
from tests.factories import CooperativeFactory, ProductFactory

pytestmark = pytest.mark.django_db

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
Line = get_model("basket", "Line")
ProductRecord = get_model("analytics", "ProductRecord")
Range = get_model("offer", "Range")

DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36"


@pytest.fixture
def visitor(settings):
    """A visitor who has looked at a piece (so has a CSRF token), as a browser posts the form.

    Sessions live in the cache, as in production (marketplace/settings/production.py).
    """
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    return Client(enforce_csrf_checks=True, HTTP_USER_AGENT=DESKTOP)


@pytest.fixture
def rug():
    return ProductFactory(
        title="Azilal rug", stockrecord__cooperative=CooperativeFactory(), stockrecord__stock=3
    )


def _add(client, product, quantity=1):
    token = client.cookies["csrftoken"].value
    return client.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": quantity, "csrfmiddlewaretoken": token},
    )


def _messages(response) -> str:
    """The flash messages the response queued, as one line of text."""
    return " ".join(" ".join(str(message).split()) for message in get_messages(response.wsgi_request))


def _basket_with(client, product):
    """The visitor's basket after adding one `product` from its page and seeing the basket."""
    client.get(product.get_absolute_url())
    assert _add(client, product).status_code == 302
    client.get(reverse("basket:summary"))  # shows (and so clears) the messages of that addition
    return Line.objects.get(product=product).basket


def test_adding_a_piece_already_in_the_basket_costs_at_most_15_queries(
    visitor, rug, django_assert_max_num_queries
):
    basket = _basket_with(visitor, rug)

    with django_assert_max_num_queries(15):
        response = _add(visitor, rug)

    assert response.status_code == 302
    assert response.url == reverse("basket:summary")
    line = Line.objects.get(basket=basket)
    assert line.quantity == 2
    shown = _messages(response)
    assert "<strong>Azilal rug</strong> has been added to your cart." in shown
    assert "Your cart total is now <strong>3,000.00 MAD</strong>" in shown
    assert ProductRecord.objects.get(product=rug).num_basket_additions == 2  # Oscar's basket_addition
    events = Event.objects.filter(kind=Event.Kind.BASKET, product_id=rug.pk)
    assert [(e.cooperative_id, e.quantity, e.device) for e in events] == [
        (rug.cooperative.pk, 1, "desktop"),
        (rug.cooperative.pk, 1, "desktop"),
    ]
    assert BasketOrigin.objects.get(basket=basket).device == "desktop"


def test_more_than_the_stock_is_refused_counting_what_the_basket_holds(visitor, rug):
    basket = _basket_with(visitor, rug)  # one of three

    response = _add(visitor, rug, quantity=3)

    assert response.status_code == 302
    assert "a maximum of 3 can be bought" in _messages(response)
    assert Line.objects.get(basket=basket).quantity == 1
    assert Event.objects.filter(kind=Event.Kind.BASKET).count() == 1


def test_another_piece_gets_its_own_line(visitor, rug):
    basket = _basket_with(visitor, rug)
    zellige = ProductFactory(title="Zellige panel", stockrecord__stock=10)

    response = _add(visitor, zellige, quantity=2)

    assert response.status_code == 302
    assert sorted(basket.lines.values_list("product__title", "quantity")) == [
        ("Azilal rug", 1),
        ("Zellige panel", 2),
    ]
    assert "Your cart total is now <strong>4,500.00 MAD</strong>" in _messages(response)


def test_an_offer_the_addition_qualifies_for_is_applied_and_announced(visitor, rug):
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    create_offer(
        name="Two pieces, 10% off",
        product_range=everything,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=2),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
    )
    _basket_with(visitor, rug)

    response = _add(visitor, rug)

    shown = _messages(response)
    assert "Your cart now qualifies for the <strong>Two pieces, 10% off</strong> offer." in shown
    assert "Your cart total is now <strong>2,700.00 MAD</strong>" in shown
