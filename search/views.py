from django.conf import settings
from django.views.generic import ListView

from catalogue.selectors import navigation_categories

from .selectors import product_search_db


class ProductSearchView(ListView):
    """`/shop/search/?q=`: products matching the buyer's words, in the catalogue's cards."""

    template_name = "oscar/search/results.html"
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def get_query(self) -> str:
        return self.request.GET.get("q", "").strip()[:200]

    def get_queryset(self):
        return product_search_db(query=self.get_query())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.get_query()
        context["suggested_categories"] = navigation_categories()
        return context
