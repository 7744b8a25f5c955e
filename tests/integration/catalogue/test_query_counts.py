"""Listing pages cost a fixed number of SQL queries, however many products they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories import CooperativeFactory, ProductFactory, category_create

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


def _catalogue_with(count: int, tiny_jpeg):
    category = category_create(name="Rugs", slug="rugs")
    cooperatives = [CooperativeFactory() for _ in range(3)]
    for index in range(count):
        product = ProductFactory(stockrecord__cooperative=cooperatives[index % 3])
        product.categories.add(category)
        ProductImage.objects.create(product=product, original=tiny_jpeg(f"p{index}.jpg"), caption="A rug")
    return category


def _queries_for(client, url) -> int:
    client.get(url)  # warm caches that are shared across requests (thumbnails, navigation)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def tiny_jpeg(settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = str(tmp_path)

    def make(name):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 64), (180, 120, 90)).save(buffer, format="JPEG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")

    return make


@pytest.mark.parametrize("path", ["/shop/catalogue/", "category"])
def test_listing_queries_do_not_grow_with_the_page_size(client, settings, tiny_jpeg, path):
    category = _catalogue_with(40, tiny_jpeg)
    url = category.get_absolute_url() if path == "category" else path

    settings.OSCAR_PRODUCTS_PER_PAGE = 20
    at_20 = _queries_for(client, url)
    settings.OSCAR_PRODUCTS_PER_PAGE = 40
    at_40 = _queries_for(client, url)

    assert at_20 == at_40
    assert at_40 <= 15


def test_cooperative_page_queries_do_not_grow_with_its_products(client, tiny_jpeg):
    cooperative = CooperativeFactory(slug="tifawin")
    url = "/cooperatives/tifawin/"
    for _index in range(5):
        ProductFactory(stockrecord__cooperative=cooperative)
    few = _queries_for(client, url)
    for _index in range(15):
        ProductFactory(stockrecord__cooperative=cooperative)

    assert _queries_for(client, url) == few


def test_product_page_stays_within_its_query_budget(client, tiny_jpeg, django_assert_max_num_queries):
    cooperative = CooperativeFactory()
    product = ProductFactory(stockrecord__cooperative=cooperative)
    for _index in range(6):
        ProductFactory(stockrecord__cooperative=cooperative)
    client.get(product.get_absolute_url())

    # Gallery, related pieces, shipping estimate and JSON-LD included.
    with django_assert_max_num_queries(15):
        assert client.get(product.get_absolute_url()).status_code == 200


def test_a_busy_product_page_costs_at_most_15_queries(client, tiny_jpeg, django_assert_max_num_queries):
    """Photos, breadcrumb, 24 related pieces, 8 by the same cooperative and a visitor who has
    looked at 8 other pieces: the cards share one query, the related ids are cached."""
    rugs = category_create(name="Rugs", slug="rugs")
    kilims = rugs.add_child(name="Kilims", slug="kilims")
    cooperative = CooperativeFactory()
    product = ProductFactory(stockrecord__cooperative=cooperative)
    product.categories.add(kilims)
    for position in range(4):
        ProductImage.objects.create(
            product=product, original=tiny_jpeg(f"k{position}.jpg"), display_order=position
        )
    for index in range(24):
        other = ProductFactory()
        other.categories.add(kilims)
        ProductImage.objects.create(product=other, original=tiny_jpeg(f"o{index}.jpg"))
    for _index in range(8):
        ProductFactory(stockrecord__cooperative=cooperative)
    for viewed in ProductFactory.create_batch(8):
        client.get(viewed.get_absolute_url())
    url = product.get_absolute_url()
    client.get(url)

    with django_assert_max_num_queries(15):
        response = client.get(url)

    html = response.content.decode()
    assert "You may also like" in html
    assert "More from this cooperative" in html
    assert "Recently viewed" in html
    assert f'<a href="{kilims.get_absolute_url()}">Kilims</a>' in html  # the breadcrumb


def test_the_product_page_costs_no_more_for_a_visitor_with_a_long_history(client):
    product = ProductFactory()
    url = product.get_absolute_url()
    client.get(ProductFactory().get_absolute_url())
    with_one_viewed = _queries_for(client, url)
    for viewed in ProductFactory.create_batch(10):
        client.get(viewed.get_absolute_url())

    assert _queries_for(client, url) == with_one_viewed


@pytest.mark.parametrize("images_per_product", [1, 3])
def test_listing_with_responsive_images_costs_the_same_at_20_and_40_items(
    client, settings, tiny_jpeg, images_per_product
):
    category = category_create(name="Zellige", slug="zellige")
    cooperative = CooperativeFactory()
    for index in range(40):
        product = ProductFactory(stockrecord__cooperative=cooperative)
        product.categories.add(category)
        for position in range(images_per_product):
            ProductImage.objects.create(
                product=product,
                original=tiny_jpeg(f"z{index}-{position}.jpg"),
                caption="Tiles",
                display_order=position,
            )

    settings.OSCAR_PRODUCTS_PER_PAGE = 20
    at_20 = _queries_for(client, "/shop/catalogue/")
    settings.OSCAR_PRODUCTS_PER_PAGE = 40
    at_40 = _queries_for(client, "/shop/catalogue/")

    assert at_20 == at_40
    assert 'srcset="' in client.get("/shop/catalogue/").content.decode()


def test_product_page_with_many_photos_and_related_pieces_keeps_a_fixed_budget(client, tiny_jpeg):
    category = category_create(name="Rugs", slug="rugs")
    product = ProductFactory()
    product.categories.add(category)
    for position in range(8):
        ProductImage.objects.create(
            product=product,
            original=tiny_jpeg(f"r{position}.jpg"),
            caption=f"View {position}",
            display_order=position,
        )
    for _index in range(6):
        ProductFactory().categories.add(category)
    few = _queries_for(client, product.get_absolute_url())
    for _index in range(10):
        ProductFactory().categories.add(category)

    assert _queries_for(client, product.get_absolute_url()) == few
