"""The home page costs a fixed, small number of queries; what it caches changes when editors
publish, and what it shows live (prices, stock, a cooperative's status) is never cached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.models import Site

from marketplace.models import (
    Announcement,
    HomePageFeaturedCollection,
    HomePageFeaturedCooperative,
    HomePageFeaturedProduct,
    SiteChrome,
)
from tests.factories import (
    CooperativeFactory,
    ProductFactory,
    home_page,
    story_create,
    story_index_create,
    wagtail_image_create,
)
from vendors.models import Cooperative

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def busy_home(settings, tmp_path):
    """The home page with everything editors can put on it, and an announcement with a link."""
    settings.MEDIA_ROOT = str(tmp_path)
    home = home_page("en")
    index = story_index_create()
    stories = [
        story_create(index=index, title=f"Story {n}", cooperative=CooperativeFactory(), cover_image=None)
        for n in range(4)
    ]
    image = wagtail_image_create(title="Tiles")
    for n in range(3):
        HomePageFeaturedCollection.objects.create(
            page=home, sort_order=n, title=f"Collection {n}", image=image, link_page=stories[n]
        )
    products = [ProductFactory(title=f"Picked rug {n}") for n in range(8)]
    for n, product in enumerate(products):
        HomePageFeaturedProduct.objects.create(page=home, sort_order=n, product=product)
    cooperatives = [CooperativeFactory(name=f"Picked cooperative {n}") for n in range(4)]
    for n, cooperative in enumerate(cooperatives):
        HomePageFeaturedCooperative.objects.create(page=home, sort_order=n, cooperative=cooperative)
    announcement = Announcement.objects.create(text="Free shipping week", link_page=index, link_label="Read")
    SiteChrome.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"announcement": announcement}
    )
    return {"home": home, "index": index, "products": products, "cooperatives": cooperatives}


def _queries(client, url="/") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_home_page_costs_at_most_15_queries_once_warm(client, busy_home):
    client.get("/")

    count, html = _queries(client)

    assert count <= 15
    assert html.index("Picked rug 0") < html.index("Picked rug 7")
    assert html.index("Picked cooperative 0") < html.index("Picked cooperative 3")
    assert "Collection 2" in html
    assert "Story 3" in html
    assert 'href="/stories/">Read' in html


def test_the_home_page_cost_does_not_grow_with_what_editors_pick(client, busy_home):
    client.get("/")
    before, _html = _queries(client)
    home = busy_home["home"]
    for n, product in enumerate(ProductFactory.create_batch(4), start=8):
        HomePageFeaturedProduct.objects.create(page=home, sort_order=n, product=product)
    client.get("/")

    after, _html = _queries(client)

    assert after == before


def test_a_story_published_after_the_home_page_was_cached_shows_at_once(client, busy_home):
    client.get("/")

    story_create(index=busy_home["index"], title="Fresh from the loom", cover_image=None)

    assert "Fresh from the loom" in client.get("/").content.decode()


def test_featured_pieces_and_cooperatives_stay_live_while_the_page_is_cached(client, busy_home):
    client.get("/")
    sold = busy_home["products"][0]
    StockRecord.objects.filter(product=sold).update(num_in_stock=0)
    suspended = busy_home["cooperatives"][0]
    Cooperative.objects.filter(pk=suspended.pk).update(status=Cooperative.Status.SUSPENDED)

    html = client.get("/").content.decode()

    card = html[html.index("Picked rug 0") :]
    assert "Sold" in card[: card.index("</article>")]
    assert "Picked cooperative 0" not in html


def test_the_announcement_link_follows_its_page_when_the_page_moves_to_a_new_slug(client, busy_home):
    client.get("/")
    index = busy_home["index"]
    index.slug = "journal"
    index.save_revision().publish()

    assert 'href="/journal/">Read' in client.get("/").content.decode()
