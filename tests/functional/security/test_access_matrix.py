"""Editors never reach the shop dashboard or Django admin; buyers never see each other's things.

Dashboard and admin URLs are enumerated from the URL resolver, so pages added later are covered.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from marketplace.demo.loader import editors_group_ensure
from tests.factories import ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

UserAddress = get_model("address", "UserAddress")
Country = get_model("address", "Country")


def _walk(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def _concrete(route: str) -> str:
    """A requestable path for a route: converters get a plausible value, regex anchors go."""
    path = re.sub(r"<(?:int:)?[a-z_]*pk>|<int:[a-z_]+>", "1", route)
    path = re.sub(r"<(?:str|slug|path|uuid):[a-z_]+>|<[a-z_]+>", "x", path)
    path = re.sub(r"\(\?P<[a-z_]+>[^)]*\)", "1", path)
    return "/" + path.replace("^", "").replace("$", "").lstrip("/")


def _routes_under(prefix: str) -> list[str]:
    routes = {_concrete(route) for route in _walk(get_resolver().url_patterns) if route.startswith(prefix)}
    return sorted(routes)


# The dashboard's own sign-in and sign-out pages are open to anyone by design.
DASHBOARD_ROUTES = [
    path for path in _routes_under("shop/dashboard/") if not path.endswith(("/login/", "/logout/"))
]
ADMIN_ROUTES = _routes_under("django-admin/")


@pytest.fixture
def editor():
    person = UserFactory(email="editor@example.test")
    person.groups.add(editors_group_ensure())
    return person


def test_the_matrix_covers_the_whole_dashboard():
    assert len(DASHBOARD_ROUTES) > 60
    assert "/shop/dashboard/" in DASHBOARD_ROUTES


@pytest.mark.parametrize("path", DASHBOARD_ROUTES)
def test_an_editor_cannot_open_any_shop_dashboard_page(client, editor, path):
    client.force_login(editor)

    response = client.get(path)

    assert response.status_code in (302, 403, 404, 405), path
    if response.status_code == 302:
        assert "/login/" in response["Location"], path


@pytest.mark.parametrize("path", ADMIN_ROUTES[:40])
def test_an_editor_cannot_open_the_django_admin(client, editor, path):
    client.force_login(editor)

    response = client.get(path)

    assert response.status_code in (302, 404), path
    if response.status_code == 302:
        assert "/django-admin/login/" in response["Location"], path


def test_an_editor_can_use_the_cms(client, editor):
    client.force_login(editor)

    assert client.get("/cms/").status_code == 200


@pytest.fixture
def two_buyers():
    amina, john = UserFactory(email="amina@example.test"), UserFactory(email="john@example.test")
    product = ProductFactory(title="Boucherouite runner")
    order = _order_for(amina, product)
    france, _ = Country.objects.get_or_create(
        iso_3166_1_a2="FR", defaults={"name": "France", "is_shipping_country": True}
    )
    address = UserAddress.objects.create(
        user=amina,
        first_name="Amina",
        last_name="Secret",
        line1="12 rue Cachée",
        line4="Paris",
        postcode="75011",
        country=france,
    )
    return {"amina": amina, "john": john, "order": order, "address": address}


def _order_for(user, product):
    from oscar.apps.partner.strategy import Selector

    Basket = get_model("basket", "Basket")
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy()
    basket.add_product(product, 1)
    return create_order(basket=basket, user=user)


def test_a_buyer_cannot_open_another_buyers_order(client, two_buyers):
    client.force_login(two_buyers["john"])
    number = two_buyers["order"].number

    response = client.get(f"/shop/accounts/orders/{number}/")

    assert response.status_code == 404
    assert "Boucherouite" not in response.content.decode()


def test_a_buyer_does_not_see_another_buyers_orders_in_the_list(client, two_buyers):
    client.force_login(two_buyers["john"])

    html = client.get("/shop/accounts/orders/").content.decode()

    assert str(two_buyers["order"].number) not in html


@pytest.mark.parametrize("suffix", ["", "delete/", "default_for_shipping/"])
def test_a_buyer_cannot_read_change_or_delete_another_buyers_address(client, two_buyers, suffix):
    client.force_login(two_buyers["john"])
    pk = two_buyers["address"].pk

    read = client.get(f"/shop/accounts/addresses/{pk}/{suffix}")
    write = client.post(f"/shop/accounts/addresses/{pk}/{suffix}", {"line1": "stolen"})

    assert read.status_code in (404, 405)
    assert write.status_code == 404
    assert "Secret" not in read.content.decode()
    two_buyers["address"].refresh_from_db()
    assert two_buyers["address"].line1 == "12 rue Cachée"


def test_a_buyer_cannot_open_an_order_line_of_another_buyer(client, two_buyers):
    client.force_login(two_buyers["john"])
    order = two_buyers["order"]
    line = order.lines.get()

    response = client.get(f"/shop/accounts/orders/{order.number}/{line.pk}/")

    assert response.status_code == 404
