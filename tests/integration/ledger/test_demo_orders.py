from decimal import Decimal

import pytest

from checkout.ledger.models import PayoutBatch, Refund, VendorOrder
from marketplace.demo.orders import ORDER_COUNT, orders_load
from tests.factories import CooperativeFactory, ProductFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def test_demo_orders_span_a_year_many_countries_and_every_status_and_load_once():
    StaffUserFactory()
    for _ in range(3):
        cooperative = CooperativeFactory()
        for n in range(3):
            ProductFactory(stockrecord__cooperative=cooperative, stockrecord__price=Decimal(300 + 100 * n))

    created = orders_load()
    again = orders_load()

    assert (created, again) == (ORDER_COUNT, 0)
    vendor_orders = VendorOrder.objects.filter(order__number__startswith="DEMO-")
    countries = set(vendor_orders.values_list("order__shipping_address__country", flat=True))
    assert {"US", "FR", "DE", "GB", "JP", "AE"} <= countries
    statuses = set(vendor_orders.values_list("status", flat=True))
    assert {"new", "accepted", "shipped", "delivered"} <= statuses
    months = {d.month for d in vendor_orders.values_list("created_at", flat=True)}
    assert len(months) >= 10
    assert Refund.objects.exists()
    assert PayoutBatch.objects.filter(status="paid").exists()
