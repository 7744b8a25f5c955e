from django.db.models import Exists, OuterRef, Prefetch
from oscar.core.loading import get_model

Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
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
