"""A webhook replayed by several workers at the same moment splits the order once.

Runs on PostgreSQL only (CI sets DATABASE_URL): SQLite serialises every write, so it cannot
show whether the row lock and the unique constraint hold.
"""

import threading

import pytest
from django.db import connection, connections

from checkout.ledger.models import LedgerEntry, VendorOrder
from checkout.ledger.services import order_split
from tests.factories import CooperativeFactory, ProductFactory, order_create

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (set DATABASE_URL)"
    ),
]

WORKERS = 8


def test_eight_simultaneous_splits_of_one_order_create_each_vendor_order_once():
    # given a paid order from two cooperatives
    first, second = CooperativeFactory(), CooperativeFactory()
    order = order_create(
        items=[
            (ProductFactory(stockrecord__cooperative=first), 1),
            (ProductFactory(stockrecord__cooperative=second), 1),
        ]
    )
    start = threading.Barrier(WORKERS)
    results, crashed = [], []

    def split():
        try:
            start.wait()
            results.append(sorted(vo.pk for vo in order_split(order=order)))
        except Exception as error:  # anything else is a bug the assertions must show
            crashed.append(repr(error))
        finally:
            connections.close_all()

    # when eight workers split it at once
    threads = [threading.Thread(target=split) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then there are two vendor orders, one sale and one commission each, and every worker saw them
    assert crashed == []
    assert VendorOrder.objects.filter(order=order).count() == 2
    assert LedgerEntry.objects.filter(vendor_order__order=order, kind="sale").count() == 2
    assert LedgerEntry.objects.filter(vendor_order__order=order, kind="commission").count() == 2
    assert len({tuple(r) for r in results}) == 1 and len(results) == WORKERS
