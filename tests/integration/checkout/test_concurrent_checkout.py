"""Twenty buyers press "Continue to payment" at the same moment for the last one-of-a-kind rug.

Runs on PostgreSQL only (CI sets DATABASE_URL): SQLite serialises every write, so it
cannot show whether the row locks work.
"""

import threading

import pytest
from django.db import connection, connections
from oscar.core.loading import get_model

from checkout import services
from tests.checkout_support import basket_create, country_ensure, order_place
from tests.factories import ProductFactory

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (set DATABASE_URL)"
    ),
]

BUYERS = 20


def test_twenty_simultaneous_checkouts_for_one_unit_make_exactly_one_order():
    # given one rug in stock and twenty baskets holding it
    rug = ProductFactory(stockrecord__stock=1)
    baskets = [basket_create((rug, 1)) for _ in range(BUYERS)]
    country_ensure("FR")
    start = threading.Barrier(BUYERS)
    placed, refused, crashed = [], [], []

    def checkout(basket):
        try:
            start.wait()
            placed.append(order_place(basket, number=f"C{basket.pk}").number)
        except services.OutOfStock:
            refused.append(basket.pk)
        except Exception as error:  # anything else is a bug the assertions must show
            crashed.append(repr(error))
        finally:
            connections.close_all()

    # when they all place their order at once
    threads = [threading.Thread(target=checkout, args=(basket,)) for basket in baskets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then exactly one order exists and the rug is allocated once
    assert crashed == []
    assert len(placed) == 1 and len(refused) == BUYERS - 1
    assert Order.objects.count() == 1
    record = StockRecord.objects.get(product=rug)
    assert (record.num_in_stock, record.num_allocated) == (1, 1)
