from django.contrib import admin
from oscar.apps.catalogue.admin import *

from .models import ExchangeRate
from .selectors import exchange_rates_forget


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "rate", "as_of", "source", "created_at"]
    list_filter = ["currency"]
    date_hierarchy = "as_of"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        exchange_rates_forget()
