"""The shipping-rates page's examples: every packed craft can be priced, every zone has its country."""

from checkout import packing
from checkout.shipping.forms import CRAFT_LABELS
from checkout.shipping.selectors import ZONE_EXAMPLE_COUNTRY
from checkout.zones import Zone, country_zone


def test_every_craft_the_packer_knows_can_be_the_example_piece():
    assert set(CRAFT_LABELS) == set(packing.CRAFT_BOX_CM)


def test_each_zones_example_country_ships_in_that_zone():
    assert set(ZONE_EXAMPLE_COUNTRY) == set(Zone.values)
    for zone, country in ZONE_EXAMPLE_COUNTRY.items():
        assert country_zone(country) == zone
