"""The search, catalogue and category pages on the engine; the suggest box; the query log;
and what buyers see when the engine is stopped."""

import pytest

from search.models import QueryLog

pytestmark = pytest.mark.django_db


def test_results_page_shows_facets_with_counts_highlights_and_keeps_filters_in_links(client, indexed_shop):
    response = client.get("/shop/search/", {"q": "rug", "style": "Kilim"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Kilim, madder red" in html and "Beni Ourain rug, ivory" not in html
    assert 'class="facet-option is-selected"' in html
    assert "style=Kilim" in html  # the colour links keep the style choice
    assert "Simplified search" not in html


def test_every_search_is_logged_without_personal_data_and_a_click_is_recorded(client, indexed_shop):
    client.get("/shop/search/", {"q": "  Tapis  "}, HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.8")
    client.get("/shop/search/", {"q": "qwxyzzy"}, HTTP_CF_IPCOUNTRY="DE")
    log = QueryLog.objects.get(text="tapis")
    rug = indexed_shop["products"]["beni_ivory"]

    response = client.post("/shop/search/click/", {"log": log.pk, "product": rug.pk})
    log.refresh_from_db()

    assert (log.results, log.country, log.language) == (4, "CA", "en")
    assert QueryLog.objects.get(text="qwxyzzy").results == 0
    assert QueryLog.objects.get(text="qwxyzzy").country == "DE"
    assert response.status_code == 204
    assert log.clicked_product == rug


def test_zero_results_page_offers_a_correction_and_crafts_to_browse(client, indexed_shop):
    html = client.get("/shop/search/", {"q": "cobalr glaze"}).content.decode()

    assert "Nothing matches" in html
    assert "Perhaps you meant" in html and "cobalt glaze" in html
    assert "Rugs" in html


def test_suggest_returns_json_for_the_search_box(client, indexed_shop):
    data = client.get("/shop/search/suggest/", {"q": "beni"}).json()

    assert data["query"] == "beni"
    assert {p["title"] for p in data["products"]} == {"Beni Ourain rug, ivory", "Beni Ourain rug, small"}
    assert data["categories"][0]["name"] == "Beni Ourain"
    assert client.get("/shop/search/suggest/", {"q": "b"}).json()["products"] == []


def test_category_page_lists_its_pieces_from_the_engine_with_facets(client, indexed_shop):
    rugs = indexed_shop["categories"]["rugs"]
    html = client.get(rugs.get_absolute_url(), {"in_stock": "1", "sort": "price-asc"}).content.decode()

    assert "3 pieces" in html
    assert (
        html.index("Beni Ourain rug, small")
        < html.index("Kilim, madder red")
        < html.index("Beni Ourain rug, ivory")
    )
    assert "Kilim, green stripes" not in html
    assert "Hidden Beni Ourain rug" not in html


def test_when_the_engine_is_stopped_pages_fall_back_with_a_notice_and_healthz_says_so(
    client, shop, osmem_process
):
    osmem_process.engine.rebuild()
    osmem_process.kill()

    search = client.get("/shop/search/", {"q": "tapis"}).content.decode()
    category = client.get(shop["categories"]["rugs"].get_absolute_url()).content.decode()
    health = client.get("/healthz")

    assert "Simplified search for now" in search and "Beni Ourain rug, ivory" in search
    assert "Simplified search for now" in category and "Kilim, madder red" in category
    assert health.json()["checks"]["search"]["status"] == "down"
