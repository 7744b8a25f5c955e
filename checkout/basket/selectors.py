from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from oscar.core.loading import get_model

from catalogue.selectors import CARD_COOPERATIVE_DEFERRED, attribute_values_prefetches

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
LineAttribute = get_model("basket", "LineAttribute")
Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


def products_to_add():
    """Products as adding one to the basket reads them, in two queries: the product with its
    class and whether it has options (as Oscar's base_queryset annotates), and its stock
    records with their cooperative (the price and stock check, the observatory's event)."""
    return (
        Product.objects.select_related("product_class")
        .annotate(
            has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner__cooperative"))
        )
    )


def lines_to_price(lines: QuerySet) -> QuerySet:
    """`lines` as a basket keeps them for the request, in one query: each product with its class
    (the stock policy), its stock record with its cooperative (price, stock, the parcels the
    basket and checkout show) and whether the line has options (`has_options`: only those
    lines' options are loaded)."""
    return (
        lines.select_related("product__product_class", "stockrecord__partner__cooperative")
        .defer(*(f"stockrecord__partner__cooperative__{name}" for name in CARD_COOPERATIVE_DEFERRED))
        .annotate(has_options=Exists(LineAttribute.objects.filter(line=OuterRef("pk"))))
        .order_by("pk")
    )


def open_basket_lines(*, owner=None, basket_id: int | None = None) -> QuerySet:
    """The lines of the signed-in `owner`'s open basket(s), or of the anonymous open basket
    `basket_id`, each with its basket and whether that basket holds vouchers
    (`basket_has_vouchers`): a basket with lines is loaded with them in one query."""
    if owner is not None:
        lines = Line.objects.filter(basket__owner=owner)
    else:
        lines = Line.objects.filter(basket_id=basket_id, basket__owner=None)
    vouchers = Basket.vouchers.through.objects.filter(basket_id=OuterRef("basket_id"))
    return (
        lines_to_price(lines.filter(basket__status=Basket.OPEN))
        .select_related("basket")
        .annotate(basket_has_vouchers=Exists(vouchers))
    )


def line_products_shown(products) -> None:
    """Load onto `products` (basket lines' products, already loaded) what showing a line needs
    beyond pricing it, in two queries (three with variants): the photos, and the attribute values
    as Oscar's `prefetch_attribute_values` loads them (a rug's parcel needs its size)."""
    photos = Prefetch("images", queryset=ProductImage.objects.all())
    prefetch_related_objects(list(products), photos, *attribute_values_prefetches())
