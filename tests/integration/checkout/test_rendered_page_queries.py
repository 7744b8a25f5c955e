"""Pages rendered for a visitor with a basket and for a signed-in buyer cost at most 15 queries
(issue #10), and still show what they should: the basket priced with the site's offers, stock,
photos, reviews, wish lists, the observatory's events.

Anonymous first-time visitors are served from the page cache (marketplace/pagecache.py); these
visitors are not, so every page below is rendered. Each page is asked for once first, as a
visitor browsing the shop would have (caches of offers, categories, rates and related pieces are
warm in production), then counted. Sessions live in the cache and the browser's User-Agent is
sent, as in production, so the observatory records the views and additions.
"""

import io
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import create_offer
from PIL import Image

from catalogue.services import product_classes_sync
from marketplace.models import HomePageFeaturedProduct
from marketplace.observatory.models import Event
from tests.factories import (
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductFactory,
    UserFactory,
    category_create,
    home_page,
    order_create,
)

pytestmark = pytest.mark.django_db

BUDGET = 15
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36"

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Line = get_model("basket", "Line")
Notification = get_model("communication", "Notification")
ProductImage = get_model("catalogue", "ProductImage")
ProductRecord = get_model("analytics", "ProductRecord")
ProductReview = get_model("reviews", "ProductReview")
Range = get_model("offer", "Range")
ShippingRate = get_model("checkout", "ShippingRate")
WishList = get_model("wishlists", "WishList")
APPROVED = ProductReview.APPROVED


def _jpeg(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (180, 120, 90)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def shop(settings, tmp_path):
    """A rug with photos, attributes and a review in Rugs > Kilims, pieces related to it and by
    its cooperative, the home page's picks, and a site offer: two pieces, 10% off."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    rug_class = product_classes_sync()["rug"]
    kilims = category_create(name="Rugs", slug="rugs").add_child(name="Kilims", slug="kilims")
    tifawin = CooperativeFactory(name="Tifawin", slug="tifawin")
    rug = ProductFactory(
        title="Azilal rug", product_class=rug_class, stockrecord__cooperative=tifawin, stockrecord__stock=5
    )
    rug.attr.width_cm, rug.attr.length_cm, rug.attr.one_of_a_kind = 150, 240, True
    rug.attr.save()
    for position in range(2):
        ProductImage.objects.create(product=rug, original=_jpeg(f"rug{position}.jpg"), display_order=position)
    ProductReview.objects.create(
        product=rug, user=UserFactory(), score=5, title="Soft and warm", body="Lovely.", status=APPROVED
    )
    more = [ProductFactory(title=f"Tifawin cushion {n}", stockrecord__cooperative=tifawin) for n in range(2)]
    related = [
        ProductFactory(title=f"Kilim {n}", product_class=rug_class, stockrecord__stock=5) for n in range(4)
    ]
    for product in (rug, *related):
        product.categories.add(kilims)
        ProductImage.objects.create(product=product, original=_jpeg(f"{product.pk}.jpg"))
    for position, product in enumerate((rug, *related)):
        HomePageFeaturedProduct.objects.create(page=home_page("en"), sort_order=position, product=product)
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    create_offer(
        name="Two pieces, 10% off",
        product_range=everything,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=2),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
    )
    return {"rug": rug, "related": related, "more": more, "kilims": kilims, "tifawin": tifawin}


def _add(client, product, quantity=1):
    token = client.cookies["csrftoken"].value
    return client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity, "csrfmiddlewaretoken": token}
    )


def _messages(response) -> str:
    return " ".join(" ".join(str(message).split()) for message in get_messages(response.wsgi_request))


@pytest.fixture(params=["visitor with a basket", "signed-in buyer"])
def visitor(request, shop):
    """A browser that looked at two pieces and put the rug and a kilim in its basket (the offer
    applies): anonymous, or a buyer who bought the rug before and keeps it on a wish list."""
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=DESKTOP)
    client.kind = request.param
    if request.param == "signed-in buyer":
        buyer = UserFactory()
        order = order_create(items=[(shop["rug"], 1)], user=buyer)
        order.status = "Paid"
        order.save(update_fields=["status"])
        WishList.objects.create(owner=buyer, name="Living room").add(shop["rug"])
        client.force_login(buyer)
    for product in (shop["more"][0], shop["related"][0], shop["rug"]):
        client.get(product.get_absolute_url())
    for product in (shop["rug"], shop["related"][0]):
        assert _add(client, product).status_code == 302
    client.get(reverse("basket:summary"))  # shows (and so clears) the messages of those additions
    return client


def _counted(client, django_assert_max_num_queries, url):
    client.get(url)  # as a visitor browsing would have: caches warm
    with django_assert_max_num_queries(BUDGET):
        return client.get(url)


def _basket_count(html: str) -> str:
    return html.split('class="basket-link__count"')[1].split(">")[1].split("<")[0]


def test_the_home_page_costs_at_most_15_queries(visitor, django_assert_max_num_queries):
    response = _counted(visitor, django_assert_max_num_queries, "/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Azilal rug" in html
    assert _basket_count(html) == "2"
    assert "Dashboard" not in html  # a buyer holds no permission


def test_the_catalogue_costs_at_most_15_queries(visitor, django_assert_max_num_queries):
    response = _counted(visitor, django_assert_max_num_queries, reverse("catalogue:index"))

    html = response.content.decode()
    assert "Azilal rug" in html and "Kilim 3" in html
    assert _basket_count(html) == "2"


def test_a_category_costs_at_most_15_queries(visitor, shop, django_assert_max_num_queries):
    response = _counted(visitor, django_assert_max_num_queries, shop["kilims"].get_absolute_url())

    html = response.content.decode()
    assert "Kilims" in html and "Azilal rug" in html
    assert "Tifawin cushion" not in html


def test_the_product_page_costs_at_most_15_queries(visitor, shop, django_assert_max_num_queries):
    rug = shop["rug"]
    views_before = Event.objects.filter(kind=Event.Kind.VIEW, product_id=rug.pk).count()

    response = _counted(visitor, django_assert_max_num_queries, rug.get_absolute_url())

    html = response.content.decode()
    assert "Azilal rug" in html and "1,500.00" in html
    assert f'<a href="{shop["kilims"].get_absolute_url()}">Kilims</a>' in html  # the breadcrumb
    assert "You may also like" in html and "Kilim 1" in html
    assert "More from this cooperative" in html and "Tifawin cushion 1" in html
    assert "Recently viewed" in html
    assert "Soft and warm" in html
    assert html.count('srcset="') >= 2
    review_url = reverse("catalogue:reviews-add", kwargs={"product_slug": rug.slug, "product_pk": rug.pk})
    if visitor.kind == "signed-in buyer":
        assert review_url in html  # bought it, not reviewed yet
        assert "Saved · remove" in html
    else:
        assert review_url not in html
        assert "Sign in to save to a wish list" in html
    assert Event.objects.filter(kind=Event.Kind.VIEW, product_id=rug.pk).count() == views_before + 2
    assert ProductRecord.objects.get(product=rug).num_views >= 2


def test_the_basket_costs_at_most_15_queries(visitor, shop, django_assert_max_num_queries):
    response = _counted(visitor, django_assert_max_num_queries, reverse("basket:summary"))

    html = response.content.decode()
    assert "Azilal rug" in html and "Kilim 0" in html
    assert "From Tifawin" in html
    assert html.count('class="basket-line__image"') == 2
    assert "2,700.00" in html  # 3,000 MAD less the offer's 10%
    basket = response.context["basket"]
    assert [offer.name for offer in basket.applied_offers().values()] == ["Two pieces, 10% off"]


def test_the_basket_costs_no_more_with_more_pieces_in_it(visitor, shop):
    url = reverse("basket:summary")
    visitor.get(url)
    with CaptureQueriesContext(connection) as two_lines:
        visitor.get(url)
    for product in (*shop["related"][1:], shop["more"][1]):
        _add(visitor, product)
    visitor.get(url)

    with CaptureQueriesContext(connection) as six_lines:
        html = visitor.get(url).content.decode()

    assert html.count('class="basket-line__image"') == 6
    assert len(six_lines) == len(two_lines)


def test_starting_checkout_costs_at_most_15_queries(visitor, django_assert_max_num_queries):
    checkouts = Event.objects.filter(kind=Event.Kind.CHECKOUT).count()

    response = _counted(visitor, django_assert_max_num_queries, reverse("checkout:index"))

    if visitor.kind == "signed-in buyer":
        assert response.status_code == 302
        assert response.url == reverse("checkout:shipping-address")
        assert Event.objects.filter(kind=Event.Kind.CHECKOUT).count() > checkouts
    else:
        assert response.status_code == 200  # the guest's email first
        assert 'name="username"' in response.content.decode()


def test_the_cooperative_page_costs_at_most_15_queries(visitor, django_assert_max_num_queries):
    response = _counted(visitor, django_assert_max_num_queries, "/cooperatives/tifawin/")

    html = response.content.decode()
    assert "Tifawin" in html and "Azilal rug" in html and "Tifawin cushion 0" in html


def test_adding_a_piece_already_in_the_basket_costs_at_most_15_queries(
    visitor, shop, django_assert_max_num_queries
):
    rug = shop["rug"]

    with django_assert_max_num_queries(BUDGET):
        response = _add(visitor, rug)

    assert response.status_code == 302
    assert Line.objects.get(product=rug, basket__status="Open").quantity == 2
    shown = _messages(response)
    assert "<strong>Azilal rug</strong> has been added to your cart." in shown
    assert "Your cart total is now <strong>4,050.00 MAD</strong>" in shown  # 4,500 less 10%
    assert Event.objects.filter(kind=Event.Kind.BASKET, product_id=rug.pk).count() == 2


def test_adding_another_piece_costs_at_most_15_queries(visitor, shop, django_assert_max_num_queries):
    cushion = shop["more"][1]

    with django_assert_max_num_queries(BUDGET):
        response = _add(visitor, cushion, quantity=1)

    assert response.status_code == 302
    basket = Line.objects.get(product=cushion).basket
    assert sorted(basket.lines.values_list("product__title", "quantity")) == [
        ("Azilal rug", 1),
        ("Kilim 0", 1),
        ("Tifawin cushion 1", 1),
    ]
    assert "Your cart total is now <strong>4,050.00 MAD</strong>" in _messages(response)
    assert Event.objects.filter(kind=Event.Kind.BASKET, product_id=cushion.pk).count() == 1


# --- What the cheaper pages must not lose -----------------------------------------------------


def test_an_offer_created_after_the_basket_was_priced_applies_on_the_next_page(visitor):
    ConditionalOffer.objects.get().delete()
    assert "3,000.00" in visitor.get(reverse("basket:summary")).content.decode()

    everything = Range.objects.get()
    create_offer(
        name="Welcome, 10% off",
        product_range=everything,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
    )

    assert "2,700.00" in visitor.get(reverse("basket:summary")).content.decode()


def test_a_suspended_offer_stops_applying_on_the_next_page(visitor):
    offer = ConditionalOffer.objects.get()

    offer.suspend()

    assert "3,000.00" in visitor.get(reverse("basket:summary")).content.decode()


def test_an_offer_stops_applying_when_it_ends_though_it_was_cached(visitor, monkeypatch):
    ConditionalOffer.objects.update(end_datetime=timezone.now() + timezone.timedelta(hours=1))
    ConditionalOffer.objects.get().save()
    assert "2,700.00" in visitor.get(reverse("basket:summary")).content.decode()

    later = timezone.now() + timezone.timedelta(hours=2)
    monkeypatch.setattr("checkout.basket.offers.timezone.now", lambda: later)

    assert "3,000.00" in visitor.get(reverse("basket:summary")).content.decode()


def test_a_cooperative_s_new_shipping_rate_shows_at_once(visitor, shop):
    assert "2–3 days" not in visitor.get(reverse("basket:summary")).content.decode()

    ShippingRate.objects.create(
        partner=shop["tifawin"].partner,
        zone="NA",  # the buyer's browser says nothing of their country: the United States
        base_charge=Decimal("123.00"),
        per_kg=Decimal("0.00"),
        days_min=2,
        days_max=3,
    )

    assert "2–3 days" in visitor.get(reverse("basket:summary")).content.decode()


def test_a_buyer_without_a_wish_list_is_offered_to_save_the_piece(shop):
    client = Client()
    client.force_login(UserFactory())

    html = client.get(shop["rug"].get_absolute_url()).content.decode()

    assert "Save to wish list" in html


def test_cooperative_staff_still_get_the_dashboard_link_and_notifications_still_count(shop):
    member = CooperativeStaffFactory(cooperative=shop["tifawin"])
    Notification.objects.create(recipient=member, subject="Your payout is on its way")
    client = Client()
    client.force_login(member)

    response = client.get(reverse("catalogue:index"))

    assert "Dashboard" in response.content.decode()
    assert response.context["num_unread_notifications"] == 1
