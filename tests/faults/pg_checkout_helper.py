"""Run against the private PostgreSQL of test_postgres_restart.py (DATABASE_URL points at it).

    python tests/faults/pg_checkout_helper.py seed     # cooperatives and pieces; prints their ids (JSON)
    python tests/faults/pg_checkout_helper.py settle   # stripe_events_retry, then the facts (JSON)

Not a test module: the fault test starts it as a subprocess, so it reads a database other than
pytest's own.
"""

import json
import os
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")


def seed(products_per_cooperative: int = 2, stock: int = 200) -> dict:
    from tests.checkout_support import country_ensure
    from tests.factories import CooperativeFactory, ProductFactory

    country_ensure("FR")
    pieces = []
    for name in ("Tifawin", "Nejma"):
        cooperative = CooperativeFactory(name=f"Coopérative {name}")
        for index in range(products_per_cooperative):
            product = ProductFactory(
                title=f"{name} piece {index}",
                weight_kg=Decimal("1.000"),
                stockrecord__cooperative=cooperative,
                stockrecord__price=Decimal("450.00") + index * 100,
                stockrecord__stock=stock,
            )
            pieces.append({"id": product.pk, "cooperative": name, "url": product.get_absolute_url()})
    return {"pieces": pieces}


def settle() -> dict:
    """Retry stored failed events as the cron job does, then report what the database holds."""
    from django.core.management import call_command
    from oscar.core.loading import get_model

    from checkout.ledger.models import LedgerEntry, VendorOrder
    from checkout.models import StripeEvent, StripePayment

    Order = get_model("order", "Order")
    Source = get_model("payment", "Source")
    StockRecord = get_model("partner", "StockRecord")
    Line = get_model("order", "Line")

    call_command("stripe_events_retry")
    payments = list(StripePayment.objects.select_related("order"))
    paid_orders = Order.objects.filter(status="Paid")
    held = Counter()
    for line in Line.objects.filter(order__status__in=["Pending payment", "Paid"]):
        held[line.stockrecord_id] += line.quantity
    return {
        "orders": {order.number: order.status for order in Order.objects.all()},
        "orders_by_email": dict(
            Counter(Order.objects.filter(status="Paid").values_list("guest_email", flat=True))
        ),
        "payments": {
            p.payment_intent_id: {"order": p.order.number, "status": p.status}
            for p in payments
            if p.payment_intent_id
        },
        "payments_without_intent": sum(1 for p in payments if not p.payment_intent_id),
        "sources": dict(
            Counter(Source.objects.filter(order__in=paid_orders).values_list("order__number", flat=True))
        ),
        "partners": {
            order.number: len({line.partner_id for line in order.lines.all()}) for order in paid_orders
        },
        "vendor_orders": dict(Counter(VendorOrder.objects.values_list("order__number", flat=True))),
        "sales": dict(
            Counter(
                LedgerEntry.objects.filter(kind="sale").values_list("vendor_order__order__number", flat=True)
            )
        ),
        "events": {
            e.event_id: {"status": e.status, "attempts": e.attempts} for e in StripeEvent.objects.all()
        },
        "allocation_mismatches": [
            record.pk
            for record in StockRecord.objects.all()
            if (record.num_allocated or 0) != held[record.pk]
        ],
    }


if __name__ == "__main__":
    import django

    django.setup()
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    result = {"seed": seed, "settle": settle}[command]()
    print("RESULT " + json.dumps(result))
