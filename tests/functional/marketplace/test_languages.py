"""French lives under /fr/ and Arabic under /ar/, right to left, with our own strings translated."""

import pytest

from tests.factories import ProductFactory, category_create

pytestmark = pytest.mark.django_db


def test_french_pages_are_in_french(client):
    ProductFactory(title_en="Beni Ourain rug", title_fr="Tapis Beni Ourain")

    html = client.get("/fr/shop/catalogue/").content.decode()

    assert '<html lang="fr" dir="ltr"' in html
    assert "Trier par" in html
    assert "Tapis Beni Ourain" in html


def test_arabic_pages_read_right_to_left(client):
    category_create(name="Rugs", slug="rugs")

    html = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl"' in html
    assert "تسوّق حسب الحرفة" in html


def test_english_stays_at_unprefixed_urls(client):
    category_create(name="Rugs", slug="rugs")

    html = client.get("/").content.decode()

    assert '<html lang="en" dir="ltr"' in html
    assert "Shop by craft" in html
