"""What search engines and social networks read: canonical and alternate URLs, sharing cards,
and schema.org JSON-LD for products, stories, the organisation, breadcrumbs and FAQs.

Builders take the request (for absolute URLs) and return plain dicts; the template tags in
`marketplace.templatetags.seo_tags` serialise them.
"""

import json
import re

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

SCHEMA = "https://schema.org"
SOCIAL_RENDITION = "fill-1200x630|format-jpeg"


def json_script(data: dict) -> str:
    """`data` as a JSON-LD script element, safe inside HTML (no `</script>` breakout)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def plain(html: str, limit: int = 300) -> str:
    """Visible text of `html`, whitespace collapsed, cut at a word boundary."""
    text = " ".join(strip_tags(html or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


# --- URLs ---------------------------------------------------------------------------------
def _prefix(language: str) -> str:
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def language_neutral_path(path: str) -> str:
    """`path` without its /fr/ or /ar/ prefix: the English URL the shop's patterns reverse from."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and (path.startswith(prefix) or path == prefix[:-1]):
            return "/" + path[len(prefix) :]
    return path


def language_of_path(path: str) -> str:
    """The language a URL is in: its /fr/ or /ar/ prefix, else the default language."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path.startswith(f"/{code}/") or path == f"/{code}"):
            return code
    return settings.LANGUAGE_CODE


def path_alternates(path: str) -> list[tuple[str, str]]:
    """(language, path) for every language of a shop URL that exists in all of them."""
    neutral = language_neutral_path(path)
    return [(code, _prefix(code) + neutral) for code, _name in settings.LANGUAGES]


def page_alternates(page, request) -> list[tuple[str, str]]:
    """(language, path) for each live translation of a Wagtail page, the site's language order."""
    order = [code for code, _name in settings.LANGUAGES]
    found = {}
    for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
        url = translation.get_url(request)
        if url:
            found[translation.locale.language_code] = url
    return [(code, found[code]) for code in order if code in found]


def absolute(request, url: str) -> str:
    if not url or re.match(r"^https?://", url):
        return url
    return request.build_absolute_uri(url)


def image_url(request, image) -> str:
    """Absolute URL of a Wagtail image's sharing rendition, or of any file field."""
    if image is None:
        return ""
    if hasattr(image, "get_rendition"):
        return absolute(request, image.get_rendition(SOCIAL_RENDITION).url)
    return absolute(request, image.url)


# --- JSON-LD ------------------------------------------------------------------------------
def organization_jsonld(*, request, logo_url: str = "") -> dict:
    home = absolute(request, _prefix(get_language() or settings.LANGUAGE_CODE) + "/")
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": absolute(request, "/#organization"),
        "name": settings.OSCAR_SHOP_NAME,
        "url": home,
        "description": str(settings.OSCAR_SHOP_TAGLINE),
    }
    if logo_url:
        data["logo"] = absolute(request, logo_url)
    return data


def website_jsonld(*, request) -> dict:
    from django.urls import reverse

    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.OSCAR_SHOP_NAME,
        "url": absolute(request, "/"),
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute(request, reverse("search:search")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs_jsonld(*, request, items: list[tuple[str, str]]) -> dict:
    """`items` are (name, url) from the home page down to the current page."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(request, url)}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def article_jsonld(*, request, page) -> dict:
    published = page.first_published_at or page.latest_revision_created_at
    modified = page.last_published_at or published
    date = getattr(page, "date", None)
    image = page.seo_image()
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": (page.seo_title or page.title)[:110],
        "description": page.seo_description(),
        "image": [image_url(request, image)] if image else [],
        "datePublished": (date.isoformat() if date else published.date().isoformat())
        if (date or published)
        else "",
        "dateModified": modified.isoformat() if modified else "",
        "author": {
            "@type": "Person" if page.author != "Souk editors" else "Organization",
            "name": page.author,
        },
        "publisher": {
            "@type": "Organization",
            "name": settings.OSCAR_SHOP_NAME,
            "url": absolute(request, "/"),
        },
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": absolute(request, page.get_url(request)),
    }
    cooperative = getattr(page, "cooperative", None)
    if cooperative is not None:
        data["about"] = {
            "@type": "Organization",
            "name": cooperative.name,
            "url": absolute(request, cooperative.get_absolute_url()),
        }
    return data


def faq_jsonld(*, items: list[tuple[str, str]]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": plain(answer, limit=2000)},
            }
            for question, answer in items
        ],
    }


def product_jsonld(*, request, product) -> dict:
    """A Product with one Offer (price and availability from the buyer's strategy) and the
    cooperative as its brand and seller."""
    purchase = request.strategy.fetch_for_product(product)
    price = purchase.price
    amount = price.incl_tax if price.is_tax_known else price.excl_tax
    available = purchase.availability.is_available_to_buy
    cooperative = product.cooperative
    url = absolute(request, product.get_absolute_url())
    images = [absolute(request, image.original.url) for image in product.get_all_images() if image.original]
    offer = {
        "@type": "Offer",
        "url": url,
        "priceCurrency": price.currency,
        "price": f"{amount:.2f}" if amount is not None else "",
        "availability": f"{SCHEMA}/{'InStock' if available else 'OutOfStock'}",
        "itemCondition": f"{SCHEMA}/NewCondition",
    }
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.get_title(),
        "description": plain(product.description, limit=500),
        "image": images,
        "sku": product.upc or str(product.pk),
        "url": url,
        "offers": offer,
    }
    if amount is None:
        # No price (no stock record in the buyer's strategy): an Offer would be invalid.
        del data["offers"]
    if cooperative is not None:
        data["brand"] = {"@type": "Brand", "name": cooperative.name}
        offer["seller"] = {
            "@type": "Organization",
            "name": cooperative.name,
            "url": absolute(request, cooperative.get_absolute_url()),
        }
    if product.product_class_id:
        data["category"] = product.product_class.name
    return data


def cooperative_jsonld(*, request, cooperative, rating, reviews) -> dict:
    """A cooperative as an Organization: where it works, what it makes, and what buyers say.

    `aggregateRating` and `review` appear only when it has approved reviews (`rating.count`):
    an AggregateRating with no reviews behind it is invalid for search engines.
    """
    url = absolute(request, cooperative.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": f"{url}#organization",
        "name": cooperative.name,
        "legalName": cooperative.legal_name,
        "url": url,
        "description": plain(cooperative.tagline or cooperative.story, limit=300),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": cooperative.city,
            "addressRegion": str(cooperative.get_region_display()),
            "addressCountry": "MA",
        },
    }
    if cooperative.founded_year:
        data["foundingDate"] = str(cooperative.founded_year)
    if cooperative.cover_image:
        data["image"] = absolute(request, cooperative.cover_image.url)
    if rating.count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": f"{rating.average:.1f}",
            "reviewCount": rating.count,
            "bestRating": 5,
            "worstRating": 1,
        }
        data["review"] = [
            {
                "@type": "Review",
                "name": review.title,
                "reviewBody": plain(review.body, limit=500),
                "datePublished": review.date_created.date().isoformat(),
                "author": {"@type": "Person", "name": str(review.reviewer_name)},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": review.score,
                    "bestRating": 5,
                    "worstRating": 1,
                },
            }
            for review in reviews
        ]
    return data
