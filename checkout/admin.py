from django.contrib import admin

from .models import OrderShippingCharge, ShippingRate, StripeEvent, StripePayment


@admin.register(ShippingRate)
class ShippingRateAdmin(admin.ModelAdmin):
    """A cooperative's own rates; zones it does not list use the platform defaults (checkout/packing.py)."""

    list_display = ["partner", "zone", "method_name", "base_charge", "per_kg", "days_min", "days_max"]
    list_filter = ["zone"]
    search_fields = ["partner__name"]


@admin.register(OrderShippingCharge)
class OrderShippingChargeAdmin(admin.ModelAdmin):
    list_display = ["order", "partner", "zone", "charge", "chargeable_kg", "crates", "days_min", "days_max"]
    search_fields = ["order__number"]
    readonly_fields = [f.name for f in OrderShippingCharge._meta.fields]


@admin.register(StripePayment)
class StripePaymentAdmin(admin.ModelAdmin):
    list_display = ["order", "amount", "currency", "status", "payment_intent_id", "updated_at"]
    list_filter = ["status", "currency"]
    search_fields = ["order__number", "payment_intent_id"]
    readonly_fields = [f.name for f in StripePayment._meta.fields]


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    """Webhook events as received; failed ones are retried by `manage.py stripe_events_retry`."""

    list_display = ["event_id", "type", "status", "attempts", "received_at", "processed_at"]
    list_filter = ["status", "type"]
    search_fields = ["event_id"]
    readonly_fields = [f.name for f in StripeEvent._meta.fields]
