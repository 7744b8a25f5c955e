"""Reads of the shipping-rates page: each zone's platform default, a cooperative's own rate, examples.

The example prices go through `checkout.selectors.cooperative_quote`, the function the basket and
checkout use, so what a cooperative previews here is what a buyer is charged.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet
from oscar.core.loading import get_model

from checkout import packing
from checkout.models import ShippingRate
from checkout.selectors import CooperativeShipping, cooperative_quote, shipping_rate_for
from checkout.zones import Zone

Partner = get_model("partner", "Partner")

# One destination per zone for the examples: a country many of that zone's buyers live in.
ZONE_EXAMPLE_COUNTRY: dict[str, str] = {
    Zone.MOROCCO: "MA",
    Zone.EU: "FR",
    Zone.UK: "GB",
    Zone.NORTH_AMERICA: "US",
    Zone.GULF: "AE",
    Zone.WORLD: "JP",
}


@dataclass(frozen=True)
class ZoneRate:
    """One row of the page: a zone, the platform's rate, the cooperative's own (or None), examples."""

    zone: str
    default: packing.Rate
    own: ShippingRate | None
    example_default: CooperativeShipping
    example_own: CooperativeShipping | None

    @property
    def label(self) -> str:
        return Zone(self.zone).label

    @property
    def example_country(self) -> str:
        return ZONE_EXAMPLE_COUNTRY[self.zone]

    @property
    def example(self) -> CooperativeShipping:
        """What the example parcel costs this cooperative's buyers today."""
        return self.example_own or self.example_default


def shipping_partners_for_user(*, user) -> QuerySet:
    """Cooperatives whose rates `user` may see and change: all for platform staff, their own otherwise."""
    partners = Partner.objects.select_related("cooperative").order_by("name")
    if user.is_staff:
        return partners
    return partners.filter(users=user)


def shipping_partners_overview() -> QuerySet:
    """Every cooperative with how many zones it prices itself, for platform staff's picker."""
    return (
        Partner.objects.select_related("cooperative")
        .annotate(own_rates=Count("shipping_rates"))
        .order_by("name")
    )


def shipping_example_item(*, craft: str, weight_kg: Decimal) -> packing.Item:
    """One piece of `craft` weighing `weight_kg`, packed in the craft's usual box."""
    return packing.Item(craft=craft, quantity=1, weight_kg=weight_kg)


def shipping_rate_rows(*, partner, example: packing.Item) -> list[ZoneRate]:
    """Every zone with the platform default, `partner`'s own rate and what `example` costs at each."""
    own = {rate.zone: rate for rate in ShippingRate.objects.filter(partner=partner)}
    overrides = {(partner.pk, zone): rate for zone, rate in own.items()}
    rows = []
    for zone in Zone.values:
        default = packing.PLATFORM_RATES[Zone(zone)]
        rate = own.get(zone)
        rows.append(
            ZoneRate(
                zone=zone,
                default=default,
                own=rate,
                example_default=cooperative_quote(partner=partner, items=[example], rate=default),
                example_own=(
                    cooperative_quote(
                        partner=partner,
                        items=[example],
                        rate=shipping_rate_for(partner_id=partner.pk, zone=zone, overrides=overrides),
                    )
                    if rate is not None
                    else None
                ),
            )
        )
    return rows
