"""Demo data of the catalogue issue: zellige samples and pre-made image renditions."""

from collections.abc import Callable
from decimal import Decimal

from oscar.core.loading import get_model

from catalogue.services import product_image_renditions_ensure, zellige_sample_sync

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")

SAMPLE_PRICE = Decimal("35.00")
SAMPLE_STOCK = 50


def catalogue_demo_load(*, progress: Callable[[str], None] = lambda _: None) -> dict[str, int]:
    """Give every zellige that offers samples its sample product, and write the WebP
    renditions of every product photo so the first page views are fast. Idempotent."""
    samples = 0
    zellige = Product.objects.filter(product_class__slug="zellige", sample_of=None, parent=None)
    for product in zellige.prefetch_related("stockrecords"):
        if getattr(product.attr, "samples_available", False):
            zellige_sample_sync(product=product, price=SAMPLE_PRICE, stock=SAMPLE_STOCK)
            samples += 1
    progress("Image renditions")
    renditions = 0
    for image in ProductImage.objects.filter(renditions={}):
        if product_image_renditions_ensure(image=image).get("files"):
            renditions += 1
    return {"samples": samples, "renditions": renditions}
