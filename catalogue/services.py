"""Write-side rules of the catalogue."""

from django.db import transaction
from oscar.core.loading import get_model

from .crafts import CRAFTS, OPTION, CraftSpec

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
