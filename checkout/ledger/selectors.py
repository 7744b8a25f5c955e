"""Reads of vendor orders, balances and payouts. Balances are always sums of ledger entries."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from .models import MAD, LedgerEntry, Payout, PayoutBatch, VendorOrder, money_sum

Partner = get_model("partner", "Partner")

# Money of these vendor orders can be paid out: the buyer has the goods or got their money back.
SETTLED = (VendorOrder.Status.DELIVERED, VendorOrder.Status.REFUNDED)
# Entries of money that left for the cooperative, or came back from it.
PAID_OUT = (LedgerEntry.Kind.PAYOUT, LedgerEntry.Kind.PAYOUT_REVERSAL)


@dataclass(frozen=True)
class Balance:
    """What the platform owes a cooperative, in MAD.

    `total` is the sum of every entry; `available` the part that can be paid out now (settled
    vendor orders, adjustments, payouts, less payouts waiting at the bank); `pending` the part
    still tied to orders on their way; `in_transit` payouts sent to the bank but not confirmed.
    """

    total: Decimal
    available: Decimal
    pending: Decimal
    in_transit: Decimal


def _settled_entries(entries: QuerySet) -> QuerySet:
    return entries.filter(Q(vendor_order__isnull=True) | Q(vendor_order__status__in=SETTLED))


def _entries_as_of(entries: QuerySet, as_of: datetime | None) -> QuerySet:
    # Money earned counts up to the cut-off; money paid out, taken back or given back (refunds
    # and their commission, reversed transfers, negative adjustments) counts whenever it
    # happened, so a batch with an earlier cut-off never pays a sale twice, nor one the buyer
    # got back.
    if as_of is None:
        return entries
    return entries.filter(
        Q(created_at__lte=as_of)
        | Q(kind__in=PAID_OUT)
        | Q(refund__isnull=False)
        | Q(kind=LedgerEntry.Kind.ADJUSTMENT, amount__lt=0)
    )


def cooperative_balance(*, partner, as_of: datetime | None = None) -> Balance:
    entries = _entries_as_of(LedgerEntry.objects.filter(partner=partner), as_of)
    total = entries.balance()
    settled = _settled_entries(entries).balance()
    in_transit = money_sum(
        Payout.objects.filter(partner=partner, status=Payout.Status.PENDING).aggregate(s=Sum("amount"))["s"]
    )
    return Balance(
        total=total, available=settled - in_transit, pending=total - settled, in_transit=in_transit
    )


def cooperative_available_balance(*, partner, as_of: datetime | None = None) -> Decimal:
    return cooperative_balance(partner=partner, as_of=as_of).available


def vendor_orders_owed(*, partner, as_of: datetime) -> list[tuple[VendorOrder, Decimal]]:
    """Settled vendor orders whose own entries still sum to a positive amount, oldest first."""
    rows = (
        _entries_as_of(LedgerEntry.objects.filter(partner=partner, vendor_order__status__in=SETTLED), as_of)
        .values("vendor_order")
        .annotate(owed=Sum("amount"))
        .filter(owed__gt=0)
        .order_by("vendor_order")
    )
    owed = {row["vendor_order"]: money_sum(row["owed"]) for row in rows}
    vendor_orders = (
        VendorOrder.objects.filter(pk__in=owed).select_related("order").order_by("created_at", "pk")
    )
    return [(vendor_order, owed[vendor_order.pk]) for vendor_order in vendor_orders]


def ledger_entries(*, partner) -> QuerySet:
    return LedgerEntry.objects.filter(partner=partner).select_related("vendor_order", "created_by")


def vendor_order_overpaid(*, vendor_order) -> Decimal:
    """What the cooperative was paid for `vendor_order` beyond what it still earns from it.

    Payouts (less reversed transfers) against sale, commission and refund entries: positive
    once a refund follows a payout. Bank payouts are per cooperative, not per vendor order, so
    only Stripe Connect transfers show here.
    """
    entries = LedgerEntry.objects.filter(vendor_order=vendor_order)
    paid = -entries.filter(kind__in=PAID_OUT).balance()
    earned = entries.exclude(kind__in=PAID_OUT).balance()
    return max(paid - max(earned, Decimal(0)), Decimal(0)) + Decimal("0.00")


def vendor_order_refunded(*, vendor_order) -> Decimal:
    return money_sum(vendor_order.refunds.aggregate(s=Sum("amount"))["s"])


def vendor_order_refundable(*, vendor_order) -> Decimal:
    """What can still be given back: what the buyer paid for this vendor order less refunds."""
    return vendor_order.total - vendor_order_refunded(vendor_order=vendor_order)


def order_payment(order):
    """The payments app's record of the card payment (`checkout.StripePayment`), or None."""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return order.stripe_payment
    except (AttributeError, ObjectDoesNotExist):
        return None


def order_charge(*, order) -> tuple[str, Decimal]:
    """The currency the buyer was charged in and how many of its units one MAD was.

    The payments app stores both on the order's payment; an order without one was charged in
    its own currency, MAD.
    """
    payment = order_payment(order)
    if payment is None or not payment.currency or payment.currency.upper() == MAD:
        return order.currency, Decimal(1)
    return payment.currency.upper(), Decimal(payment.exchange_rate)


def partners_for_user(*, user) -> QuerySet:
    if user.is_staff:
        return Partner.objects.all()
    return Partner.objects.filter(users=user)


def vendor_orders_for_user(*, user, status: str = "", query: str = "") -> QuerySet:
    """Vendor orders a dashboard user may see: all for platform staff, their cooperative's otherwise."""
    vendor_orders = VendorOrder.objects.select_related("order", "order__shipping_address", "partner")
    if not user.is_staff:
        vendor_orders = vendor_orders.filter(partner__users=user)
    if status:
        vendor_orders = vendor_orders.filter(status=status)
    if query:
        vendor_orders = vendor_orders.filter(Q(number__icontains=query) | Q(tracking_number__icontains=query))
    return vendor_orders.order_by("-created_at", "-pk")


def vendor_order_status_counts(*, user) -> dict[str, int]:
    rows = vendor_orders_for_user(user=user).order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def vendor_orders_for_buyer(*, order) -> QuerySet:
    return (
        VendorOrder.objects.filter(order=order)
        .select_related("partner__cooperative")
        .order_by("partner__name")
    )


def payout_batches() -> QuerySet:
    return PayoutBatch.objects.annotate(total=Sum("payouts__amount")).order_by("-created_at", "-pk")


def payouts_for_partner(*, partner) -> QuerySet:
    return (
        Payout.objects.filter(partner=partner).select_related("batch", "vendor_order").order_by("-created_at")
    )


def cooperative_balances() -> list[tuple[object, Balance]]:
    """Every cooperative with ledger entries and its balance, for the platform's overview."""
    partners = Partner.objects.filter(ledger_entries__isnull=False).distinct().order_by("name")
    return [(partner, cooperative_balance(partner=partner, as_of=timezone.now())) for partner in partners]
