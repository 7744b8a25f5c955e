"""Review test helpers: a buyer's order from a cooperative, split and taken to a status the
way the ledger's services do it."""

from checkout.ledger.models import VendorOrder
from checkout.ledger.services import (
    order_split,
    vendor_order_accept,
    vendor_order_cancel,
    vendor_order_deliver,
    vendor_order_ship,
)
from tests.factories import ProductFactory, StaffUserFactory, order_create

Status = VendorOrder.Status


def vendor_order_bought(
    *, buyer, cooperative, status: str = Status.DELIVERED, title: str = "A piece", guest_email: str = ""
):
    """`buyer`'s paid order of one piece from `cooperative` (a guest's when `buyer` is None),
    its vendor order moved to `status` through the ledger's own transitions (refunded is set
    directly: it needs a payment)."""
    product = ProductFactory(title=title, stockrecord__cooperative=cooperative)
    order = order_create(items=[(product, 1)], user=buyer, guest_email=guest_email)
    order.status = "Paid"
    order.save(update_fields=["status"])
    (vendor_order,) = order_split(order=order, notify=False)
    staff = StaffUserFactory()
    if status == Status.CANCELLED:
        return vendor_order_cancel(vendor_order=vendor_order, by=staff, reason="Out of wool", notify=False)
    if status == Status.REFUNDED:
        VendorOrder.objects.filter(pk=vendor_order.pk).update(status=Status.REFUNDED)
        vendor_order.refresh_from_db()
        return vendor_order
    steps = [Status.ACCEPTED, Status.SHIPPED, Status.DELIVERED]
    for step in steps[: steps.index(status) + 1] if status in steps else []:
        if step == Status.ACCEPTED:
            vendor_order = vendor_order_accept(vendor_order=vendor_order, by=staff)
        elif step == Status.SHIPPED:
            vendor_order = vendor_order_ship(
                vendor_order=vendor_order, by=staff, carrier="DHL Express", tracking_number="JD0001"
            )
        else:
            vendor_order = vendor_order_deliver(vendor_order=vendor_order, by=staff)
    return vendor_order
