"""Read-side queries of the catalogue."""

import functools

from django.core.cache import cache
from django.db.models import Exists, F, Min, OuterRef, Prefetch, QuerySet, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.cache import cache_version, cache_version_bump

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
ExchangeRate = get_model("catalogue", "ExchangeRate")
Option = get_model("catalogue", "Option")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductAlert = get_model("customer", "ProductAlert")
WishList = get_model("wishlists", "WishList")

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


# Cooperative fields a product card never shows: loading them is most of the cost of a card's
# cooperative (the phone number is parsed on load, the stories are long translated texts).
CARD_COOPERATIVE_DEFERRED = ("phone", "story", "story_en", "story_fr", "story_ar")


def product_card_queryset() -> QuerySet:
    """Browsable products with everything a product card shows, in a fixed number of queries."""
    return Product.objects.browsable().select_related("product_class").prefetch_related(*_card_prefetches())


def _card_prefetches() -> tuple[Prefetch, Prefetch]:
    """A card's photos, in display order, and its stock records with their cooperative (without
    the fields no card shows)."""
    return (
        Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
        Prefetch(
            "stockrecords",
            queryset=StockRecord.objects.select_related("partner__cooperative").defer(
                *(f"partner__cooperative__{name}" for name in CARD_COOPERATIVE_DEFERRED)
            ),
        ),
    )


def cooperative_products(*, cooperative) -> QuerySet:
    """A cooperative's browsable products, newest first."""
    products = product_card_queryset().filter(stockrecords__partner_id=cooperative.partner_id)
    return products.order_by("-date_created")


def product_page_queryset(*, viewer) -> QuerySet:
    """Products as their page reads them, in two queries: the product with its class, its
    zellige sample, whether buyers may browse it (`is_browsable`, the rule of `browsable()`),
    whether it has options (the basket form) and its first browsable category
    (`product_breadcrumb_categories`); and its attribute values. Its photos and stock records,
    and its sample's, come with the page's cards (`product_cards(also_for=...)`).

    For a signed-in `viewer`, annotations answer what the page asks about them: an active stock
    alert (`viewer_has_alert`), whether they keep any wish list (`viewer_has_wishlists`), and
    whether they may review it (`product_viewer_review_annotations`)."""
    from catalogue.reviews.selectors import product_viewer_review_annotations

    products = (
        Product.objects.select_related("product_class", "parent__product_class", "sample__product_class")
        .annotate(
            has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            breadcrumb_category_id=_first_browsable_category_id(),
            is_browsable=Exists(
                Product.objects.browsable().filter(pk=Coalesce(OuterRef("parent_id"), OuterRef("pk")))
            ),
        )
        .prefetch_related(*attribute_values_prefetches())
    )
    if not viewer.is_authenticated:
        return products
    return products.annotate(
        viewer_has_alert=Exists(
            ProductAlert.objects.filter(product=OuterRef("pk"), user=viewer, status=ProductAlert.ACTIVE)
        ),
        viewer_has_wishlists=Exists(WishList.objects.filter(owner=viewer)),
        **product_viewer_review_annotations(user=viewer),
    )


def _first_browsable_category_id() -> Subquery:
    """The first of a product's browsable categories in tree order (a variant's are its parent's),
    as Oscar's `get_categories` lists them."""
    categories = Category.objects.browsable().filter(
        product__pk=Coalesce(OuterRef("parent_id"), OuterRef("pk"))
    )
    return Subquery(categories.order_by("path").values("pk")[:1])


def attribute_values_prefetches() -> list[Prefetch]:
    """Oscar's `prefetch_attribute_values`, without the product class's attribute definitions
    (reading values does not need them) and without each value's multiple options (no craft has
    a multiple-option attribute; such a value would read its options when shown)."""
    values = ProductAttributeValue.objects.select_related(
        "attribute", "value_option", "value_option__group"
    ).annotate(code=F("attribute__code"))
    return [
        Prefetch("attribute_values", queryset=values, to_attr="_prefetched_attribute_values"),
        Prefetch("parent__attribute_values", queryset=values, to_attr="_prefetched_parent_attribute_values"),
    ]


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


# --- The product page's neighbours --------------------------------------------------------
# Which pieces a product page suggests changes slowly and costs two heavy queries (the
# browsable check over every product of a craft); the ids are kept for ten minutes per
# product version (a product's own edit shows at once), and the cards themselves are always
# loaded fresh, browsable only, so a piece sold out, unpublished or suspended meanwhile shows
# its current state or drops out.
NEIGHBOURS_TTL = 600
# Ids kept beyond the number shown, so a piece dropping out leaves no gap.
NEIGHBOURS_SPARE = 4


def _partner_ids(product) -> QuerySet:
    # A subquery: the product page loads the product's stock records only after its neighbours.
    return StockRecord.objects.filter(product=product).values("partner_id")


def _related_ids(*, product, count: int) -> list[int]:
    partner_ids = _partner_ids(product)
    shares_category = Exists(
        ProductCategory.objects.filter(
            product=OuterRef("pk"),
            category__in=ProductCategory.objects.filter(product=product).values("category"),
        )
    )
    ids = (
        Product.objects.browsable()
        .filter(product_class_id=product.product_class_id)
        .exclude(pk=product.pk)
        .exclude(stockrecords__partner_id__in=partner_ids)
        .annotate(shares_category=shares_category)
        .order_by("-shares_category", "-date_created", "-pk")
        .values_list("pk", flat=True)
    )
    return list(dict.fromkeys(ids[:count]))


def _more_from_cooperative_ids(*, product, count: int) -> list[int]:
    ids = (
        Product.objects.browsable()
        .filter(stockrecords__partner_id__in=_partner_ids(product))
        .exclude(pk=product.pk)
        .order_by("-date_created", "-pk")
        .values_list("pk", flat=True)
    )
    return list(dict.fromkeys(ids[:count]))


def product_neighbour_ids(*, product, limit: int = 4) -> dict[str, list[int]]:
    """{"related": ids, "more": ids}: pieces of the same craft from other cooperatives (those
    sharing a category with `product` first, then the newest), and other pieces by its
    cooperative (newest first). Cached per product version for NEIGHBOURS_TTL seconds."""
    version = product.date_updated.strftime("%Y%m%d%H%M%S%f") if product.date_updated else "0"
    key = f"catalogue:product-neighbours:v1:{product.pk}:{version}:{limit}"
    ids = cache.get(key)
    if ids is None:
        count = limit + NEIGHBOURS_SPARE
        ids = {
            "related": _related_ids(product=product, count=count),
            "more": _more_from_cooperative_ids(product=product, count=count),
        }
        cache.set(key, ids, NEIGHBOURS_TTL)
    return ids


def product_cards(*, ids, also_for=()) -> dict[int, object]:
    """{id: product} for the browsable ones among `ids`, ready for product cards (3 queries).
    `also_for` (products already loaded without their photos and stock records, as the product
    page's own) get theirs in the same two queries as the cards."""
    ids = list(dict.fromkeys(int(pk) for pk in ids))
    cards = Product.objects.browsable().select_related("product_class").in_bulk(ids) if ids else {}
    prefetch_related_objects([*also_for, *cards.values()], *_card_prefetches())
    return cards


def cards_in_order(ids, cards: dict, *, limit: int) -> list:
    """The cards of `ids` that `product_cards` found, in the order of `ids`, at most `limit`."""
    return [cards[pk] for pk in ids if pk in cards][:limit]


def history_product_ids(*, request) -> list[int]:
    """The products in the buyer's recently-viewed cookie (Oscar's history), newest first."""
    stored = history_manager().extract(request)
    ids = [pk for pk in stored if isinstance(pk, int) and not isinstance(pk, bool)]
    return list(dict.fromkeys(reversed(ids)))


@functools.cache
def history_manager():
    """Oscar's recently-viewed cookie manager (looked up once: `get_class` imports on each call)."""
    from oscar.core.loading import get_class

    return get_class("customer.history", "CustomerHistoryManager")


# --- Categories -------------------------------------------------------------------------------
CATEGORY_VERSION_KEY = "catalogue:categories:version"
CATEGORY_TTL = 300


def categories_forget(**kwargs) -> None:
    """Forget cached category lists and ancestors (a signal receiver: takes **kwargs)."""
    cache.delete(NAVIGATION_CACHE_KEY)
    cache_version_bump(CATEGORY_VERSION_KEY)


def category_ancestors_and_self(*, category) -> list:
    """`category`'s ancestors from the top, then itself. The ancestors are cached by the
    category's path (a move changes it) until any category is saved or deleted."""
    version = cache_version(CATEGORY_VERSION_KEY)
    key = f"catalogue:category-ancestors:{version}:{category.pk}:{category.path}"
    ancestors = cache.get(key)
    if ancestors is None:
        ancestors = list(category.get_ancestors()) if category.depth > 1 else []
        cache.set(key, ancestors, CATEGORY_TTL)
    return [*ancestors, category]


def product_breadcrumb_categories(*, product) -> list:
    """The path to `product`'s first browsable category (top level first), for its breadcrumb
    and structured data; [] without one. Uses the `breadcrumb_category_id` that
    `product_page_queryset` annotates (the category itself then comes from the cache), else
    `prefetch_browsable_categories` when given."""
    if not hasattr(product, "_breadcrumb_categories"):
        if "breadcrumb_category_id" in product.__dict__:
            category_id = product.breadcrumb_category_id
            category = category_cached(pk=category_id) if category_id is not None else None
        else:
            category = next(iter(product.get_categories()), None)
        product._breadcrumb_categories = (
            category_ancestors_and_self(category=category) if category is not None else []
        )
    return product._breadcrumb_categories


def category_cached(*, pk: int):
    """The category `pk` (or None), kept in the cache until any category is saved or deleted."""
    version = cache_version(CATEGORY_VERSION_KEY)
    key = f"catalogue:category:{version}:{pk}"
    category = cache.get(key)
    if category is None:
        category = Category.objects.filter(pk=pk).first()
        if category is not None:
            cache.set(key, category, CATEGORY_TTL)
    return category
