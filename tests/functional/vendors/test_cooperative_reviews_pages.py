"""Buyers review the cooperatives they bought from: the link on their order page, the form,
moderation by platform staff in the dashboard, and the reviews, average and JSON-LD on the
cooperative's page. Nobody else can review; what a buyer types is shown as text."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.reviews.rules import APPROVED, FOR_MODERATION
from tests.factories import (
    PASSWORD,
    CooperativeFactory,
    CooperativeStaffFactory,
    StaffUserFactory,
    UserFactory,
)
from tests.functional.marketplace.jsonld_schema import jsonld_problems, of_type
from tests.reviews_support import Status, vendor_order_bought

CooperativeReview = get_model("partner", "CooperativeReview")

pytestmark = pytest.mark.django_db


@pytest.fixture
def tifawin():
    return CooperativeFactory(name="Coopérative Tifawin")


@pytest.fixture
def buyer(client, tifawin):
    """A signed-in buyer whose order from Tifawin has been delivered."""
    person = UserFactory(first_name="Emma", last_name="Walker")
    person.vendor_order = vendor_order_bought(buyer=person, cooperative=tifawin, title="Beni Ourain rug")
    client.login(username=person.email, password=PASSWORD)
    return person


def _add_url(cooperative):
    return reverse("cooperative-review-create", kwargs={"slug": cooperative.slug})


def _approved(cooperative, *, score=5, title="Lovely weavers", body="Quick to answer and well packed.", **kw):
    user = kw.pop("user", None) or UserFactory(first_name="Lena", last_name="Schmidt")
    return CooperativeReview.objects.create(
        cooperative=cooperative, user=user, score=score, title=title, body=body, status=APPROVED, **kw
    )


def test_the_buyers_order_page_offers_to_review_the_cooperative(client, tifawin, buyer):
    order = buyer.vendor_order.order

    html = client.get(reverse("customer:order", kwargs={"order_number": order.number})).content.decode()

    assert _add_url(tifawin) in html
    assert "Review this cooperative" in html


def test_a_buyer_reviews_the_cooperative_and_the_review_waits_for_moderation(client, tifawin, buyer):
    form = client.get(_add_url(tifawin))
    response = client.post(
        _add_url(tifawin),
        {"score": "5", "title": "Worth the wait", "body": "The rug came rolled in cotton with a note."},
        follow=True,
    )

    review = CooperativeReview.objects.get()
    page = client.get(tifawin.get_absolute_url()).content.decode()
    assert form.status_code == 200
    assert (review.user, review.score, review.status) == (buyer, 5, FOR_MODERATION)
    assert review.vendor_order == buyer.vendor_order
    assert "your review will appear once our team has read it" in response.content.decode()
    assert "Worth the wait" not in page  # pending reviews are not shown
    assert _add_url(tifawin) not in page  # and no second review


def test_a_signed_in_visitor_who_did_not_buy_is_turned_away_and_nothing_is_saved(client, tifawin):
    visitor = UserFactory()
    vendor_order_bought(buyer=visitor, cooperative=CooperativeFactory(), status=Status.DELIVERED)
    client.login(username=visitor.email, password=PASSWORD)

    response = client.post(
        _add_url(tifawin), {"score": "1", "title": "Fake", "body": "Never bought anything here."}, follow=True
    )

    assert response.redirect_chain[-1][0] == tifawin.get_absolute_url()
    assert "Only buyers whose order from this cooperative has been shipped can review it." in (
        response.content.decode()
    )
    assert not CooperativeReview.objects.exists()
    assert _add_url(tifawin) not in client.get(tifawin.get_absolute_url()).content.decode()


def test_a_buyer_whose_parcel_has_not_left_cannot_review_yet(client, tifawin):
    waiting = UserFactory()
    vendor_order_bought(buyer=waiting, cooperative=tifawin, status=Status.ACCEPTED)
    client.login(username=waiting.email, password=PASSWORD)

    response = client.get(_add_url(tifawin))

    assert response.status_code == 302
    assert response["Location"] == tifawin.get_absolute_url()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, tifawin):
    response = client.get(_add_url(tifawin))

    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"score": "0", "title": "Hm", "body": "Long enough text here."}, "Select a valid choice"),
        ({"score": "6", "title": "Hm", "body": "Long enough text here."}, "Select a valid choice"),
        ({"score": "4", "title": "<b></b>", "body": "Long enough text here."}, "Give your review a title."),
        ({"score": "4", "title": "Short", "body": "Too short"}, "at least 10 characters"),
        ({"score": "4", "title": "Long", "body": "x" * 3001}, "at most 3000 characters"),
        ({"score": "4", "title": "x" * 121, "body": "Long enough text here."}, "at most 120 characters"),
    ],
)
def test_a_review_needs_one_to_five_stars_a_title_and_a_text_of_sensible_length(
    client, tifawin, buyer, data, error
):
    response = client.post(_add_url(tifawin), data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not CooperativeReview.objects.exists()


def test_what_a_buyer_types_is_stored_and_shown_as_text(client, tifawin, buyer):
    client.post(
        _add_url(tifawin),
        {
            "score": "5",
            "title": "<script>alert('title')</script>Great",
            "body": "<img src=x onerror=alert(1)><script>alert('body')</script>Lovely wool & fast.",
        },
    )
    CooperativeReview.objects.update(status=APPROVED)

    html = client.get(tifawin.get_absolute_url()).content.decode()

    review = CooperativeReview.objects.get()
    assert "<" not in review.title + review.body
    assert "<script>alert(" not in html and "onerror" not in html
    assert "Lovely wool &amp; fast." in html


def test_markup_that_reached_the_database_another_way_is_still_inert(client, tifawin):
    _approved(tifawin, title="<em>Fine</em>", body="<script>alert('stored')</script>Nice.")

    html = client.get(tifawin.get_absolute_url()).content.decode()

    assert "<script>alert('stored')" not in html
    assert "&lt;em&gt;Fine&lt;/em&gt;" in html


def test_approved_reviews_show_with_their_average_and_count(client, tifawin):
    _approved(tifawin, score=5, title="Soft wool", user=UserFactory(first_name="Olivia", last_name="Hart"))
    _approved(tifawin, score=4, title="Slow but worth it")
    CooperativeReview.objects.create(
        cooperative=tifawin, user=UserFactory(), score=1, title="Still pending", body="Not yet read by staff."
    )

    html = client.get(tifawin.get_absolute_url()).content.decode()

    assert "Soft wool" in html and "Slow but worth it" in html and "Olivia Hart" in html
    assert "Still pending" not in html
    assert "4.5 out of 5" in html
    assert "· 2 reviews" in html


def test_the_cooperative_json_ld_has_a_rating_only_when_there_are_approved_reviews(client, tifawin):
    before = of_type(client.get(tifawin.get_absolute_url()).content.decode(), "Organization")
    CooperativeReview.objects.create(
        cooperative=tifawin, user=UserFactory(), score=2, title="Pending", body="Not yet read by staff."
    )
    pending = of_type(client.get(tifawin.get_absolute_url()).content.decode(), "Organization")
    _approved(tifawin, score=5)
    _approved(tifawin, score=4)
    after = of_type(client.get(tifawin.get_absolute_url()).content.decode(), "Organization")

    assert len(before) == len(pending) == len(after) == 1
    assert "aggregateRating" not in before[0] and "aggregateRating" not in pending[0]
    assert after[0]["name"] == "Coopérative Tifawin"
    assert after[0]["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": "4.5",
        "reviewCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert len(after[0]["review"]) == 2
    assert jsonld_problems(before[0]) == [] and jsonld_problems(after[0]) == []


def test_all_reviews_have_their_own_page(client, tifawin):
    for number in range(5):
        _approved(tifawin, title=f"Review number {number}")

    page = client.get(tifawin.get_absolute_url()).content.decode()
    everything = client.get(
        reverse("cooperative-review-list", kwargs={"slug": tifawin.slug})
    ).content.decode()

    assert page.count('class="review"') == 3
    assert reverse("cooperative-review-list", kwargs={"slug": tifawin.slug}) in page
    assert everything.count('class="review"') == 5


# --- Moderation in the dashboard --------------------------------------------------------------
MODERATION = reverse("dashboard:cooperative-reviews-list")


def test_staff_approve_a_pending_review_in_the_dashboard_and_it_appears(client, tifawin):
    review = CooperativeReview.objects.create(
        cooperative=tifawin, user=UserFactory(), score=5, title="Wonderful lanterns", body="Arrived wired."
    )
    staff = StaffUserFactory()
    client.login(username=staff.email, password=PASSWORD)

    queue = client.get(MODERATION, {"status": FOR_MODERATION})
    response = client.post(
        MODERATION,
        {"action": "update_selected_review_status", "selected_review": [review.pk], "status": APPROVED},
    )

    review.refresh_from_db()
    assert queue.status_code == 200 and "Wonderful lanterns" in queue.content.decode()
    assert response.status_code == 302
    assert (review.status, review.moderated_by) == (APPROVED, staff)
    assert "Wonderful lanterns" in client.get(tifawin.get_absolute_url()).content.decode()


def test_the_dashboard_menu_lists_cooperative_reviews_next_to_product_reviews(client):
    staff = StaffUserFactory()
    client.login(username=staff.email, password=PASSWORD)

    html = client.get(reverse("dashboard:index")).content.decode()

    assert html.index(reverse("dashboard:reviews-list")) < html.index(MODERATION)


def test_cooperative_staff_cannot_moderate_reviews(client, tifawin):
    review = CooperativeReview.objects.create(
        cooperative=tifawin, user=UserFactory(), score=1, title="Bad", body="Remove this please."
    )
    member = CooperativeStaffFactory(cooperative=tifawin)
    client.login(username=member.email, password=PASSWORD)

    get = client.get(MODERATION)
    post = client.post(
        MODERATION, {"action": "update_selected_review_status", "selected_review": [review.pk], "status": 2}
    )

    review.refresh_from_db()
    assert (get.status_code, post.status_code) == (403, 403)
    assert review.status == FOR_MODERATION
