from django.contrib import admin

from .models import PendingIndexUpdate, QueryLog


@admin.register(QueryLog)
class QueryLogAdmin(admin.ModelAdmin):
    """What buyers searched for (no personal data); read-only, for the export observatory."""

    list_display = (
        "text",
        "language",
        "country",
        "results",
        "used_fallback",
        "clicked_product",
        "created_at",
    )
    list_filter = ("language", "country", "used_fallback")
    search_fields = ("text",)
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PendingIndexUpdate)
class PendingIndexUpdateAdmin(admin.ModelAdmin):
    """Index updates waiting for the search engine; `manage.py search_index --replay` sends them."""

    list_display = ("kind", "object_id", "created_at")
    list_filter = ("kind",)

    def has_add_permission(self, request):
        return False
