from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext, to_locale
from django.utils.translation import gettext as _

from catalogue.crafts import CRAFTS_BY_CODE
from catalogue.crafts_messages import ATTRIBUTE, OPTION
from catalogue.money import BASE_CURRENCY, money_convert, money_format
from catalogue.selectors import exchange_rates_current
from catalogue.services import product_image_renditions_ensure
from catalogue.units import METRIC, length_text, weight_text

register = template.Library()

UNIT_LABELS = {"m2": "m²"}


def _attribute_text(attribute_value, spec, units: str) -> str:
    value = attribute_value.value
    if attribute_value.attribute.type == "boolean":
        return _("Yes") if value else _("No")
    if spec is not None and spec.unit in ("cm", "mm") and value is not None:
        return length_text(value, spec.unit, units)
    if spec is not None and spec.unit == "kg" and value is not None:
        return weight_text(value, units)
    text = attribute_value.value_as_text
    if attribute_value.attribute.type == "option" and text:
        return pgettext(OPTION, text)
    if spec is not None and spec.unit:
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        return f"{text} {UNIT_LABELS.get(spec.unit, spec.unit)}"
    return text


@register.simple_tag(takes_context=True)
def product_specs(context, product) -> list[tuple[str, str]]:
    """(name, text) rows of the product's attributes, in the order its craft lists them.

    Lengths and weights follow the buyer's measurement system; flags read Yes/No; names and
    option values are translated (`catalogue.crafts_messages`). Uses the prefetched values.
    """
    units = context.get("buyer_units") or METRIC
    product_class = product.get_product_class()
    craft = CRAFTS_BY_CODE.get(product_class.slug if product_class else "")
    specs = {spec.code: spec for spec in craft.attributes} if craft else {}
    order = {code: index for index, code in enumerate(specs)}
    values = sorted(
        product.get_attribute_values(), key=lambda value: order.get(value.attribute.code, len(order))
    )
    return [
        (
            pgettext(ATTRIBUTE, value.attribute.name),
            _attribute_text(value, specs.get(value.attribute.code), units),
        )
        for value in values
    ]


@register.simple_tag(takes_context=True)
def buyer_weight(context, kilograms) -> str:
    """A weight stored in kilograms, in the buyer's measurement system."""
    return weight_text(kilograms, context.get("buyer_units") or METRIC) if kilograms is not None else ""


@register.simple_tag(takes_context=True)
def buyer_price(context, amount, currency="MAD"):
    """`amount` (MAD) in the buyer's currency, formatted for the page's language.

    Without a known rate for that currency the price stays in MAD, which is always correct.
    """
    if amount is None:
        return ""
    target = context.get("buyer_currency") or BASE_CURRENCY
    rates = context.get("exchange_rates") or exchange_rates_current()
    rate = rates.get(target)
    locale = to_locale(get_language() or "en")
    if currency != BASE_CURRENCY or target == BASE_CURRENCY or rate is None:
        return money_format(amount, currency, locale=locale)
    return money_format(money_convert(amount=amount, rate=rate.rate, currency=target), target, locale=locale)


# The rendition used as `src` for browsers without srcset support (and by crawlers).
FALLBACK_WIDTH = 768


@register.simple_tag
def product_image(image, sizes="100vw", alt=None, loading="lazy", css_class="", priority=False):
    """A responsive <img> of a product photo: WebP renditions in `srcset`, the `sizes` the
    layout gives, intrinsic width/height (no layout shift), lazy loading unless `priority`.

    Renditions are written the first time an image is shown and remembered on its row, so
    with images prefetched this costs no query. Without renditions (an unreadable original)
    it falls back to the original file.
    """
    if image is None or not hasattr(image, "renditions") or not image.original:
        return ""
    renditions = product_image_renditions_ensure(image=image)
    files = renditions.get("files") or {}
    alt_text = image.caption if alt is None else alt
    loading_attr = "eager" if priority else loading
    if not files:
        return format_html(
            '<img src="{}" alt="{}" class="{}" loading="{}" decoding="async">',
            image.original.url,
            alt_text,
            css_class,
            loading_attr,
        )
    widths = sorted(int(width) for width in files)
    srcset = ", ".join(f"{default_storage.url(files[str(width)][0])} {width}w" for width in widths)
    fallback = max([width for width in widths if width <= FALLBACK_WIDTH] or widths[:1])
    largest = widths[-1]
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" class="{}" loading="{}" '
        'decoding="async"{}>',
        default_storage.url(files[str(fallback)][0]),
        srcset,
        sizes,
        largest,
        files[str(largest)][1],
        alt_text,
        css_class,
        loading_attr,
        mark_safe(' fetchpriority="high"') if priority else "",
    )


@register.simple_tag
def product_image_url(image, width=1600) -> str:
    """The URL of the rendition closest to `width` (for zoom links), or of the original."""
    if image is None or not hasattr(image, "renditions") or not image.original:
        return ""
    files = product_image_renditions_ensure(image=image).get("files") or {}
    if not files:
        return image.original.url
    widths = sorted(int(w) for w in files)
    best = min(widths, key=lambda w: (abs(w - int(width)), -w))
    return default_storage.url(files[str(best)][0])
