from decimal import Decimal

from checkout import packing
from checkout.zones import Zone, country_zone


def test_countries_fall_into_the_six_destination_zones():
    assert country_zone("MA") == Zone.MOROCCO
    assert country_zone("fr") == Zone.EU
    assert country_zone("GB") == Zone.UK
    assert country_zone("CA") == Zone.NORTH_AMERICA
    assert country_zone("AE") == Zone.GULF
    assert country_zone("JP") == Zone.WORLD
    assert country_zone("") == Zone.WORLD


def test_carriers_bill_the_volumetric_weight_of_a_light_bulky_parcel():
    # given a 3 kg lantern packed in a 45 x 45 x 60 cm box (24.3 kg volumetric)
    parcel = packing.parcel_pack([packing.Item(craft="lighting", quantity=1, weight_kg=Decimal(3))])

    # then the billed weight is the volumetric one, rounded up to the half kilo
    assert parcel.actual_kg == Decimal(3)
    assert parcel.chargeable_kg == Decimal("24.5")


def test_a_folded_rug_is_billed_on_its_size_when_that_outweighs_the_wool():
    rug = packing.Item(
        craft="rug", quantity=1, weight_kg=Decimal(12), width_cm=Decimal(200), length_cm=Decimal(300)
    )

    parcel = packing.parcel_pack([rug])

    assert parcel.volumetric_kg == Decimal(18)
    assert parcel.chargeable_kg == Decimal(18)


def test_zellige_ships_in_crates_that_add_weight_and_a_surcharge():
    # given 3 boxes of 22 kg of tiles: 66 kg, more than one crate holds
    tiles = packing.Item(craft="zellige", quantity=3, weight_kg=Decimal(22))

    parcel = packing.parcel_pack([tiles])
    charge = packing.parcel_charge(parcel, packing.PLATFORM_RATES[Zone.EU])

    assert parcel.crates == 2
    assert parcel.actual_kg == Decimal(66) + 2 * packing.CRATE_TARE_KG
    expected = Decimal("180.00") + Decimal("55.00") * parcel.chargeable_kg + 2 * packing.CRATE_CHARGE
    assert charge == expected


def test_delivery_estimate_adds_the_slowest_making_time_to_the_transit():
    items = [
        packing.Item(craft="ceramics", quantity=1, lead_time_days=0),
        packing.Item(craft="leather", quantity=1, lead_time_days=21),
    ]

    assert packing.delivery_days(items, packing.PLATFORM_RATES[Zone.NORTH_AMERICA]) == (28, 33)


def test_products_without_a_weight_use_their_craft_default():
    assert packing.Item(craft="rug", quantity=1).unit_weight_kg == packing.CRAFT_WEIGHT_KG["rug"]
    assert packing.Item(craft="unknown", quantity=1).unit_weight_kg == packing.DEFAULT_WEIGHT_KG
