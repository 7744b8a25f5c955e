from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .zones import Zone

money = {"max_digits": 12, "decimal_places": 2}


# Bounds of a cooperative's own rate: wide enough for any carrier from Morocco, tight enough to
# catch a typo (an extra zero, days for hours) before a buyer sees it.
RATE_MAX_BASE_CHARGE = Decimal("5000.00")
RATE_MAX_PER_KG = Decimal("1000.00")
RATE_MAX_DAYS = 90


class ShippingRate(models.Model):
    """A cooperative's own rate to one zone, replacing the platform default (checkout/packing.py)."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="shipping_rates")
    zone = models.CharField(_("zone"), max_length=8, choices=Zone.choices)
    method_name = models.CharField(_("carrier or service"), max_length=80, blank=True)
    base_charge = models.DecimalField(
        _("charge per parcel (MAD)"),
        validators=[MinValueValidator(0), MaxValueValidator(RATE_MAX_BASE_CHARGE)],
        **money,
    )
    per_kg = models.DecimalField(
        _("charge per kg (MAD)"),
        validators=[MinValueValidator(0), MaxValueValidator(RATE_MAX_PER_KG)],
        **money,
    )
    days_min = models.PositiveSmallIntegerField(
        _("delivery days, at least"), validators=[MinValueValidator(1), MaxValueValidator(RATE_MAX_DAYS)]
    )
    days_max = models.PositiveSmallIntegerField(
        _("delivery days, at most"), validators=[MinValueValidator(1), MaxValueValidator(RATE_MAX_DAYS)]
    )

    class Meta:
        ordering = ["partner", "zone"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "zone"], name="shipping_rate_one_per_partner_zone"),
            models.CheckConstraint(
                condition=models.Q(days_min__lte=models.F("days_max")), name="shipping_rate_days"
            ),
        ]

    def __str__(self):
        return f"{self.partner} → {self.get_zone_display()}"

    def clean(self):
        if self.days_min is not None and self.days_max is not None and self.days_min > self.days_max:
            raise ValidationError(
                {"days_max": _("The longest delivery time cannot be shorter than the shortest.")}
            )


class OrderShippingCharge(models.Model):
    """The shipping one cooperative charged on an order, fixed when the order was placed."""

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="shipping_by_partner")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="+")
    zone = models.CharField(max_length=8, choices=Zone.choices)
    method_name = models.CharField(max_length=80)
    charge = models.DecimalField(**money)
    days_min = models.PositiveSmallIntegerField()
    days_max = models.PositiveSmallIntegerField()
    actual_kg = models.DecimalField(max_digits=9, decimal_places=3)
    chargeable_kg = models.DecimalField(max_digits=9, decimal_places=3)
    crates = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "partner"]
        constraints = [
            models.UniqueConstraint(fields=["order", "partner"], name="order_shipping_one_per_partner"),
        ]

    def __str__(self):
        return f"{self.order.number} / {self.partner}: {self.charge} MAD"


class OrderLineCustoms(models.Model):
    """Customs facts of one order line, as printed on the commercial invoice."""

    line = models.OneToOneField("order.Line", on_delete=models.CASCADE, related_name="customs")
    hs_code = models.CharField(max_length=10, blank=True)
    origin_country = models.CharField(max_length=2, default="MA")
    unit_value = models.DecimalField(**money)
    currency = models.CharField(max_length=3, default="MAD")
    unit_weight_kg = models.DecimalField(max_digits=9, decimal_places=3)

    def __str__(self):
        return f"{self.line} HS {self.hs_code or '-'}"

    @property
    def total_value(self) -> Decimal:
        return self.unit_value * self.line.quantity

    @property
    def total_weight_kg(self) -> Decimal:
        return self.unit_weight_kg * self.line.quantity


class StripePayment(models.Model):
    """The Stripe PaymentIntent that collects an order's total in the buyer's currency."""

    class Status(models.TextChoices):
        REQUIRES_PAYMENT = "requires_payment", _("Waiting for the card")
        SUCCEEDED = "succeeded", _("Paid")
        FAILED = "failed", _("Failed")
        CANCELED = "canceled", _("Cancelled")

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="stripe_payment")
    currency = models.CharField(max_length=3)
    amount = models.DecimalField(**money)
    amount_minor = models.PositiveBigIntegerField()
    # Units of `currency` per MAD used to convert the order total (1 for MAD).
    exchange_rate = models.DecimalField(max_digits=18, decimal_places=8)
    # The buyer's page language, so the confirmation email speaks it.
    language = models.CharField(max_length=10, default="en")
    payment_intent_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    client_secret = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUIRES_PAYMENT)
    last_error = models.TextField(blank=True)
    amount_refunded_minor = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.order.number}: {self.amount} {self.currency} ({self.status})"


class StripeEvent(models.Model):
    """A webhook event as Stripe sent it; stored once per id so a replay changes nothing."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        PROCESSED = "processed", _("Processed")
        IGNORED = "ignored", _("Ignored")
        FAILED = "failed", _("Failed, will be retried")

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100, db_index=True)
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.event_id} {self.type} ({self.status})"


from oscar.apps.checkout.models import *  # noqa: E402
