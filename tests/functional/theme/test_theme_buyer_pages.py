"""Recently viewed pieces, wish lists and the error pages, through the test client."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories import PASSWORD, ProductFactory, UserFactory

WishList = get_model("wishlists", "WishList")

pytestmark = pytest.mark.django_db


def test_the_pieces_a_buyer_looked_at_come_back_on_the_next_product_page_and_in_the_basket(client):
    rug, tagine = ProductFactory(title="Boucherouite rug"), ProductFactory(title="Safi tagine")

    client.get(rug.get_absolute_url())
    product_html = client.get(tagine.get_absolute_url()).content.decode()
    basket_html = client.get(reverse("basket:summary")).content.decode()

    recent = product_html.split('id="recently-viewed-title"')[1]
    assert "Boucherouite rug" in recent
    assert "Safi tagine" not in recent
    assert (
        "Recently viewed" in basket_html
        and "Safi tagine" in basket_html.split('id="recently-viewed-title"')[1]
    )


def test_a_buyer_saves_a_piece_to_a_wish_list_and_takes_it_out_again(client):
    buyer, rug = UserFactory(), ProductFactory()
    client.login(username=buyer.email, password=PASSWORD)

    client.post(
        reverse("customer:wishlists-add-product", kwargs={"product_pk": rug.pk}),
        HTTP_REFERER=rug.get_absolute_url(),
    )
    saved_html = client.get(rug.get_absolute_url()).content.decode()
    wishlist = WishList.objects.get(owner=buyer)
    client.post(
        reverse("customer:wishlists-remove-product", kwargs={"key": wishlist.key, "product_pk": rug.pk}),
        HTTP_REFERER="http://testserver" + rug.get_absolute_url(),
    )
    removed_html = client.get(rug.get_absolute_url()).content.decode()

    assert "Saved · remove" in saved_html
    assert not wishlist.lines.exists()
    assert "Save to wish list" in removed_html


def test_an_anonymous_visitor_is_invited_to_sign_in_to_save_a_piece(client):
    rug = ProductFactory()

    html = client.get(rug.get_absolute_url()).content.decode()

    assert "Sign in to save to a wish list" in html


def test_the_500_page_renders_without_a_request_in_the_failed_requests_language():
    with translation.override("ar"):
        html = render_to_string("500.html")

    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/"' in html


def test_the_404_page_is_the_themed_page_with_a_search_box(client):
    response = client.get("/shop/no-such-page/")

    assert response.status_code == 404
    assert "This page has wandered off into the medina" in response.content.decode()
    assert 'id="notfound-search"' in response.content.decode()
