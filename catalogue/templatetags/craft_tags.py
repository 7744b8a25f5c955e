from django import template
from django.utils.translation import gettext as _

from catalogue.crafts import CRAFTS_BY_CODE

register = template.Library()

UNIT_LABELS = {"m2": "m²"}


@register.filter
def attribute_display(attribute_value) -> str:
    """An attribute value as a buyer reads it: units for sizes, Yes/No for flags."""
    attribute = attribute_value.attribute
    value = attribute_value.value
    if attribute.type == "boolean":
        return _("Yes") if value else _("No")
    craft = CRAFTS_BY_CODE.get(attribute.product_class.slug if attribute.product_class_id else "")
    spec = next((a for a in craft.attributes if a.code == attribute.code), None) if craft else None
    text = attribute_value.value_as_text
    if spec and spec.unit:
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        return f"{text} {UNIT_LABELS.get(spec.unit, spec.unit)}"
    return text


@register.simple_tag
def ordered_attribute_values(product) -> list:
    """The product's attribute values in the order its craft lists them (crafts.py)."""
    values = list(product.get_attribute_values())
    craft = CRAFTS_BY_CODE.get(product.get_product_class().slug if product.get_product_class() else "")
    if craft is None:
        return values
    order = {spec.code: index for index, spec in enumerate(craft.attributes)}
    return sorted(values, key=lambda value: order.get(value.attribute.code, len(order)))
