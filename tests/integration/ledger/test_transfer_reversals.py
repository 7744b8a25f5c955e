"""A refund after the cooperative was paid: Stripe Connect transfers are reversed, bank payouts netted off.

localstripe has no Connect (no transfers, no reversals), so Stripe's HTTP layer is replaced by
responses shaped as Stripe records them for POST /v1/transfers and POST /v1/transfers/{id}/reversals.
"""

import json
from decimal import Decimal
from urllib.parse import parse_qs

import pytest
from django.utils import timezone

from checkout.ledger import rails
from checkout.ledger.models import LedgerEntry, Payout, PayoutReversal
from checkout.ledger.selectors import cooperative_balance, vendor_order_overpaid
from checkout.ledger.services import (
    order_split,
    payout_account_save,
    payout_batch_confirm_paid,
    payout_batch_create,
    payout_reversals_create,
    vendor_order_accept,
    vendor_order_deliver,
    vendor_order_refund,
    vendor_order_ship,
)
from tests.factories import ProductFactory, StaffUserFactory, UserFactory, order_create

pytestmark = pytest.mark.django_db

RIB = "011519000001205000534921"


class RecordedStripe:
    """Stripe's HTTP layer: recorded transfer and reversal responses, and every request made."""

    name = "recorded"

    def __init__(self, *, refuse_reversals: bool = False):
        self.requests = []
        self.refuse_reversals = refuse_reversals
        self.reversed: dict[str, int] = {}

    def request_with_retries(
        self, method, url, headers, post_data=None, max_network_retries=None, *, _usage=None
    ):
        body = {key: values[0] for key, values in parse_qs(post_data or "").items()}
        self.requests.append({"method": method, "url": url, "body": body, "headers": dict(headers)})
        path = url.split("/v1/", 1)[1]
        if path == "transfers":
            transfer_id = f"tr_recorded{len(self.requests)}"
            return self._json(
                {
                    "id": transfer_id,
                    "object": "transfer",
                    "amount": int(body["amount"]),
                    "amount_reversed": 0,
                    "currency": body["currency"],
                    "destination": body["destination"],
                    "transfer_group": body.get("transfer_group"),
                    "reversed": False,
                }
            )
        transfer_id = path.split("/")[1]
        if self.refuse_reversals:
            error = {
                "error": {
                    "type": "invalid_request_error",
                    "code": "insufficient_funds",
                    "message": "Insufficient funds in Stripe account. The connected account cannot cover it.",
                }
            }
            return json.dumps(error), 400, {"request-id": "req_refused"}
        amount = int(body["amount"])
        self.reversed[transfer_id] = self.reversed.get(transfer_id, 0) + amount
        return self._json(
            {
                "id": f"trr_recorded{len(self.requests)}",
                "object": "transfer_reversal",
                "amount": amount,
                "currency": "eur",
                "transfer": transfer_id,
                "metadata": {key[9:-1]: value for key, value in body.items() if key.startswith("metadata[")},
            }
        )

    @staticmethod
    def _json(payload):
        return json.dumps(payload), 200, {"request-id": "req_recorded"}

    def close(self):
        pass

    @property
    def reversal_requests(self):
        return [r for r in self.requests if r["url"].endswith("/reversals")]


@pytest.fixture
def connect(settings):
    """The Connect rail talking to RecordedStripe, and EUR at 0.092 per MAD."""
    from catalogue.models import ExchangeRate

    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    ExchangeRate.objects.create(currency="EUR", rate=Decimal("0.092"), as_of=timezone.localdate())

    def use(http):
        rails.rail_register(
            "stripe_connect", rails.StripeConnectRail(client=rails.stripe_client(http_client=http))
        )
        return http

    yield use
    rails.rail_register("stripe_connect", None)


def _deliver(vendor_order, by):
    vendor_order_accept(vendor_order=vendor_order, by=by)
    vendor_order_ship(vendor_order=vendor_order, by=by, carrier="Amana", tracking_number="EE123456789MA")
    return vendor_order_deliver(vendor_order=vendor_order, by=by)


def _paid_rug_part(data, staff, rail="stripe_connect"):
    """Tifawin's 1,500 MAD rug (10 % commission) delivered and paid out: 1,350 MAD."""
    rug_part = next(vo for vo in order_split(order=data["order"]) if vo.partner == data["tifawin"].partner)
    _deliver(rug_part, staff)
    account = {"stripe_account_id": "acct_1Coop"} if rail == "stripe_connect" else {"rib": RIB}
    payout_account_save(partner=rug_part.partner, by=staff, rail=rail, account_holder="Tifawin", **account)
    batch = payout_batch_create(cut_off=timezone.now(), by=staff).batch
    if rail == "bank_transfer":
        payout_batch_confirm_paid(batch=batch, by=staff)
    return rug_part, batch.payouts.get()


def test_a_partial_refund_after_a_connect_payout_reverses_that_share_of_the_transfer(
    two_cooperative_order, refunds_recorded, connect
):
    http = connect(RecordedStripe())
    staff = StaffUserFactory()
    rug_part, payout = _paid_rug_part(two_cooperative_order, staff)
    assert (payout.transfer_amount_minor, payout.transfer_currency) == (12420, "EUR")

    refund = vendor_order_refund(
        vendor_order=rug_part, amount=Decimal("500.00"), by=staff, reason="Fringe damaged"
    )

    # The refund costs the cooperative 500 less the 50 commission given back: 450 of its 1,350.
    reversal = PayoutReversal.objects.get()
    assert (reversal.payout, reversal.refund, reversal.amount, reversal.status) == (
        payout,
        refund,
        Decimal("450.00"),
        "reversed",
    )
    sent = http.reversal_requests
    assert len(sent) == 1
    assert sent[0]["url"].endswith(f"/v1/transfers/{payout.reference}/reversals")
    # The same share of the EUR transfer, at the rate it was sent at: 12,420 × 450 / 1,350.
    assert sent[0]["body"]["amount"] == "4140"
    assert sent[0]["headers"]["Idempotency-Key"] == f"souk-reversal-{rug_part.number}-1-{payout.pk}"
    assert (reversal.transfer_amount_minor, reversal.transfer_currency, reversal.reference) == (
        4140,
        "EUR",
        "trr_recorded" + str(len(http.requests)),
    )
    entry = LedgerEntry.objects.get(kind="payout_reversal")
    assert (entry.amount, entry.payout, entry.vendor_order, entry.refund) == (
        Decimal("450.00"),
        payout,
        rug_part,
        refund,
    )
    # The cooperative keeps exactly what it still earns (900) and is owed nothing more.
    assert cooperative_balance(partner=rug_part.partner).total == Decimal("0.00")
    assert vendor_order_overpaid(vendor_order=rug_part) == Decimal("0.00")


def test_reversing_again_changes_nothing(two_cooperative_order, refunds_recorded, connect):
    http = connect(RecordedStripe())
    staff = StaffUserFactory()
    rug_part, _payout = _paid_rug_part(two_cooperative_order, staff)
    refund = vendor_order_refund(vendor_order=rug_part, amount=Decimal("500.00"), by=staff, reason="Damaged")
    entries = list(LedgerEntry.objects.values_list("pk", "amount"))

    for _ in range(3):
        payout_reversals_create(refund=refund, by=staff)

    assert len(http.reversal_requests) == 1
    assert PayoutReversal.objects.count() == 1
    assert list(LedgerEntry.objects.values_list("pk", "amount")) == entries


def test_the_final_refund_takes_back_the_rest_of_the_transfer_to_the_last_cent(
    two_cooperative_order, refunds_recorded, connect
):
    http = connect(RecordedStripe())
    staff = StaffUserFactory()
    rug_part, payout = _paid_rug_part(two_cooperative_order, staff)

    vendor_order_refund(vendor_order=rug_part, amount=Decimal("333.33"), by=staff, reason="Part")
    vendor_order_refund(vendor_order=rug_part, amount=Decimal("1166.67"), by=staff, reason="The rest")

    assert sum(http.reversed.values()) == payout.transfer_amount_minor == 12420
    assert sum(PayoutReversal.objects.values_list("amount", flat=True)) == Decimal("1350.00")
    assert cooperative_balance(partner=rug_part.partner).total == Decimal("0.00")
    rug_part.refresh_from_db()
    assert rug_part.status == "refunded"


def test_a_refund_before_any_payout_reverses_nothing(two_cooperative_order, refunds_recorded, connect):
    http = connect(RecordedStripe())
    data = two_cooperative_order
    rug_part = next(vo for vo in order_split(order=data["order"]) if vo.partner == data["tifawin"].partner)

    vendor_order_refund(vendor_order=rug_part, amount=Decimal("500.00"), by=None, reason="Damaged")

    assert http.requests == []
    assert not PayoutReversal.objects.exists()


def test_a_reversal_stripe_refuses_is_recorded_and_the_next_payout_nets_it_off(
    two_cooperative_order, refunds_recorded, connect
):
    connect(RecordedStripe(refuse_reversals=True))
    staff = StaffUserFactory()
    data = two_cooperative_order
    rug_part, _payout = _paid_rug_part(data, staff)

    refund = vendor_order_refund(vendor_order=rug_part, amount=Decimal("500.00"), by=staff, reason="Damaged")

    # The buyer is refunded whatever Stripe says about the transfer.
    assert refund.provider_reference == "re_test_1"
    reversal = PayoutReversal.objects.get()
    assert reversal.status == "failed" and "Insufficient funds" in reversal.failure_message
    assert not LedgerEntry.objects.filter(kind="payout_reversal").exists()
    assert cooperative_balance(partner=rug_part.partner).available == Decimal("-450.00")

    # A second rug sold and delivered: its 1,350 is paid less the 450 the cooperative holds too much.
    rug = ProductFactory(title="Second rug", stockrecord__cooperative=data["tifawin"], stockrecord__stock=1)
    second = order_create(items=[(rug, 1)], user=UserFactory(), country="FR")
    _deliver(order_split(order=second)[0], staff)
    payouts = payout_batch_create(cut_off=timezone.now(), by=staff).batch.payouts.all()

    assert [p.amount for p in payouts] == [Decimal("900.00")]
    assert cooperative_balance(partner=rug_part.partner).total == Decimal("0.00")


def test_a_refund_after_a_bank_payout_leaves_a_negative_balance_the_next_batch_nets_off(
    two_cooperative_order, refunds_recorded
):
    staff = StaffUserFactory()
    data = two_cooperative_order
    rug_part, payout = _paid_rug_part(data, staff, rail="bank_transfer")
    assert payout.status == Payout.Status.PAID

    vendor_order_refund(vendor_order=rug_part, amount=Decimal("500.00"), by=staff, reason="Damaged")

    assert not PayoutReversal.objects.exists()
    assert cooperative_balance(partner=rug_part.partner).available == Decimal("-450.00")
    with pytest.raises(Exception, match="No cooperative"):
        payout_batch_create(cut_off=timezone.now(), by=staff)

    rug = ProductFactory(title="Second rug", stockrecord__cooperative=data["tifawin"], stockrecord__stock=1)
    second = order_create(items=[(rug, 1)], user=UserFactory(), country="FR")
    _deliver(order_split(order=second)[0], staff)
    batch = payout_batch_create(cut_off=timezone.now(), by=staff).batch

    assert batch.payouts.get().amount == Decimal("900.00")
    payout_batch_confirm_paid(batch=batch, by=staff)
    assert cooperative_balance(partner=rug_part.partner).total == Decimal("0.00")
