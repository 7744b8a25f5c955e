"""Reviews of cooperatives: only a buyer whose order from the cooperative has shipped may
review it, once; text is stored as plain text; staff moderate; only approved reviews count."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from catalogue.reviews.rules import APPROVED, FOR_MODERATION, REJECTED, review_text_clean
from catalogue.reviews.selectors import (
    cooperative_rating,
    cooperative_review_permitted,
    cooperative_reviews_approved,
    order_cooperatives_to_review,
)
from catalogue.reviews.services import (
    ReviewNotPermitted,
    cooperative_review_create,
    cooperative_reviews_moderate,
)
from tests.factories import CooperativeFactory, ProductFactory, StaffUserFactory, UserFactory, order_create
from tests.reviews_support import Status, vendor_order_bought

CooperativeReview = get_model("partner", "CooperativeReview")
ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

TEXT = {"title": "Beautifully packed", "body": "The rug came rolled in cotton with a note from the weaver."}


@pytest.fixture
def tifawin():
    return CooperativeFactory(name="Coopérative Tifawin")


@pytest.mark.parametrize("status", [Status.SHIPPED, Status.DELIVERED])
def test_a_buyer_whose_order_has_shipped_or_arrived_may_review_the_cooperative(tifawin, status):
    buyer = UserFactory()
    vendor_order = vendor_order_bought(buyer=buyer, cooperative=tifawin, status=status)

    review = cooperative_review_create(cooperative=tifawin, user=buyer, score=5, **TEXT)

    assert review.vendor_order == vendor_order
    assert (review.status, review.score) == (FOR_MODERATION, 5)


@pytest.mark.parametrize("status", [Status.NEW, Status.ACCEPTED, Status.CANCELLED, Status.REFUNDED])
def test_an_order_not_yet_shipped_or_cancelled_or_refunded_does_not_let_the_buyer_review(tifawin, status):
    buyer = UserFactory()
    vendor_order_bought(buyer=buyer, cooperative=tifawin, status=status)

    assert not cooperative_review_permitted(cooperative=tifawin, user=buyer)
    with pytest.raises(ReviewNotPermitted):
        cooperative_review_create(cooperative=tifawin, user=buyer, score=5, **TEXT)
    assert not CooperativeReview.objects.exists()


def test_a_buyer_who_bought_from_another_cooperative_may_not_review_this_one(tifawin):
    buyer = UserFactory()
    vendor_order_bought(buyer=buyer, cooperative=CooperativeFactory(), status=Status.DELIVERED)

    with pytest.raises(ReviewNotPermitted):
        cooperative_review_create(cooperative=tifawin, user=buyer, score=1, **TEXT)


def test_a_guest_order_with_the_same_email_does_not_make_an_account_a_buyer(tifawin):
    account = UserFactory(email="guest@example.test")
    vendor_order_bought(buyer=None, guest_email="guest@example.test", cooperative=tifawin)

    assert not cooperative_review_permitted(cooperative=tifawin, user=account)


def test_a_buyer_reviews_a_cooperative_once_however_many_orders(tifawin):
    buyer = UserFactory()
    vendor_order_bought(buyer=buyer, cooperative=tifawin)
    vendor_order_bought(buyer=buyer, cooperative=tifawin)
    cooperative_review_create(cooperative=tifawin, user=buyer, score=4, **TEXT)

    with pytest.raises(ReviewNotPermitted):
        cooperative_review_create(cooperative=tifawin, user=buyer, score=5, **TEXT)
    assert CooperativeReview.objects.count() == 1


def test_a_suspended_cooperative_cannot_be_reviewed(tifawin):
    buyer = UserFactory()
    vendor_order_bought(buyer=buyer, cooperative=tifawin)
    tifawin.status = tifawin.Status.SUSPENDED
    tifawin.save(update_fields=["status"])

    assert not cooperative_review_permitted(cooperative=tifawin, user=buyer)


def test_markup_and_invisible_control_characters_are_not_stored(tifawin):
    buyer = UserFactory()
    vendor_order_bought(buyer=buyer, cooperative=tifawin)

    review = cooperative_review_create(
        cooperative=tifawin,
        user=buyer,
        score=5,
        title="<b>Great</b>\u202e weavers",
        body='<script>alert("x")</script><img src=x onerror=alert(1)>Lovely wool.\n\n\n\nFast   delivery.',
    )

    assert review.title == "Great weavers"
    assert review.body == 'alert("x")Lovely wool.\n\nFast delivery.'


def test_a_new_review_waits_for_moderation_and_does_not_count(tifawin):
    buyer = UserFactory()
    vendor_order_bought(buyer=buyer, cooperative=tifawin)
    cooperative_review_create(cooperative=tifawin, user=buyer, score=5, **TEXT)

    assert list(cooperative_reviews_approved(cooperative=tifawin)) == []
    assert cooperative_rating(cooperative=tifawin).count == 0
    assert cooperative_rating(cooperative=tifawin).average is None


def test_staff_approve_and_reject_and_only_approved_reviews_make_the_rating(tifawin):
    staff = StaffUserFactory()
    reviews = []
    for score in (5, 4, 4, 1):
        buyer = UserFactory()
        vendor_order_bought(buyer=buyer, cooperative=tifawin)
        reviews.append(cooperative_review_create(cooperative=tifawin, user=buyer, score=score, **TEXT))
    approved = CooperativeReview.objects.filter(pk__in=[r.pk for r in reviews[:3]])
    rejected = CooperativeReview.objects.filter(pk=reviews[3].pk)

    changed = cooperative_reviews_moderate(reviews=approved, status=APPROVED, moderator=staff)
    cooperative_reviews_moderate(reviews=rejected, status=REJECTED, moderator=staff)

    rating = cooperative_rating(cooperative=tifawin)
    assert changed == 3
    assert (rating.average, rating.count) == (Decimal("4.3"), 3)
    assert {r.pk for r in cooperative_reviews_approved(cooperative=tifawin)} == {r.pk for r in reviews[:3]}
    moderated = CooperativeReview.objects.get(pk=reviews[0].pk)
    assert moderated.moderated_by == staff and moderated.moderated_at is not None


def test_moderation_refuses_an_unknown_status(tifawin):
    with pytest.raises(ValueError):
        cooperative_reviews_moderate(reviews=CooperativeReview.objects.all(), status=7, moderator=None)


def test_the_order_page_offers_to_review_the_shipped_cooperatives_not_yet_reviewed():
    buyer = UserFactory()
    shipped, waiting, reviewed = CooperativeFactory(), CooperativeFactory(), CooperativeFactory()
    products = [ProductFactory(stockrecord__cooperative=c) for c in (shipped, waiting, reviewed)]
    order = order_create(items=[(p, 1) for p in products], user=buyer)
    order.status = "Paid"
    order.save(update_fields=["status"])
    from checkout.ledger.services import order_split, vendor_order_accept, vendor_order_ship

    staff = StaffUserFactory()
    for vendor_order in order_split(order=order, notify=False):
        if vendor_order.partner_id in (shipped.partner_id, reviewed.partner_id):
            vendor_order = vendor_order_accept(vendor_order=vendor_order, by=staff)
            vendor_order_ship(vendor_order=vendor_order, by=staff, carrier="Aramex", tracking_number="A1")
    cooperative_review_create(cooperative=reviewed, user=buyer, score=5, **TEXT)

    assert order_cooperatives_to_review(order=order, user=buyer) == {shipped.pk}
    assert order_cooperatives_to_review(order=order, user=UserFactory()) == set()


def test_review_text_cleaning_keeps_arabic_and_joiners():
    text = "نسيج رائع\u200c وتغليف متقن"

    assert review_text_clean(text) == text


def test_reviews_of_cooperatives_use_the_moderation_statuses_of_product_reviews():
    assert (FOR_MODERATION, APPROVED, REJECTED) == (
        ProductReview.FOR_MODERATION,
        ProductReview.APPROVED,
        ProductReview.REJECTED,
    )
