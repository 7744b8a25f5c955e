from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from checkout import services
from checkout.models import OrderLineCustoms, ShippingRate
from checkout.selectors import order_shipping_by_partner, shipping_quotes
from checkout.zones import Zone
from tests.checkout_support import basket_create, order_place
from tests.factories import CooperativeFactory, ProductClassFactory, ProductFactory

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")


def test_an_order_from_two_cooperatives_is_placed_pending_with_shipping_and_customs_per_cooperative():
    # given a basket with a rug from one cooperative and zellige from another
    rug = ProductFactory(weight_kg=Decimal("12.000"), stockrecord__price=Decimal("6100.00"))
    zellige_class = ProductClassFactory(name="Zellige", slug="zellige", hs_code="6907")
    tiles = ProductFactory(
        product_class=zellige_class,
        weight_kg=Decimal("22.000"),
        stockrecord__price=Decimal("900.00"),
        stockrecord__stock=10,
    )
    basket = basket_create((rug, 1), (tiles, 2))

    # when it is placed for a buyer in France
    order = order_place(basket, country="FR")

    # then the order waits for payment with the stock held
    assert order.status == "Pending payment"
    assert StockRecord.objects.get(product=rug).num_allocated == 1
    assert StockRecord.objects.get(product=tiles).num_allocated == 2
    # and each cooperative's shipping is stored, zellige with its crate
    by_partner = order_shipping_by_partner(order=order)
    rug_partner, tiles_partner = rug.stockrecords.get().partner_id, tiles.stockrecords.get().partner_id
    assert set(by_partner) == {rug_partner, tiles_partner}
    assert by_partner[tiles_partner].zone == Zone.EU and by_partner[tiles_partner].crates == 1
    assert by_partner[rug_partner].days_min == 5 and by_partner[rug_partner].days_max == 9
    assert order.shipping_incl_tax == sum(c.charge for c in by_partner.values())
    # and every line carries its customs facts
    customs = {c.line.product_id: c for c in OrderLineCustoms.objects.select_related("line")}
    assert customs[rug.pk].hs_code == "5701" and customs[rug.pk].origin_country == "MA"
    assert customs[tiles.pk].hs_code == "6907"
    assert customs[tiles.pk].unit_value == Decimal("900.00")
    assert customs[tiles.pk].total_weight_kg == Decimal("44.000")


def test_a_cooperative_rate_replaces_the_platform_default_for_its_zone_only():
    cooperative = CooperativeFactory()
    product = ProductFactory(stockrecord__cooperative=cooperative, weight_kg=Decimal("1.000"))
    ShippingRate.objects.create(
        partner=cooperative.partner,
        zone=Zone.UK,
        base_charge=Decimal("90.00"),
        per_kg=Decimal("10.00"),
        days_min=3,
        days_max=4,
        method_name="Royal Mail via Tangier",
    )
    basket = basket_create((product, 1))

    (uk,) = shipping_quotes(lines=basket.all_lines(), country_code="GB")
    (us,) = shipping_quotes(lines=basket.all_lines(), country_code="US")

    assert uk.method_name == "Royal Mail via Tangier"
    assert uk.charge == Decimal("90.00") + Decimal("10.00") * uk.parcel.chargeable_kg
    assert (uk.days_min, uk.days_max) == (3, 4)
    assert us.method_name == "Express courier"


def test_the_last_unit_of_a_one_of_a_kind_rug_is_sold_once():
    rug = ProductFactory(stockrecord__stock=1)
    first, second = basket_create((rug, 1)), basket_create((rug, 1))
    order_place(first)

    with pytest.raises(services.OutOfStock, match="sold out"):
        order_place(second)

    assert StockRecord.objects.get(product=rug).num_allocated == 1
    assert second.lines.count() == 1
