"""Writes of a cooperative's own shipping rates: set or clear its rate to a zone.

A zone without a rate of its own charges the platform default (checkout/packing.py). Orders
already placed keep the shipping they were charged (`checkout.OrderShippingCharge`); a new rate
applies to baskets from the next page view.
"""

import logging
from decimal import Decimal

from django.db import transaction

from checkout.models import ShippingRate
from checkout.zones import Zone

logger = logging.getLogger(__name__)


@transaction.atomic
def shipping_rate_set(
    *,
    partner,
    zone: str,
    base_charge: Decimal,
    per_kg: Decimal,
    days_min: int,
    days_max: int,
    method_name: str = "",
    by=None,
) -> ShippingRate:
    """`partner`'s own rate to `zone`, created or replaced; validated as a whole (ValidationError)."""
    zone = Zone(zone)
    rate = ShippingRate.objects.select_for_update().filter(partner=partner, zone=zone).first()
    rate = rate or ShippingRate(partner=partner, zone=zone)
    rate.base_charge = Decimal(base_charge)
    rate.per_kg = Decimal(per_kg)
    rate.days_min = days_min
    rate.days_max = days_max
    rate.method_name = (method_name or "").strip()
    rate.full_clean()
    rate.save()
    logger.info(
        "Shipping rate of %s to %s set to %s + %s/kg, %s-%s days by %s",
        partner,
        zone,
        rate.base_charge,
        rate.per_kg,
        rate.days_min,
        rate.days_max,
        getattr(by, "pk", None),
    )
    return rate


@transaction.atomic
def shipping_rate_clear(*, partner, zone: str, by=None) -> bool:
    """Go back to the platform default for `zone`; False if `partner` had no rate of its own there."""
    deleted, _ = ShippingRate.objects.filter(partner=partner, zone=Zone(zone)).delete()
    if deleted:
        logger.info("Shipping rate of %s to %s cleared by %s", partner, zone, getattr(by, "pk", None))
    return bool(deleted)


@transaction.atomic
def shipping_rates_save(*, partner, rates: dict[str, dict | None], by=None) -> list[str]:
    """Set (a dict of `shipping_rate_set` fields) or clear (None) each zone in `rates`, all or nothing.

    Returns the zones whose rate changed.
    """
    own = {rate.zone: rate for rate in ShippingRate.objects.filter(partner=partner)}
    changed = []
    for zone, fields in rates.items():
        current = own.get(zone)
        if fields is None:
            if shipping_rate_clear(partner=partner, zone=zone, by=by):
                changed.append(zone)
            continue
        if current is not None and _same(current, fields):
            continue
        shipping_rate_set(partner=partner, zone=zone, by=by, **fields)
        changed.append(zone)
    return changed


def _same(rate: ShippingRate, fields: dict) -> bool:
    return (
        rate.base_charge == Decimal(fields["base_charge"])
        and rate.per_kg == Decimal(fields["per_kg"])
        and rate.days_min == fields["days_min"]
        and rate.days_max == fields["days_max"]
        and rate.method_name == (fields.get("method_name") or "").strip()
    )
