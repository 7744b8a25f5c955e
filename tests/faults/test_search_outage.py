"""The search server stops while buyers browse and staff edit: the shop stays up and loses no update.

A private osmem is stopped for real: paused with SIGSTOP (a hung cluster that accepts connections
and never answers), or killed and started again empty on the same address (an in-memory engine
loses its data on restart, as an Elasticsearch node that lost its disk would).
tests/integration/search covers the fallback and the replay one call at a time; these are the
end-to-end journeys across every page and the health probe.
"""

import time

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from search.indexing import PRODUCTS, index_drift
from search.models import PendingIndexUpdate
from tests.factories import ProductFactory, StaffUserFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

NOTICE = "Simplified search for now"
# The engine is skipped for this long after a failure (30 s in production), then tried again.
RETRY_AFTER = 2


def _pages(client, shop) -> dict[str, object]:
    product = shop["products"]["beni_ivory"]
    return {
        "home": client.get("/"),
        "catalogue": client.get("/shop/catalogue/"),
        "category": client.get(shop["categories"]["rugs"].get_absolute_url()),
        "search": client.get("/shop/search/", {"q": "tapis"}),
        "product": client.get(product.get_absolute_url()),
        "suggest": client.get("/shop/search/suggest/", {"q": "beni"}),
    }


def _edit_everything_while_down(shop, django_capture_on_commit_callbacks) -> dict[str, object]:
    """What staff and cooperatives do during the outage, each change committed on its own."""
    products = shop["products"]
    staff = Client()
    staff.force_login(StaffUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        tagine = products["tagine"]
        tagine.title = tagine.title_en = "Safi tagine, turquoise"
        tagine.save()
    with django_capture_on_commit_callbacks(execute=True):
        record = products["kilim_red"].stockrecords.get()
        record.price = record.price + 100
        record.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("dashboard:catalogue-product-unpublish", kwargs={"pk": products["beni_small"].pk}),
            {"reason": "Photos show a different rug"},
        )
        assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        new = ProductFactory(
            title="Azilal rug, saffron",
            title_en="Azilal rug, saffron",
            product_class=products["beni_ivory"].product_class,
            stockrecord__cooperative=shop["cooperatives"]["tifawin"],
        )
        new.categories.add(shop["categories"]["beni"])
    return {
        "tagine": tagine,
        "kilim_red": products["kilim_red"],
        "beni_small": products["beni_small"],
        "new": new,
    }


def _titles(response) -> str:
    return response.content.decode()


def test_while_the_search_server_hangs_every_page_answers_from_the_database_and_edits_reach_the_index_after(
    client, shop, osmem_process, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_RETRY_AFTER = RETRY_AFTER
    osmem_process.engine.rebuild()
    assert index_drift(kind=PRODUCTS) == {"missing": [], "extra": [], "stale": []}

    # The cluster stops answering: connections are accepted, nothing comes back.
    osmem_process.pause()
    started = time.monotonic()
    pages = _pages(client, shop)
    health = client.get("/healthz")
    elapsed = time.monotonic() - started

    assert {name: response.status_code for name, response in pages.items()} == dict.fromkeys(pages, 200)
    for name in ("catalogue", "category", "search"):
        assert NOTICE in pages[name].content.decode(), name
    assert "Beni Ourain rug, ivory" in pages["search"].content.decode()
    assert pages["suggest"].json()["used_fallback"] is True
    # One engine timeout (1 s here), then the database for SEARCH_RETRY_AFTER: pages do not queue
    # up behind the hung cluster. The health probe waits its own 2 s for the engine.
    assert elapsed < 12
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["failing"] == ["search"]
    assert health.json()["checks"]["search"]["status"] == "down"
    assert health.json()["checks"]["database"]["status"] == "up"

    edited = _edit_everything_while_down(shop, django_capture_on_commit_callbacks)
    kept = set(PendingIndexUpdate.objects.filter(kind=PRODUCTS).values_list("object_id", flat=True))
    assert kept >= {product.pk for product in edited.values()}

    # The cluster answers again; the first search after SEARCH_RETRY_AFTER sends what it missed.
    osmem_process.resume()
    time.sleep(RETRY_AFTER + 0.2)
    with django_capture_on_commit_callbacks(execute=True):
        search = client.get("/shop/search/", {"q": "rug"})
    osmem_process.engine.refresh()

    assert NOTICE not in search.content.decode()
    assert not PendingIndexUpdate.objects.exists()
    assert index_drift(kind=PRODUCTS) == {"missing": [], "extra": [], "stale": []}
    indexed = osmem_process.engine.ids()
    assert edited["new"].pk in indexed and edited["beni_small"].pk not in indexed
    turquoise = client.get("/shop/search/", {"q": "turquoise"}).content.decode()
    assert "Safi tagine, turquoise" in turquoise and NOTICE not in turquoise
    assert client.get("/healthz").json()["status"] == "ok"


def test_a_search_server_killed_and_started_empty_is_caught_as_drift_and_a_rebuild_restores_the_index(
    client, shop, osmem_process, restarted_osmem, settings, django_capture_on_commit_callbacks, capsys
):
    settings.SEARCH_RETRY_AFTER = RETRY_AFTER
    osmem_process.engine.rebuild()
    address = osmem_process.server.url.removeprefix("http://")

    # Killed: connections are refused at once.
    osmem_process.kill()
    pages = _pages(client, shop)
    assert {name: response.status_code for name, response in pages.items()} == dict.fromkeys(pages, 200)
    assert NOTICE in pages["search"].content.decode()
    assert client.get("/healthz").json()["checks"]["search"]["status"] == "down"
    edited = _edit_everything_while_down(shop, django_capture_on_commit_callbacks)
    assert PendingIndexUpdate.objects.filter(kind=PRODUCTS).count() >= len(edited)

    # Started again on the same address, with nothing in it: searches keep the database (and the
    # notice) rather than answer from an empty index, and --check tells the operator.
    restarted_osmem(address)
    time.sleep(RETRY_AFTER + 0.2)
    again = client.get("/shop/search/", {"q": "tapis"})
    assert again.status_code == 200 and NOTICE in again.content.decode()
    assert "Beni Ourain rug, ivory" in again.content.decode()
    with pytest.raises(CommandError, match="no such index"):
        call_command("search_index", "--check")

    # The documented remedy: a rebuild loads everything; the kept updates are then replayed.
    call_command("search_index", "--rebuild", "--quiet-progress")
    with django_capture_on_commit_callbacks(execute=True):
        results = client.get("/shop/search/", {"q": "turquoise"}).content.decode()
    osmem_process.engine.refresh()

    assert "Safi tagine, turquoise" in results and NOTICE not in results
    assert not PendingIndexUpdate.objects.exists()
    assert index_drift(kind=PRODUCTS) == {"missing": [], "extra": [], "stale": []}
    assert edited["new"].pk in osmem_process.engine.ids()
    assert edited["beni_small"].pk not in osmem_process.engine.ids()
    capsys.readouterr()
