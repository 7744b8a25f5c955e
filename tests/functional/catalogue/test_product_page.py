"""The product page: responsive gallery, one-of-a-kind and made-to-order notes, zellige by area."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from catalogue.services import product_classes_sync, zellige_sample_sync
from tests.factories import CooperativeFactory, ProductFactory

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def classes():
    return product_classes_sync()


def _jpeg(name: str, size=(1200, 900)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (47, 107, 87)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def zellige(classes):
    cooperative = CooperativeFactory()
    product = ProductFactory(
        title="Green zellige 10×10",
        product_class=classes["zellige"],
        stockrecord__cooperative=cooperative,
        stockrecord__price=Decimal("450.00"),
        stockrecord__stock=100,
    )
    product.attr.coverage_per_box_m2 = 0.5
    product.attr.tile_size_cm = 10.0
    product.attr.save()
    ProductImage.objects.create(product=product, original=_jpeg("z.jpg"), caption="Green tiles on a wall")
    return product


def test_the_gallery_serves_webp_renditions_with_srcset_and_sizes(client, zellige):
    html = client.get(zellige.get_absolute_url()).content.decode()

    assert 'srcset="' in html
    assert ".webp 320w" in html
    assert 'sizes="(min-width: 56rem) 45vw, 100vw"' in html
    assert 'alt="Green tiles on a wall"' in html
    assert "souk/js/gallery.js" in html


def test_the_zellige_calculator_rounds_boxes_up_and_prices_them(client, zellige):
    response = client.get(zellige.get_absolute_url(), {"area": "10", "waste": "10"})

    html = response.content.decode()
    assert "How many boxes do you need?" in html
    assert "<strong>22 boxes</strong>" in html  # 11 m² / 0.5 m² per box
    assert 'name="quantity" value="22"' in html
    assert "Add 22 boxes to basket" in html


def test_a_bad_area_gets_a_message_not_an_error_page(client, zellige):
    response = client.get(zellige.get_absolute_url(), {"area": "lots", "waste": "10"})

    assert response.status_code == 200
    assert "must be a number" in response.content.decode()


def test_adding_the_computed_boxes_puts_that_quantity_in_the_basket(client, zellige):
    client.post(f"/shop/basket/add/{zellige.pk}/", {"quantity": 22})

    basket = client.get("/shop/basket/").context["basket"]
    assert basket.all_lines()[0].quantity == 22


def test_a_sample_can_be_ordered_from_the_tile_page(client, zellige):
    sample = zellige_sample_sync(product=zellige, price=Decimal("35.00"), stock=20)

    html = client.get(zellige.get_absolute_url()).content.decode()

    assert "Order a sample" in html
    assert f"/shop/basket/add/{sample.pk}/" in html
    client.post(f"/shop/basket/add/{sample.pk}/", {"quantity": 1})
    assert client.get("/shop/basket/").context["basket"].all_lines()[0].product == sample


def test_a_one_of_a_kind_rug_says_you_receive_the_piece_shown(client, classes):
    rug = ProductFactory(product_class=classes["rug"])
    rug.attr.one_of_a_kind = True
    rug.attr.save()

    assert "you receive the piece shown" in client.get(rug.get_absolute_url()).content.decode()


def test_a_made_to_order_piece_shows_its_lead_time(client):
    product = ProductFactory()
    Product.objects.filter(pk=product.pk).update(lead_time_days=21)

    assert "ships 21 days after your order" in client.get(product.get_absolute_url()).content.decode()


def test_related_pieces_come_from_other_cooperatives(client):
    product = ProductFactory(title="Azilal rug")
    other = ProductFactory(title="Boucherouite rug")

    html = client.get(product.get_absolute_url()).content.decode()

    assert "You may also like" in html
    assert other.title in html
