"""A guest buyer (no account) downloads their invoices from the order-status page; nobody else can."""

import pytest
from django.core import mail
from django.urls import reverse

from checkout.ledger.services import order_split
from checkout.models import StripePayment
from checkout.services import order_confirmation_send
from tests.factories import CooperativeFactory, ProductFactory, UserFactory, order_create

pytestmark = pytest.mark.django_db

EMAIL = "claire@example.test"


@pytest.fixture
def guest_order():
    tifawin, nejma = CooperativeFactory(), CooperativeFactory()
    rug = ProductFactory(title="Tifawin rug", stockrecord__cooperative=tifawin)
    tiles = ProductFactory(title="Nejma zellige box", stockrecord__cooperative=nejma, stockrecord__stock=5)
    order = order_create(items=[(rug, 1), (tiles, 1)], guest_email=EMAIL, country="FR")
    return order, order_split(order=order)


def _status_url(order, hash_=None):
    return reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": hash_ or order.verification_hash()},
    )


def _invoice_url(order, vendor_order, hash_=None):
    return reverse(
        "vendor-order-guest-invoice",
        kwargs={
            "order_number": order.number,
            "hash": hash_ or order.verification_hash(),
            "number": vendor_order.number,
        },
    )


def _give_email(client, order, email=EMAIL):
    form = reverse(
        "customer:anon-order-form", kwargs={"order_number": order.number, "hash": order.verification_hash()}
    )
    return client.post(form, {"email": email})


def test_a_guest_opens_the_order_status_page_and_downloads_each_shipments_invoice(client, guest_order):
    order, vendor_orders = guest_order

    response = _give_email(client, order)
    page = client.get(response.url)

    assert response.url == _status_url(order)
    html = page.content.decode()
    for vendor_order in vendor_orders:
        link = _invoice_url(order, vendor_order)
        assert link in html
        pdf = client.get(link)
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        assert f"invoice-{vendor_order.number}.pdf" in pdf["Content-Disposition"]


def test_a_wrong_hash_finds_nothing(client, guest_order):
    order, vendor_orders = guest_order
    _give_email(client, order)
    other = order_create(items=[(ProductFactory(), 1)], guest_email=EMAIL)

    forged = f"{order.number}:{'A' * 27}"
    responses = [
        client.get(_invoice_url(order, vendor_orders[0], hash_=forged)),
        # Another order's valid hash does not open this order's invoice.
        client.get(_invoice_url(order, vendor_orders[0], hash_=other.verification_hash())),
    ]

    assert [r.status_code for r in responses] == [404, 404]


def test_another_orders_shipment_is_not_found_under_this_orders_hash(client, guest_order):
    order, _vendor_orders = guest_order
    other = order_create(items=[(ProductFactory(), 1)], guest_email=EMAIL)
    other_part = order_split(order=other)[0]
    _give_email(client, order)

    response = client.get(_invoice_url(order, other_part))

    assert response.status_code == 404


def test_without_the_orders_email_the_guest_is_asked_for_it_and_gets_no_pdf(client, guest_order):
    order, vendor_orders = guest_order
    url = _invoice_url(order, vendor_orders[0])

    nothing_given = client.get(url)
    _give_email(client, order, email="someone-else@example.test")
    wrong_email = client.get(url)

    form = reverse(
        "customer:anon-order-form", kwargs={"order_number": order.number, "hash": order.verification_hash()}
    )
    for response in (nothing_given, wrong_email):
        assert response.status_code == 302 and response.url == form


def test_an_order_with_an_account_has_no_guest_invoice_link(client):
    buyer = UserFactory(email=EMAIL)
    order = order_create(items=[(ProductFactory(), 1)], user=buyer)
    part = order_split(order=order)[0]
    _give_email(client, order)

    response = client.get(_invoice_url(order, part))

    assert response.status_code == 404


def test_the_thank_you_page_links_a_guest_to_the_status_page_without_asking_the_email_again(
    client, guest_order
):
    order, vendor_orders = guest_order
    order.set_status("Paid")
    session = client.session
    session["checkout_order_id"] = order.id
    session.save()

    thank_you = client.get(reverse("checkout:thank-you"))
    pdf = client.get(_invoice_url(order, vendor_orders[0]))

    assert _status_url(order) in thank_you.content.decode()
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_confirmation_email_links_a_guest_to_the_order_status_page(guest_order):
    order, _vendor_orders = guest_order
    StripePayment.objects.create(
        order=order,
        currency="MAD",
        amount=order.total_incl_tax,
        amount_minor=1,
        exchange_rate=1,
        language="en",
    )

    order_confirmation_send(order=order)

    assert len(mail.outbox) == 1
    assert _status_url(order) in mail.outbox[0].body
