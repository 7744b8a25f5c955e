from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError

from checkout.ledger.models import LedgerEntry, LedgerImmutableError, VendorOrder
from checkout.ledger.selectors import cooperative_balance
from checkout.ledger.services import order_split

pytestmark = pytest.mark.django_db


def test_a_paid_order_is_split_into_one_vendor_order_per_cooperative(two_cooperative_order):
    order = two_cooperative_order["order"]

    vendor_orders = order_split(order=order)

    assert len(vendor_orders) == 2
    by_partner = {vo.partner: vo for vo in vendor_orders}
    rug_part = by_partner[two_cooperative_order["tifawin"].partner]
    tiles_part = by_partner[two_cooperative_order["nejma"].partner]
    assert [line.title for line in rug_part.lines] == ["Tifawin rug"]
    assert [line.title for line in tiles_part.lines] == ["Nejma zellige box"]
    assert rug_part.subtotal == Decimal("1500.00")
    assert tiles_part.subtotal == Decimal("900.00")
    assert all(vo.status == VendorOrder.Status.NEW and vo.currency == "MAD" for vo in vendor_orders)


def test_commission_follows_the_cooperatives_rate_or_the_platform_default(two_cooperative_order, settings):
    settings.SOUK_DEFAULT_COMMISSION_RATE = 0.12

    vendor_orders = {vo.partner: vo for vo in order_split(order=two_cooperative_order["order"])}

    rug_part = vendor_orders[two_cooperative_order["tifawin"].partner]
    tiles_part = vendor_orders[two_cooperative_order["nejma"].partner]
    assert (rug_part.commission_rate, rug_part.commission) == (Decimal("0.100"), Decimal("150.00"))
    assert (tiles_part.commission_rate, tiles_part.commission) == (Decimal("0.120"), Decimal("108.00"))
    for vo in vendor_orders.values():
        assert vo.commission + vo.net == vo.subtotal


def test_the_split_writes_a_sale_and_a_commission_entry_per_vendor_order(two_cooperative_order):
    order_split(order=two_cooperative_order["order"])
    partner = two_cooperative_order["tifawin"].partner

    kinds = sorted(LedgerEntry.objects.filter(partner=partner).values_list("kind", "amount"))

    assert kinds == [("commission", Decimal("-150.00")), ("sale", Decimal("1500.00"))]
    balance = cooperative_balance(partner=partner)
    assert balance.total == Decimal("1350.00")
    # Nothing can be paid out before the buyer has the rug.
    assert balance.available == Decimal("0.00")
    assert balance.pending == Decimal("1350.00")


def test_splitting_twice_creates_nothing_more(two_cooperative_order):
    order = two_cooperative_order["order"]
    first = order_split(order=order)
    mail.outbox.clear()

    second = order_split(order=order)

    assert sorted(vo.pk for vo in first) == sorted(vo.pk for vo in second)
    assert VendorOrder.objects.filter(order=order).count() == 2
    assert LedgerEntry.objects.filter(vendor_order__order=order).count() == 4
    assert mail.outbox == []


def test_each_cooperative_is_emailed_its_new_order_once(
    two_cooperative_order, django_capture_on_commit_callbacks
):
    two_cooperative_order["tifawin"].email = "orders@tifawin.test"
    two_cooperative_order["tifawin"].save()

    with django_capture_on_commit_callbacks(execute=True):
        order_split(order=two_cooperative_order["order"])

    subjects = [m.subject for m in mail.outbox if "orders@tifawin.test" in m.to]
    assert len(subjects) == 1
    assert str(two_cooperative_order["order"].number) in subjects[0]
    assert "Tifawin rug" in next(m.body for m in mail.outbox if "orders@tifawin.test" in m.to)


def test_the_database_refuses_a_second_vendor_order_for_the_same_cooperative(two_cooperative_order):
    vendor_order = order_split(order=two_cooperative_order["order"])[0]

    with pytest.raises(IntegrityError):
        VendorOrder.objects.create(
            number="dup",
            order=vendor_order.order,
            partner=vendor_order.partner,
            subtotal=1,
            commission_rate=0,
            commission=0,
            net=1,
            created_at=vendor_order.created_at,
        )


def test_ledger_entries_are_never_edited_or_deleted(two_cooperative_order):
    order_split(order=two_cooperative_order["order"])
    entry = LedgerEntry.objects.first()

    entry.amount = Decimal("1.00")
    with pytest.raises(LedgerImmutableError):
        entry.save()
    with pytest.raises(LedgerImmutableError):
        entry.delete()
    with pytest.raises(LedgerImmutableError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(LedgerImmutableError):
        LedgerEntry.objects.all().delete()


def test_the_database_refuses_a_sale_entry_with_a_negative_amount(two_cooperative_order):
    vendor_order = order_split(order=two_cooperative_order["order"])[0]

    with pytest.raises(IntegrityError):
        LedgerEntry.objects.create(
            partner=vendor_order.partner,
            vendor_order=vendor_order,
            refund=None,
            kind="sale",
            amount=Decimal("-5.00"),
            created_at=vendor_order.created_at,
        )


def test_shipping_stored_by_checkout_is_added_to_the_vendor_order(two_cooperative_order, monkeypatch):
    from types import SimpleNamespace

    import checkout.ledger.services as services

    tifawin = two_cooperative_order["tifawin"].partner
    monkeypatch.setattr(
        services,
        "_shipping_by_partner",
        lambda order: {
            tifawin.pk: SimpleNamespace(
                charge=Decimal("320.00"), zone="eu", method_name="DHL Express", days_min=4, days_max=7
            )
        },
    )

    vendor_orders = {vo.partner: vo for vo in order_split(order=two_cooperative_order["order"])}

    rug_part = vendor_orders[tifawin]
    assert rug_part.shipping_charge == Decimal("320.00")
    assert rug_part.shipping_method == "DHL Express"
    assert rug_part.total == Decimal("1820.00")
    assert LedgerEntry.objects.get(vendor_order=rug_part, kind="sale").amount == Decimal("1820.00")
    # Commission is taken on the goods only.
    assert rug_part.commission == Decimal("150.00")
