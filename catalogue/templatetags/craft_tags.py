from django import template
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from catalogue.crafts import CRAFTS_BY_CODE
from catalogue.money import BASE_CURRENCY, money_convert, money_format
from catalogue.selectors import exchange_rates_current

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


@register.simple_tag(takes_context=True)
def buyer_price(context, amount, currency="MAD"):
    """`amount` (MAD) in the buyer's currency, formatted for the page's language.

    Without a known rate for that currency the price stays in MAD, which is always correct.
    """
    if amount is None:
        return ""
    target = context.get("buyer_currency") or BASE_CURRENCY
    rate = exchange_rates_current().get(target)
    locale = to_locale(get_language() or "en")
    if currency != BASE_CURRENCY or target == BASE_CURRENCY or rate is None:
        return money_format(amount, currency, locale=locale)
    return money_format(money_convert(amount=amount, rate=rate.rate, currency=target), target, locale=locale)


@register.simple_tag
def mad_price(amount):
    """The price in dirhams, as the cooperative set it."""
    if amount is None:
        return ""
    return money_format(amount, BASE_CURRENCY, locale=to_locale(get_language() or "en"))
