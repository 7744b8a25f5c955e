from decimal import Decimal
from functools import lru_cache

from django import template
from django.utils.translation import get_language, gettext

from checkout.destination import COUNTRY, COUNTRY_NAMES, country_name
from checkout.selectors import product_shipping_quote

register = template.Library()


@register.filter
def carrier(method_name: str) -> str:
    """A shipping method's name in the buyer's language: the platform's own names are
    translated; a name a cooperative typed is shown as typed."""
    return gettext(method_name) if method_name else ""


@register.simple_tag
def basket_groups(formset, quotes):
    """The basket's line forms grouped by cooperative, each with its subtotal and shipping quote.

    Groups follow the quotes' order (the order cooperatives first appear in the basket).
    """
    by_partner = {quote.partner.pk: quote for quote in quotes}
    groups: dict[int, dict] = {}
    for form in formset:
        line = form.instance
        partner_id = line.stockrecord.partner_id if line.stockrecord_id else None
        group = groups.setdefault(
            partner_id,
            {"quote": by_partner.get(partner_id), "forms": [], "subtotal": Decimal("0.00"), "partner": None},
        )
        if line.stockrecord_id:
            group["partner"] = line.stockrecord.partner
        group["forms"].append(form)
        group["subtotal"] += line.line_price_incl_tax or Decimal("0.00")
    return list(groups.values())


@register.simple_tag
def lines_by_cooperative(lines, quotes):
    """Order or basket lines grouped like `basket_groups`, for the read-only preview and emails."""
    by_partner = {getattr(q, "partner_id", None) or q.partner.pk: q for q in quotes}
    groups: dict[int, dict] = {}
    for line in lines:
        partner_id = getattr(line, "partner_id", None) or (
            line.stockrecord.partner_id if line.stockrecord_id else None
        )
        group = groups.setdefault(
            partner_id, {"quote": by_partner.get(partner_id), "lines": [], "subtotal": Decimal("0.00")}
        )
        group["lines"].append(line)
        group["subtotal"] += line.line_price_incl_tax or Decimal("0.00")
    return list(groups.values())


@register.simple_tag(takes_context=True)
def buyer_country(context):
    request = context.get("request")
    code = COUNTRY.get(request) if request is not None else "US"
    return {"code": code, "name": country_name(code, language=get_language() or "en")}


@register.simple_tag
def country_options():
    return _country_options(get_language() or "en")


@lru_cache(maxsize=16)
def _country_options(language: str) -> tuple[tuple[str, str], ...]:
    # Names of ~250 territories from CLDR, sorted: the same for every page in a language.
    return tuple(
        sorted(((code, country_name(code, language=language)) for code in COUNTRY_NAMES), key=lambda c: c[1])
    )


@register.simple_tag(takes_context=True)
def shipping_estimate(context, product):
    """One piece of `product` shipped alone to the buyer's country: charge (MAD) and days."""
    request = context.get("request")
    code = COUNTRY.get(request) if request is not None else "US"
    return product_shipping_quote(product=product, country_code=code)


@register.simple_tag
def shipping_quotes_for(shipping_method, basket):
    """The per-cooperative quotes behind the basket's shipping charge (empty for other methods)."""
    return shipping_method.quotes(basket) if hasattr(shipping_method, "quotes") else []


@register.filter
def money(amount, currency):
    """`amount` already in `currency` (a charge), formatted for the page's language: €856.32."""
    from django.utils.translation import to_locale

    from catalogue.money import money_format

    if amount in (None, ""):
        return ""
    return money_format(Decimal(amount), currency, locale=to_locale(get_language() or "en"))
