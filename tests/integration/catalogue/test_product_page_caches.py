"""What the product page caches to stay within its query budget, and what it never caches."""

import pytest
from oscar.core.loading import get_model

from tests.factories import CooperativeFactory, ProductFactory, category_create

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def test_a_renamed_category_shows_in_the_product_breadcrumb_at_once(client):
    rugs = category_create(name="Rugs", slug="rugs")
    kilims = rugs.add_child(name="Kilims", slug="kilims")
    product = ProductFactory()
    product.categories.add(kilims)
    client.get(product.get_absolute_url())

    kilims.name = kilims.name_en = "Flat-woven kilims"
    kilims.save()
    html = client.get(product.get_absolute_url()).content.decode()

    assert ">Flat-woven kilims</a>" in html
    assert ">Kilims</a>" not in html


def test_a_related_piece_taken_off_sale_disappears_at_once(client):
    product = ProductFactory(title="Azilal rug")
    other = ProductFactory(title="Boucherouite rug")
    assert "Boucherouite rug" in client.get(product.get_absolute_url()).content.decode()

    Product.objects.filter(pk=other.pk).update(is_public=False)

    assert "Boucherouite rug" not in client.get(product.get_absolute_url()).content.decode()


def test_a_piece_sold_out_meanwhile_shows_sold_among_the_related_pieces(client):
    product = ProductFactory(title="Azilal rug")
    other = ProductFactory(title="Boucherouite rug")
    client.get(product.get_absolute_url())

    other.stockrecords.update(num_in_stock=0)
    html = client.get(product.get_absolute_url()).content.decode()

    card = html[html.index("Boucherouite rug") :]
    assert "Sold" in card[: card.index("</article>")]


def test_new_pieces_join_the_suggestions_when_the_product_is_edited_or_after_ten_minutes(client):
    cooperative = CooperativeFactory()
    product = ProductFactory(title="Azilal rug", stockrecord__cooperative=cooperative)
    client.get(product.get_absolute_url())
    ProductFactory(title="Taznakht rug", stockrecord__cooperative=cooperative)

    cached = client.get(product.get_absolute_url()).content.decode()
    product.save()  # an edit (new date_updated) forgets the product's cached suggestions
    fresh = client.get(product.get_absolute_url()).content.decode()

    assert "Taznakht rug" not in cached
    assert "More from this cooperative" in fresh and "Taznakht rug" in fresh
