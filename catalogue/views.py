"""Catalogue pages. Browsing reads the database through catalogue.selectors; the search issue
puts Elasticsearch in front of these same views, with this database path as its fallback."""

from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

from marketplace.pagecache import PageCacheMixin, page_cache_deny
from marketplace.prefetching import relation_known_empty
from search.listing import listing_context, search_from_request

from .buyer_preferences import CURRENCY, UNITS
from .selectors import (
    SORT_OPTIONS,
    cards_in_order,
    history_product_ids,
    product_breadcrumb_categories,
    product_cards,
    product_neighbour_ids,
    product_page_queryset,
)
from .zellige import DEFAULT_WASTE_PERCENT, ZelligeAreaError, zellige_boxes

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
WishList = get_model("wishlists", "WishList")

# Pieces shown in each row of cards under the product.
NEIGHBOURS_SHOWN = 4


class CatalogueView(PageCacheMixin, ListView):
    """All browsable products, sortable and paginated."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def get_sort(self) -> str:
        sort = self.request.GET.get("sort", "")
        return sort if sort in SORT_OPTIONS else "newest"

    category = None

    def get_queryset(self):
        # The search engine (search.selectors.product_search), the database when it is down.
        self.search = search_from_request(
            self.request, sort=self.get_sort(), per_page=self.get_paginate_by(None), category=self.category
        )
        return self.search

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(listing_context(self.request, self.search, page=context["page_obj"].number))
        if context["search_engine_down"]:
            # The database answered, with a notice: the next visitor should get the engine.
            page_cache_deny(self.request)
        context["summary"] = _("All crafts")
        context["sort"] = self.get_sort()
        context["sort_options"] = SORT_OPTIONS
        return context


class ProductCategoryView(CatalogueView):
    """Browsable products of a category and its subcategories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        context["subcategories"] = self.category.get_children().filter(is_public=True)
        return context


class ProductDetailView(PageCacheMixin, OscarProductDetailView):
    """Oscar's product page, limited to products buyers may browse.

    A suspended cooperative's products are not public even though their rows stay as they
    are; platform staff still see them, to check what a cooperative listed.
    """

    def get_queryset(self):
        return product_page_queryset(viewer=self.request.user)

    def get_object(self, queryset=None):
        product = super().get_object(queryset)
        if "viewer_has_wishlists" in product.__dict__ and not product.viewer_has_wishlists:
            # The wish list button reads the buyer's lists: none, so no query for them.
            relation_known_empty(self.request.user, "wishlists", WishList)
        return product

    def get_alert_status(self):
        """Oscar's, answered by the product's annotation (product_page_queryset)."""
        return bool(getattr(self.object, "viewer_has_alert", False))

    def page_cache_meta(self) -> dict:
        # A stored page still counts the view: marketplace.pagecache sends product_viewed.
        cooperative = self.object.cooperative
        return {"product_id": self.object.pk, "cooperative_id": cooperative.pk if cooperative else None}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        # Related pieces, the cooperative's other pieces and the buyer's recently viewed ones
        # share one card query; the product's own photos and stock records (and its sample's)
        # come in the same two queries as the cards'.
        neighbours = product_neighbour_ids(product=product, limit=NEIGHBOURS_SHOWN)
        recent_ids = [pk for pk in history_product_ids(request=self.request) if pk != product.pk]
        shown_ids = [*neighbours["related"], *neighbours["more"], *recent_ids]
        cards = product_cards(ids=shown_ids, also_for=self.products_shown())
        context["related_products"] = cards_in_order(neighbours["related"], cards, limit=NEIGHBOURS_SHOWN)
        context["more_from_cooperative"] = cards_in_order(neighbours["more"], cards, limit=NEIGHBOURS_SHOWN)
        context["recently_viewed_products"] = cards_in_order(recent_ids, cards, limit=NEIGHBOURS_SHOWN)
        context["breadcrumb_categories"] = product_breadcrumb_categories(product=product)
        if product.get_product_class().slug == "zellige":
            context.update(self.zellige_context())
        return context

    def products_shown(self) -> list:
        """The page's product, and its zellige sample when it has one."""
        try:
            return [self.object, self.object.sample]
        except Product.DoesNotExist:
            return [self.object]

    def zellige_context(self) -> dict:
        """The area calculator, computed here so it works without JavaScript."""
        product = self.object
        coverage = getattr(product.attr, "coverage_per_box_m2", None)
        record = next(iter(product.stockrecords.all()), None)
        try:
            sample = product.sample
        except Product.DoesNotExist:
            sample = None
        context = {
            "zellige": {
                "coverage": coverage,
                "box_price": record.price if record else None,
                "area": self.request.GET.get("area", ""),
                "waste": self.request.GET.get("waste", "") or DEFAULT_WASTE_PERCENT,
                "quote": None,
                "error": "",
            },
            "zellige_sample": sample if sample is not None and sample.is_public else None,
        }
        if coverage and context["zellige"]["area"]:
            try:
                context["zellige"]["quote"] = zellige_boxes(
                    area_m2=context["zellige"]["area"],
                    coverage_per_box_m2=coverage,
                    waste_percent=context["zellige"]["waste"],
                    box_price=record.price if record else None,
                )
            except ZelligeAreaError as error:
                context["zellige"]["error"] = str(error)
        return context

    def is_viewable(self, product, request):
        # `browsable()`, as the product was loaded with it (product_page_queryset).
        return request.user.is_staff or product.is_browsable


def _preference_set_view(preference, field: str):
    @require_POST
    def view(request):
        next_url = request.POST.get("next") or "/"
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = "/"
        response = redirect(next_url)
        preference.remember(request, response, request.POST.get(field, ""))
        return response

    view.__doc__ = f"Remember the buyer's {field} and go back to the page they were on."
    return view


currency_set = _preference_set_view(CURRENCY, "currency")
units_set = _preference_set_view(UNITS, "units")
