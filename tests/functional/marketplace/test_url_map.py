"""Every URL of the foundation's URL map answers as a buyer, a crawler or a robot expects."""

import pytest
from django.urls import reverse

from tests.factories import CooperativeFactory, ProductFactory, category_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    cooperative = CooperativeFactory(name="Coopérative Tifawin", slug="tifawin")
    product = ProductFactory(
        title="Beni Ourain rug, ivory, 200 × 300 cm", stockrecord__cooperative=cooperative
    )
    category = category_create(name="Rugs", slug="rugs")
    product.categories.add(category)
    return {"cooperative": cooperative, "product": product, "category": category}


PUBLIC_PAGES = [
    "/",
    "/shop/catalogue/",
    "/shop/basket/",
    "/shop/search/?q=rug",
    "/shop/accounts/login/",
    "/cooperatives/",
    "/cooperatives/tifawin/",
    "/sitemap.xml",
    "/robots.txt",
    "/cms/login/",
    "/django-admin/login/",
    "/fr/",
    "/ar/",
    "/fr/shop/catalogue/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_answer_200(client, shop, url):
    response = client.get(url)

    assert response.status_code == 200, f"{url} answered {response.status_code}"


def test_product_page_is_served_at_slug_and_pk(client, shop):
    product = shop["product"]

    response = client.get(product.get_absolute_url())

    assert product.get_absolute_url() == f"/shop/catalogue/{product.slug}_{product.pk}/"
    assert response.status_code == 200
    assert "Beni Ourain rug, ivory" in response.content.decode()


def test_category_page_lists_its_products(client, shop):
    response = client.get(shop["category"].get_absolute_url())

    assert response.status_code == 200
    assert shop["product"].title in response.content.decode()


PROTECTED_PAGES = [
    ("/shop/accounts/", "/shop/accounts/login/"),
    ("/shop/accounts/orders/", "/shop/accounts/login/"),
    ("/shop/accounts/addresses/", "/shop/accounts/login/"),
    ("/shop/dashboard/", "/shop/dashboard/login/"),
    ("/shop/dashboard/catalogue/", "/shop/dashboard/login/"),
    ("/shop/dashboard/orders/", "/shop/dashboard/login/"),
    ("/cms/", "/cms/login/"),
    ("/django-admin/", "/django-admin/login/"),
]


@pytest.mark.parametrize(("url", "login"), PROTECTED_PAGES)
def test_protected_pages_send_anonymous_visitors_to_a_login_page(client, url, login):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(login)
    assert "next=" in response["Location"]


def test_oscar_login_is_the_sites_login_url(settings):
    assert reverse(settings.LOGIN_URL) == "/shop/accounts/login/"


def test_checkout_with_an_empty_basket_goes_back_to_the_basket(client):
    response = client.get("/shop/checkout/")

    assert response.status_code == 302
    assert response["Location"].endswith(reverse("basket:summary"))


def test_unknown_page_is_a_themed_404(client, shop):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "wandered off" in response.content.decode()


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()

    assert "Disallow: /shop/checkout/" in body
    assert "Disallow: /fr/shop/basket/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_home_categories_and_products(client, shop):
    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://" in body
    assert shop["product"].get_absolute_url() in body
    assert shop["category"].get_absolute_url() in body


def test_sitemap_lists_products_in_every_language_with_alternates(client, shop):
    body = client.get("/sitemap.xml").content.decode()
    path = shop["product"].get_absolute_url()

    assert f"/fr{path}</loc>" in body
    assert f"/ar{path}</loc>" in body
    assert 'hreflang="x-default"' in body
