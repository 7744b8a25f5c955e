"""Only buyers who bought a piece may review it, once."""

import pytest
from oscar.core.loading import get_model

from catalogue.reviews.selectors import product_review_permitted, product_reviews_approved
from tests.factories import ProductFactory, UserFactory, order_create

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db


def _order(*, user, product, status):
    order = order_create(items=[(product, 1)], user=user)
    order.status = status
    order.save(update_fields=["status"])
    return order


@pytest.mark.parametrize("status", ["Paid", "Complete", "Partially refunded"])
def test_a_buyer_whose_order_was_paid_may_review_the_piece(status):
    buyer, rug = UserFactory(), ProductFactory()
    _order(user=buyer, product=rug, status=status)

    assert product_review_permitted(product=rug, user=buyer)


@pytest.mark.parametrize("status", ["Pending payment", "Cancelled", "Refunded"])
def test_an_order_that_was_never_paid_or_was_refunded_does_not_let_the_buyer_review(status):
    buyer, rug = UserFactory(), ProductFactory()
    _order(user=buyer, product=rug, status=status)

    assert not product_review_permitted(product=rug, user=buyer)


def test_a_signed_in_visitor_who_bought_something_else_may_not_review():
    buyer, rug, tagine = UserFactory(), ProductFactory(), ProductFactory()
    _order(user=buyer, product=tagine, status="Paid")

    assert not product_review_permitted(product=rug, user=buyer)


def test_someone_elses_order_does_not_count():
    buyer, friend, rug = UserFactory(), UserFactory(), ProductFactory()
    _order(user=friend, product=rug, status="Paid")

    assert not product_review_permitted(product=rug, user=buyer)


def test_anonymous_visitors_may_never_review():
    from django.contrib.auth.models import AnonymousUser

    assert not product_review_permitted(product=ProductFactory(), user=AnonymousUser())


def test_a_buyer_reviews_a_piece_only_once():
    buyer, rug = UserFactory(), ProductFactory()
    _order(user=buyer, product=rug, status="Paid")
    ProductReview.objects.create(product=rug, user=buyer, title="Lovely", score=5, body="Soft and thick.")

    assert not product_review_permitted(product=rug, user=buyer)


def test_only_approved_reviews_are_published():
    rug = ProductFactory()
    waiting = ProductReview.objects.create(
        product=rug, user=UserFactory(), title="Waiting", score=4, body="…"
    )
    approved = ProductReview.objects.create(
        product=rug, user=UserFactory(), title="Approved", score=5, body="…", status=ProductReview.APPROVED
    )

    published = list(product_reviews_approved(product=rug))

    assert published == [approved]
    assert waiting.status == ProductReview.FOR_MODERATION
