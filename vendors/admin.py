from django.contrib import admin
from oscar.apps.partner.admin import *

from .models import Cooperative, CooperativeStatusChange


class CooperativeStatusChangeInline(admin.TabularInline):
    model = CooperativeStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "changed_by", "reason", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "city", "status", "is_women_led", "members_count"]
    list_filter = ["status", "region", "is_women_led"]
    search_fields = ["name", "legal_name", "slug", "registration_number", "ice"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["status", "status_changed_at", "created_at", "updated_at"]
    inlines = [CooperativeStatusChangeInline]
