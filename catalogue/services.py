"""Write-side rules of the catalogue."""

from datetime import date as date_type
from decimal import Decimal, InvalidOperation

from django.db import transaction
from oscar.core.loading import get_model

from .crafts import CRAFTS, OPTION, CraftSpec
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
