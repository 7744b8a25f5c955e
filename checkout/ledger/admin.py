from django.contrib import admin

from .models import (
    LedgerEntry,
    Payout,
    PayoutAccount,
    PayoutBatch,
    PayoutReversal,
    Refund,
    VendorOrder,
    VendorOrderStatusChange,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Money records are written by services only; the admin shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StatusChangeInline(admin.TabularInline):
    model = VendorOrderStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "changed_by", "note", "created_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(VendorOrder)
class VendorOrderAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "partner",
        "status",
        "subtotal",
        "commission",
        "net",
        "shipping_charge",
        "created_at",
    )
    list_filter = ("status", "partner")
    search_fields = ("number", "order__number", "tracking_number")
    inlines = [StatusChangeInline]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "partner", "kind", "amount", "vendor_order", "memo")
    list_filter = ("kind", "partner")
    search_fields = ("memo", "vendor_order__number")


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ("vendor_order", "sequence", "amount", "charge_amount", "charge_currency", "created_at")


@admin.register(PayoutBatch)
class PayoutBatchAdmin(ReadOnlyAdmin):
    list_display = ("message_id", "cut_off", "status", "created_at", "confirmed_at")


@admin.register(Payout)
class PayoutAdmin(ReadOnlyAdmin):
    list_display = ("partner", "rail", "amount", "status", "batch", "reference", "created_at")
    list_filter = ("status", "rail")


@admin.register(PayoutReversal)
class PayoutReversalAdmin(ReadOnlyAdmin):
    list_display = (
        "payout",
        "refund",
        "amount",
        "transfer_amount_minor",
        "transfer_currency",
        "status",
        "reference",
    )
    list_filter = ("status",)


@admin.register(PayoutAccount)
class PayoutAccountAdmin(admin.ModelAdmin):
    list_display = ("partner", "rail", "account_holder", "rib", "stripe_account_id", "updated_at")
    readonly_fields = ("updated_by", "updated_at")

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
