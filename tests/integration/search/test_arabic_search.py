"""Arabic search beyond the mapping: the article, shadda, tatweel, hamza and ta marbuta do not
stop a buyer finding the piece, on osmem (which ignores the Arabic analysis filters) as on
Elasticsearch, and in the database fallback."""

from decimal import Decimal

import pytest

from search.selectors import product_search, search_suggest
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [product.title for product in results.products]


@pytest.fixture
def arabic_shop(shop, search_engine):
    """The search shop, plus a lantern and a tile panel with Arabic titles and descriptions."""
    tifawin = shop["cooperatives"]["tifawin"]
    ProductFactory(
        title="Brass lantern, green glass",
        title_en="Brass lantern, green glass",
        title_ar="فانوس نحاسي بزجاج أخضر",
        description_ar="مصباح تقليدي مصنوع يدويًا",
        product_class=shop["products"]["tagine"].product_class,
        stockrecord__cooperative=tifawin,
        stockrecord__price=Decimal("700"),
    )
    ProductFactory(
        title="Tile panel, Fes star",
        title_en="Tile panel, Fes star",
        title_ar="لوحة الزلّيج الفاسي",
        product_class=shop["products"]["zellige"].product_class,
        stockrecord__cooperative=tifawin,
        stockrecord__price=Decimal("1200"),
    )
    search_engine.rebuild()
    search_engine.refresh()
    return shop


@pytest.mark.parametrize("typed", ["زليج", "الزليج", "زلّيج", "الزلـيج", "والزليج"])
def test_every_spelling_of_zellige_finds_the_zellige_pieces(arabic_shop, typed):
    results = product_search(query=typed, language="ar")

    assert not results.used_fallback
    # The Arabic title, and the craft vocabulary for a piece with none.
    assert {"Tile panel, Fes star", "Fes zellige, emerald glaze"} <= set(titles(results))
    assert "Beni Ourain rug, ivory" not in titles(results)


@pytest.mark.parametrize("typed", ["اخضر", "أخضر", "الأخضر", "أَخْضَر"])
def test_hamza_harakat_and_the_article_do_not_matter(arabic_shop, typed):
    assert titles(product_search(query=typed, language="ar")) == ["Brass lantern, green glass"]


def test_a_word_with_ta_marbuta_finds_the_same_pieces_as_without(arabic_shop):
    with_ta_marbuta = product_search(query="زربية", language="ar")
    plural = product_search(query="زرابي", language="ar")

    assert set(titles(with_ta_marbuta)) == set(titles(plural))
    assert "Beni Ourain rug, ivory" in titles(with_ta_marbuta)


def test_arabic_words_also_match_on_english_and_french_pages(arabic_shop):
    assert titles(product_search(query="فانوس", language="en")) == ["Brass lantern, green glass"]


def test_the_database_fallback_finds_arabic_titles_without_the_article(arabic_shop, settings):
    settings.ELASTICSEARCH_URL = ""

    results = product_search(query="الزلّيج", language="ar")

    assert results.used_fallback
    assert "Tile panel, Fes star" in titles(results)


def test_the_search_box_suggests_from_an_arabic_prefix(arabic_shop):
    suggestions = search_suggest(prefix="فانو", language="ar")

    assert "فانوس نحاسي بزجاج أخضر" in {p["title"] for p in suggestions["products"]}
