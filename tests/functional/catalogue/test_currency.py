"""Buyers see prices in their currency; staff keep the rates."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import ExchangeRate
from catalogue.services import RateImportError, exchange_rates_import
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rug():
    exchange_rates_import(rows=[("USD", "0.1", date(2026, 11, 1)), ("JPY", "15.3", date(2026, 11, 1))])
    return ProductFactory(title="Beni Ourain rug", stockrecord__price=Decimal("6100.00"))


def test_an_american_browser_sees_dollars(client, rug):
    html = client.get(rug.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()

    assert "$610.00" in html
    assert "6,100.00 MAD" in html


def test_the_currency_switcher_remembers_the_choice_and_returns_to_the_page(client, rug):
    response = client.post("/currency/", {"currency": "JPY", "next": rug.get_absolute_url()})

    assert response.status_code == 302
    assert response["Location"] == rug.get_absolute_url()
    assert response.cookies["souk_currency"].value == "JPY"
    assert "¥93,330" in client.get(rug.get_absolute_url()).content.decode()


def test_the_switcher_ignores_unknown_currencies_and_foreign_redirects(client, rug):
    response = client.post("/currency/", {"currency": "XBT", "next": "https://evil.example/"})

    assert response["Location"] == "/"
    assert "souk_currency" not in response.cookies


def test_without_a_rate_prices_stay_in_dirhams(client):
    product = ProductFactory(stockrecord__price=Decimal("450.00"))

    html = client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()

    assert "450.00\u00a0MAD" in html


def test_import_rates_reads_a_csv_file(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("currency,rate,as_of\nEUR,0.0925,2026-11-20\nGBP,0.079,2026-11-20\n")

    call_command("import_rates", str(path), "--source", "Bank Al-Maghrib")

    assert ExchangeRate.objects.get(currency="EUR").rate == Decimal("0.0925")
    assert ExchangeRate.objects.get(currency="GBP").source == "Bank Al-Maghrib"


def test_a_bad_line_imports_nothing_and_says_which_line(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("currency,rate,as_of\nEUR,0.0925,2026-11-20\nGBP,-1,2026-11-20\n")

    with pytest.raises(CommandError, match="Line 2"):
        call_command("import_rates", str(path))

    assert not ExchangeRate.objects.exists()


def test_rates_are_refused_for_currencies_souk_does_not_show():
    with pytest.raises(RateImportError, match="XBT"):
        exchange_rates_import(rows=[("XBT", "0.00001", "2026-11-20")])


def test_sizes_follow_the_buyers_choice_of_units(client):
    from catalogue.services import product_classes_sync

    classes = product_classes_sync()
    product = ProductFactory(product_class=classes["rug"], weight_kg=Decimal("10"))
    product.attr.width_cm = 200
    product.attr.save()

    metric = client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr-FR").content.decode()
    client.post("/units/", {"units": "imperial", "next": product.get_absolute_url()})
    imperial = client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr-FR").content.decode()

    assert "200 cm" in metric and "10 kg" in metric
    assert "6 ft 7 in" in imperial and "22 lb" in imperial
