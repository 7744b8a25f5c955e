"""Product search for every listing: the engine when it answers, the database when it does not.

`product_search` is the one entry point (search page, category pages, the catalogue, other
apps). It never raises because the engine is down: it answers from the database with
`used_fallback=True`, and the pages say so.
"""

import html
import logging
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from elasticsearch import NotFoundError
from oscar.core.loading import get_model

from catalogue.money import BASE_CURRENCY, money_format
from catalogue.selectors import exchange_rates_current, product_card_queryset
from vendors.models import Cooperative
from vendors.regions import Region

from . import queries
from .arabic import arabic_fold, arabic_normalise
from .client import ENGINE_ERRORS, index_alias, search_client, search_configured
from .indexing import SIZE_BANDS, engine_mark_down, engine_marked_down, pending_exists
from .vocabulary import query_terms

logger = logging.getLogger(__name__)

AttributeOption = get_model("catalogue", "AttributeOption")
Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

# The product's own words that the database fallback searches; `_term_condition` adds the
# names of its craft, categories, cooperative and attribute values.
PRODUCT_TEXT_FIELDS = ("title_en", "title_fr", "title_ar", "description_en", "description_fr")
SORT_OPTIONS = {
    "relevance": _("Best match"),
    "newest": _("Newest"),
    "price-asc": _("Price, low to high"),
    "price-desc": _("Price, high to low"),
}
FACET_LABELS = {
    "category": _("Category"),
    "style": _("Style"),
    "region": _("Region"),
    "cooperative": _("Cooperative"),
    "colour": _("Colour"),
    "material": _("Material"),
    "size": _("Size"),
    "price": _("Price"),
    "women_led": _("Women-led cooperative"),
    "label": _("“Made in Morocco” label"),
    "in_stock": _("In stock"),
}
SIZE_LABELS = {
    "small": _("Small (up to 30 cm)"),
    "medium": _("Medium (30–100 cm)"),
    "large": _("Large (100–200 cm)"),
    "extra-large": _("Extra large (over 2 m)"),
}
# Price facet boundaries in MAD, shown rounded to round numbers of the buyer's currency.
PRICE_EDGES_MAD = (250, 500, 1000, 2500, 5000, 10000)
MAX_WINDOW = 10_000
FEW_RESULTS = 3


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    kind: str  # "terms", "flag" or "range"
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected(self) -> bool:
        return any(v.selected for v in self.values)


@dataclass
class SearchResults:
    products: list
    total: int
    facets: dict[str, Facet]
    used_fallback: bool
    query: str = ""
    page: int = 1
    per_page: int = 24
    sort: str = "relevance"
    suggestion: str = ""
    highlights: dict[int, str] = field(default_factory=dict)
    # The engine is configured but did not answer (the pages say so); False when there is none.
    engine_down: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-min(self.total, MAX_WINDOW) // self.per_page))


# --- Money ----------------------------------------------------------------------------------


def _rate(currency: str) -> Decimal | None:
    if currency == BASE_CURRENCY:
        return Decimal(1)
    rate = exchange_rates_current().get(currency)
    return Decimal(rate.rate) if rate is not None and rate.rate else None


def _round_nicely(amount: Decimal) -> Decimal:
    """15.37 -> 15, 487 -> 500, 1234 -> 1000: 1, 2, 2.5 or 5 times a power of ten."""
    if amount <= 0:
        return Decimal(0)
    exponent = amount.adjusted()
    scale = Decimal(10) ** exponent
    for step in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        if amount / scale <= step * Decimal("1.2"):
            return (step * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP) or step * scale
    return Decimal(10) * scale


def price_edges(*, currency: str) -> list[Decimal]:
    """Round price boundaries in `currency` (MAD without a known rate)."""
    rate = _rate(currency) or Decimal(1)
    edges = []
    for edge in PRICE_EDGES_MAD:
        nice = _round_nicely(Decimal(edge) * rate)
        if nice and nice not in edges:
            edges.append(nice)
    return edges


def price_bounds_mad(*, value: str, currency: str) -> tuple[float | None, float | None]:
    """'50-100' in the buyer's currency -> (min, max) in MAD; (None, None) for a malformed value."""
    low, sep, high = (value or "").partition("-")
    rate = _rate(currency) or Decimal(1)
    try:
        low_d = Decimal(low) if low else None
        high_d = Decimal(high) if high else None
    except ArithmeticError:
        return None, None
    if not sep or (low_d is None and high_d is None) or any(v is not None and v < 0 for v in (low_d, high_d)):
        return None, None
    return (
        float(low_d / rate) if low_d is not None else None,
        float(high_d / rate) if high_d is not None else None,
    )


def _price_label(low, high, currency: str, locale: str) -> str:
    def fmt(amount):
        text = money_format(Decimal(amount), currency, locale=locale)
        return text.replace(".00", "").replace(",00", "")

    if low is None:
        return _("Under %(price)s") % {"price": fmt(high)}
    if high is None:
        return _("%(price)s and over") % {"price": fmt(low)}
    return f"{fmt(low)} – {fmt(high)}"


# --- Entry point ----------------------------------------------------------------------------


def product_search(
    *,
    query: str = "",
    filters: dict | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 24,
    language: str = "en",
    currency: str = BASE_CURRENCY,
) -> SearchResults:
    """Browsable products for `query` and `filters`, one page of them, with facet counts.

    `filters` keys: category, style, region, cooperative, colour, material, size (lists of
    indexed values), women_led, label, in_stock (booleans), price ("50-100" in `currency`)
    or price_min/price_max (MAD), category_id (the category page being browsed).
    """
    query = (query or "").strip()[:200]
    page = max(1, int(page or 1))
    per_page = max(1, min(int(per_page or 24), 100))
    sort = sort if sort in SORT_OPTIONS else "relevance"
    filters = dict(filters or {})
    if filters.get("price"):
        filters["price_min"], filters["price_max"] = price_bounds_mad(
            value=str(filters["price"]), currency=currency
        )
    parsed = queries.Filters.from_dict(filters)
    if search_configured() and not engine_marked_down():
        try:
            results = _engine_search(
                query=query,
                filters=parsed,
                sort=sort,
                page=page,
                per_page=per_page,
                language=language,
                currency=currency,
                selected_price=str(filters.get("price") or ""),
            )
        except ENGINE_ERRORS as exc:
            logger.warning("search: engine unavailable, answering from the database (%s)", exc)
            engine_mark_down(seconds=settings.SEARCH_RETRY_AFTER)
        else:
            _replay_if_pending()
            return results
    results = _database_search(query=query, filters=parsed, sort=sort, page=page, per_page=per_page)
    results.engine_down = search_configured()
    return results


def _replay_if_pending() -> None:
    """The engine just answered: send it what it missed while it was down."""
    try:
        if pending_exists():
            from .tasks import search_replay

            search_replay.enqueue()
    except Exception:  # a replay problem never breaks a search
        logger.exception("search: could not schedule the replay of pending updates")


def _engine_search(
    *, query, filters, sort, page, per_page, language, currency, selected_price
) -> SearchResults:
    edges = price_edges(currency=currency)
    rate = _rate(currency) or Decimal(1)
    edges_mad = [float(edge / rate) for edge in edges]
    offset = min((page - 1) * per_page, MAX_WINDOW - per_page)
    body = queries.search_body(
        query=query,
        filters=filters,
        sort=sort,
        offset=offset,
        size=per_page,
        language=language,
        price_edges_mad=edges_mad,
    )
    response = search_client().search(index=index_alias("products"), body=body)
    hits = response["hits"]["hits"]
    total = response["hits"]["total"]["value"]
    ids = [int(hit["_id"]) for hit in hits]
    by_id = product_card_queryset().in_bulk(ids)
    products = [by_id[pk] for pk in ids if pk in by_id]
    highlights = {
        int(hit["_id"]): _highlight(hit.get("highlight", {})) for hit in hits if hit.get("highlight")
    }
    for product in products:
        product.search_snippet = mark_safe(highlights.get(product.pk, ""))  # escaped in _highlight
    facets = _facets(
        response.get("aggregations", {}),
        filters,
        currency=currency,
        language=language,
        edges=edges,
        selected_price=selected_price,
    )
    suggestion = _suggestion(query, response.get("suggest", {})) if total < FEW_RESULTS else ""
    return SearchResults(
        products=products,
        total=total,
        facets=facets,
        used_fallback=False,
        query=query,
        page=page,
        per_page=per_page,
        sort=sort,
        suggestion=suggestion,
        highlights=highlights,
    )


def _highlight(highlight: dict) -> str:
    """The first highlighted fragment as safe HTML: text escaped, matches in <mark>."""
    for key in sorted(highlight, key=lambda k: not k.startswith("description")):
        if key.startswith("description") and highlight[key]:
            text = html.escape(highlight[key][0])
            return text.replace(queries.MARK_START, "<mark>").replace(queries.MARK_END, "</mark>")
    return ""


def _suggestion(query: str, suggest: dict) -> str:
    """'did you mean': each misspelt word replaced by the engine's most frequent correction."""
    corrections: dict[str, str] = {}
    for name in ("did_you_mean_title", "did_you_mean"):
        for entry in suggest.get(name, []):
            options = entry.get("options") or []
            if options and entry["text"].lower() not in corrections:
                best = max(options, key=lambda o: (o.get("freq", 0), o.get("score", 0)))
                corrections[entry["text"].lower()] = best["text"]
    if not corrections:
        return ""
    words = [corrections.get(word.lower(), word) for word in query.split()]
    suggestion = " ".join(words)
    return "" if suggestion.lower() == query.lower() else suggestion


def _facets(aggs, filters, *, currency, language, edges, selected_price) -> dict[str, Facet]:
    facets: dict[str, Facet] = {}
    labels = _facet_labels(aggs, filters)
    for name in queries.TERM_FACETS:
        buckets = aggs.get(name, {}).get("values", {}).get("buckets", [])
        selected = set(filters.terms.get(name, []))
        values = []
        for bucket in buckets:
            key = str(bucket["key"])
            if name == "category" and key not in labels["category"]:
                continue  # ancestors and deeper levels: only the next level down is offered
            label = labels.get(name, {}).get(key, key)
            values.append(FacetValue(key, str(label), bucket["doc_count"], key in selected))
        for key in selected - {v.value for v in values}:
            values.append(FacetValue(key, str(labels.get(name, {}).get(key, key)), 0, True))
        if name in ("size",):
            order = [band for band, _upper in SIZE_BANDS]
            values.sort(key=lambda v: order.index(v.value) if v.value in order else 99)
        elif name in ("category",):
            values.sort(key=lambda v: v.label)
        facets[name] = Facet(name, str(FACET_LABELS[name]), "terms", values)
    for name in queries.BOOLEAN_FACETS:
        count = aggs.get(name, {}).get("doc_count", 0)
        flag = FacetValue("1", str(FACET_LABELS[name]), count, name in filters.flags)
        facets[name] = Facet(name, str(FACET_LABELS[name]), "flag", [flag])
    price_values = []
    locale = {"fr": "fr", "ar": "ar"}.get(language, "en")
    bounds = [None, *edges, None]
    buckets = aggs.get("price", {}).get("values", {}).get("buckets", [])
    for index, bucket in enumerate(buckets[: len(bounds) - 1]):
        low, high = bounds[index], bounds[index + 1]
        value = f"{low if low is not None else ''}-{high if high is not None else ''}"
        if bucket["doc_count"] or value == selected_price:
            label = _price_label(low, high, currency, locale)
            price_values.append(FacetValue(value, label, bucket["doc_count"], value == selected_price))
    facets["price"] = Facet("price", str(FACET_LABELS["price"]), "range", price_values)
    return facets


def _facet_labels(aggs, filters) -> dict[str, dict[str, str]]:
    """Display names for indexed values that are codes: categories, regions, cooperatives, sizes."""
    keys = {
        name: {str(b["key"]) for b in aggs.get(name, {}).get("values", {}).get("buckets", [])}
        for name in ("category", "cooperative")
    }
    keys["category"] |= set(filters.terms.get("category", []))
    keys["cooperative"] |= set(filters.terms.get("cooperative", []))
    # Categories: the level below the page's category (or the top level), in the page's language.
    category_ids = [int(k) for k in keys["category"] if k.isdigit()]
    categories = Category.objects.filter(pk__in=category_ids, is_public=True)
    if filters.category_id:
        parent = Category.objects.filter(pk=filters.category_id).first()
        categories = categories.filter(
            depth=(parent.depth + 1) if parent else 1, path__startswith=parent.path if parent else ""
        )
    else:
        categories = categories.filter(depth=1)
    selected_categories = set(filters.terms.get("category", []))
    category_labels = {str(c.pk): c.name for c in categories}
    for c in Category.objects.filter(pk__in=[int(k) for k in selected_categories if k.isdigit()]):
        category_labels.setdefault(str(c.pk), c.name)
    return {
        "category": category_labels,
        "cooperative": dict(
            Cooperative.objects.filter(slug__in=keys["cooperative"]).values_list("slug", "name")
        ),
        "region": dict(Region.choices),
        "size": SIZE_LABELS,
    }


# --- Database fallback ------------------------------------------------------------------------


def product_search_db(*, query: str) -> QuerySet:
    """Browsable products matching every term of `query`; in-stock pieces first, then newest."""
    terms = query_terms(query)
    products = product_card_queryset()
    if not terms:
        return products.none()
    return products.filter(*(_term_condition(words) for words in terms)).order_by("-date_created", "-pk")


def _term_condition(words: set[str]) -> Q:
    """Products in which one term of the query (a word and its synonyms) appears: in their own
    text, or in the name of their craft, a category, their cooperative (or its city) or an
    attribute value.

    Each linked table is searched once, in its own uncorrelated subquery (PostgreSQL hashes its
    few ids), rather than joined: joining the many-valued ones multiplied the rows every word
    was tried on and needed a second pass to remove the duplicates.
    """
    categories = Category.objects.filter(_contains_any(("name_en", "name_fr"), words))
    cooperatives = Cooperative.objects.filter(_contains_any(("name", "city"), words))
    options = AttributeOption.objects.filter(_contains_any(("option",), words))
    attribute_values = ProductAttributeValue.objects.filter(
        Q(value_option__in=options) | _contains_any(("value_text",), words)
    )
    return (
        _contains_any(PRODUCT_TEXT_FIELDS, words)
        | Q(product_class__in=ProductClass.objects.filter(_contains_any(("name_en", "name_fr"), words)))
        | Q(pk__in=ProductCategory.objects.filter(category__in=categories).values("product_id"))
        | Q(pk__in=StockRecord.objects.filter(partner__cooperative__in=cooperatives).values("product_id"))
        | Q(pk__in=attribute_values.values("product_id"))
    )


def _contains_any(fields: tuple[str, ...], words: set[str]) -> Q:
    """Any of `fields` contains any of `words`, ignoring case.

    One case-insensitive regular expression per field (`~*` on PostgreSQL) reads each value
    once; an `icontains` per word upper-cased and scanned it again for every synonym.
    """
    pattern = "|".join(re.escape(word) for word in sorted(words))
    return reduce(or_, (Q(**{f"{field}__iregex": pattern}) for field in fields))


def _database_search(*, query, filters, sort, page, per_page) -> SearchResults:
    """The fallback: words, the category page, and the simple filters; no facet counts."""
    products = product_search_db(query=query) if query else product_card_queryset()
    records = StockRecord.objects.filter(product=OuterRef("pk"))
    if filters.category_id:
        in_subtree = ProductCategory.objects.filter(category__in=_public_subtree(filters.category_id))
        products = products.filter(pk__in=in_subtree.values("product_id"))
    if filters.terms.get("category"):
        ids = [int(v) for v in filters.terms["category"] if v.isdigit()]
        subtree = Q()
        for category in Category.objects.filter(pk__in=ids):
            subtree |= Q(categories__path__startswith=category.path)
        products = products.filter(pk__in=Product.objects.filter(subtree).values("pk"))
    if filters.terms.get("cooperative"):
        products = products.filter(
            Exists(records.filter(partner__cooperative__slug__in=filters.terms["cooperative"]))
        )
    if filters.terms.get("region"):
        products = products.filter(
            Exists(records.filter(partner__cooperative__region__in=filters.terms["region"]))
        )
    if "women_led" in filters.flags:
        products = products.filter(Exists(records.filter(partner__cooperative__is_women_led=True)))
    if "label" in filters.flags:
        products = products.filter(
            Exists(records.filter(partner__cooperative__label_valid_until__gte=timezone.localdate())),
            is_labelled=True,
        )
    if "in_stock" in filters.flags:
        products = products.filter(Exists(records.filter(num_in_stock__gt=F("num_allocated"))))
    if filters.price_min is not None or filters.price_max is not None or sort in ("price-asc", "price-desc"):
        products = products.annotate(sort_price=Min("stockrecords__price"))
        if filters.price_min is not None:
            products = products.filter(sort_price__gte=filters.price_min)
        if filters.price_max is not None:
            products = products.filter(sort_price__lt=filters.price_max)
    if sort == "price-asc":
        products = products.order_by("sort_price", "pk")
    elif sort == "price-desc":
        products = products.order_by("-sort_price", "pk")
    else:
        products = products.order_by("-date_created", "-pk")
    offset = (page - 1) * per_page
    if query:
        found, total = _page_and_total(products, offset=offset, limit=per_page)
    else:
        total = products.count()
        found = list(products[offset : offset + per_page])
    for product in found:
        # No highlights from the database; set, so templates do not pay a failed lookup per card.
        product.search_snippet = ""
    return SearchResults(
        products=found,
        total=total,
        facets={},
        used_fallback=True,
        query=query,
        page=page,
        per_page=per_page,
        sort=sort,
    )


def _public_subtree(category_id: int) -> QuerySet:
    """The public categories at and below `category_id`, as a subquery (the page being browsed
    has loaded its category already)."""
    path = Category.objects.filter(pk=category_id).values("path")
    return Category.objects.filter(is_public=True, path__startswith=Subquery(path))


def _page_and_total(products: QuerySet, *, offset: int, limit: int) -> tuple[list, int]:
    """One page of a text search and the number of matches, in one query.

    Matching the words is the expensive part and a separate COUNT would do it twice, so the
    total rides on every row (`COUNT(*) OVER ()`). Browsing without words keeps COUNT and
    LIMIT: there PostgreSQL stops reading once it has the page.
    """
    rows = list(products.annotate(search_total=Window(Count("*")))[offset : offset + limit])
    if rows:
        return rows, rows[0].search_total
    return rows, (products.count() if offset else 0)  # past the last page: how many pages there are


# --- Stories and guides ----------------------------------------------------------------------

STORIES_SHOWN = 3


@dataclass
class StoryResults:
    stories: list  # specific ArtisanStoryPage / GuidePage objects, best first
    used_fallback: bool


def _story_models() -> tuple:
    from marketplace.models import ArtisanStoryPage, GuidePage

    return ArtisanStoryPage, GuidePage


def _story_cards(model):
    """Live, public pages of `model` with what the results' story cards show."""
    related = ["cover_image", "locale"] + (["craft"] if model.__name__ == "ArtisanStoryPage" else [])
    return model.objects.live().filter(_outside_private_sections()).select_related(*related)


def _outside_private_sections() -> Exists:
    """Wagtail's `public()` as a subquery of the same query: no view restriction on the page or
    an ancestor. `public()` first loads every restriction, one more query for each page type."""
    from wagtail.models import PageViewRestriction

    on_page_or_ancestor = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return ~Exists(on_page_or_ancestor)


def story_search(*, query: str, language: str = "en", limit: int = STORIES_SHOWN) -> StoryResults:
    """Stories and guides for the buyer's words: the engine's best matches, one version of each;
    from the database (title or introduction containing every word) when the engine is down.
    Each page has `search_kind`: "story" or "guide"."""
    results = _story_search(query=query, language=language, limit=limit)
    for page in results.stories:
        page.search_kind = "story" if page._meta.model_name == "artisanstorypage" else "guide"
    return results


def _story_search(*, query: str, language: str, limit: int) -> StoryResults:
    query = (query or "").strip()[:200]
    if not query:
        return StoryResults([], used_fallback=False)
    if search_configured() and not engine_marked_down():
        body = queries.story_search_body(query=query, language=language, size=limit)
        if body is None:
            return StoryResults([], used_fallback=False)
        try:
            response = search_client().search(index=index_alias("stories"), body=body)
        except NotFoundError:
            # No stories index yet (deployed, not rebuilt): the engine itself is fine.
            logger.warning("search: no stories index; stories from the database (search_index --rebuild)")
        except ENGINE_ERRORS as exc:
            logger.warning("search: stories from the database (%s)", exc)
            engine_mark_down(seconds=settings.SEARCH_RETRY_AFTER)
        else:
            hits = response["hits"]["hits"]
            ids = [int(hit["_id"]) for hit in hits]
            kinds = {hit.get("_source", {}).get("kind") for hit in hits}
            found = {}
            for model in _story_models():
                kind = "story" if model.__name__ == "ArtisanStoryPage" else "guide"
                if ids and kind in kinds:
                    found.update(_story_cards(model).in_bulk(ids))
            return StoryResults([found[pk] for pk in ids if pk in found], used_fallback=False)
    return StoryResults(_story_search_db(query=query, language=language, limit=limit), used_fallback=True)


def _language_rank(page, language: str) -> int:
    code = page.locale.language_code
    return 0 if code == language else 1 if code == queries.DEFAULT_STORY_LANGUAGE else 2


def _story_search_db(*, query: str, language: str, limit: int) -> list:
    terms = query_terms(query)
    if not terms:
        return []
    condition = reduce(
        and_,
        (
            reduce(or_, (Q(title__icontains=word) | Q(intro__icontains=word) for word in synonyms))
            for synonyms in terms
        ),
    )
    candidates = []
    for model in _story_models():
        candidates += list(_story_cards(model).filter(condition).order_by("-first_published_at")[: limit * 4])
    # The buyer's language first, then English (as the engine prefers), then the newest; one
    # version of each story.
    candidates.sort(key=lambda page: page.first_published_at or timezone.now(), reverse=True)
    candidates.sort(key=lambda page: _language_rank(page, language))
    stories, seen = [], set()
    for page in candidates:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            stories.append(page)
    return stories[:limit]


# --- Search box suggestions -------------------------------------------------------------------

SUGGEST_PRODUCTS, SUGGEST_CATEGORIES, SUGGEST_COOPERATIVES, SUGGEST_STORIES = 6, 3, 3, 2


def search_suggest(*, prefix: str, language: str = "en") -> dict:
    """What the search box offers while the buyer types: products, categories, cooperatives,
    stories and guides."""
    prefix = (prefix or "").strip()[:100]
    empty = {"products": [], "categories": [], "cooperatives": [], "stories": [], "used_fallback": False}
    if len(prefix) < 2:
        return empty
    categories = [
        {"name": c.name, "url": c.get_absolute_url()}
        for c in Category.objects.filter(is_public=True)
        .filter(Q(name_en__icontains=prefix) | Q(name_fr__icontains=prefix) | Q(name_ar__icontains=prefix))
        .order_by("depth", "path")[:SUGGEST_CATEGORIES]
    ]
    if search_configured() and not engine_marked_down():
        try:
            products, cooperatives, stories = _engine_suggest(prefix=prefix, language=language)
        except ENGINE_ERRORS as exc:
            logger.warning("search: suggestions from the database (%s)", exc)
            engine_mark_down(seconds=settings.SEARCH_RETRY_AFTER)
        else:
            return {
                "products": products,
                "categories": categories,
                "cooperatives": cooperatives,
                "stories": stories,
                "used_fallback": False,
            }
    title = Q(title_en__icontains=prefix) | Q(title_fr__icontains=prefix) | Q(title_ar__icontains=prefix)
    products = [
        _suggested_product(p, language)
        for p in product_card_queryset().filter(title).order_by("-date_created")[:SUGGEST_PRODUCTS]
    ]
    cooperatives = [
        {"name": c.name, "city": c.city, "url": c.get_absolute_url()}
        for c in Cooperative.objects.verified().filter(Q(name__icontains=prefix) | Q(city__icontains=prefix))[
            :SUGGEST_COOPERATIVES
        ]
    ]
    return {
        "products": products,
        "categories": categories,
        "cooperatives": cooperatives,
        "stories": _story_suggest_db(prefix=prefix, language=language),
        "used_fallback": True,
    }


def _story_suggest_db(*, prefix: str, language: str) -> list[dict]:
    """Stories and guides whose title contains what the buyer typed (the buyer's language first)."""
    from wagtail.models import Page

    pages = (
        Page.objects.live()
        .public()
        .type(*_story_models())
        .filter(title__icontains=arabic_normalise(prefix))
        .select_related("locale")
        .order_by("-first_published_at")[: SUGGEST_STORIES * 4]
    )
    suggestions, seen = [], set()
    for page in sorted(pages, key=lambda page: _language_rank(page, language)):
        if page.translation_key not in seen and len(suggestions) < SUGGEST_STORIES:
            seen.add(page.translation_key)
            suggestions.append({"title": page.title, "url": page.get_url() or ""})
    return suggestions


def _suggested_product(product, language: str) -> dict:
    image = product.primary_image()
    thumbnail = ""
    if getattr(image, "original", None):
        try:
            from sorl.thumbnail import get_thumbnail

            thumbnail = get_thumbnail(image.original, "96x96", crop="center").url
        except Exception:  # a missing file never breaks the search box
            thumbnail = ""
    cooperative = product.cooperative
    return {
        "title": getattr(product, f"title_{language}", "") or product.get_title(),
        "url": product.get_absolute_url(),
        "image": thumbnail,
        "cooperative": cooperative.name if cooperative else "",
    }


def _engine_suggest(*, prefix: str, language: str) -> tuple[list, list]:
    client = search_client()
    response = client.search(
        index=index_alias("products"), body=queries.suggest_body(prefix=prefix, size=SUGGEST_PRODUCTS)
    )
    ids = [int(hit["_id"]) for hit in response["hits"]["hits"]]
    for option in response.get("suggest", {}).get("titles", [{}])[0].get("options", []):
        if int(option["_id"]) not in ids:
            ids.append(int(option["_id"]))
    by_id = product_card_queryset().in_bulk(ids[:SUGGEST_PRODUCTS])
    products = [_suggested_product(by_id[pk], language) for pk in ids[:SUGGEST_PRODUCTS] if pk in by_id]
    response = client.search(
        index=index_alias("cooperatives"),
        body=queries.cooperative_suggest_body(prefix=prefix, size=SUGGEST_COOPERATIVES),
    )
    cooperatives = [
        {
            "name": hit["_source"]["name"],
            "city": hit["_source"].get("city", ""),
            "url": hit["_source"].get("url", ""),
        }
        for hit in response["hits"]["hits"]
    ]
    folded = " ".join(arabic_fold(word) for word in arabic_normalise(prefix).split())
    try:
        response = client.search(
            index=index_alias("stories"),
            body=queries.story_suggest_body(prefix=folded, language=language, size=SUGGEST_STORIES),
        )
    except NotFoundError:
        return products, cooperatives, []  # no stories index yet: suggest the rest
    stories = [
        {"title": hit["_source"]["title"], "url": hit["_source"].get("url", "")}
        for hit in response["hits"]["hits"]
    ]
    return products, cooperatives, stories


# --- Observatory ------------------------------------------------------------------------------


def search_zero_result_queries(*, since=None, limit: int = 50) -> list[dict]:
    """What buyers looked for and did not find, most asked first: [{text, searches, countries}]."""
    from .models import QueryLog

    logs = QueryLog.objects.filter(results=0)
    if since is not None:
        logs = logs.filter(created_at__gte=since)
    rows = logs.values("text").annotate(searches=Count("pk"), countries=Count("country", distinct=True))
    return list(rows.order_by("-searches", "text")[:limit])
