"""Review pages: buyers who bought write reviews that wait for moderation; nobody else can."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import PASSWORD, ProductFactory, UserFactory, order_create

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db


def _add_url(product):
    return reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})


def _paid_order(*, user, product):
    order = order_create(items=[(product, 1)], user=user)
    order.status = "Paid"
    order.save(update_fields=["status"])


@pytest.fixture
def rug():
    return ProductFactory(title="Azilal rug")


def test_a_buyer_who_bought_the_rug_sends_a_review_that_waits_for_moderation(client, rug):
    buyer = UserFactory()
    _paid_order(user=buyer, product=rug)
    client.login(username=buyer.email, password=PASSWORD)

    form_page = client.get(_add_url(rug))
    response = client.post(
        _add_url(rug),
        {"title": "Even better in person", "score": "5", "body": "The colours glow."},
        follow=True,
    )

    assert form_page.status_code == 200
    review = ProductReview.objects.get(product=rug)
    assert (review.user, review.status) == (buyer, ProductReview.FOR_MODERATION)
    assert "your review will appear once our team has read it" in response.content.decode()
    assert "Even better in person" not in client.get(rug.get_absolute_url()).content.decode()


def test_a_signed_in_visitor_who_did_not_buy_the_rug_is_turned_away_and_nothing_is_saved(client, rug):
    visitor = UserFactory()
    client.login(username=visitor.email, password=PASSWORD)

    response = client.post(
        _add_url(rug), {"title": "Fake", "score": "1", "body": "Never saw it."}, follow=True
    )

    assert response.redirect_chain[-1][0] == rug.get_absolute_url()
    assert "Only buyers who have bought this piece can review it." in response.content.decode()
    assert not ProductReview.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, rug):
    response = client.get(_add_url(rug))

    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


def test_the_product_page_offers_the_review_button_only_to_buyers_who_bought(client, rug):
    buyer = UserFactory()
    _paid_order(user=buyer, product=rug)

    anonymous_html = client.get(rug.get_absolute_url()).content.decode()
    client.login(username=buyer.email, password=PASSWORD)
    buyer_html = client.get(rug.get_absolute_url()).content.decode()

    assert _add_url(rug) not in anonymous_html
    assert _add_url(rug) in buyer_html


def test_an_approved_review_shows_on_the_product_page_with_its_stars(client, rug):
    ProductReview.objects.create(
        product=rug,
        user=UserFactory(),
        title="Soft and thick",
        score=4,
        body="Worth the wait.",
        status=ProductReview.APPROVED,
    )

    html = client.get(rug.get_absolute_url()).content.decode()

    assert "Soft and thick" in html
    assert "Rated 4.0 out of 5" in html


def test_a_review_waiting_for_moderation_is_not_public_at_its_own_address(client, rug):
    author = UserFactory()
    review = ProductReview.objects.create(product=rug, user=author, title="Pending", score=3, body="…")
    url = reverse(
        "catalogue:reviews-detail", kwargs={"product_slug": rug.slug, "product_pk": rug.pk, "pk": review.pk}
    )

    stranger_status = client.get(url).status_code
    client.login(username=author.email, password=PASSWORD)
    author_status = client.get(url).status_code

    assert (stranger_status, author_status) == (404, 200)
