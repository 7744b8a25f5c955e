"""Write-side rules of the catalogue."""

from datetime import date as date_type
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from .crafts import CRAFTS, OPTION, CraftSpec
from .images import renditions_write
from .money import SUPPORTED_CURRENCIES
from .selectors import exchange_rates_forget

ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
AttributeOption = get_model("catalogue", "AttributeOption")


@transaction.atomic
def product_classes_sync(*, crafts: tuple[CraftSpec, ...] = CRAFTS) -> dict[str, object]:
    """Create or update one product class per craft, with its attributes and option lists.

    Idempotent: running it again changes nothing. Attributes or options removed from
    `crafts.py` are left in place, since products may still hold values for them.
    Returns the product classes by craft code.
    """
    classes = {}
    for craft in crafts:
        product_class, _ = ProductClass.objects.update_or_create(
            slug=craft.code,
            defaults={
                "name_en": craft.name,
                "name_fr": craft.name_fr,
                "hs_code": craft.hs_code,
                "requires_shipping": True,
                "track_stock": True,
            },
        )
        for spec in craft.attributes:
            option_group = None
            if spec.type == OPTION:
                option_group = _option_group_sync(
                    code=f"{craft.code}-{spec.code}", name=f"{craft.name}: {spec.name}", options=spec.options
                )
            ProductAttribute.objects.update_or_create(
                product_class=product_class,
                code=spec.code,
                defaults={
                    "name": spec.name,
                    "type": spec.type,
                    "required": spec.required,
                    "option_group": option_group,
                },
            )
        classes[craft.code] = product_class
    return classes


def _option_group_sync(*, code: str, name: str, options: tuple[str, ...]):
    group, _ = AttributeOptionGroup.objects.update_or_create(code=code, defaults={"name": name})
    existing = set(group.options.values_list("option", flat=True))
    AttributeOption.objects.bulk_create(
        [AttributeOption(group=group, option=option) for option in options if option not in existing]
    )
    return group


ExchangeRate = get_model("catalogue", "ExchangeRate")


class RateImportError(ValueError):
    pass


@transaction.atomic
def exchange_rates_import(*, rows, source: str = "") -> int:
    """Record rates from rows of (currency, units per 1 MAD, date); all or nothing.

    A rate already recorded for a currency and day is replaced. Returns how many were recorded.
    """
    count = 0
    for line, (currency, rate, as_of) in enumerate(rows, start=1):
        currency = str(currency).strip().upper()
        if currency not in SUPPORTED_CURRENCIES or currency == "MAD":
            raise RateImportError(f"Line {line}: {currency!r} is not a currency Souk converts to.")
        try:
            rate = Decimal(str(rate).strip())
        except InvalidOperation as exc:
            raise RateImportError(f"Line {line}: {rate!r} is not a number.") from exc
        if rate <= 0:
            raise RateImportError(f"Line {line}: a rate must be above zero.")
        if not isinstance(as_of, date_type):
            try:
                as_of = date_type.fromisoformat(str(as_of).strip())
            except ValueError as exc:
                raise RateImportError(f"Line {line}: {as_of!r} is not a date (YYYY-MM-DD).") from exc
        ExchangeRate.objects.update_or_create(
            currency=currency, as_of=as_of, defaults={"rate": rate, "source": source}
        )
        count += 1
    transaction.on_commit(exchange_rates_forget)
    return count


Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


class ProductPublicationError(ValueError):
    pass


@transaction.atomic
def product_unpublish(*, product, by, reason: str):
    """Take a product off the shop, with a reason its cooperative sees in the dashboard.

    Only platform staff unpublish; the product keeps its data and can be republished.
    """
    reason = (reason or "").strip()
    if not getattr(by, "is_staff", False):
        raise ProductPublicationError("Only platform staff can unpublish a product.")
    if not reason:
        raise ProductPublicationError("Give the cooperative a reason.")
    product.is_public = False
    product.unpublished_reason = reason
    product.unpublished_at = timezone.now()
    product.unpublished_by = by
    product.save(update_fields=["is_public", "unpublished_reason", "unpublished_at", "unpublished_by"])
    return product


@transaction.atomic
def product_republish(*, product, by):
    """Put an unpublished product back on the shop and clear the reason."""
    if not getattr(by, "is_staff", False):
        raise ProductPublicationError("Only platform staff can republish a product.")
    product.is_public = True
    product.unpublished_reason = ""
    product.unpublished_at = None
    product.unpublished_by = None
    product.save(update_fields=["is_public", "unpublished_reason", "unpublished_at", "unpublished_by"])
    return product


def product_image_renditions_ensure(*, image) -> dict:
    """The WebP renditions of a product image, written the first time they are asked for.

    Returns image.renditions ({"width", "height", "files": {width: [name, height]}}). Later
    calls read the names from the row and touch neither the storage nor the database.
    """
    if image.renditions.get("files") or not image.original:
        return image.renditions
    try:
        renditions = renditions_write(original_name=image.original.name)
    except (OSError, ValidationError):
        # An original that cannot be read (missing file, legacy upload) keeps its plain <img>.
        return image.renditions
    image.renditions = renditions
    image.width, image.height = renditions["width"], renditions["height"]
    ProductImage.objects.filter(pk=image.pk).update(
        renditions=renditions, width=image.width, height=image.height
    )
    return renditions


def product_images_reorder(*, product, image_ids: list[int]) -> None:
    """Put a product's images in the given order (the first is the primary photo)."""
    images = {image.pk: image for image in product.images.all()}
    ordered = [images[pk] for pk in image_ids if pk in images]
    ordered += [image for pk, image in images.items() if pk not in image_ids]
    for index, image in enumerate(ordered):
        if image.display_order != index:
            image.display_order = index
            image.save(update_fields=["display_order"])


SAMPLE_WEIGHT_KG = Decimal("0.500")
# Sample titles are stored per language like any product title.
SAMPLE_TITLE_SUFFIXES = {"en": "sample", "fr": "échantillon", "ar": "عينة"}


@transaction.atomic
def zellige_sample_sync(*, product, price: Decimal | None, stock: int | None):
    """Create, update or remove the sample sold with a zellige product.

    A sample is a product of its own (so it has its price, stock and basket line) tied to
    its tile by `sample_of`; it is never listed in the catalogue. `price=None` removes it.
    """
    try:
        existing = product.sample
    except Product.DoesNotExist:
        existing = None
    if price is None:
        if existing is not None:
            existing.delete()
        return None
    record = product.stockrecords.select_related("partner").first()
    if record is None:
        raise ValueError("The product needs a stock record before it can have a sample.")
    sample = existing or Product(sample_of=product, structure=Product.STANDALONE)
    sample.product_class = product.product_class
    sample.is_public = True
    sample.is_discountable = False
    sample.lead_time_days = 0
    sample.weight_kg = SAMPLE_WEIGHT_KG
    for language, suffix in SAMPLE_TITLE_SUFFIXES.items():
        title = getattr(product, f"title_{language}", "") or ""
        setattr(sample, f"title_{language}", f"{title} — {suffix}" if title else "")
    sample.upc = f"{product.upc}-S" if product.upc else None
    sample.save()
    StockRecord.objects.update_or_create(
        product=sample,
        partner=record.partner,
        defaults={
            "partner_sku": f"{record.partner_sku}-S",
            "price_currency": record.price_currency,
            "price": price,
            "num_in_stock": stock or 0,
        },
    )
    return sample
