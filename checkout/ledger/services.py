"""Writes of the marketplace split: vendor orders, their statuses, refunds, the ledger, payouts.

Every function is keyword-only and atomic. Amounts are MAD. Other apps call:
- `order_split(*, order)` when an order is paid (payments, from the verified webhook);
- the dashboard calls the transitions, `vendor_order_refund` and the payout functions.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.money import money_round

from . import emails
from .models import (
    MAD,
    ZERO,
    LedgerEntry,
    Payout,
    PayoutAccount,
    PayoutBatch,
    PayoutReversal,
    Refund,
    RefundLine,
    VendorOrder,
    VendorOrderStatusChange,
)
from .rails import rail_for
from .selectors import (
    cooperative_available_balance,
    order_charge,
    vendor_order_overpaid,
    vendor_order_refundable,
)

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

Status = VendorOrder.Status
Kind = LedgerEntry.Kind

# Where each status may go next. REFUNDED is reached only through `vendor_order_refund`.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.ACCEPTED, Status.CANCELLED}),
    Status.ACCEPTED: frozenset({Status.SHIPPED, Status.CANCELLED}),
    Status.SHIPPED: frozenset({Status.DELIVERED}),
    Status.DELIVERED: frozenset(),
    Status.CANCELLED: frozenset(),
    Status.REFUNDED: frozenset(),
}


class VendorOrderTransitionError(ValidationError):
    """A status change the vendor order's current status does not allow, or lacks data."""


class RefundError(ValidationError):
    """A refund that would give back more than was paid, or is otherwise impossible."""


class PayoutError(ValidationError):
    pass


def _commission_rate(partner) -> Decimal:
    cooperative = getattr(partner, "cooperative", None)
    if cooperative is not None:
        return cooperative.effective_commission_rate
    return Decimal(str(settings.SOUK_DEFAULT_COMMISSION_RATE))


def _shipping_by_partner(order) -> dict:
    """Per-cooperative shipping the payments app stored at order placement.

    Imported lazily: the payments app provides `checkout.selectors.order_shipping_by_partner`.
    Until it exists (or for orders placed without it), vendor orders carry no shipping.
    """
    try:
        from checkout.selectors import order_shipping_by_partner
    except ImportError:
        return {}
    return order_shipping_by_partner(order=order) or {}


# --- Split ----------------------------------------------------------------------------------


@transaction.atomic
def order_split(*, order, notify: bool = True) -> list[VendorOrder]:
    """Split a paid order into one vendor order per cooperative; idempotent.

    Writes each vendor order's sale and commission to the ledger and emails each cooperative
    once. Running it again (a replayed webhook, two workers at once) creates nothing more: the
    order row is locked first, and (order, partner) is unique in the database.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.currency != MAD:
        raise ValueError(f"Order {order.number} is in {order.currency}; the ledger keeps MAD orders only.")
    existing = {vo.partner_id: vo for vo in VendorOrder.objects.filter(order=order)}
    lines_by_partner: dict[int, list] = defaultdict(list)
    for line in order.lines.select_related("partner__cooperative").order_by("pk"):
        if line.partner_id is None:
            logger.warning("Order %s line %s has no partner; it is not split.", order.number, line.pk)
            continue
        lines_by_partner[line.partner_id].append(line)

    shipping = _shipping_by_partner(order) if set(lines_by_partner) - set(existing) else {}
    vendor_orders = []
    created_now = []
    for partner_id in sorted(lines_by_partner):
        if partner_id in existing:
            vendor_orders.append(existing[partner_id])
            continue
        lines = lines_by_partner[partner_id]
        partner = lines[0].partner
        subtotal = sum((line.line_price_incl_tax for line in lines), ZERO)
        rate = _commission_rate(partner)
        commission = money_round(subtotal * rate, MAD)
        charge = shipping.get(partner_id)
        try:
            with transaction.atomic():
                vendor_order = VendorOrder.objects.create(
                    number=f"{order.number}-{partner_id}",
                    order=order,
                    partner=partner,
                    subtotal=subtotal,
                    commission_rate=rate,
                    commission=commission,
                    net=subtotal - commission,
                    shipping_charge=money_round(Decimal(charge.charge), MAD) if charge else ZERO,
                    shipping_method=getattr(charge, "method_name", "") or "",
                    shipping_zone=str(getattr(charge, "zone", "") or ""),
                    delivery_days_min=getattr(charge, "days_min", None),
                    delivery_days_max=getattr(charge, "days_max", None),
                    created_at=order.date_placed or timezone.now(),
                )
        except IntegrityError:
            # Another transaction split this order first (possible on databases that ignore
            # the row lock); keep its vendor order.
            vendor_orders.append(VendorOrder.objects.get(order=order, partner=partner))
            continue
        VendorOrderStatusChange.objects.create(vendor_order=vendor_order, to_status=Status.NEW)
        _entry(
            partner=partner,
            vendor_order=vendor_order,
            kind=Kind.SALE,
            amount=vendor_order.total,
            memo=_("Order %(number)s: goods %(goods)s + shipping %(shipping)s MAD")
            % {"number": order.number, "goods": subtotal, "shipping": vendor_order.shipping_charge},
            created_at=vendor_order.created_at,
        )
        if commission:
            _entry(
                partner=partner,
                vendor_order=vendor_order,
                kind=Kind.COMMISSION,
                amount=-commission,
                memo=_("Commission %(rate)s%% of %(goods)s MAD")
                % {"rate": _percent(rate), "goods": subtotal},
                created_at=vendor_order.created_at,
            )
        vendor_orders.append(vendor_order)
        created_now.append(vendor_order)

    for vendor_order in created_now if notify else ():
        transaction.on_commit(lambda vo=vendor_order: emails.vendor_order_new_send(vendor_order=vo))
    return vendor_orders


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"


def _entry(
    *, partner, kind, amount, memo="", vendor_order=None, refund=None, payout=None, by=None, created_at=None
):
    return LedgerEntry.objects.create(
        partner=partner,
        vendor_order=vendor_order,
        refund=refund,
        payout=payout,
        kind=kind,
        amount=amount,
        memo=memo[:255],
        created_by=by,
        created_at=created_at or timezone.now(),
    )


# --- Status ---------------------------------------------------------------------------------


@transaction.atomic
def vendor_order_transition(
    *,
    vendor_order: VendorOrder,
    to_status: str,
    by,
    carrier: str = "",
    tracking_number: str = "",
    note: str = "",
    notify: bool = True,
) -> VendorOrder:
    """Move a vendor order to `to_status` if its current status allows it, and record who did.

    Shipping needs a carrier and a tracking number; it consumes the stock allocated to the
    lines, and the buyer is told. Cancelling releases the allocation.
    """
    vendor_order = VendorOrder.objects.select_for_update().get(pk=vendor_order.pk)
    current = vendor_order.status
    if to_status not in TRANSITIONS.get(current, ()):
        raise VendorOrderTransitionError(
            _("A vendor order that is %(current)s cannot be marked %(target)s.")
            % {"current": Status(current).label.lower(), "target": _status_label(to_status)},
            code="invalid_transition",
        )
    now = timezone.now()
    if to_status == Status.SHIPPED:
        carrier, tracking_number = carrier.strip(), tracking_number.strip()
        if not carrier or not tracking_number:
            raise VendorOrderTransitionError(
                _("Give the carrier and the tracking number to mark the order shipped."),
                code="tracking_missing",
            )
        vendor_order.carrier, vendor_order.tracking_number, vendor_order.shipped_at = (
            carrier,
            tracking_number,
            now,
        )
        for line in vendor_order.lines:
            if line.num_allocated and line.is_allocation_consumption_possible(line.num_allocated):
                line.consume_allocation(line.num_allocated)
    elif to_status == Status.ACCEPTED:
        vendor_order.accepted_at = now
    elif to_status == Status.DELIVERED:
        vendor_order.delivered_at = now
    elif to_status == Status.CANCELLED:
        vendor_order.cancelled_at = now
        for line in vendor_order.lines:
            if line.num_allocated:
                line.cancel_allocation(line.num_allocated)
    vendor_order.status = to_status
    vendor_order.save()
    VendorOrderStatusChange.objects.create(
        vendor_order=vendor_order, from_status=current, to_status=to_status, changed_by=by, note=note
    )
    if to_status == Status.SHIPPED and notify:
        transaction.on_commit(lambda: emails.vendor_order_shipped_send(vendor_order=vendor_order))
    return vendor_order


def _status_label(status: str) -> str:
    try:
        return str(Status(status).label).lower()
    except ValueError:
        return status


def vendor_order_accept(*, vendor_order: VendorOrder, by) -> VendorOrder:
    return vendor_order_transition(vendor_order=vendor_order, to_status=Status.ACCEPTED, by=by)


def vendor_order_ship(*, vendor_order: VendorOrder, by, carrier: str, tracking_number: str) -> VendorOrder:
    return vendor_order_transition(
        vendor_order=vendor_order,
        to_status=Status.SHIPPED,
        by=by,
        carrier=carrier,
        tracking_number=tracking_number,
    )


def vendor_order_deliver(*, vendor_order: VendorOrder, by) -> VendorOrder:
    return vendor_order_transition(vendor_order=vendor_order, to_status=Status.DELIVERED, by=by)


def vendor_order_cancel(*, vendor_order: VendorOrder, by, reason: str, notify: bool = True) -> VendorOrder:
    """The cooperative cannot fulfil: the order is cancelled and waits for staff to refund it."""
    if not reason.strip():
        raise VendorOrderTransitionError(_("Say why the order is cancelled."), code="reason_missing")
    return vendor_order_transition(
        vendor_order=vendor_order, to_status=Status.CANCELLED, by=by, note=reason, notify=notify
    )


# --- Refunds --------------------------------------------------------------------------------


@transaction.atomic
def vendor_order_refund(
    *,
    vendor_order: VendorOrder,
    amount: Decimal,
    by,
    reason: str,
    lines: dict[int, int] | None = None,
) -> Refund:
    """Give back `amount` MAD of a vendor order to the buyer, in full or in part.

    Never more than was paid for the vendor order less earlier refunds. `lines` maps order
    line ids of this vendor order to the quantities that go back to stock. The platform gives
    back its commission in proportion; the buyer is refunded in the currency they paid,
    through the payments app, with an idempotency key derived from the vendor order and the
    refund's sequence, so a retried request cannot refund twice. If the cooperative was
    already paid for this vendor order through Stripe Connect, what it now holds too much is
    taken back by reversing the transfer (`payout_reversals_create`); paid by bank transfer,
    its balance goes negative and the next payout batch nets it off.
    """
    vendor_order = (
        VendorOrder.objects.select_for_update().select_related("order", "partner").get(pk=vendor_order.pk)
    )
    amount = Decimal(amount)
    if amount != amount.quantize(Decimal("0.01")):
        raise RefundError(_("A refund is in dirhams and centimes (two decimals)."), code="precision")
    if amount <= 0:
        raise RefundError(_("A refund must be more than zero."), code="not_positive")
    refundable = vendor_order_refundable(vendor_order=vendor_order)
    if amount > refundable:
        raise RefundError(
            _("At most %(refundable)s MAD can still be refunded for %(number)s.")
            % {"refundable": refundable, "number": vendor_order.number},
            code="too_much",
        )
    if not reason.strip():
        raise RefundError(_("Say why the buyer is refunded."), code="reason_missing")
    restock = _refund_lines_check(vendor_order=vendor_order, lines=lines or {})

    sequence = vendor_order.refunds.count() + 1
    currency, rate = order_charge(order=vendor_order.order)
    charge_amount = _refund_charge_amount(
        order=vendor_order.order, amount=amount, currency=currency, rate=rate
    )
    refund = Refund.objects.create(
        vendor_order=vendor_order,
        sequence=sequence,
        amount=amount,
        charge_currency=currency,
        charge_amount=charge_amount,
        idempotency_key=f"souk-refund-{vendor_order.number}-{sequence}",
        reason=reason.strip(),
        created_by=by,
    )
    for line, quantity in restock:
        RefundLine.objects.create(refund=refund, line=line, quantity=quantity)
        _line_restock(line=line, quantity=quantity)

    _entry(
        partner=vendor_order.partner,
        vendor_order=vendor_order,
        refund=refund,
        kind=Kind.REFUND,
        amount=-amount,
        memo=_("Refund %(sequence)s of %(number)s: %(reason)s")
        % {"sequence": sequence, "number": vendor_order.number, "reason": refund.reason},
        by=by,
    )
    # Commission is given back on the goods part of the refund, in proportion to the total.
    commission_back = _commission_share(vendor_order=vendor_order, amount=amount, final=amount == refundable)
    if commission_back:
        _entry(
            partner=vendor_order.partner,
            vendor_order=vendor_order,
            refund=refund,
            kind=Kind.COMMISSION,
            amount=commission_back,
            memo=_("Commission given back on refund %(sequence)s") % {"sequence": sequence},
            by=by,
        )
    if amount == refundable:
        current = vendor_order.status
        vendor_order.status = Status.REFUNDED
        vendor_order.save(update_fields=["status", "updated_at"])
        VendorOrderStatusChange.objects.create(
            vendor_order=vendor_order,
            from_status=current,
            to_status=Status.REFUNDED,
            changed_by=by,
            note=reason,
        )

    # Last, so any failure above leaves the buyer's money untouched. If the provider fails,
    # the transaction rolls back and the same key is used on the next attempt.
    refund.provider_reference = _provider_refund(refund=refund)
    refund.save(update_fields=["provider_reference"])
    payout_reversals_create(refund=refund, by=by)
    return refund


@transaction.atomic
def payout_reversals_create(*, refund: Refund, by=None) -> list[PayoutReversal]:
    """Take back from the cooperative's Stripe Connect transfers what `refund` made it overpaid.

    The amount is this refund's cost to the cooperative (the refund less the commission given
    back), never more than the vendor order's payouts exceed what it still earns, nor than is
    left of each transfer; the newest transfer is reversed first. Each reversal is recorded
    once per (payout, refund) with an idempotency key from the vendor order, the refund's
    sequence and the payout, and a reversed one writes a positive `payout_reversal` entry.
    Calling this again changes nothing. A reversal Stripe refuses is recorded as failed and
    leaves the balance negative, which the next payouts net off (so it is never retried).
    """
    refund = Refund.objects.select_related("vendor_order__partner").get(pk=refund.pk)
    vendor_order = VendorOrder.objects.select_for_update().get(pk=refund.vendor_order_id)
    if refund.payout_reversals.exists():
        return list(refund.payout_reversals.all())
    cost = -refund.ledger_entries.exclude(kind=Kind.PAYOUT_REVERSAL).balance()
    to_reverse = min(cost, vendor_order_overpaid(vendor_order=vendor_order))
    payouts = (
        Payout.objects.select_for_update()
        .filter(
            vendor_order=vendor_order,
            rail=PayoutAccount.Rail.STRIPE_CONNECT,
            status=Payout.Status.PAID,
        )
        .exclude(reference="")
        .order_by("-paid_at", "-pk")
    )
    reversals = []
    for payout in payouts:
        if to_reverse <= 0:
            break
        reversed_mad, reversed_minor = _reversed_so_far(payout)
        amount = min(to_reverse, payout.amount - reversed_mad)
        if amount <= 0:
            continue
        reversal = _transfer_reverse(
            payout=payout,
            refund=refund,
            amount=amount,
            minor_left=(payout.transfer_amount_minor or 0) - reversed_minor,
            final=amount == payout.amount - reversed_mad,
            by=by,
        )
        reversals.append(reversal)
        if reversal.status == PayoutReversal.Status.REVERSED:
            to_reverse -= amount
    return reversals


def _reversed_so_far(payout: Payout) -> tuple[Decimal, int]:
    done = payout.reversals.filter(status=PayoutReversal.Status.REVERSED)
    return (
        sum((r.amount for r in done), ZERO),
        sum((r.transfer_amount_minor for r in done), 0),
    )


def _transfer_reverse(*, payout, refund, amount: Decimal, minor_left: int, final: bool, by) -> PayoutReversal:
    rail = rail_for(PayoutAccount.Rail.STRIPE_CONNECT)
    if payout.transfer_amount_minor:
        # The same share of the transfer, at the rate it was sent at; the last reversal takes
        # whatever rounding left.
        minor = (
            minor_left
            if final
            else int(
                (Decimal(payout.transfer_amount_minor) * amount / payout.amount).quantize(
                    Decimal(1), ROUND_HALF_UP
                )
            )
        )
        minor, currency = min(minor, minor_left), payout.transfer_currency
    else:
        # Paid before transfers recorded their amount: convert at today's rate.
        minor, currency = rail.converted(amount)
    vendor_order = refund.vendor_order
    reversal = PayoutReversal(
        payout=payout,
        refund=refund,
        amount=amount,
        transfer_amount_minor=minor,
        transfer_currency=currency,
        idempotency_key=f"souk-reversal-{vendor_order.number}-{refund.sequence}-{payout.pk}",
    )
    result = rail.reverse(
        payout=payout,
        amount_minor=minor,
        idempotency_key=reversal.idempotency_key,
        metadata={
            "vendor_order": vendor_order.number,
            "refund": str(refund.sequence),
            "amount_mad": str(amount),
        },
    )
    if not result.paid:
        reversal.status = PayoutReversal.Status.FAILED
        reversal.failure_message = result.message
        reversal.save()
        logger.warning(
            "Transfer %s of %s not reversed (%s MAD): %s. The balance nets off the next payout.",
            payout.reference,
            vendor_order.number,
            amount,
            result.message,
        )
        return reversal
    reversal.status = PayoutReversal.Status.REVERSED
    reversal.reference = result.reference
    reversal.save()
    _entry(
        partner=payout.partner,
        vendor_order=vendor_order,
        refund=refund,
        payout=payout,
        kind=Kind.PAYOUT_REVERSAL,
        amount=amount,
        memo=_("Transfer %(transfer)s reversed after refund %(sequence)s of %(number)s")
        % {"transfer": payout.reference, "sequence": refund.sequence, "number": vendor_order.number},
        by=by,
    )
    return reversal


def _refund_charge_amount(*, order, amount: Decimal, currency: str, rate: Decimal) -> Decimal:
    """`amount` MAD in the currency the buyer paid, such that the order's refunds add up to the charge.

    Each refund is the converted running total of the order's refunds after it, less the same before
    it, so rounding never accumulates across refunds (rounding each on its own gave back a cent too
    much, which Stripe refuses, or too little) and refunding everything returns exactly what was
    charged: the order total converted once. The order row is locked so two refunds of one order
    (different cooperatives) take turns.
    """
    if currency == MAD:
        return amount
    Order.objects.select_for_update().filter(pk=order.pk).first()
    before = sum(Refund.objects.filter(vendor_order__order=order).values_list("amount", flat=True), ZERO)
    return money_round((before + amount) * rate, currency) - money_round(before * rate, currency)


def _provider_refund(*, refund: Refund) -> str:
    """Refund the buyer's card through the payments app, in the currency they paid.

    An order paid outside the card processor (no card payment intent recorded) is refunded by hand;
    the refund is then only recorded here, without a provider reference.
    """
    from .selectors import order_payment

    payment = order_payment(refund.vendor_order.order)
    if payment is None or not getattr(payment, "payment_intent_id", None):
        return ""
    if refund.charge_amount <= 0:
        # Less than one unit of the buyer's currency (a few centimes for a yen buyer): nothing to
        # send now; the running total gives it back with the order's next refund.
        return ""
    try:
        from checkout.payments import PaymentUnavailable, refund_create
    except ImportError as error:
        raise RefundError(
            _("Refunds cannot reach the payment provider: the payments app is not installed."),
            code="provider_missing",
        ) from error
    try:
        reference = refund_create(
            order=refund.vendor_order.order,
            amount=refund.charge_amount,
            currency=refund.charge_currency,
            idempotency_key=refund.idempotency_key,
        )
    except (PaymentUnavailable, ValueError) as error:
        raise RefundError(
            _("The payment provider did not refund: %(error)s") % {"error": error}, code="provider_refused"
        ) from error
    return reference or ""


def _commission_share(*, vendor_order: VendorOrder, amount: Decimal, final: bool) -> Decimal:
    if not vendor_order.commission or not vendor_order.total:
        return ZERO
    already_back = sum(
        (
            entry.amount
            for entry in vendor_order.ledger_entries.filter(kind=Kind.COMMISSION, refund__isnull=False)
        ),
        ZERO,
    )
    left = vendor_order.commission - already_back
    if final:
        # The last refund settles the rounding of earlier ones: all the commission comes back.
        return left
    share = (vendor_order.commission * amount / vendor_order.total).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return min(share, left)


def _refund_lines_check(*, vendor_order: VendorOrder, lines: dict[int, int]) -> list[tuple[object, int]]:
    if not lines:
        return []
    own = {line.pk: line for line in vendor_order.lines.select_related("stockrecord")}
    already = defaultdict(int)
    for refund_line in RefundLine.objects.filter(refund__vendor_order=vendor_order):
        already[refund_line.line_id] += refund_line.quantity
    checked = []
    for line_id, quantity in lines.items():
        quantity = int(quantity)
        if quantity <= 0:
            continue
        line = own.get(int(line_id))
        if line is None:
            raise RefundError(_("That line is not part of this vendor order."), code="foreign_line")
        if quantity > line.quantity - already[line.pk]:
            raise RefundError(
                _("Only %(left)s of “%(title)s” can still go back to stock.")
                % {"left": line.quantity - already[line.pk], "title": line.title},
                code="too_many_units",
            )
        checked.append((line, quantity))
    return checked


def _line_restock(*, line, quantity: int) -> None:
    """Units not shipped yet free their allocation; shipped ones come back into stock."""
    if line.stockrecord_id is None:
        return
    if line.num_allocated and line.is_allocation_consumption_possible(quantity):
        line.cancel_allocation(quantity)
    else:
        StockRecord.objects.filter(pk=line.stockrecord_id).update(num_in_stock=F("num_in_stock") + quantity)


# --- Ledger ---------------------------------------------------------------------------------


@transaction.atomic
def ledger_adjustment_create(*, partner, amount: Decimal, by, memo: str) -> LedgerEntry:
    """A correction by platform staff (a damaged-parcel claim, a fee): the only way to fix the ledger."""
    amount = Decimal(amount)
    if not amount or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(_("An adjustment is a non-zero amount in MAD with two decimals."))
    if not memo.strip():
        raise ValidationError(_("Say what the adjustment is for."))
    return _entry(partner=partner, kind=Kind.ADJUSTMENT, amount=amount, memo=memo.strip(), by=by)


@transaction.atomic
def payout_account_save(*, partner, by, **fields) -> PayoutAccount:
    """Create or change a cooperative's payout account, validated as a whole."""
    account = PayoutAccount.objects.filter(partner=partner).first() or PayoutAccount(partner=partner)
    for name, value in fields.items():
        setattr(account, name, value)
    account.rib = "".join(ch for ch in account.rib if ch.isdigit()) if account.rib else ""
    account.updated_by = by
    account.full_clean()
    account.save()
    return account


# --- Payouts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayoutRun:
    batch: PayoutBatch
    skipped: list[tuple[object, str]]


@transaction.atomic
def payout_batch_create(*, cut_off: datetime, by) -> PayoutRun:
    """Pay each cooperative its available balance as of `cut_off`, by its payout rail.

    Available means earned on delivered (or settled) vendor orders and not already paid or
    waiting in an earlier batch. Bank transfers wait in the batch's export files until staff
    confirm them; Stripe Connect transfers go out at once, one per vendor order with
    `transfer_group` set to the order number. Cooperatives without a usable payout account
    are skipped and named.
    """
    if cut_off > timezone.now():
        raise PayoutError(_("The cut-off cannot be in the future."))
    batch = PayoutBatch.objects.create(cut_off=cut_off, created_by=by, message_id=_message_id())
    skipped = []
    Partner = get_model("partner", "Partner")
    partners = Partner.objects.filter(ledger_entries__created_at__lte=cut_off).distinct().order_by("name")
    for partner in partners.select_related("payout_account", "cooperative"):
        available = cooperative_available_balance(partner=partner, as_of=cut_off)
        if available <= 0:
            continue
        account = getattr(partner, "payout_account", None)
        if account is None or not account.is_ready:
            skipped.append((partner, _("no payout account")))
            continue
        if account.rail == PayoutAccount.Rail.STRIPE_CONNECT:
            _stripe_payouts_create(batch=batch, partner=partner, account=account, available=available, by=by)
        else:
            Payout.objects.create(
                batch=batch,
                partner=partner,
                rail=account.rail,
                amount=available,
                account_holder=account.account_holder,
                rib=account.rib,
                bic=account.bic,
            )
    if not batch.payouts.exists():
        raise PayoutError(_("No cooperative has money to be paid at this cut-off."))
    if not batch.payouts.filter(status=Payout.Status.PENDING).exists():
        batch.status = PayoutBatch.Status.PAID
        batch.confirmed_at = timezone.now()
        batch.save(update_fields=["status", "confirmed_at"])
    return PayoutRun(batch=batch, skipped=skipped)


def _message_id() -> str:
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    count = PayoutBatch.objects.filter(message_id__startswith=f"SOUK-{stamp}").count()
    return f"SOUK-{stamp}-{count + 1:03d}"


def _stripe_payouts_create(*, batch, partner, account, available: Decimal, by) -> None:
    """One transfer per vendor order still owed, capped by the cooperative's available balance."""
    from .selectors import vendor_orders_owed

    rail = rail_for(PayoutAccount.Rail.STRIPE_CONNECT)
    remaining = available
    for vendor_order, owed in vendor_orders_owed(partner=partner, as_of=batch.cut_off):
        amount = min(owed, remaining)
        if amount <= 0:
            break
        payout = Payout.objects.create(
            batch=batch,
            partner=partner,
            vendor_order=vendor_order,
            rail=account.rail,
            amount=amount,
            account_holder=account.account_holder,
            stripe_account_id=account.stripe_account_id,
            transfer_group=vendor_order.order.number,
        )
        result = rail.pay(payout=payout)
        payout.reference = result.reference
        if result.paid:
            payout.transfer_amount_minor, payout.transfer_currency = result.amount_minor, result.currency
            payout.save(update_fields=["transfer_amount_minor", "transfer_currency"])
            _payout_paid(payout=payout, by=by)
        else:
            payout.status = Payout.Status.FAILED
            payout.failure_message = result.message
            payout.save(update_fields=["reference", "status", "failure_message"])
        remaining -= amount if result.paid else 0


def _payout_paid(*, payout: Payout, by) -> None:
    payout.status = Payout.Status.PAID
    payout.paid_at = timezone.now()
    payout.save(update_fields=["reference", "status", "paid_at"])
    _entry(
        partner=payout.partner,
        vendor_order=payout.vendor_order,
        payout=payout,
        kind=Kind.PAYOUT,
        amount=-payout.amount,
        memo=_("Payout %(reference)s") % {"reference": payout.reference or payout.batch or payout.pk},
        by=by,
    )


@transaction.atomic
def payout_batch_confirm_paid(*, batch: PayoutBatch, by) -> PayoutBatch:
    """The bank executed the batch's transfers: record each payout in the ledger."""
    batch = PayoutBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == PayoutBatch.Status.PAID:
        raise PayoutError(_("This batch is already marked paid."))
    for payout in batch.payouts.filter(status=Payout.Status.PENDING).select_related("partner"):
        payout.reference = payout.reference or f"{batch.message_id}-{payout.pk}"
        _payout_paid(payout=payout, by=by)
    batch.status = PayoutBatch.Status.PAID
    batch.confirmed_by = by
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    return batch
