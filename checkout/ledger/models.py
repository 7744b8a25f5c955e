"""Vendor orders, the payout ledger, refunds and payouts. Amounts are in MAD.

Writes go through `checkout.ledger.services`; reads through `checkout.ledger.selectors`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Round
from django.utils.translation import gettext_lazy as _

from .rib import rib_format, validate_rib

MAD = "MAD"
ZERO = Decimal("0.00")


def money_sum(value) -> Decimal:
    """A database sum as MAD with 2 decimals (SQLite sums in floats: never show -0.00)."""
    return Decimal(value or 0).quantize(Decimal("0.01")) + ZERO


def _money(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class VendorOrder(models.Model):
    """One cooperative's part of a paid order: its lines, its shipping, what it earns.

    `subtotal` is what the buyer paid for the cooperative's goods; the platform keeps
    `commission` (`commission_rate`, snapshotted at the split) and the cooperative earns `net`
    plus the shipping it charged. Status moves only through
    `services.vendor_order_transition`, which records every change.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    number = models.CharField(_("number"), max_length=64, unique=True)
    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="vendor_orders")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="vendor_orders")
    currency = models.CharField(_("currency"), max_length=3, default=MAD, editable=False)

    subtotal = _money(_("subtotal"))
    commission_rate = models.DecimalField(_("commission rate"), max_digits=4, decimal_places=3)
    commission = _money(_("commission"))
    net = _money(_("net"))

    shipping_charge = _money(_("shipping charge"), default=ZERO)
    shipping_method = models.CharField(_("shipping method"), max_length=128, blank=True)
    shipping_zone = models.CharField(_("shipping zone"), max_length=64, blank=True)
    delivery_days_min = models.PositiveSmallIntegerField(null=True, blank=True)
    delivery_days_max = models.PositiveSmallIntegerField(null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    carrier = models.CharField(_("carrier"), max_length=80, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=80, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("vendor order")
        verbose_name_plural = _("vendor orders")
        constraints = [
            models.UniqueConstraint(fields=["order", "partner"], name="vendor_order_one_per_partner"),
            models.CheckConstraint(
                condition=models.Q(subtotal__gte=0), name="vendor_order_subtotal_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(shipping_charge__gte=0), name="vendor_order_shipping_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(commission__gte=0, commission__lte=models.F("subtotal")),
                name="vendor_order_commission_within_subtotal",
            ),
            models.CheckConstraint(
                # Rounded so SQLite, which compares decimals as floats, agrees with PostgreSQL.
                condition=models.Q(net=Round(models.F("subtotal") - models.F("commission"), 2)),
                name="vendor_order_net_is_subtotal_less_commission",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def total(self) -> Decimal:
        """What the buyer paid for this vendor order: goods and shipping."""
        return self.subtotal + self.shipping_charge

    @property
    def payable(self) -> Decimal:
        """What the cooperative earns before refunds: its net and the shipping it charged."""
        return self.net + self.shipping_charge

    @property
    def lines(self):
        return self.order.lines.filter(partner_id=self.partner_id).order_by("pk")

    @property
    def cooperative(self):
        return getattr(self.partner, "cooperative", None)

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.ACCEPTED)


class VendorOrderStatusChange(models.Model):
    """One step of a vendor order's history: who moved it, when, from what to what."""

    vendor_order = models.ForeignKey(VendorOrder, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=VendorOrder.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=VendorOrder.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.vendor_order}: {self.from_status or '-'} → {self.to_status}"


class LedgerEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerImmutableError("Ledger entries are never edited: add an adjustment instead.")

    def delete(self):
        raise LedgerImmutableError("Ledger entries are never deleted: add an adjustment instead.")

    def balance(self) -> Decimal:
        return money_sum(self.aggregate(total=models.Sum("amount"))["total"])


class LedgerImmutableError(Exception):
    pass


class LedgerEntry(models.Model):
    """One movement of what the platform owes a cooperative, in MAD. Never edited or deleted.

    Positive amounts are owed to the cooperative (sales, reversed commission, payouts taken
    back), negative ones reduce what it is owed (commission, refunds, payouts). A balance is
    the sum of entries.
    """

    class Kind(models.TextChoices):
        SALE = "sale", _("Sale")
        COMMISSION = "commission", _("Commission")
        REFUND = "refund", _("Refund")
        ADJUSTMENT = "adjustment", _("Adjustment")
        PAYOUT = "payout", _("Payout")
        # Money of a Stripe Connect transfer taken back after the buyer was refunded.
        PAYOUT_REVERSAL = "payout_reversal", _("Payout reversed")

    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="ledger_entries")
    vendor_order = models.ForeignKey(
        VendorOrder, on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_entries"
    )
    refund = models.ForeignKey(
        "ledger.Refund", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_entries"
    )
    payout = models.ForeignKey(
        "ledger.Payout", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_entries"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount = _money(_("amount (MAD)"))
    currency = models.CharField(max_length=3, default=MAD, editable=False)
    memo = models.CharField(_("memo"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("date"), db_index=True)

    objects = LedgerEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            models.CheckConstraint(condition=~models.Q(amount=0), name="ledger_entry_not_zero"),
            models.CheckConstraint(condition=models.Q(currency=MAD), name="ledger_entry_in_mad"),
            # The sign follows the kind; commission is negative when taken and positive when a
            # refund gives it back, adjustments go either way.
            models.CheckConstraint(
                condition=(
                    models.Q(kind__in=["sale", "payout_reversal"], amount__gt=0)
                    | models.Q(kind__in=["refund", "payout"], amount__lt=0)
                    | models.Q(kind__in=["commission", "adjustment"])
                ),
                name="ledger_entry_sign_follows_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["sale", "commission", "refund"])
                | models.Q(vendor_order__isnull=False),
                name="ledger_entry_order_kinds_have_vendor_order",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["payout", "payout_reversal"]) | models.Q(payout__isnull=False),
                name="ledger_entry_payout_has_payout",
            ),
            # A split writes one sale and one commission per vendor order, however often it runs.
            models.UniqueConstraint(
                fields=["vendor_order", "kind"],
                condition=models.Q(kind__in=["sale", "commission"], refund__isnull=True),
                name="ledger_entry_one_sale_and_commission_per_vendor_order",
            ),
            models.UniqueConstraint(
                fields=["payout"], condition=models.Q(kind="payout"), name="ledger_entry_one_per_payout"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} MAD ({self.partner})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerImmutableError("Ledger entries are never edited: add an adjustment instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerImmutableError("Ledger entries are never deleted: add an adjustment instead.")


class Refund(models.Model):
    """Money given back to the buyer for one vendor order, by platform staff."""

    vendor_order = models.ForeignKey(VendorOrder, on_delete=models.PROTECT, related_name="refunds")
    sequence = models.PositiveSmallIntegerField()
    amount = _money(_("amount (MAD)"), validators=[MinValueValidator(Decimal("0.01"))])
    charge_currency = models.CharField(max_length=3)
    charge_amount = models.DecimalField(max_digits=14, decimal_places=2)
    provider_reference = models.CharField(_("payment provider reference"), max_length=120, blank=True)
    idempotency_key = models.CharField(max_length=120, unique=True)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["vendor_order", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["vendor_order", "sequence"], name="refund_sequence_per_vendor_order"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self):
        return f"{self.vendor_order} refund {self.sequence}: {self.amount} MAD"


class RefundLine(models.Model):
    """Units of an order line a refund covers; they went back to the cooperative's stock."""

    refund = models.ForeignKey(Refund, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["refund", "line"], name="refund_line_once_per_refund"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="refund_line_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.quantity} × line {self.line_id}"


class PayoutAccount(models.Model):
    """Where and how a cooperative is paid: a Moroccan bank account (RIB) or Stripe Connect."""

    class Rail(models.TextChoices):
        BANK_TRANSFER = "bank_transfer", _("Bank transfer (RIB)")
        STRIPE_CONNECT = "stripe_connect", _("Stripe Connect")

    partner = models.OneToOneField("partner.Partner", on_delete=models.PROTECT, related_name="payout_account")
    rail = models.CharField(
        _("payout method"), max_length=20, choices=Rail.choices, default=Rail.BANK_TRANSFER
    )
    account_holder = models.CharField(_("account holder"), max_length=140)
    bank_name = models.CharField(_("bank"), max_length=120, blank=True)
    rib = models.CharField(
        _("RIB"),
        max_length=24,
        blank=True,
        validators=[validate_rib],
        help_text=_("24 digits: bank (3), city (3), account (16), key (2)."),
    )
    bic = models.CharField(
        _("BIC / SWIFT"),
        max_length=11,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$", _("A BIC has 8 or 11 letters and digits."))
        ],
    )
    stripe_account_id = models.CharField(
        _("Stripe connected account"),
        max_length=64,
        blank=True,
        validators=[RegexValidator(r"^acct_[A-Za-z0-9]+$", _("A Stripe account id starts with acct_."))],
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("payout account")

    def __str__(self):
        return f"{self.partner}: {self.get_rail_display()}"

    def clean(self):
        if self.rail == self.Rail.BANK_TRANSFER and not self.rib:
            raise ValidationError({"rib": _("A bank transfer needs the cooperative's RIB.")})
        if self.rail == self.Rail.STRIPE_CONNECT and not self.stripe_account_id:
            raise ValidationError({"stripe_account_id": _("Stripe Connect needs the connected account id.")})

    @property
    def rib_display(self) -> str:
        return rib_format(self.rib)

    @property
    def is_ready(self) -> bool:
        if self.rail == self.Rail.BANK_TRANSFER:
            return bool(self.rib)
        return bool(self.stripe_account_id)


class PayoutBatch(models.Model):
    """A payout run: each cooperative's available balance at the cut-off, paid by its rail.

    Bank transfers are exported (CSV, ISO 20022 pain.001.001.03) for the platform's bank and
    stay pending until staff confirm the bank executed them.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the bank")
        PAID = "paid", _("Paid")

    cut_off = models.DateTimeField(_("cut-off"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    message_id = models.CharField(max_length=35, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payout batch")
        verbose_name_plural = _("payout batches")

    def __str__(self):
        return self.message_id


class Payout(models.Model):
    """Money sent to one cooperative: a line of a bank batch, or a Stripe Connect transfer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")

    batch = models.ForeignKey(
        PayoutBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="payouts"
    )
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="payouts")
    vendor_order = models.ForeignKey(
        VendorOrder, on_delete=models.PROTECT, null=True, blank=True, related_name="payouts"
    )
    rail = models.CharField(max_length=20, choices=PayoutAccount.Rail.choices)
    amount = _money(_("amount (MAD)"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    # Snapshot of where the money went, so later edits of the account don't rewrite history.
    account_holder = models.CharField(max_length=140, blank=True)
    rib = models.CharField(max_length=24, blank=True)
    bic = models.CharField(max_length=11, blank=True)
    stripe_account_id = models.CharField(max_length=64, blank=True)
    transfer_group = models.CharField(max_length=64, blank=True)
    # What a Stripe Connect transfer sent, in the platform's transfer currency, so a reversal
    # takes back the same share at the same rate.
    transfer_amount_minor = models.PositiveBigIntegerField(null=True, blank=True)
    transfer_currency = models.CharField(max_length=3, blank=True)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    failure_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payout_amount_positive"),
        ]

    def __str__(self):
        return f"{self.partner}: {self.amount} MAD ({self.get_status_display()})"

    @property
    def rib_display(self) -> str:
        return rib_format(self.rib)


class PayoutReversal(models.Model):
    """Part of a Stripe Connect transfer taken back from a cooperative after a refund.

    With separate charges and transfers, refunding the buyer does not touch the transfer: the
    platform reverses it. One per (payout, refund); a reversal Stripe refused stays `failed`,
    and the cooperative's negative balance is netted off its next payouts instead.
    """

    class Status(models.TextChoices):
        REVERSED = "reversed", _("Reversed")
        FAILED = "failed", _("Failed: netted off the next payout")

    payout = models.ForeignKey(Payout, on_delete=models.PROTECT, related_name="reversals")
    refund = models.ForeignKey(Refund, on_delete=models.PROTECT, related_name="payout_reversals")
    amount = _money(_("amount (MAD)"))
    transfer_amount_minor = models.PositiveBigIntegerField()
    transfer_currency = models.CharField(max_length=3)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    idempotency_key = models.CharField(max_length=120, unique=True)
    failure_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["payout", "refund"], name="payout_reversal_once_per_refund"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payout_reversal_amount_positive"),
        ]

    def __str__(self):
        return f"{self.payout.reference or self.payout_id} −{self.amount} MAD ({self.get_status_display()})"
