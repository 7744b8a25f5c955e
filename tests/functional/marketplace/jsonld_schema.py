"""A small checker for the schema.org JSON-LD we publish, against the properties each type
needs (schema.org's expected types, and what Google's rich results require)."""

import json
import re
from datetime import date, datetime
from html.parser import HTMLParser

AVAILABILITY = {
    f"https://schema.org/{v}"
    for v in ("InStock", "OutOfStock", "PreOrder", "BackOrder", "SoldOut", "LimitedAvailability")
}
URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
PRICE = re.compile(r"^\d+(\.\d{1,2})?$")


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._inside:
            self.blocks.append(json.loads(data))

    def handle_endtag(self, tag):
        self._inside = False


def jsonld_blocks(html: str) -> list[dict]:
    parser = _Scripts()
    parser.feed(html)
    return parser.blocks


def of_type(html: str, kind: str) -> list[dict]:
    return [block for block in jsonld_blocks(html) if block.get("@type") == kind]


def _iso_date(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        (datetime if "T" in value else date).fromisoformat(value)
    except ValueError:
        return False
    return True


def _named(value, types: tuple[str, ...]) -> bool:
    return isinstance(value, dict) and value.get("@type") in types and bool(value.get("name"))


def _check_offer(offer, where: str) -> list[str]:
    if not isinstance(offer, dict) or offer.get("@type") != "Offer":
        return [f"{where}: offers must be an Offer"]
    problems = []
    if not PRICE.match(str(offer.get("price", ""))):
        problems.append(f"{where}: Offer.price must be a number, got {offer.get('price')!r}")
    if not CURRENCY.match(str(offer.get("priceCurrency", ""))):
        problems.append(f"{where}: Offer.priceCurrency must be an ISO 4217 code")
    if offer.get("availability") not in AVAILABILITY:
        problems.append(f"{where}: Offer.availability must be a schema.org ItemAvailability")
    if "url" in offer and not URL.match(offer["url"]):
        problems.append(f"{where}: Offer.url must be absolute")
    return problems


def _product(data) -> list[str]:
    problems = []
    if not data.get("name"):
        problems.append("Product.name is required")
    images = data.get("image")
    if not images or not all(URL.match(i) for i in (images if isinstance(images, list) else [images])):
        problems.append("Product.image needs at least one absolute URL")
    if "offers" not in data:
        problems.append("Product.offers is required")
    else:
        problems += _check_offer(data["offers"], "Product")
    if not _named(data.get("brand"), ("Brand", "Organization")):
        problems.append("Product.brand must be a named Brand or Organization")
    return problems


def _article(data) -> list[str]:
    problems = []
    headline = data.get("headline") or ""
    if not headline or len(headline) > 110:
        problems.append("Article.headline is required, at most 110 characters")
    images = data.get("image")
    if not images or not all(URL.match(i) for i in (images if isinstance(images, list) else [images])):
        problems.append("Article.image needs at least one absolute URL")
    if not _iso_date(data.get("datePublished")):
        problems.append("Article.datePublished must be an ISO 8601 date")
    if "dateModified" in data and not _iso_date(data["dateModified"]):
        problems.append("Article.dateModified must be an ISO 8601 date")
    if not _named(data.get("author"), ("Person", "Organization")):
        problems.append("Article.author must be a named Person or Organization")
    return problems


def _organization(data) -> list[str]:
    problems = []
    if not data.get("name"):
        problems.append("Organization.name is required")
    if not URL.match(str(data.get("url", ""))):
        problems.append("Organization.url must be absolute")
    if "logo" in data and not URL.match(data["logo"]):
        problems.append("Organization.logo must be absolute")
    if "aggregateRating" in data:
        problems += _aggregate_rating(data["aggregateRating"], "Organization")
    for review in data.get("review", []):
        problems += _review(review, "Organization")
    return problems


def _in_range(value, low=1, high=5) -> bool:
    try:
        return low <= float(value) <= high
    except (TypeError, ValueError):
        return False


def _aggregate_rating(rating, where: str) -> list[str]:
    """Google's review snippet rules: a value within the scale and a positive review count."""
    if not isinstance(rating, dict) or rating.get("@type") != "AggregateRating":
        return [f"{where}: aggregateRating must be an AggregateRating"]
    problems = []
    if not _in_range(rating.get("ratingValue"), rating.get("worstRating", 1), rating.get("bestRating", 5)):
        problems.append(f"{where}: AggregateRating.ratingValue must lie within the rating scale")
    count = rating.get("reviewCount", rating.get("ratingCount"))
    if not isinstance(count, int) or count < 1:
        problems.append(f"{where}: AggregateRating needs a reviewCount of at least 1")
    return problems


def _review(review, where: str) -> list[str]:
    if not isinstance(review, dict) or review.get("@type") != "Review":
        return [f"{where}: each review must be a Review"]
    problems = []
    if not _named(review.get("author"), ("Person", "Organization")):
        problems.append(f"{where}: Review.author must be a named Person or Organization")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not _in_range(rating.get("ratingValue")):
        problems.append(f"{where}: Review.reviewRating must be a Rating from 1 to 5")
    if "datePublished" in review and not _iso_date(review["datePublished"]):
        problems.append(f"{where}: Review.datePublished must be an ISO 8601 date")
    return problems


def _website(data) -> list[str]:
    return [] if data.get("name") and URL.match(str(data.get("url", ""))) else ["WebSite needs name and url"]


def _breadcrumbs(data) -> list[str]:
    items = data.get("itemListElement")
    if not isinstance(items, list) or not items:
        return ["BreadcrumbList.itemListElement must be a non-empty list"]
    problems = []
    for expected, item in enumerate(items, start=1):
        if item.get("@type") != "ListItem" or item.get("position") != expected or not item.get("name"):
            problems.append(
                f"BreadcrumbList item {expected} needs @type ListItem, position {expected} and a name"
            )
        last = expected == len(items)
        if not last and not URL.match(str(item.get("item", ""))):
            problems.append(f"BreadcrumbList item {expected} needs an absolute item URL")
    return problems


def _faq(data) -> list[str]:
    questions = data.get("mainEntity")
    if not isinstance(questions, list) or not questions:
        return ["FAQPage.mainEntity must list Questions"]
    problems = []
    for question in questions:
        answer = question.get("acceptedAnswer") or {}
        if question.get("@type") != "Question" or not question.get("name"):
            problems.append("FAQPage: each Question needs a name")
        if answer.get("@type") != "Answer" or not answer.get("text"):
            problems.append("FAQPage: each Question needs an acceptedAnswer with text")
    return problems


CHECKS = {
    "Product": _product,
    "Article": _article,
    "Organization": _organization,
    "WebSite": _website,
    "BreadcrumbList": _breadcrumbs,
    "FAQPage": _faq,
}


def jsonld_problems(data: dict) -> list[str]:
    """What is missing or malformed in one JSON-LD object, [] when it is valid for its type."""
    if data.get("@context") != "https://schema.org":
        return ["@context must be https://schema.org"]
    check = CHECKS.get(data.get("@type"))
    if check is None:
        return [f"unexpected @type {data.get('@type')!r}"]
    return check(data)
