"""Anonymous storefront pages are rendered once and served from the cache, with each
visitor's own CSRF token, CSP nonce and recently viewed pieces, and never a stale price."""

import json
import re
import socket
import time
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.observatory.models import Event
from tests.factories import ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
StockRecord = get_model("partner", "StockRecord")
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.SOUK_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def rug(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # committed, as a cooperative's edit is
        return ProductFactory(title="Azilal rug with a red diamond", stockrecord__price=Decimal("1500.00"))


def visit(url, client=None, **headers):
    return (client or Client()).get(url, **{**BROWSER, **headers})


def nonce_of(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def test_a_second_visitor_gets_the_stored_page(rug):
    first = visit(rug.get_absolute_url())
    second = visit(rug.get_absolute_url())

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "Azilal rug with a red diamond" in second.content.decode()


def test_a_stored_page_carries_this_visitors_nonce_and_a_working_csrf_token(rug):
    visit(rug.get_absolute_url())
    buyer = Client(enforce_csrf_checks=True)
    page = visit(rug.get_absolute_url(), client=buyer)
    html = page.content.decode()

    assert page["X-Page-Cache"] == "hit"
    nonce = nonce_of(page)
    assert f'nonce="{nonce}"' in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    added = buyer.post(
        f"/shop/basket/add/{rug.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}, **BROWSER
    )
    assert added.status_code == 302
    assert buyer.get("/shop/basket/").context["basket"].num_items == 1


def test_two_hits_never_share_a_nonce_or_token(rug):
    visit(rug.get_absolute_url())
    one, two = visit(rug.get_absolute_url()), visit(rug.get_absolute_url())

    assert nonce_of(one) != nonce_of(two)
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value


def test_a_hit_is_sent_with_the_headers_the_whole_stack_gave_the_rendered_page(rug):
    with translation.override("fr"):
        french = rug.get_absolute_url()
    rendered = visit(french)
    hit = visit(french)

    assert hit["X-Page-Cache"] == "hit"
    per_response = {"Content-Length", "Content-Security-Policy", "X-Page-Cache"}
    assert {name: value for name, value in hit.items() if name not in per_response} == {
        name: value for name, value in rendered.items() if name not in per_response
    }
    assert hit["Content-Language"] == "fr"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Content-Security-Policy"] == rendered["Content-Security-Policy"].replace(
        nonce_of(rendered), nonce_of(hit)
    )


def test_a_visitor_with_a_csrf_cookie_keeps_it_on_a_hit(rug):
    visit(rug.get_absolute_url())
    buyer = Client(enforce_csrf_checks=True)
    visit("/shop/catalogue/", client=buyer)
    cookie = buyer.cookies["csrftoken"].value

    page = visit(rug.get_absolute_url(), client=buyer)

    assert page["X-Page-Cache"] == "hit"
    assert page.cookies["csrftoken"].value == cookie  # sent again to renew it, as Django does
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert token != cookie  # masked, as on a rendered page
    added = buyer.post(
        f"/shop/basket/add/{rug.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}, **BROWSER
    )
    assert added.status_code == 302


def test_a_host_the_site_does_not_serve_is_refused_even_when_the_page_is_stored(rug):
    visit(rug.get_absolute_url())

    assert visit(rug.get_absolute_url())["X-Page-Cache"] == "hit"
    assert visit(rug.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400


def test_plain_http_is_redirected_to_https_before_any_stored_page(rug, settings):
    settings.SECURE_SSL_REDIRECT = True
    visit(rug.get_absolute_url(), secure=True)
    assert visit(rug.get_absolute_url(), secure=True)["X-Page-Cache"] == "hit"

    plain = visit(rug.get_absolute_url())

    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


def test_a_view_served_from_the_cache_is_still_counted_and_remembered(rug):
    visit(rug.get_absolute_url())
    hit = visit(rug.get_absolute_url())

    assert hit["X-Page-Cache"] == "hit"
    assert Event.objects.filter(kind=Event.Kind.VIEW, product_id=rug.pk).count() == 2
    assert Event.objects.filter(product_id=rug.pk).last().cooperative_id == rug.cooperative.pk
    assert ProductRecord.objects.get(product=rug).num_views == 2
    assert json.loads(hit.cookies["oscar_history"].value) == [rug.pk]


def test_recently_viewed_pieces_are_this_visitors_own(rug):
    kilim = ProductFactory(title="Kilim from the Middle Atlas")
    pouf = ProductFactory(title="Leather pouf, saddle brown")
    first = Client()
    visit(kilim.get_absolute_url(), client=first)
    stored = visit(rug.get_absolute_url(), client=first)
    assert stored["X-Page-Cache"] == "miss"
    assert "Kilim from the Middle Atlas" in recently_viewed(stored)

    second = Client()
    visit(pouf.get_absolute_url(), client=second)
    hit = visit(rug.get_absolute_url(), client=second)

    assert hit["X-Page-Cache"] == "hit"
    assert "Leather pouf, saddle brown" in recently_viewed(hit)
    assert "Kilim from the Middle Atlas" not in recently_viewed(hit)
    assert recently_viewed(visit(rug.get_absolute_url())) == ""


def recently_viewed(response) -> str:
    found = re.search(
        r'<section class="section recently-viewed".*?</section>', response.content.decode(), re.S
    )
    return found.group(0) if found else ""


def test_a_new_price_shows_at_once(rug, django_capture_on_commit_callbacks):
    visit(rug.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        record = StockRecord.objects.get(product=rug)
        record.price = Decimal("2750.00")
        record.save()

    page = visit(rug.get_absolute_url())

    assert page["X-Page-Cache"] == "miss"
    assert "2,750" in page.content.decode() or "2 750" in page.content.decode()


def test_one_transaction_makes_the_pages_stale_once(rug, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from marketplace.pagecache import GENERATION_KEY

    visit(rug.get_absolute_url())
    before = cache.get(GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        for price in ("1600.00", "1700.00", "1800.00"):
            record = StockRecord.objects.get(product=rug)
            record.price = Decimal(price)
            record.save()
        rug.save()

    assert cache.get(GENERATION_KEY) == before + 1


def test_an_image_rendition_made_while_rendering_keeps_stored_pages(rug, django_capture_on_commit_callbacks):
    from tests.factories import wagtail_image_create

    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_image_create()
    visit(rug.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        image.get_rendition("width-320")

    assert visit(rug.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_change_rolled_back_keeps_the_stored_pages(rug, django_capture_on_commit_callbacks):
    visit(rug.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=False):
        rug.title = "A title that never commits"
        rug.save()

    assert visit(rug.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT_LANGUAGE": "en-GB"},
        {"HTTP_ACCEPT_LANGUAGE": "ja-JP"},
    ],
)
def test_each_currency_and_destination_has_its_own_page(rug, headers):
    visit(rug.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-US")

    assert visit(rug.get_absolute_url(), **headers)["X-Page-Cache"] == "miss"
    assert visit(rug.get_absolute_url(), **headers)["X-Page-Cache"] == "hit"


def test_a_chosen_currency_is_part_of_the_page(rug):
    visit(rug.get_absolute_url())
    buyer = Client()
    buyer.cookies["souk_currency"] = "JPY"

    page = visit(rug.get_absolute_url(), client=buyer)

    assert page["X-Page-Cache"] == "miss"
    assert '<option value="JPY" selected>' in page.content.decode()
    assert visit(rug.get_absolute_url(), client=buyer)["X-Page-Cache"] == "hit"


def test_signed_in_buyers_and_baskets_are_never_served_stored_pages(rug):
    visit(rug.get_absolute_url())
    visit(rug.get_absolute_url())
    signed_in = Client()
    signed_in.force_login(UserFactory())
    with_basket = Client()
    with_basket.cookies["oscar_open_basket"] = "1:signature"

    for client in (signed_in, with_basket):
        page = visit(rug.get_absolute_url(), client=client)
        assert "X-Page-Cache" not in page


def test_pages_are_stored_only_where_views_allow_it(rug):
    for url in ("/shop/basket/", "/accounts/login/", "/shop/search/?q=rug"):
        visit(url)
        assert "X-Page-Cache" not in visit(url)

    for url in ("/shop/catalogue/", "/cooperatives/", f"/cooperatives/{rug.cooperative.slug}/"):
        visit(url)
        assert visit(url)["X-Page-Cache"] == "hit", url


def test_a_listing_answered_by_the_database_during_an_outage_is_not_stored(rug, settings):
    with socket.socket() as sock:  # a port nothing listens on: the engine is down
        sock.bind(("127.0.0.1", 0))
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{sock.getsockname()[1]}"

    first = visit("/shop/catalogue/")
    again = visit("/shop/catalogue/")

    assert "Azilal rug with a red diamond" in again.content.decode()
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in again


def test_the_site_renders_when_the_page_cache_is_down(rug, monkeypatch):
    class Unreachable:
        def __getattr__(self, name):
            raise ConnectionError("redis is down")

    monkeypatch.setattr("marketplace.pagecache.cache", Unreachable())

    page = visit(rug.get_absolute_url())

    assert page.status_code == 200
    assert "Azilal rug with a red diamond" in page.content.decode()


def test_the_cache_is_off_unless_configured(rug, settings):
    settings.SOUK_PAGE_CACHE_SECONDS = 0
    visit(rug.get_absolute_url())

    assert "X-Page-Cache" not in visit(rug.get_absolute_url())


def test_cms_pages_are_stored_and_a_published_story_shows_at_once(django_capture_on_commit_callbacks):
    from tests.factories import story_create, story_index_create

    with django_capture_on_commit_callbacks(execute=True):
        index = story_index_create()
        story_create(index=index, title="The weavers of Azilal")
    visit("/stories/")
    assert visit("/stories/")["X-Page-Cache"] == "hit"
    assert visit("/")["X-Page-Cache"] == "miss"
    assert visit("/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        story_create(index=index, title="Zellige masters of Fès")

    page = visit("/stories/")
    assert page["X-Page-Cache"] == "miss"
    assert "Zellige masters of Fès" in page.content.decode()


def test_a_private_cms_page_is_never_stored(django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    from tests.factories import story_index_create

    with django_capture_on_commit_callbacks(execute=True):
        index = story_index_create()
        PageViewRestriction.objects.create(page=index, restriction_type="password", password="atlas")

    visit("/stories/")
    assert "X-Page-Cache" not in visit("/stories/")


class CountingCache:
    """The page cache's shared cache, counting the round trips a hit makes."""

    def __init__(self, real):
        self.real, self.lookups = real, 0

    def get_many(self, keys):
        self.lookups += 1
        return self.real.get_many(keys)

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.fixture
def local_pages(settings, monkeypatch):
    from marketplace import pagecache

    settings.SOUK_PAGE_CACHE_LOCAL_SECONDS = 60
    pagecache._LOCAL.forget()
    shared = CountingCache(pagecache.cache)
    monkeypatch.setattr(pagecache, "cache", shared)
    yield shared
    pagecache._LOCAL.forget()


def test_a_process_serves_the_pages_it_keeps_without_asking_the_shared_cache(rug, local_pages):
    visit(rug.get_absolute_url())
    asked = local_pages.lookups

    hits = [visit(rug.get_absolute_url()) for _ in range(3)]

    assert [hit["X-Page-Cache"] for hit in hits] == ["hit"] * 3
    assert local_pages.lookups == asked
    assert len({nonce_of(hit) for hit in hits}) == 3


def test_a_change_made_in_this_process_shows_at_once_on_kept_pages(
    rug, local_pages, django_capture_on_commit_callbacks
):
    visit(rug.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        StockRecord.objects.filter(product=rug).update(price=Decimal("1750.00"))
        rug.save()

    page = visit(rug.get_absolute_url())

    assert page["X-Page-Cache"] == "miss"


def test_a_change_made_in_another_process_shows_once_the_kept_generation_is_old(rug, local_pages, settings):
    from marketplace import pagecache

    settings.SOUK_PAGE_CACHE_LOCAL_SECONDS = 0.3
    visit(rug.get_absolute_url())
    pagecache.cache.incr(pagecache.GENERATION_KEY)  # another web process saved something

    assert visit(rug.get_absolute_url())["X-Page-Cache"] == "hit"
    time.sleep(0.4)
    assert visit(rug.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_process_keeps_only_so_many_pages(rug, local_pages, settings):
    settings.SOUK_PAGE_CACHE_LOCAL_PAGES = 1
    visit(rug.get_absolute_url())
    visit("/shop/catalogue/")
    asked = local_pages.lookups

    assert visit(rug.get_absolute_url())["X-Page-Cache"] == "hit"
    assert local_pages.lookups == asked + 1
