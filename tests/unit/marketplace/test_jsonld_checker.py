"""The JSON-LD checker used by the SEO tests catches what search engines would reject."""

from marketplace.seo import json_script
from tests.functional.marketplace.jsonld_schema import jsonld_blocks, jsonld_problems

VALID_PRODUCT = {
    "@context": "https://schema.org",
    "@type": "Product",
    "name": "Beni Ourain rug",
    "image": ["https://souk.test/media/rug.jpg"],
    "brand": {"@type": "Brand", "name": "Coopérative Tifawin"},
    "offers": {
        "@type": "Offer",
        "price": "1500.00",
        "priceCurrency": "MAD",
        "availability": "https://schema.org/InStock",
    },
}


def test_a_complete_product_passes():
    assert jsonld_problems(VALID_PRODUCT) == []


def test_a_product_without_brand_or_currency_fails():
    data = {**VALID_PRODUCT, "brand": None, "offers": {**VALID_PRODUCT["offers"], "priceCurrency": "dirham"}}

    problems = jsonld_problems(data)

    assert any("brand" in p for p in problems)
    assert any("priceCurrency" in p for p in problems)


def test_an_article_needs_a_date_an_image_and_an_author():
    problems = jsonld_problems({"@context": "https://schema.org", "@type": "Article", "headline": "A story"})

    assert len(problems) == 3


def test_breadcrumb_positions_must_count_from_one():
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 2, "name": "Home", "item": "https://souk.test/"}
        ],
    }

    assert jsonld_problems(data)


def test_script_output_cannot_close_the_script_element_and_parses_back():
    html = json_script(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": "</script><b>",
            "url": "https://souk.test/",
        }
    )

    assert "</script><b>" not in html
    assert jsonld_blocks(html)[0]["name"] == "</script><b>"


def test_an_organization_rating_outside_its_scale_or_without_reviews_fails():
    organization = {"@context": "https://schema.org", "@type": "Organization", "name": "Tifawin"}
    organization["url"] = "https://souk.test/cooperatives/tifawin/"
    bad = {
        **organization,
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": "6", "reviewCount": 0},
    }
    good = {
        **organization,
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.5", "reviewCount": 2},
    }

    problems = jsonld_problems(bad)

    assert any("ratingValue" in p for p in problems) and any("reviewCount" in p for p in problems)
    assert jsonld_problems(good) == []
