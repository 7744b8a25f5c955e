import zlib
from datetime import timedelta
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from django.core import mail
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkout.ledger import rails
from checkout.ledger.exports import PAIN_001_NS, payout_batch_csv, payout_batch_pain001
from checkout.ledger.invoices import vendor_order_invoice_pdf
from checkout.ledger.models import LedgerEntry, Payout, PayoutBatch, VendorOrder
from checkout.ledger.selectors import cooperative_balance, vendor_order_refundable
from checkout.ledger.services import (
    RefundError,
    VendorOrderTransitionError,
    order_split,
    payout_account_save,
    payout_batch_confirm_paid,
    payout_batch_create,
    vendor_order_accept,
    vendor_order_deliver,
    vendor_order_refund,
    vendor_order_ship,
)
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

RIB = "011519000001205000534921"


def _parts(data):
    return {vo.partner: vo for vo in order_split(order=data["order"])}


def _deliver(vendor_order, by):
    vendor_order_accept(vendor_order=vendor_order, by=by)
    vendor_order_ship(vendor_order=vendor_order, by=by, carrier="Amana", tracking_number="EE123456789MA")
    return vendor_order_deliver(vendor_order=vendor_order, by=by)


def test_a_vendor_order_moves_new_accepted_shipped_delivered_and_each_step_is_recorded(
    two_cooperative_order, django_capture_on_commit_callbacks
):
    staff = StaffUserFactory()
    rug_part = _parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner]

    with django_capture_on_commit_callbacks(execute=True):
        _deliver(rug_part, staff)

    rug_part.refresh_from_db()
    assert rug_part.status == VendorOrder.Status.DELIVERED
    assert (rug_part.carrier, rug_part.tracking_number) == ("Amana", "EE123456789MA")
    assert list(rug_part.status_changes.values_list("to_status", flat=True)) == [
        "new",
        "accepted",
        "shipped",
        "delivered",
    ]
    assert all(change.changed_by == staff for change in rug_part.status_changes.all()[1:])
    shipped_mail = [m for m in mail.outbox if "ada@example.test" in m.to]
    assert len(shipped_mail) == 1 and "EE123456789MA" in shipped_mail[0].body
    # Shipping consumed the allocation: the one-of-a-kind rug has left the stock.
    record = two_cooperative_order["rug"].stockrecords.get()
    assert (record.num_in_stock, record.num_allocated) == (0, 0)


@pytest.mark.parametrize("target", ["shipped", "delivered"])
def test_a_new_vendor_order_cannot_skip_acceptance(two_cooperative_order, target):
    rug_part = _parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner]
    from checkout.ledger.services import vendor_order_transition

    with pytest.raises(VendorOrderTransitionError, match="cannot be marked"):
        vendor_order_transition(
            vendor_order=rug_part, to_status=target, by=None, carrier="DHL", tracking_number="1"
        )


def test_shipping_without_a_tracking_number_is_refused(two_cooperative_order):
    rug_part = _parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner]
    vendor_order_accept(vendor_order=rug_part, by=None)

    with pytest.raises(VendorOrderTransitionError, match="tracking"):
        vendor_order_ship(vendor_order=rug_part, by=None, carrier="DHL", tracking_number=" ")


def test_a_partial_refund_restocks_the_returned_units_and_reverses_commission_in_proportion(
    two_cooperative_order, refunds_recorded
):
    staff = StaffUserFactory()
    tiles_part = _parts(two_cooperative_order)[two_cooperative_order["nejma"].partner]
    tiles_line = tiles_part.lines.get()
    record = two_cooperative_order["tiles"].stockrecords.get()
    allocated_before = record.num_allocated

    refund = vendor_order_refund(
        vendor_order=tiles_part,
        amount=Decimal("450.00"),
        by=staff,
        reason="One box broken",
        lines={tiles_line.pk: 1},
    )

    record.refresh_from_db()
    assert record.num_allocated == allocated_before - 1
    entries = dict(LedgerEntry.objects.filter(refund=refund).values_list("kind", "amount"))
    assert entries == {"refund": Decimal("-450.00"), "commission": Decimal("54.00")}
    assert refunds_recorded == [
        {
            "order": tiles_part.order.number,
            "amount": Decimal("450.00"),
            "currency": "MAD",
            "key": f"souk-refund-{tiles_part.number}-1",
        }
    ]
    tiles_part.refresh_from_db()
    assert tiles_part.status == VendorOrder.Status.NEW
    assert vendor_order_refundable(vendor_order=tiles_part) == Decimal("450.00")


def test_a_full_refund_marks_the_vendor_order_refunded_and_its_balance_returns_to_zero(
    two_cooperative_order, refunds_recorded
):
    tiles_part = _parts(two_cooperative_order)[two_cooperative_order["nejma"].partner]

    vendor_order_refund(vendor_order=tiles_part, amount=Decimal("900.00"), by=None, reason="Cancelled")

    tiles_part.refresh_from_db()
    assert tiles_part.status == VendorOrder.Status.REFUNDED
    assert cooperative_balance(partner=tiles_part.partner).total == Decimal("0.00")


def test_a_refund_above_what_is_left_is_refused_and_changes_nothing(two_cooperative_order, refunds_recorded):
    tiles_part = _parts(two_cooperative_order)[two_cooperative_order["nejma"].partner]
    vendor_order_refund(vendor_order=tiles_part, amount=Decimal("600.00"), by=None, reason="Damaged")
    entries_before = LedgerEntry.objects.count()

    with pytest.raises(RefundError, match=r"300\.00"):
        vendor_order_refund(vendor_order=tiles_part, amount=Decimal("300.01"), by=None, reason="Again")

    assert LedgerEntry.objects.count() == entries_before
    assert len(refunds_recorded) == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.decimals(min_value="0.01", max_value="1000", places=2), min_size=1, max_size=6))
def test_refunds_never_exceed_what_was_paid_and_the_balance_is_the_sum_of_entries(
    two_cooperative_order, refunds_recorded, amounts
):
    partner = two_cooperative_order["nejma"].partner
    tiles_part = VendorOrder.objects.filter(partner=partner).first() or _parts(two_cooperative_order)[partner]
    for amount in amounts:
        try:
            vendor_order_refund(vendor_order=tiles_part, amount=amount, by=None, reason="test")
        except RefundError:
            pass
        refunded = sum(tiles_part.refunds.values_list("amount", flat=True), Decimal("0"))
        assert refunded <= tiles_part.total
        entries = LedgerEntry.objects.filter(partner=partner)
        assert cooperative_balance(partner=partner).total == sum(entries.values_list("amount", flat=True))
        commission_back = sum(
            entries.filter(kind="commission", refund__isnull=False).values_list("amount", flat=True),
            Decimal("0"),
        )
        assert Decimal("0") <= commission_back <= tiles_part.commission


def test_a_bank_payout_batch_pays_delivered_balances_and_is_marked_paid_on_confirmation(
    two_cooperative_order,
):
    staff = StaffUserFactory()
    parts = _parts(two_cooperative_order)
    rug_part = _deliver(parts[two_cooperative_order["tifawin"].partner], staff)
    payout_account_save(
        partner=rug_part.partner,
        by=staff,
        rail="bank_transfer",
        account_holder="Cooperative Tifawin",
        rib=RIB,
    )

    run = payout_batch_create(cut_off=timezone.now(), by=staff)

    payout = run.batch.payouts.get()
    # Only the delivered rug is paid: 1,500 less 10 % commission. The zellige is still on its way.
    assert (payout.partner, payout.amount, payout.status) == (rug_part.partner, Decimal("1350.00"), "pending")
    assert cooperative_balance(partner=rug_part.partner).available == Decimal("0.00")
    with pytest.raises(Exception, match="No cooperative"):
        payout_batch_create(cut_off=timezone.now(), by=staff)

    payout_batch_confirm_paid(batch=run.batch, by=staff)

    payout.refresh_from_db()
    assert payout.status == Payout.Status.PAID
    assert run.batch.__class__.objects.get(pk=run.batch.pk).status == PayoutBatch.Status.PAID
    assert LedgerEntry.objects.get(payout=payout).amount == Decimal("-1350.00")
    assert cooperative_balance(partner=rug_part.partner).total == Decimal("0.00")


def test_the_batch_exports_a_csv_and_a_pain001_credit_transfer_in_mad(two_cooperative_order):
    staff = StaffUserFactory()
    rug_part = _deliver(_parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner], staff)
    payout_account_save(
        partner=rug_part.partner, by=staff, rail="bank_transfer", account_holder="Tifawin", rib=RIB
    )
    batch = payout_batch_create(cut_off=timezone.now(), by=staff).batch

    rows = payout_batch_csv(batch=batch).splitlines()
    xml = ET.fromstring(payout_batch_pain001(batch=batch))

    assert rows[0].startswith("end_to_end_id,beneficiary,rib,iban")
    assert f",{RIB},MA64{RIB}," in rows[1] and ",1350.00,MAD," in rows[1]
    ns = {"p": PAIN_001_NS}
    assert xml.tag == f"{{{PAIN_001_NS}}}Document"
    header = xml.find("p:CstmrCdtTrfInitn/p:GrpHdr", ns)
    assert [child.tag.split("}")[1] for child in header] == [
        "MsgId",
        "CreDtTm",
        "NbOfTxs",
        "CtrlSum",
        "InitgPty",
    ]
    assert header.findtext("p:NbOfTxs", namespaces=ns) == "1"
    assert header.findtext("p:CtrlSum", namespaces=ns) == "1350.00"
    info = xml.find("p:CstmrCdtTrfInitn/p:PmtInf", ns)
    order = [child.tag.split("}")[1] for child in info]
    assert order[:7] == ["PmtInfId", "PmtMtd", "BtchBookg", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdExctnDt"]
    assert order[7:11] == ["Dbtr", "DbtrAcct", "DbtrAgt", "ChrgBr"] and order[11:] == ["CdtTrfTxInf"]
    assert info.findtext("p:DbtrAcct/p:Ccy", namespaces=ns) == "MAD"
    transfer = info.find("p:CdtTrfTxInf", ns)
    amount = transfer.find("p:Amt/p:InstdAmt", ns)
    assert (amount.text, amount.get("Ccy")) == ("1350.00", "MAD")
    assert transfer.findtext("p:Cdtr/p:Nm", namespaces=ns) == "Tifawin"
    assert transfer.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=ns) == f"MA64{RIB}"
    assert [child.tag.split("}")[1] for child in transfer] == [
        "PmtId",
        "Amt",
        "CdtrAgt",
        "Cdtr",
        "CdtrAcct",
        "RmtInf",
    ]


class RecordedStripe:
    """Stripe's HTTP layer replaced by a recorded response of POST /v1/transfers."""

    name = "recorded"

    def __init__(self):
        self.requests = []

    def request_with_retries(
        self, method, url, headers, post_data=None, max_network_retries=None, *, _usage=None
    ):
        self.requests.append({"method": method, "url": url, "body": post_data, "headers": headers})
        body = (
            '{"id": "tr_1QrecordedAbc", "object": "transfer", "amount": 12419, "currency": "eur",'
            ' "destination": "acct_1Coop", "transfer_group": "ORDER", "reversed": false}'
        )
        return body, 200, {"request-id": "req_recorded"}

    def close(self):
        pass


def test_a_stripe_connect_cooperative_is_paid_by_one_transfer_per_order_grouped_by_order_number(
    two_cooperative_order, settings
):
    from catalogue.models import ExchangeRate

    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    ExchangeRate.objects.create(currency="EUR", rate=Decimal("0.092"), as_of=timezone.localdate())
    http = RecordedStripe()
    rails.rail_register(
        "stripe_connect", rails.StripeConnectRail(client=rails.stripe_client(http_client=http))
    )
    staff = StaffUserFactory()
    try:
        rug_part = _deliver(_parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner], staff)
        payout_account_save(
            partner=rug_part.partner,
            by=staff,
            rail="stripe_connect",
            account_holder="Tifawin",
            stripe_account_id="acct_1Coop",
        )

        run = payout_batch_create(cut_off=timezone.now(), by=staff)
    finally:
        rails.rail_register("stripe_connect", None)

    payout = run.batch.payouts.get()
    assert (payout.status, payout.reference, payout.transfer_group) == (
        "paid",
        "tr_1QrecordedAbc",
        str(rug_part.order.number),
    )
    sent = http.requests[0]
    assert sent["url"].endswith("/v1/transfers")
    assert "amount=12420" in sent["body"] and "currency=eur" in sent["body"]
    assert f"transfer_group={rug_part.order.number}" in sent["body"]
    assert dict(sent["headers"])["Idempotency-Key"] == f"souk-payout-{payout.pk}"
    assert cooperative_balance(partner=rug_part.partner).total == Decimal("0.00")
    assert run.batch.status == PayoutBatch.Status.PAID


def test_the_commercial_invoice_pdf_carries_hs_code_origin_and_seller(two_cooperative_order):
    cooperative = two_cooperative_order["tifawin"]
    cooperative.ice = "001234567000089"
    cooperative.save()
    rug_part = _parts(two_cooperative_order)[cooperative.partner]

    pdf = vendor_order_invoice_pdf(vendor_order=rug_part)

    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf)
    for expected in (
        "COMMERCIAL INVOICE",
        "5701",
        "001234567000089",
        "Tifawin rug",
        "DAP",
        "1,500.00",
        "(MA)",
    ):
        assert expected in text, expected


def _pdf_text(pdf: bytes) -> str:
    """The text drawn in a PDF's content streams (fpdf2 compresses them with zlib)."""
    chunks = []
    for part in pdf.split(b"stream")[1:]:
        body = part.split(b"endstream")[0].strip(b"\r\n")
        try:
            chunks.append(zlib.decompress(body).decode("latin-1"))
        except zlib.error:
            chunks.append(body.decode("latin-1"))
    return "\n".join(chunks)


def test_payout_batches_ignore_money_earned_after_the_cut_off(two_cooperative_order):
    staff = StaffUserFactory()
    rug_part = _deliver(_parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner], staff)
    payout_account_save(partner=rug_part.partner, by=staff, rail="bank_transfer", account_holder="T", rib=RIB)

    with pytest.raises(Exception, match="No cooperative"):
        payout_batch_create(cut_off=rug_part.created_at - timedelta(days=1), by=staff)


def test_a_later_batch_with_an_earlier_cut_off_never_pays_the_same_sale_twice(two_cooperative_order):
    staff = StaffUserFactory()
    rug_part = _deliver(_parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner], staff)
    payout_account_save(partner=rug_part.partner, by=staff, rail="bank_transfer", account_holder="T", rib=RIB)
    first = payout_batch_create(cut_off=timezone.now(), by=staff).batch
    payout_batch_confirm_paid(batch=first, by=staff)

    with pytest.raises(Exception, match="No cooperative"):
        payout_batch_create(cut_off=timezone.now() - timedelta(seconds=1), by=staff)

    assert cooperative_balance(partner=rug_part.partner).available == Decimal("0.00")


def test_a_refund_after_the_cut_off_is_still_deducted_from_the_payout(
    two_cooperative_order, refunds_recorded
):
    staff = StaffUserFactory()
    rug_part = _deliver(_parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner], staff)
    cut_off = timezone.now()
    vendor_order_refund(vendor_order=rug_part, amount=Decimal("500.00"), by=staff, reason="Fringe damaged")
    payout_account_save(partner=rug_part.partner, by=staff, rail="bank_transfer", account_holder="T", rib=RIB)

    payout = payout_batch_create(cut_off=cut_off, by=staff).batch.payouts.get()

    # 1,350 earned, less the 500 refunded, plus the 50 commission given back.
    assert payout.amount == Decimal("900.00")


def test_a_cooperative_cancelling_an_order_releases_the_stock_it_held(two_cooperative_order):
    from checkout.ledger.services import vendor_order_cancel

    rug_part = _parts(two_cooperative_order)[two_cooperative_order["tifawin"].partner]
    record = two_cooperative_order["rug"].stockrecords.get()
    assert record.num_allocated == 1

    with pytest.raises(VendorOrderTransitionError, match="why"):
        vendor_order_cancel(vendor_order=rug_part, by=None, reason=" ")
    vendor_order_cancel(vendor_order=rug_part, by=None, reason="The loom broke")

    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (1, 0)
    # The money stays on hold (not available) until staff refund the buyer.
    assert cooperative_balance(partner=rug_part.partner).available == Decimal("0.00")
