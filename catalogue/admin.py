from django.contrib import admin
from oscar.apps.catalogue.admin import *

from .models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "rate", "as_of", "source", "created_at"]
    list_filter = ["currency"]
    date_hierarchy = "as_of"

    def save_model(self, request, obj, form, change):
        from django.core.cache import cache

        from .selectors import EXCHANGE_RATES_CACHE_KEY

        super().save_model(request, obj, form, change)
        cache.delete(EXCHANGE_RATES_CACHE_KEY)
