"""Search on the engine (osmem here, or the Elasticsearch 8 in ELASTICSEARCH_URL): words in any
language, typos, facets that count right, and what buyers must never or always see."""

import pytest

from search.selectors import product_search, search_suggest

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [product.title for product in results.products]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tapis", "Beni Ourain rug, ivory"),
        ("carpet", "Kilim, madder red"),
        ("zelij", "Fes zellige, emerald glaze"),
        ("zelige", "Fes zellige, emerald glaze"),
        ("babouche", "Leather slippers, saffron"),
        ("babouches", "Leather slippers, saffron"),
        ("tajine", "Safi tagine, cobalt"),
        ("tapis berbère", "Beni Ourain rug, ivory"),
        ("émeraude", "Fes zellige, emerald glaze"),
        ("emeraude", "Fes zellige, emerald glaze"),
    ],
)
def test_buyers_find_crafts_with_the_word_they_know_in_english_or_french(indexed_shop, query, expected):
    results = product_search(query=query)

    assert not results.used_fallback
    assert expected in titles(results)


def test_a_french_craft_word_finds_only_that_craft(indexed_shop):
    results = product_search(query="tapis")

    assert set(titles(results)) == {
        "Beni Ourain rug, ivory",
        "Beni Ourain rug, small",
        "Kilim, madder red",
        "Kilim, green stripes",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("slipers", "Leather slippers, saffron"),
        ("cobalr", "Safi tagine, cobalt"),
        ("safforn", "Leather slippers, saffron"),
    ],
)
def test_typos_still_find_the_piece(indexed_shop, query, expected):
    assert expected in titles(product_search(query=query))


def test_a_misspelt_word_is_offered_as_did_you_mean_when_results_are_few(indexed_shop):
    results = product_search(query="cobalr")

    assert results.total < 3
    assert results.suggestion == "cobalt"


def test_matches_are_highlighted_in_the_description_and_escaped(indexed_shop):
    results = product_search(query="wool")

    snippet = next(p.search_snippet for p in results.products if p.title == "Beni Ourain rug, ivory")
    assert "<mark>wool</mark>" in snippet


def test_a_suspended_cooperatives_piece_is_never_returned(indexed_shop):
    results = product_search(query="hidden beni ourain")
    browse = product_search(filters={"cooperative": [indexed_shop["cooperatives"]["hidden"].slug]})

    assert "Hidden Beni Ourain rug" not in titles(results)
    assert browse.total == 0


def test_an_out_of_stock_piece_is_shown_after_those_in_stock_and_can_be_filtered_out(indexed_shop):
    everything = product_search(query="kilim")
    in_stock = product_search(query="kilim", filters={"in_stock": True})

    assert titles(everything) == ["Kilim, madder red", "Kilim, green stripes"]
    assert titles(in_stock) == ["Kilim, madder red"]
    assert everything.facets["in_stock"].values[0].count == 1


def test_facet_counts_ignore_their_own_choice_and_follow_the_others(indexed_shop):
    results = product_search(query="rug", filters={"style": ["Kilim"]})
    style = {v.value: (v.count, v.selected) for v in results.facets["style"].values}
    colour = {v.value: v.count for v in results.facets["colour"].values}

    assert results.total == 2
    assert style == {"Beni Ourain": (2, False), "Kilim": (2, True)}
    assert colour == {"Red": 1, "Green": 1}


def test_every_facet_of_the_issue_is_offered(indexed_shop):
    results = product_search(query="rug")

    assert set(results.facets) == {
        "category", "style", "region", "cooperative", "colour", "material", "size", "price",
        "women_led", "label", "in_stock",
    }  # fmt: skip
    assert {v.label for v in results.facets["category"].values} == {"Rugs"}
    assert {v.label: v.count for v in results.facets["size"].values} == {
        "Medium (30–100 cm)": 1, "Large (100–200 cm)": 1, "Extra large (over 2 m)": 2,
    }  # fmt: skip
    assert results.facets["women_led"].values[0].count == 2
    assert results.facets["label"].values[0].count == 2


def test_price_ranges_are_in_the_buyers_currency_and_filter_in_dirhams(indexed_shop):
    results = product_search(query="rug", currency="EUR")
    ranges = {v.label: v.count for v in results.facets["price"].values}
    cheap = next(
        v
        for v in results.facets["price"].values
        if v.count == 1 and "€" in v.label and v.label.startswith("€50")
    )
    filtered = product_search(query="rug", currency="EUR", filters={"price": cheap.value})

    assert all("€" in label for label in ranges)
    assert sum(ranges.values()) == 4
    assert titles(filtered) == ["Beni Ourain rug, small"]  # 900 MAD = 83 €


def test_category_pages_search_within_the_category_and_offer_its_subcategories(indexed_shop):
    rugs = indexed_shop["categories"]["rugs"]
    results = product_search(filters={"category_id": rugs.pk}, sort="price-asc")

    assert titles(results) == [
        "Beni Ourain rug, small",
        "Kilim, green stripes",
        "Kilim, madder red",
        "Beni Ourain rug, ivory",
    ]
    assert {v.label: v.count for v in results.facets["category"].values} == {"Beni Ourain": 2, "Kilims": 2}


def test_results_come_in_pages(indexed_shop):
    first = product_search(query="rug", sort="price-desc", per_page=3)
    second = product_search(query="rug", sort="price-desc", per_page=3, page=2)

    assert first.total == second.total == 4
    assert titles(first) == ["Beni Ourain rug, ivory", "Kilim, madder red", "Kilim, green stripes"]
    assert titles(second) == ["Beni Ourain rug, small"]


def test_the_search_box_suggests_products_categories_and_cooperatives(indexed_shop):
    pieces = search_suggest(prefix="beni our")
    makers = search_suggest(prefix="tifa")

    assert {p["title"] for p in pieces["products"]} == {"Beni Ourain rug, ivory", "Beni Ourain rug, small"}
    assert [c["name"] for c in pieces["categories"]] == ["Beni Ourain"]
    assert [c["name"] for c in makers["cooperatives"]] == ["Coopérative Tifawin"]
    assert not pieces["used_fallback"]
