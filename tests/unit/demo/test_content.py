"""The demo content is consistent with the crafts catalogue and believable as a shop.

Pure data, no database: run with `-p no:django`.
"""

import re
from collections import Counter
from decimal import Decimal

import pytest

from catalogue.crafts import BOOLEAN, COLOURS, CRAFTS_BY_CODE, FLOAT, INTEGER, OPTION, TEXT
from marketplace.demo import content

PRODUCTS = content.products()
COOPERATIVES = content.cooperatives()
COOPERATIVES_BY_SLUG = {cooperative.slug: cooperative for cooperative in COOPERATIVES}
VALUE_TYPES = {INTEGER: int, FLOAT: float, BOOLEAN: bool, TEXT: str, OPTION: str}


def _category_paths(nodes, prefix=()):
    for node in nodes:
        path = (*prefix, node.slug)
        yield path
        yield from _category_paths(node.children, path)


# --- Cooperatives -------------------------------------------------------------------------
def test_there_are_at_least_twelve_cooperatives_in_at_least_six_regions():
    assert len(COOPERATIVES) >= 12
    assert len({cooperative.region for cooperative in COOPERATIVES}) >= 6


def test_cooperative_slugs_are_unique():
    assert len(COOPERATIVES_BY_SLUG) == len(COOPERATIVES)


def test_every_cooperative_region_is_a_known_region_code():
    assert {cooperative.region for cooperative in COOPERATIVES} <= set(content.REGIONS)
    assert len(content.REGIONS) == 12


def test_at_least_four_cooperatives_are_led_by_women_who_are_the_majority():
    women_led = [cooperative for cooperative in COOPERATIVES if cooperative.women_led]
    assert len(women_led) >= 4
    for cooperative in women_led:
        assert cooperative.women_members * 2 > cooperative.members, cooperative.slug


def test_member_counts_are_consistent():
    for cooperative in COOPERATIVES:
        assert 0 <= cooperative.women_members <= cooperative.members, cooperative.slug


def test_verified_in_review_and_suspended_cooperatives_all_appear():
    statuses = Counter(cooperative.status for cooperative in COOPERATIVES)
    assert set(statuses) == {"verified", "in_review", "suspended"}
    assert statuses["verified"] > statuses["in_review"] + statuses["suspended"]


def test_cooperatives_together_make_every_craft():
    made = {craft for cooperative in COOPERATIVES for craft in cooperative.crafts}
    assert made == set(CRAFTS_BY_CODE)


@pytest.mark.parametrize("cooperative", COOPERATIVES, ids=lambda cooperative: cooperative.slug)
def test_cooperative_contact_and_registry_details_are_well_formed(cooperative):
    assert re.fullmatch(r"\+212[5-7]\d{8}", cooperative.phone)
    assert re.fullmatch(r"\d{15}", cooperative.ice)
    assert cooperative.email == f"{cooperative.slug}@souk.test"
    assert cooperative.registration_number and cooperative.rna_number
    assert set(cooperative.languages) <= {"ar", "zgh", "fr", "en", "es"}


@pytest.mark.parametrize("cooperative", COOPERATIVES, ids=lambda cooperative: cooperative.slug)
def test_cooperative_stories_have_two_or_three_paragraphs_in_english_and_french(cooperative):
    for story in (cooperative.story_en, cooperative.story_fr):
        assert 2 <= len(story.split("\n\n")) <= 3
    assert cooperative.tagline_en and cooperative.tagline_fr


def test_ice_numbers_are_unique():
    assert len({cooperative.ice for cooperative in COOPERATIVES}) == len(COOPERATIVES)


# --- Categories ---------------------------------------------------------------------------
def test_category_tree_has_one_root_per_craft_and_rug_styles_below_rugs():
    assert {root.craft for root in content.CATEGORY_TREE} == set(CRAFTS_BY_CODE)
    rugs = next(root for root in content.CATEGORY_TREE if root.slug == "rugs")
    assert {child.slug for child in rugs.children} >= {
        "beni-ourain",
        "azilal",
        "boucherouite",
        "kilim",
        "boujad",
        "taznakht",
    }


def test_every_category_has_names_and_descriptions_in_english_and_french():
    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.children)

    for node in walk(content.CATEGORY_TREE):
        assert node.name_en and node.name_fr and node.description_en and node.description_fr


# --- Products -----------------------------------------------------------------------------
def test_there_are_at_least_two_hundred_products_covering_every_craft():
    assert len(PRODUCTS) >= 200
    assert {product.craft for product in PRODUCTS} == set(CRAFTS_BY_CODE)


def test_product_codes_are_unique():
    upcs = [product.upc for product in PRODUCTS]
    assert len(set(upcs)) == len(upcs)


def test_product_titles_are_unique_in_both_languages():
    assert len({product.title_en for product in PRODUCTS}) == len(PRODUCTS)
    assert len({product.title_fr for product in PRODUCTS}) == len(PRODUCTS)


def test_products_are_deterministic():
    assert content.products() == content.products()


def test_products_do_not_touch_the_global_random_generator():
    import random

    random.seed(1)
    expected = random.random()
    random.seed(1)
    content.products()
    assert random.random() == expected


def test_each_product_belongs_to_an_existing_cooperative_that_makes_its_craft():
    for product in PRODUCTS:
        cooperative = COOPERATIVES_BY_SLUG.get(product.cooperative)
        assert cooperative is not None, product.upc
        assert product.craft in cooperative.crafts, product.upc


def test_suspended_cooperatives_sell_only_a_handful_of_products():
    counts = Counter(COOPERATIVES_BY_SLUG[product.cooperative].status for product in PRODUCTS)
    assert 1 <= counts["suspended"] <= 6
    assert counts["verified"] > len(PRODUCTS) * 0.9


def test_every_required_attribute_is_present_and_every_value_fits_its_type():
    for product in PRODUCTS:
        specs = {spec.code: spec for spec in CRAFTS_BY_CODE[product.craft].attributes}
        required = {code for code, spec in specs.items() if spec.required}
        assert required <= set(product.attributes), product.upc
        for code, value in product.attributes.items():
            spec = specs.get(code)
            assert spec is not None, f"{product.upc}: unknown attribute {code}"
            assert type(value) is VALUE_TYPES[spec.type], f"{product.upc}: {code}={value!r}"
            if spec.type == OPTION:
                assert value in spec.options, f"{product.upc}: {code}={value!r}"


def test_category_paths_exist_in_the_category_tree():
    paths = set(_category_paths(content.CATEGORY_TREE))
    for product in PRODUCTS:
        assert product.category_path in paths, product.upc


def test_rugs_are_one_of_a_kind_with_stock_of_one():
    for product in PRODUCTS:
        if product.craft == "rug":
            assert product.stock == 1, product.upc
            assert product.attributes["one_of_a_kind"] is True


def test_rug_titles_show_the_dimensions_in_their_attributes():
    for product in PRODUCTS:
        if product.craft == "rug":
            size = f"{product.attributes['width_cm']} × {product.attributes['length_cm']} cm"
            assert product.title_en.endswith(size) and product.title_fr.endswith(size), product.upc


def test_zellige_is_sold_by_the_box_with_coverage_in_the_title():
    for product in PRODUCTS:
        if product.craft == "zellige":
            assert 20 <= product.stock <= 400
            assert f"box of {product.attributes['coverage_per_box_m2']:g} m²" in product.title_en


def test_a_few_products_are_sold_out_and_made_to_order():
    sold_out = [product for product in PRODUCTS if product.stock == 0]
    assert 1 <= len(sold_out) <= 20
    for product in PRODUCTS:
        assert product.lead_time_days == 0 or 21 <= product.lead_time_days <= 45
        if product.craft not in ("rug", "zellige"):
            assert 0 <= product.stock <= 40


def test_prices_are_positive_and_have_two_decimals():
    for product in PRODUCTS:
        assert product.price_mad > 0
        assert product.price_mad.as_tuple().exponent == -2, product.upc


def test_beni_ourain_rugs_of_two_by_three_metres_cost_nine_to_eighteen_thousand_dirhams():
    big = [
        product
        for product in PRODUCTS
        if product.attributes.get("style") == "Beni Ourain"
        and (product.attributes["width_cm"], product.attributes["length_cm"]) == (200, 300)
    ]
    assert big
    for product in big:
        assert Decimal(9000) <= product.price_mad <= Decimal(18000), product.upc


def test_image_hints_use_known_colours_and_styles():
    for product in PRODUCTS:
        assert product.image_colour in COLOURS, product.upc
        assert product.image_style, product.upc


def test_most_but_not_all_products_carry_the_made_in_morocco_label():
    labelled = sum(product.is_labelled for product in PRODUCTS)
    assert len(PRODUCTS) * 0.6 < labelled < len(PRODUCTS)


def test_shipping_weights_are_positive():
    for product in PRODUCTS:
        assert product.weight_kg > 0, product.upc


# --- Arabic -------------------------------------------------------------------------------
# A Latin word of three letters or more; sizes (S, M, L, XL) and the E27 socket are allowed.
LATIN_WORD = re.compile(r"\b(?!E27\b)[A-Za-z]{3,}\b")


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def test_every_product_has_an_arabic_title_and_description_with_no_english_left():
    for product in PRODUCTS:
        assert product.title_ar and product.description_ar, product.upc
        assert not LATIN_WORD.search(product.title_ar), product.title_ar
        assert not LATIN_WORD.search(product.description_ar), product.description_ar


def test_arabic_titles_are_unique_and_keep_the_dimensions_of_the_english_ones():
    assert len({product.title_ar for product in PRODUCTS}) == len(PRODUCTS)
    for product in PRODUCTS:
        assert re.findall(r"\d+", product.title_ar) == re.findall(r"\d+", product.title_en), product.upc


@pytest.mark.parametrize("cooperative", COOPERATIVES, ids=lambda cooperative: cooperative.slug)
def test_cooperatives_have_an_arabic_tagline_and_story(cooperative):
    assert cooperative.tagline_ar and not LATIN_WORD.search(cooperative.tagline_ar)
    assert 2 <= len(cooperative.story_ar.split("\n\n")) <= 3
    assert not LATIN_WORD.search(cooperative.story_ar)


def test_every_category_and_craft_has_an_arabic_text():
    from marketplace.demo import arabic

    for node in _walk(content.CATEGORY_TREE):
        assert content.CATEGORY_NAMES_AR[node.slug] and arabic.CATEGORY_DESCRIPTIONS_AR[node.slug]
    assert set(arabic.CRAFT_NAMES_AR) == set(CRAFTS_BY_CODE)
