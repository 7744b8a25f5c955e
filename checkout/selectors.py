"""Read-side queries of checkout: shipping quotes per cooperative, an order's shipping split."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from oscar.core.loading import get_model

from marketplace.cache import cache_version, cache_version_bump

from . import packing
from .models import OrderShippingCharge, ShippingRate, StripeEvent
from .zones import Zone, country_zone

Partner = get_model("partner", "Partner")


@dataclass
class CooperativeShipping:
    """One cooperative's parcel to the destination: what it weighs, costs and how long it takes."""

    partner: object
    zone: str
    method_name: str
    charge: Decimal
    days_min: int
    days_max: int
    parcel: packing.Parcel
    lines: list = field(default_factory=list)

    @property
    def cooperative(self):
        return getattr(self.partner, "cooperative", None)

    @property
    def name(self) -> str:
        cooperative = self.cooperative
        return cooperative.name if cooperative else self.partner.name

    @property
    def zone_label(self) -> str:
        return Zone(self.zone).label


def shipping_rate_for(*, partner_id: int | None, zone: str, overrides: dict | None = None) -> packing.Rate:
    """The cooperative's own rate to `zone` when it set one, else the platform default."""
    if overrides is None:
        overrides = {}
        if partner_id is not None:
            overrides = {
                (r.partner_id, r.zone): r
                for r in ShippingRate.objects.filter(partner_id=partner_id, zone=zone)
            }
    default = packing.PLATFORM_RATES[Zone(zone)]
    own = overrides.get((partner_id, zone))
    if own is None:
        return default
    return packing.Rate(
        zone=zone,
        base_charge=own.base_charge,
        per_kg=own.per_kg,
        days_min=own.days_min,
        days_max=own.days_max,
        method_name=own.method_name or default.method_name,
    )


SHIPPING_RATES_VERSION_KEY = "checkout:shipping-rates:version"
SHIPPING_RATES_TTL = 3600
_NO_OWN_RATE = "platform"  # cached for a cooperative that charges the platform's rate


def shipping_rates_own(*, partner_ids, zone: str) -> dict[tuple[int, str], ShippingRate]:
    """{(partner id, zone): rate} of the cooperatives among `partner_ids` that set their own rate
    to `zone` (the others charge the platform's). Read from the cache, which any saved or
    deleted rate empties (`shipping_rates_forget`), so a cooperative's new rate shows at once."""
    version = cache_version(SHIPPING_RATES_VERSION_KEY)
    keys = {partner_id: f"checkout:shipping-rate:{version}:{partner_id}:{zone}" for partner_id in partner_ids}
    found = cache.get_many(list(keys.values()))
    missing = [partner_id for partner_id, key in keys.items() if key not in found]
    if missing:
        rates = ShippingRate.objects.filter(partner_id__in=missing, zone=zone)
        loaded = {rate.partner_id: rate for rate in rates}
        stored = {keys[partner_id]: loaded.get(partner_id, _NO_OWN_RATE) for partner_id in missing}
        cache.set_many(stored, SHIPPING_RATES_TTL)
        found.update(stored)
    return {(partner_id, zone): found[key] for partner_id, key in keys.items() if found[key] != _NO_OWN_RATE}


def shipping_rates_forget(**kwargs) -> None:
    """Forget the cached rates (a signal receiver: takes **kwargs): now, and again once the
    transaction commits, in case a page cached the old rate meanwhile."""
    if kwargs.get("raw"):
        return
    cache_version_bump(SHIPPING_RATES_VERSION_KEY)
    transaction.on_commit(lambda: cache_version_bump(SHIPPING_RATES_VERSION_KEY))


def _attribute(product, code: str):
    for value in product.get_attribute_values():
        if value.attribute.code == code:
            return value.value
    return None


def packing_item(*, product, quantity: int) -> packing.Item:
    """How the packer sees `quantity` of `product` (its craft, weight, rug size, making time)."""
    product_class = product.get_product_class()
    craft = product_class.slug if product_class else ""
    width = length = None
    if craft == "rug":
        width, length = _attribute(product, "width_cm"), _attribute(product, "length_cm")
    weight = product.weight_kg
    if weight is None and product.parent_id:
        weight = product.parent.weight_kg
    return packing.Item(
        craft=craft,
        quantity=quantity,
        weight_kg=weight,
        width_cm=Decimal(width) if width else None,
        length_cm=Decimal(length) if length else None,
        lead_time_days=product.lead_time_days or 0,
    )


def shipping_quotes(*, lines, country_code: str) -> list[CooperativeShipping]:
    """One quote per cooperative in `lines` (basket or order lines with product, stockrecord, quantity).

    Quotes follow the order the cooperatives first appear in, so the basket reads top to bottom.
    """
    zone = country_zone(country_code)
    groups: dict[int, list] = {}
    partners: dict[int, object] = {}
    for line in lines:
        if line.stockrecord_id is None:
            continue
        partner = line.stockrecord.partner
        partners[partner.pk] = partner
        groups.setdefault(partner.pk, []).append(line)
    overrides = shipping_rates_own(partner_ids=list(groups), zone=zone)
    quotes = []
    for partner_id, partner_lines in groups.items():
        items = [packing_item(product=line.product, quantity=line.quantity) for line in partner_lines]
        rate = shipping_rate_for(partner_id=partner_id, zone=zone, overrides=overrides)
        quotes.append(
            cooperative_quote(partner=partners[partner_id], items=items, rate=rate, lines=partner_lines)
        )
    return quotes


def cooperative_quote(
    *, partner, items: list[packing.Item], rate: packing.Rate, lines=()
) -> CooperativeShipping:
    """One cooperative's parcel of `items` at `rate`: what basket, checkout and the rate preview show."""
    parcel = packing.parcel_pack(items)
    days_min, days_max = packing.delivery_days(items, rate)
    return CooperativeShipping(
        partner=partner,
        zone=rate.zone,
        method_name=rate.method_name,
        charge=packing.parcel_charge(parcel, rate),
        days_min=days_min,
        days_max=days_max,
        parcel=parcel,
        lines=list(lines),
    )


def product_shipping_quote(*, product, country_code: str) -> CooperativeShipping | None:
    """The quote for one piece of `product` alone to `country_code` (the product page estimate)."""
    record = next(iter(product.stockrecords.all()), None)
    if record is None:
        return None

    class _Line:
        stockrecord_id = record.pk
        stockrecord = record
        quantity = 1

    _Line.product = product
    quotes = shipping_quotes(lines=[_Line()], country_code=country_code)
    return quotes[0] if quotes else None


def order_shipping_by_partner(*, order) -> dict[int, OrderShippingCharge]:
    """partner id -> the shipping that cooperative charged on `order` (MAD, zone, method, days)."""
    return {charge.partner_id: charge for charge in order.shipping_by_partner.all()}


def stripe_events_to_retry(*, limit: int = 100):
    """Stored webhook events whose handling failed, oldest first."""
    return StripeEvent.objects.filter(status=StripeEvent.Status.FAILED).order_by("received_at")[:limit]
