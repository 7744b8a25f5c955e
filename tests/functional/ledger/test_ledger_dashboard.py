"""Cooperatives see and act on their own vendor orders, ledger and invoices only."""

from decimal import Decimal

import pytest

from checkout.ledger.models import VendorOrder
from checkout.ledger.services import order_split
from tests.factories import (
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductFactory,
    StaffUserFactory,
    UserFactory,
    order_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def split():
    tifawin, nejma = CooperativeFactory(), CooperativeFactory()
    rug = ProductFactory(title="Tifawin rug", stockrecord__cooperative=tifawin)
    tiles = ProductFactory(title="Nejma zellige box", stockrecord__cooperative=nejma, stockrecord__stock=5)
    buyer = UserFactory()
    order = order_create(items=[(rug, 1), (tiles, 1)], user=buyer, country="US")
    parts = {vo.partner: vo for vo in order_split(order=order)}
    return {
        "tifawin": CooperativeStaffFactory(cooperative=tifawin),
        "nejma": CooperativeStaffFactory(cooperative=nejma),
        "buyer": buyer,
        "order": order,
        "rug_part": parts[tifawin.partner],
        "tiles_part": parts[nejma.partner],
    }


def test_a_cooperative_lists_only_its_own_vendor_orders(client, split):
    client.force_login(split["tifawin"])

    html = client.get("/shop/dashboard/orders/vendor/").content.decode()

    assert split["rug_part"].number in html
    assert split["tiles_part"].number not in html


OTHER_COOPERATIVE_URLS = [
    "/shop/dashboard/orders/vendor/{pk}/",
    "/shop/dashboard/orders/vendor/{pk}/invoice.pdf",
]


@pytest.mark.parametrize("url", OTHER_COOPERATIVE_URLS)
def test_another_cooperatives_vendor_order_and_invoice_are_not_found(client, split, url):
    client.force_login(split["tifawin"])

    response = client.get(url.format(pk=split["tiles_part"].pk))

    assert response.status_code == 404


def test_a_cooperative_cannot_act_on_another_cooperatives_vendor_order(client, split):
    client.force_login(split["tifawin"])

    response = client.post(f"/shop/dashboard/orders/vendor/{split['tiles_part'].pk}/", {"action": "accept"})

    assert response.status_code == 404
    assert VendorOrder.objects.get(pk=split["tiles_part"].pk).status == "new"


def test_a_cooperative_accepts_and_ships_its_order_from_the_dashboard(client, split):
    client.force_login(split["tifawin"])
    url = f"/shop/dashboard/orders/vendor/{split['rug_part'].pk}/"

    client.post(url, {"action": "accept"})
    response = client.post(url, {"action": "ship", "carrier": "DHL Express", "tracking_number": "JD0142"})

    assert response.status_code == 302
    rug_part = VendorOrder.objects.get(pk=split["rug_part"].pk)
    assert (rug_part.status, rug_part.tracking_number) == ("shipped", "JD0142")


def test_an_invalid_step_shows_a_clear_error(client, split):
    client.force_login(split["tifawin"])

    response = client.post(f"/shop/dashboard/orders/vendor/{split['rug_part'].pk}/", {"action": "deliver"})

    assert response.status_code == 400
    assert "cannot be marked delivered" in response.content.decode()


def test_a_cooperative_cannot_refund_or_reach_payout_batches(client, split):
    client.force_login(split["tifawin"])

    refund = client.post(
        f"/shop/dashboard/orders/vendor/{split['rug_part'].pk}/",
        {"action": "refund", "amount": "10.00", "reason": "x"},
    )

    assert refund.status_code == 403
    assert client.get("/shop/dashboard/orders/payouts/").status_code in (302, 403)


def test_the_ledger_page_shows_the_cooperatives_own_balance_and_not_anothers(client, split):
    client.force_login(split["tifawin"])

    own = client.get("/shop/dashboard/orders/ledger/")
    other = client.get(f"/shop/dashboard/orders/ledger/?partner={split['tiles_part'].partner_id}")

    assert own.status_code == 200
    assert "1,320.00" in own.content.decode()  # 1,500 less 12 % commission
    assert other.status_code == 404


def test_platform_staff_see_every_vendor_order_and_the_payouts_page(client, split):
    client.force_login(StaffUserFactory())

    html = client.get("/shop/dashboard/orders/vendor/").content.decode()

    assert split["rug_part"].number in html and split["tiles_part"].number in html
    assert client.get("/shop/dashboard/orders/payouts/").status_code == 200


def test_the_buyer_downloads_the_invoices_of_their_own_order_only(client, split):
    client.force_login(split["buyer"])

    own = client.get(f"/shop/orders/invoices/{split['rug_part'].number}.pdf")
    client.force_login(UserFactory())
    stranger = client.get(f"/shop/orders/invoices/{split['rug_part'].number}.pdf")

    assert own.status_code == 200 and own.content.startswith(b"%PDF")
    assert stranger.status_code == 404


def test_the_buyers_order_page_shows_each_cooperatives_shipment(client, split):
    split["rug_part"].status = "shipped"
    VendorOrder.objects.filter(pk=split["rug_part"].pk).update(
        status="shipped", carrier="Amana", tracking_number="EE99MA"
    )
    client.force_login(split["buyer"])

    html = client.get(f"/shop/accounts/orders/{split['order'].number}/").content.decode()

    assert "EE99MA" in html
    assert split["tiles_part"].partner.name in html


def test_refund_amounts_are_checked_by_the_form(client, split):
    client.force_login(StaffUserFactory())

    response = client.post(
        f"/shop/dashboard/orders/vendor/{split['rug_part'].pk}/",
        {"action": "refund", "amount": "99999.00", "reason": "too much"},
    )

    assert response.status_code == 400
    assert split["rug_part"].refunds.count() == 0
    assert Decimal(split["rug_part"].total) == Decimal("1500.00")


def test_a_wrong_rib_is_refused_with_a_clear_message_and_nothing_is_saved(client, split):
    from checkout.ledger.models import PayoutAccount

    client.force_login(split["tifawin"])

    response = client.post(
        "/shop/dashboard/orders/ledger/",
        {"rail": "bank_transfer", "account_holder": "Tifawin", "rib": "011 519 0000012050005349 22"},
    )

    assert response.status_code == 400
    assert "key does not match" in response.content.decode()
    assert not PayoutAccount.objects.exists()


def test_a_cooperative_saves_its_rib_written_with_spaces(client, split):
    from checkout.ledger.models import PayoutAccount

    client.force_login(split["tifawin"])

    client.post(
        "/shop/dashboard/orders/ledger/",
        {"rail": "bank_transfer", "account_holder": "Tifawin", "rib": "011 519 0000012050005349 21"},
    )

    account = PayoutAccount.objects.get()
    assert (account.partner, account.rib) == (split["rug_part"].partner, "011519000001205000534921")
