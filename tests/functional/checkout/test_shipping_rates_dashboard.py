"""Cooperatives set their own shipping rate per zone in the dashboard, over the platform defaults."""

from decimal import Decimal

import pytest

from checkout import packing
from checkout.models import ShippingRate
from checkout.selectors import shipping_quotes
from checkout.zones import Zone
from tests.checkout_support import basket_create
from tests.factories import CooperativeFactory, CooperativeStaffFactory, ProductFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

URL = "/shop/dashboard/shipping/"


def _row(zone, **values):
    """POST data for every zone: `zone` gets `values`, the others stay empty (platform default)."""
    data = {}
    for code in Zone.values:
        for field in ("method_name", "base_charge", "per_kg", "days_min", "days_max"):
            data[f"{code}-{field}"] = values.get(field, "") if code == zone else ""
    return data


@pytest.fixture
def tifawin():
    cooperative = CooperativeFactory(partner__name="Coopérative Tifawin")
    return cooperative, CooperativeStaffFactory(cooperative=cooperative)


def test_a_cooperative_sees_the_platform_default_of_every_zone_and_a_priced_example(client, tifawin):
    _cooperative, staff = tifawin
    client.force_login(staff)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    for zone in Zone:
        assert str(zone.label) in html
    # A 4 kg rug in its box bills 12 kg volumetric: 180 + 55 × 12 to France at the platform default.
    sentence = response.context["headline"].example
    assert sentence.charge == Decimal("840.00")
    assert sentence.parcel.chargeable_kg == Decimal("12")
    assert "A 4 kg rug to France costs" in html


def test_a_cooperative_sets_its_own_rate_and_the_basket_charges_it(client, tifawin):
    cooperative, staff = tifawin
    rug = ProductFactory(weight_kg=Decimal("4.000"), stockrecord__cooperative=cooperative)
    client.force_login(staff)

    response = client.post(
        URL,
        _row(
            "EU", method_name="CTM Messagerie", base_charge="120", per_kg="30.50", days_min="6", days_max="10"
        ),
    )

    assert response.status_code == 302
    rate = ShippingRate.objects.get(partner=cooperative.partner)
    assert (rate.zone, rate.base_charge, rate.per_kg, rate.days_min, rate.days_max, rate.method_name) == (
        "EU",
        Decimal("120.00"),
        Decimal("30.50"),
        6,
        10,
        "CTM Messagerie",
    )
    quote = shipping_quotes(lines=basket_create((rug, 1)).all_lines(), country_code="FR")[0]
    assert quote.method_name == "CTM Messagerie"
    assert quote.charge == Decimal("120.00") + Decimal("30.50") * quote.parcel.chargeable_kg
    # The page prices the example at the new rate, with the default beside it.
    page = client.get(URL)
    eu = next(row for row, _form, _country in page.context["rows"] if row.zone == "EU")
    assert eu.example.charge == Decimal("120.00") + Decimal("30.50") * 12
    assert eu.example_default.charge == Decimal("840.00")
    assert "Shipping rates saved: European Union" in page.content.decode()


def test_an_emptied_row_or_the_reset_button_goes_back_to_the_platform_default(client, tifawin):
    cooperative, staff = tifawin
    for zone in ("EU", "UK"):
        ShippingRate.objects.create(
            partner=cooperative.partner, zone=zone, base_charge=100, per_kg=20, days_min=3, days_max=5
        )
    client.force_login(staff)

    client.post(URL, {**_row("UK", base_charge="100", per_kg="20", days_min="3", days_max="5")})
    assert list(ShippingRate.objects.values_list("zone", flat=True)) == ["UK"]

    client.post(URL, {"reset": "UK"})
    assert not ShippingRate.objects.exists()


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"base_charge": "-5", "per_kg": "10", "days_min": "2", "days_max": "4"},
            "base_charge",
            "cannot be negative",
        ),
        (
            {"base_charge": "18000", "per_kg": "10", "days_min": "2", "days_max": "4"},
            "base_charge",
            "extra zero",
        ),
        (
            {"base_charge": "100", "per_kg": "1.234", "days_min": "2", "days_max": "4"},
            "per_kg",
            "two decimals",
        ),
        (
            {"base_charge": "100", "per_kg": "10", "days_min": "9", "days_max": "4"},
            "days_max",
            "Cannot be shorter",
        ),
        (
            {"base_charge": "100", "per_kg": "10", "days_min": "0", "days_max": "4"},
            "days_min",
            "At least one day",
        ),
        (
            {"base_charge": "100", "per_kg": "10", "days_min": "2", "days_max": "400"},
            "days_max",
            "At most 90 days",
        ),
        ({"base_charge": "100", "days_min": "2", "days_max": "4"}, "per_kg", "Empty the whole row"),
        (
            {"base_charge": "cheap", "per_kg": "10", "days_min": "2", "days_max": "4"},
            "base_charge",
            "e.g. 180",
        ),
    ],
)
def test_an_invalid_rate_is_refused_with_a_clear_message_and_the_typed_values_kept(
    client, tifawin, values, field, message
):
    _cooperative, staff = tifawin
    client.force_login(staff)

    response = client.post(URL, _row("GULF", **values))

    assert response.status_code == 400
    assert not ShippingRate.objects.exists()
    form = next(form for row, form, _country in response.context["rows"] if row.zone == "GULF")
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert message in html
    for name, value in values.items():
        assert f'name="GULF-{name}"' in html
        assert f'value="{value}"' in html


def test_one_invalid_zone_saves_nothing(client, tifawin):
    _cooperative, staff = tifawin
    client.force_login(staff)
    data = _row("EU", base_charge="120", per_kg="30", days_min="6", days_max="10")
    data.update({"UK-base_charge": "-1", "UK-per_kg": "30", "UK-days_min": "6", "UK-days_max": "10"})

    response = client.post(URL, data)

    assert response.status_code == 400
    assert not ShippingRate.objects.exists()


def test_the_example_prices_another_piece_on_request(client, tifawin):
    _cooperative, staff = tifawin
    client.force_login(staff)

    response = client.get(URL, {"craft": "zellige", "weight_kg": "45"})

    eu = response.context["headline"]
    # 45 kg of tiles need one crate: 57 kg billed, plus the crate's surcharge.
    expected = packing.PLATFORM_RATES[Zone.EU]
    assert eu.example.parcel.crates == 1
    assert eu.example.charge == expected.base_charge + expected.per_kg * 57 + packing.CRATE_CHARGE
    assert "A 45 kg box of zellige to France costs" in response.content.decode()


def test_platform_staff_pick_any_cooperative_and_change_its_rates(client, tifawin):
    cooperative, _staff = tifawin
    client.force_login(StaffUserFactory())

    overview = client.get(URL)
    response = client.post(
        URL,
        {
            "partner": cooperative.partner.pk,
            **_row("NA", base_charge="200", per_kg="70", days_min="7", days_max="12"),
        },
    )

    assert "Coopérative Tifawin" in overview.content.decode()
    assert response.status_code == 302 and response["Location"].endswith(f"?partner={cooperative.partner.pk}")
    assert ShippingRate.objects.get().zone == "NA"


def test_a_cooperative_cannot_read_or_change_another_cooperatives_rates(client, tifawin):
    _cooperative, staff = tifawin
    nejma = CooperativeFactory(partner__name="Coopérative Nejma")
    ShippingRate.objects.create(
        partner=nejma.partner,
        zone="EU",
        method_name="Nejma courier",
        base_charge=99,
        per_kg=9,
        days_min=2,
        days_max=3,
    )
    client.force_login(staff)

    read = client.get(URL, {"partner": nejma.partner.pk})
    write = client.post(
        URL,
        {"partner": nejma.partner.pk, **_row("EU", base_charge="1", per_kg="1", days_min="1", days_max="1")},
    )
    reset = client.post(URL, {"partner": nejma.partner.pk, "reset": "EU"})
    own_page = client.get(URL)

    assert (read.status_code, write.status_code, reset.status_code) == (404, 404, 404)
    assert ShippingRate.objects.get(partner=nejma.partner).base_charge == Decimal("99.00")
    assert "Nejma courier" not in own_page.content.decode()


def test_every_mistake_of_a_row_is_reported_at_once(client, tifawin):
    _cooperative, staff = tifawin
    client.force_login(staff)

    response = client.post(URL, _row("UK", base_charge="18000", per_kg="12.345", days_min="9", days_max="4"))

    form = next(form for row, form, _country in response.context["rows"] if row.zone == "UK")
    assert form.errors["base_charge"] == ["At most 5000 MAD: check for an extra zero."]
    assert form.errors["per_kg"] == ["Dirhams and centimes only (two decimals)."]
    assert form.errors["days_max"] == ["Cannot be shorter than the shortest delivery time."]
    assert 'aria-invalid="true"' in response.content.decode()
