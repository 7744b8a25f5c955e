"""Read-side queries of the catalogue."""

from django.core.cache import cache
from django.db.models import Exists, Min, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
ExchangeRate = get_model("catalogue", "ExchangeRate")

NAVIGATION_CACHE_KEY = "catalogue:navigation:v1"


def navigation_categories() -> list:
    """Top-level categories for the site header, cached for five minutes."""
    categories = cache.get(NAVIGATION_CACHE_KEY)
    if categories is None:
        categories = list(
            Category.objects.filter(depth=1, is_public=True, exclude_from_menu=False).order_by("path")
        )
        cache.set(NAVIGATION_CACHE_KEY, categories, 300)
    return categories


def product_card_queryset() -> QuerySet:
    """Browsable products with everything a product card shows, in a fixed number of queries."""
    return (
        Product.objects.browsable()
        .select_related("product_class")
        .prefetch_related(
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.select_related("partner__cooperative"),
            ),
        )
    )


def cooperative_products(*, cooperative) -> QuerySet:
    """A cooperative's browsable products, newest first."""
    return product_card_queryset().filter(stockrecords__partner=cooperative.partner).order_by("-date_created")


SORT_OPTIONS = {
    "newest": _("Newest"),
    "price-asc": _("Price, low to high"),
    "price-desc": _("Price, high to low"),
}


def product_browse(*, sort: str = "newest", category=None) -> QuerySet:
    """Browsable products for a listing page, optionally within a category and its descendants."""
    products = product_card_queryset()
    if category is not None:
        products = products.filter(
            categories__in=category.get_descendants_and_self().filter(is_public=True)
        ).distinct()
    if sort in ("price-asc", "price-desc"):
        products = products.annotate(sort_price=Min("stockrecords__price"))
        return products.order_by("sort_price" if sort == "price-asc" else "-sort_price", "pk")
    return products.order_by("-date_created", "-pk")


def product_more_from_cooperative(*, product, limit: int = 4) -> list:
    """Other browsable pieces by the cooperative that made `product`, newest first."""
    partner_ids = [record.partner_id for record in product.stockrecords.all()]
    if not partner_ids:
        return []
    return list(
        product_card_queryset()
        .filter(stockrecords__partner_id__in=partner_ids)
        .exclude(pk=product.pk)
        .order_by("-date_created", "-pk")[:limit]
    )


EXCHANGE_RATES_CACHE_KEY = "catalogue:exchange-rates:v1"


def exchange_rates_current() -> dict[str, object]:
    """The latest rate per currency, {currency: ExchangeRate}, cached until rates change."""
    rates = cache.get(EXCHANGE_RATES_CACHE_KEY)
    if rates is None:
        rates = {}
        for rate in ExchangeRate.objects.order_by("currency", "-as_of"):
            rates.setdefault(rate.currency, rate)
        cache.set(EXCHANGE_RATES_CACHE_KEY, rates, 600)
    return rates


def exchange_rates_forget() -> None:
    """Drop the cached rates, so the next page shows the ones just recorded."""
    cache.delete(EXCHANGE_RATES_CACHE_KEY)


def product_editable_by(*, user) -> QuerySet:
    """The products a dashboard user may edit: all for platform staff, otherwise those whose
    stock records belong to one of the user's cooperatives. Samples are edited with their tile."""
    products = Product.objects.filter(parent=None, sample_of=None)
    if user.is_staff:
        return products
    return products.filter(stockrecords__partner__users=user).distinct()


def product_dashboard_list(*, user, title: str = "", upc: str = "") -> QuerySet:
    """Rows of the product editor's list, newest first, with what each row shows."""
    products = product_editable_by(user=user)
    if title:
        products = products.filter(title__icontains=title)
    if upc:
        products = products.filter(upc__icontains=upc)
    return (
        products.select_related("product_class")
        .prefetch_related(
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner__cooperative")),
        )
        .order_by("-date_updated", "-pk")
    )


def product_related(*, product, limit: int = 4) -> list:
    """Browsable pieces of the same craft from other cooperatives, those sharing a category
    with `product` first, then the newest; one query plus the card prefetches."""
    partner_ids = [record.partner_id for record in product.stockrecords.all()]
    shares_category = Exists(
        ProductCategory.objects.filter(
            product=OuterRef("pk"),
            category__in=ProductCategory.objects.filter(product=product).values("category"),
        )
    )
    return list(
        product_card_queryset()
        .filter(product_class_id=product.product_class_id)
        .exclude(pk=product.pk)
        .exclude(stockrecords__partner_id__in=partner_ids)
        .annotate(shares_category=shares_category)
        .order_by("-shares_category", "-date_created", "-pk")[:limit]
    )
