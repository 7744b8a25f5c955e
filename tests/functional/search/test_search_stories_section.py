"""The search page shows up to three matching stories and guides under the pieces, from the
engine or, when it is stopped, from the database; Arabic words find the pieces on /ar/."""

from decimal import Decimal

import pytest

from tests.factories import ProductFactory, story_create, story_index_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(indexed_shop, search_engine, django_capture_on_commit_callbacks):
    """Four published stories about zellige and one about rugs, in the engine."""
    with django_capture_on_commit_callbacks(execute=True):
        index = story_index_create()
        for n in range(4):
            story_create(
                index=index,
                title=f"Zellige cutters, part {n + 1}",
                intro="Hammer and chisel shape each tile of the mosaic.",
            )
        story_create(index=index, title="Knotting a Beni Ourain rug", intro="Wool from the Middle Atlas.")
    search_engine.refresh()
    return index


def test_matching_stories_appear_under_the_pieces_three_at_most(client, stories):
    html = client.get("/shop/search/", {"q": "zellige"}).content.decode()

    assert "Fes zellige, emerald glaze" in html
    section = html[html.index('id="search-stories-title"') :]
    assert section.count('class="story-card story-card--compact"') == 3
    assert "Zellige cutters, part" in section
    assert "Knotting a Beni Ourain rug" not in section
    assert html.index("Fes zellige, emerald glaze") < html.index('id="search-stories-title"')


def test_a_search_with_no_matching_story_has_no_stories_section(client, stories):
    html = client.get("/shop/search/", {"q": "tagine"}).content.decode()

    assert "Safi tagine, cobalt" in html
    assert 'id="search-stories-title"' not in html


def test_stories_are_shown_even_when_no_piece_matches(client, stories):
    html = client.get("/shop/search/", {"q": "chisel"}).content.decode()

    assert "Nothing matches" in html
    assert "Zellige cutters, part" in html


def test_when_the_engine_is_stopped_the_stories_come_from_the_database(
    client, shop, osmem_process, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story_create(
            index=story_index_create(), title="Tagine makers of Safi", intro="Red clay, cobalt glaze."
        )
    osmem_process.kill()

    html = client.get("/shop/search/", {"q": "tagine"}).content.decode()

    assert "Simplified search" in html
    assert "Safi tagine, cobalt" in html
    assert "Tagine makers of Safi" in html


def test_the_suggest_box_lists_matching_stories(client, stories):
    data = client.get("/shop/search/suggest/", {"q": "zellige cut"}).json()

    assert len(data["stories"]) == 2
    assert all(story["title"].startswith("Zellige cutters") for story in data["stories"])


def test_an_arabic_search_on_the_arabic_site_finds_the_zellige(client, indexed_shop, search_engine):
    ProductFactory(
        title="Tile panel, Fes star",
        title_en="Tile panel, Fes star",
        title_ar="لوحة الزلّيج الفاسي",
        product_class=indexed_shop["products"]["zellige"].product_class,
        stockrecord__cooperative=indexed_shop["cooperatives"]["tifawin"],
        stockrecord__price=Decimal("1200"),
    )
    search_engine.rebuild()
    search_engine.refresh()

    html = client.get("/ar/shop/search/", {"q": "الزليج"}).content.decode()

    assert '<html lang="ar" dir="rtl"' in html
    assert "لوحة الزلّيج الفاسي" in html or "Tile panel, Fes star" in html
    assert "Fes zellige, emerald glaze" in html or "Zellige de Fès" in html
    assert "Beni Ourain rug, ivory" not in html
