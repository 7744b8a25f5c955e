"""Read-side queries for the Wagtail pages."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.selectors import product_card_queryset
from vendors.regions import Region

Cooperative = get_model("partner", "Cooperative")
ProductClass = get_model("catalogue", "ProductClass")


def _in_order(ids: list[int], objects) -> list:
    by_id = {obj.pk: obj for obj in objects}
    return [by_id[pk] for pk in ids if pk in by_id]


def _picked_in_order(*, picks, queryset, field: str) -> list:
    """The rows of `queryset` that an inline panel's `picks` (rows with `field` and a sort
    order) name, in the editors' order. A saved page needs one query (the order comes from
    a subquery); a preview's unsaved picks live in memory and are read from there."""
    if not isinstance(picks.all(), QuerySet):
        ids = list(picks.order_by("sort_order").values_list(f"{field}_id", flat=True))
        return _in_order(ids, queryset.filter(pk__in=ids))
    order = picks.filter(**{field: OuterRef("pk")}).order_by("sort_order").values("sort_order")[:1]
    return list(
        queryset.annotate(picked_order=Subquery(order))
        .filter(picked_order__isnull=False)
        .order_by("picked_order")
    )


def home_featured_products(*, page) -> list:
    """The products editors picked for the home page, in their order, public ones only."""
    return _picked_in_order(picks=page.featured_products, queryset=product_card_queryset(), field="product")


def home_featured_cooperatives(*, page) -> list:
    """The verified cooperatives editors picked for the home page, in their order."""
    return _picked_in_order(
        picks=page.featured_cooperatives, queryset=Cooperative.objects.verified(), field="cooperative"
    )


# The home page's editorial blocks (collection tiles, latest stories) change only when a page
# is published or unpublished: they are cached per page and language with the site chrome
# (marketplace.templatetags.cms_tags), forgotten on the same events, and for ten minutes at
# most (a cooperative or craft renamed meanwhile).
HOME_CONTENT_TTL = 600


def home_editorial(*, page) -> dict:
    """{"featured_collections", "latest_stories"} for the home `page`, links resolved."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    from marketplace.templatetags.cms_tags import CHROME_VERSION_KEY

    preview = not isinstance(page.featured_collections.all(), QuerySet)
    version = cache.get_or_set(CHROME_VERSION_KEY, 1, None)
    key = f"souk:home-editorial:{version}:{page.pk}:{page.locale_id}:{get_language()}"
    content = None if preview else cache.get(key)
    if content is None:
        collections = list(page.featured_collections.select_related("image", "link_page"))
        for collection in collections:
            collection.url  # noqa: B018 - a cached_property: resolved once, kept with the cache
        stories = stories_latest(locale=page.locale_id, limit=3)
        if stories:
            stories[0].get_parent()  # the "All stories" link; treebeard keeps it on the story
        content = {"featured_collections": collections, "latest_stories": stories}
        if not preview:
            cache.set(key, content, HOME_CONTENT_TTL)
    return content


def products_public(*, products) -> list:
    """`products` (chosen in a block, possibly long ago) that are still for sale, in their order."""
    ids = [p.pk for p in products if p is not None]
    return _in_order(ids, product_card_queryset().filter(pk__in=ids))


# --- Stories ------------------------------------------------------------------------------
def _stories():
    from marketplace.models import ArtisanStoryPage

    return (
        ArtisanStoryPage.objects.live()
        .public()
        .select_related("cover_image", "cooperative", "craft", "locale")
        .order_by("-date", "-first_published_at")
    )


def stories_latest(*, locale, limit: int = 3) -> list:
    """The newest live stories in `locale` (a Locale or its id), without their bodies."""
    return list(_stories().filter(locale=locale).defer("body")[:limit])


def stories_for_cooperative(*, cooperative, language: str) -> list:
    """Live stories about `cooperative`, each in `language` when translated, else in the default language."""
    from wagtail.models import Locale

    stories = list(_stories().filter(cooperative=cooperative))
    wanted = Locale.objects.filter(language_code=language).first()
    default = Locale.get_default()
    by_key: dict = {}
    for story in stories:
        current = by_key.get(story.translation_key)
        if story.locale_id == getattr(wanted, "pk", None) or (
            current is None and story.locale_id == default.pk
        ):
            by_key[story.translation_key] = story
    return sorted(by_key.values(), key=lambda s: (s.date, s.pk), reverse=True)


def stories_filter(*, index, craft: str = "", region: str = "", cooperative: str = "") -> QuerySet:
    """The live stories under `index`, narrowed by craft slug, region code and cooperative slug.

    Unknown values narrow to nothing rather than being ignored, so a stale link shows an
    honest empty list instead of everything.
    """
    stories = _stories().child_of(index)
    if craft:
        stories = stories.filter(craft__slug=craft)
    if region:
        stories = stories.filter(region=region)
    if cooperative:
        stories = stories.filter(cooperative__slug=cooperative)
    return stories


@dataclass
class StoryFilterOptions:
    crafts: list = field(default_factory=list)  # (slug, name)
    regions: list = field(default_factory=list)  # (code, label)
    cooperatives: list = field(default_factory=list)  # (slug, name)


def story_filter_options(*, index) -> StoryFilterOptions:
    """The crafts, regions and cooperatives that at least one story under `index` has."""
    stories = _stories().child_of(index)
    craft_ids = set(stories.exclude(craft=None).values_list("craft_id", flat=True))
    region_codes = set(stories.exclude(region="").values_list("region", flat=True))
    coop_ids = set(stories.exclude(cooperative=None).values_list("cooperative_id", flat=True))
    return StoryFilterOptions(
        crafts=[(c.slug, c.name) for c in ProductClass.objects.filter(pk__in=craft_ids).order_by("name")],
        regions=[(code, label) for code, label in Region.choices if code in region_codes],
        cooperatives=list(
            Cooperative.objects.filter(pk__in=coop_ids).order_by("name").values_list("slug", "name")
        ),
    )


def story_related_products(*, page) -> list:
    ids = list(page.related_products.order_by("sort_order").values_list("product_id", flat=True))
    return _in_order(ids, product_card_queryset().filter(pk__in=ids))


def story_siblings(*, page, limit: int = 3) -> list:
    """Other stories in the same language, the same cooperative's or craft's first."""
    others = list(_stories().filter(locale=page.locale_id).exclude(pk=page.pk)[:30])
    others.sort(
        key=lambda s: (
            not (page.cooperative_id and s.cooperative_id == page.cooperative_id),
            not (page.craft_id and s.craft_id == page.craft_id),
        )
    )
    return others[:limit]


# --- Languages ----------------------------------------------------------------------------
def page_in_language(*, page, language: str):
    """`page` as a reader of `language` should see it: its live, public translation, else the
    nearest ancestor's (the story index for an untranslated story), else None."""
    from wagtail.models import Locale, Page

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2).order_by("-depth")
    for candidate in ancestors:
        found = (
            Page.objects.filter(translation_key=candidate.translation_key, locale=locale)
            .live()
            .public()
            .first()
        )
        if found is not None:
            return found
    return None


def language_home_url(*, request, language: str) -> str:
    """The home page of `language` (its translated home page's URL, else the bare prefix)."""
    from wagtail.models import Locale, Site

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    locale = Locale.objects.filter(language_code=language).first()
    home = site.root_page.get_translation_or_none(locale) if site and locale else None
    url = home.get_url(request) if home is not None and home.live else None
    return url or ("/" if language == settings.LANGUAGE_CODE else f"/{language}/")


def language_switch_url(*, request, path: str, language: str) -> str:
    """Where the language switcher takes a reader of `path` (a local URL with its query) who
    picks `language`; never to a 404 when `path` itself exists.

    - A Wagtail page: its translation (whatever its slug), else its nearest translated
      ancestor, else that language's home page. The query string is kept only on the page's
      own translation (a story index's filters), not on an ancestor.
    - A shop page: the same URL under the other language's prefix (Django's translate_url).
    - Anything that does not resolve: that language's home page.
    """
    from django.urls import Resolver404, resolve, translate_url
    from django.utils import translation
    from wagtail.models import Page
    from wagtail.views import serve as wagtail_serve

    from marketplace.seo import language_of_path

    parts = urlsplit(path)
    with translation.override(language_of_path(parts.path)):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return language_home_url(request=request, language=language)
        if match.func is not wagtail_serve:
            return translate_url(urlunsplit(("", "", parts.path, parts.query, "")), language)
        # Routed in the URL's own language, whose home page Wagtail starts from.
        route = Page.route_for_request(request, match.args[0] if match.args else match.kwargs.get("path", ""))
    if route is None:
        return language_home_url(request=request, language=language)
    page = route[0]
    target = page_in_language(page=page, language=language)
    url = target.get_url(request) if target is not None else None
    if not url:
        return language_home_url(request=request, language=language)
    if parts.query and target.translation_key == page.translation_key:
        url = f"{url}?{parts.query}"
    return url


# --- Live search in guides ----------------------------------------------------------------
@dataclass
class LiveSearchResults:
    products: list
    total: int
    used_fallback: bool
    more_url: str


def live_search_filters(value) -> dict:
    """The facet filters saved in a live-search block, in `search.selectors.product_search` terms."""
    filters: dict = {}
    if str(value.get("category") or "").isdigit():
        filters["category"] = [str(value["category"])]
    if value.get("region"):
        filters["region"] = [value["region"]]
    if value.get("women_led"):
        filters["women_led"] = True
    if value.get("price_max") not in (None, ""):
        try:
            filters["price_max"] = Decimal(value["price_max"])
        except (InvalidOperation, TypeError):
            pass
    return filters


def _catalogue_search(*, query: str, filters: dict, sort: str) -> QuerySet:
    """The database answer when the search app's `product_search` is not available."""
    Category = get_model("catalogue", "Category")
    products = product_card_queryset()
    if query:
        from search.selectors import product_search_db

        products = product_search_db(query=query)
    if filters.get("category"):
        category = Category.objects.filter(pk__in=filters["category"]).first()
        products = (
            products.filter(categories__path__startswith=category.path) if category else products.none()
        )
    if filters.get("region"):
        products = products.filter(stockrecords__partner__cooperative__region__in=filters["region"])
    if filters.get("women_led"):
        products = products.filter(stockrecords__partner__cooperative__is_women_led=True)
    if "price_max" in filters:
        products = products.filter(stockrecords__price__lte=filters["price_max"])
    ordering = {
        "price-asc": ("stockrecords__price", "pk"),
        "price-desc": ("-stockrecords__price", "-pk"),
    }.get(sort, ("-date_created", "-pk"))
    return products.order_by(*ordering).distinct()


def live_search_results(
    *, query: str, filters: dict, sort: str, limit: int, language: str
) -> LiveSearchResults:
    """Run a saved search now: the search app's engine when it has one, else the catalogue."""
    # The same search on the shop's search page (price bounds stay out: that page takes them
    # in the buyer's currency).
    more: list[tuple[str, str]] = [("q", query)] if query else []
    for name in ("category", "region"):
        more.extend((name, v) for v in filters.get(name, []))
    if filters.get("women_led"):
        more.append(("women_led", "1"))
    if sort and sort != "relevance":
        more.append(("sort", sort))
    more_url = f"{reverse('search:search')}?{urlencode(more)}"
    try:
        from search.selectors import product_search
    except ImportError:
        product_search = None
    if product_search is not None:
        results = product_search(
            query=query, filters=filters, sort=sort, page=1, per_page=limit, language=language
        )
        return LiveSearchResults(
            products=list(results.products)[:limit],
            total=results.total,
            used_fallback=results.used_fallback,
            more_url=more_url,
        )
    products = _catalogue_search(query=query, filters=filters, sort=sort)
    return LiveSearchResults(
        products=list(products[:limit]), total=products.count(), used_fallback=True, more_url=more_url
    )
