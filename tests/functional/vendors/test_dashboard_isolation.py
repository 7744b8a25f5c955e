"""No cooperative sees or touches another's products, orders or order lines in the dashboard."""

from decimal import Decimal

import pytest
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from tests.factories import CooperativeFactory, CooperativeStaffFactory, ProductFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Line = get_model("order", "Line")


@pytest.fixture
def marketplace():
    """Two cooperatives, one product each, one order that mixes both, and a third cooperative."""
    tifawin, nejma, chems = CooperativeFactory(), CooperativeFactory(), CooperativeFactory()
    rug = ProductFactory(title="Tifawin rug", stockrecord__cooperative=tifawin, stockrecord__stock=3)
    tiles = ProductFactory(title="Nejma zellige box", stockrecord__cooperative=nejma, stockrecord__stock=30)
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(rug, 1)
    basket.add_product(tiles, 2)
    order = create_order(basket=basket)
    return {
        "tifawin": CooperativeStaffFactory(cooperative=tifawin),
        "nejma": CooperativeStaffFactory(cooperative=nejma),
        "chems": CooperativeStaffFactory(cooperative=chems),
        "rug": rug,
        "tiles": tiles,
        "order": order,
        "rug_line": order.lines.get(product=rug),
        "tiles_line": order.lines.get(product=tiles),
    }


def _login(client, user):
    client.force_login(user)
    return client


def test_a_cooperative_sees_only_its_own_lines_of_a_mixed_order(client, marketplace):
    _login(client, marketplace["tifawin"])

    html = client.get(f"/shop/dashboard/orders/{marketplace['order'].number}/").content.decode()

    assert "Tifawin rug" in html
    assert "Nejma zellige box" not in html


def test_a_cooperative_sees_its_own_total_not_the_orders(client, marketplace):
    _login(client, marketplace["tifawin"])
    order = marketplace["order"]

    html = client.get(f"/shop/dashboard/orders/{order.number}/").content.decode()

    # The rug line is 1,500 MAD; the whole order (with 2 boxes of zellige) is 4,500 MAD.
    assert "1,500.00" in html
    assert "4,500.00" not in html
    assert "Payment" not in html
    assert "Discounts" not in html


def test_a_cooperative_cannot_open_another_cooperatives_line(client, marketplace):
    _login(client, marketplace["tifawin"])
    order, tiles_line = marketplace["order"], marketplace["tiles_line"]

    response = client.get(f"/shop/dashboard/orders/{order.number}/lines/{tiles_line.pk}/")

    assert response.status_code == 404
    assert "Nejma zellige box" not in response.content.decode()


def test_a_cooperative_cannot_change_the_status_of_another_cooperatives_line(client, marketplace):
    _login(client, marketplace["tifawin"])
    order, tiles_line = marketplace["order"], marketplace["tiles_line"]
    status_before = tiles_line.status

    client.post(
        f"/shop/dashboard/orders/{order.number}/",
        {
            "line_action": "change_line_statuses",
            "selected_line": [tiles_line.pk],
            f"selected_line_qty_{tiles_line.pk}": 2,
            "new_status": "Shipped",
        },
    )

    tiles_line.refresh_from_db()
    assert tiles_line.status == status_before


def test_only_platform_staff_change_the_status_of_a_whole_order(client, marketplace):
    order = marketplace["order"]
    _login(client, marketplace["tifawin"])

    response = client.post(
        f"/shop/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": "Cancelled"},
    )

    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status != "Cancelled"


def test_a_cooperative_with_no_line_in_an_order_cannot_see_it(client, marketplace):
    _login(client, marketplace["chems"])
    number = str(marketplace["order"].number)

    assert client.get(f"/shop/dashboard/orders/{number}/").status_code == 404
    assert number not in client.get("/shop/dashboard/orders/").content.decode()


def test_a_cooperative_cannot_change_the_delivery_address_of_a_shared_order(client, marketplace):
    _login(client, marketplace["tifawin"])
    number = str(marketplace["order"].number)

    response = client.post(f"/shop/dashboard/orders/{number}/shipping-address/", {"line1": "Elsewhere"})

    assert response.status_code == 403


def test_platform_staff_see_every_line(client, marketplace):
    _login(client, StaffUserFactory())

    html = client.get(f"/shop/dashboard/orders/{marketplace['order'].number}/").content.decode()

    assert "Tifawin rug" in html
    assert "Nejma zellige box" in html


PRODUCT_URLS = [
    ("get", "/shop/dashboard/catalogue/products/{pk}/"),
    ("post", "/shop/dashboard/catalogue/products/{pk}/"),
    ("get", "/shop/dashboard/catalogue/products/{pk}/delete/"),
    ("post", "/shop/dashboard/catalogue/products/{pk}/delete/"),
]


@pytest.mark.parametrize(("method", "url"), PRODUCT_URLS)
def test_a_cooperative_cannot_view_edit_or_delete_another_cooperatives_product(
    client, marketplace, method, url
):
    _login(client, marketplace["tifawin"])
    tiles = marketplace["tiles"]

    response = getattr(client, method)(
        url.format(pk=tiles.pk), {"title": "Hacked"} if method == "post" else None
    )

    assert response.status_code in (403, 404)
    assert "Nejma zellige box" not in response.content.decode()
    tiles.refresh_from_db()
    assert tiles.title == "Nejma zellige box"


def test_the_product_list_of_a_cooperative_shows_only_its_products(client, marketplace):
    _login(client, marketplace["tifawin"])

    html = client.get("/shop/dashboard/catalogue/").content.decode()

    assert "Tifawin rug" in html
    assert "Nejma zellige box" not in html


def test_stock_records_of_a_cooperative_keep_their_price(marketplace):
    assert marketplace["rug"].stockrecords.get().price == Decimal("1500.00")
