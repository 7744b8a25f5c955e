"""Every public page has a canonical URL, hreflang alternates, sharing cards and JSON-LD that is
valid for the schema.org type it claims; the sitemap lists every public page in every language."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image
from wagtail.rich_text import RichText

from marketplace.models import GuideIndexPage, GuidePage, StandardPage
from tests.factories import (
    CooperativeFactory,
    ProductFactory,
    category_create,
    home_page,
    page_publish,
    page_translate,
    story_create,
    story_index_create,
    wagtail_image_create,
)
from tests.functional.marketplace.jsonld_schema import jsonld_blocks, jsonld_problems, of_type

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


def _valid(html: str) -> list[dict]:
    blocks = jsonld_blocks(html)
    for block in blocks:
        assert jsonld_problems(block) == [], block
    return blocks


def _meta(html: str, prop: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return match.group(1) if match else ""


def test_the_home_page_names_the_organisation_and_its_translations(client):
    html = client.get("/fr/").content.decode()

    blocks = _valid(html)
    assert {b["@type"] for b in blocks} == {"Organization", "WebSite"}
    assert '<link rel="canonical" href="http://testserver/fr/">' in html
    for code, url in (("en", "/"), ("fr", "/fr/"), ("ar", "/ar/"), ("x-default", "/")):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{url}">' in html
    assert _meta(html, "og:image").startswith("http://testserver/")
    assert _meta(html, "twitter:card") == "summary_large_image"


def test_a_story_is_an_article_with_breadcrumbs_and_a_sharing_image(client):
    index = story_index_create()
    story = story_create(
        index=index,
        title="The artisan of the future",
        cooperative=CooperativeFactory(),
        cover_image=wagtail_image_create(),
        search_description="Weavers with tablets.",
    )
    page_translate(index, "fr", title="Histoires")
    page_translate(story, "fr", title="L’artisan du futur")

    html = client.get(story.url).content.decode()

    blocks = _valid(html)
    article = of_type(html, "Article")[0]
    crumbs = of_type(html, "BreadcrumbList")[0]["itemListElement"]
    assert article["headline"] == "The artisan of the future"
    assert [c["name"] for c in crumbs] == ["Souk", "Stories", "The artisan of the future"]
    assert {b["@type"] for b in blocks} == {"Article", "BreadcrumbList"}
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:description") == "Weavers with tablets."
    assert "fill-1200x630" in _meta(html, "og:image") or _meta(html, "og:image").endswith(".jpg")
    assert 'hreflang="fr" href="http://testserver/fr/stories/the-artisan-of-the-future/"' in html
    assert 'hreflang="ar"' not in html  # no Arabic translation: no Arabic alternate


def test_a_faq_page_publishes_faq_structured_data(client):
    page_publish(
        home_page(),
        StandardPage(
            title="Questions and answers",
            slug="faq",
            body=[
                (
                    "faq",
                    {
                        "title": "",
                        "items": [
                            {"question": "Who makes the pieces?", "answer": RichText("<p>Cooperatives.</p>")},
                            {"question": "Will I pay duties?", "answer": RichText("<p>It depends.</p>")},
                        ],
                    },
                )
            ],
        ),
    )

    html = client.get("/faq/").content.decode()

    _valid(html)
    faq = of_type(html, "FAQPage")[0]
    assert [q["name"] for q in faq["mainEntity"]] == ["Who makes the pieces?", "Will I pay duties?"]
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "Cooperatives."


def test_a_product_page_has_a_product_with_an_offer_and_the_cooperative_as_brand(client):
    cooperative = CooperativeFactory(name="Coopérative Tifawin")
    product = ProductFactory(
        title="Beni Ourain rug", stockrecord__cooperative=cooperative, stockrecord__stock=2
    )
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "#ddd").save(buffer, format="JPEG")
    ProductImage.objects.create(
        product=product, original=SimpleUploadedFile("rug.jpg", buffer.getvalue(), content_type="image/jpeg")
    )

    html = client.get(product.get_absolute_url()).content.decode()

    _valid(html)
    data = of_type(html, "Product")[0]
    assert data["brand"] == {"@type": "Brand", "name": "Coopérative Tifawin"}
    assert data["offers"]["priceCurrency"] == "MAD"
    assert data["offers"]["price"] == "1500.00"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert of_type(html, "BreadcrumbList")
    assert _meta(html, "og:type") == "product"
    assert 'hreflang="ar"' in html


def test_shop_pages_get_alternates_in_every_language(client):
    html = client.get("/fr/shop/catalogue/").content.decode()

    assert '<link rel="canonical" href="http://testserver/fr/shop/catalogue/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/shop/catalogue/">' in html
    assert '<link rel="alternate" hreflang="ar" href="http://testserver/ar/shop/catalogue/">' in html


def test_the_sitemap_lists_every_public_page_in_every_language(client):
    index = story_index_create()
    story = story_create(index=index, title="Six looms")
    page_translate(index, "fr", title="Histoires")
    page_translate(index, "ar", title="حكايات")
    page_translate(story, "fr", title="Six métiers")
    guides = page_publish(home_page(), GuideIndexPage(title="Guides", slug="guides"))
    page_publish(guides, GuidePage(title="Zellige for your bathroom", slug="zellige", intro="Tiles."))
    about = page_publish(home_page(), StandardPage(title="About", slug="about"))
    page_translate(about, "ar", title="عن سوق")
    draft = story_create(index=index, title="Not yet")
    draft.unpublish()
    ProductFactory(title="Rug in the sitemap")
    category_create(name="Rugs", slug="rugs")
    cooperative = CooperativeFactory()

    xml = client.get("/sitemap.xml").content.decode()

    for path in (
        "/",
        "/fr/",
        "/ar/",
        "/stories/",
        "/fr/stories/",
        "/ar/stories/",
        "/stories/six-looms/",
        "/fr/stories/six-looms/",
        "/guides/",
        "/guides/zellige/",
        "/about/",
        "/ar/about/",
        f"/cooperatives/{cooperative.slug}/",
        f"/fr/cooperatives/{cooperative.slug}/",
    ):
        # The sitemap names the site's domain (django.contrib.sites), whatever host asked.
        assert re.search(rf"<loc>https?://[^/<]+{re.escape(path)}</loc>", xml), path
    assert "/stories/not-yet/" not in xml
    assert re.search(r'hreflang="fr" href="https?://[^/"]+/fr/stories/six-looms/"', xml)
    assert "/shop/catalogue/category/rugs_" in xml
    assert "/shop/catalogue/rug-in-the-sitemap_" in xml


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /cms/" in text
