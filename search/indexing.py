"""Keeping the index in step with the database: documents from models, updates, rebuilds.

Only browsable products are in the index (public, canonical, sold by a verified
cooperative); an update for any other product removes it. Readers therefore never see a
suspended cooperative's or an unpublished product, whatever filters they send.

Updates that cannot reach the engine are kept in PendingIndexUpdate and replayed when it
answers again (see search.tasks), so nothing is lost while it is down.
"""

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import override
from elasticsearch import TransportError
from elasticsearch.helpers import BulkIndexError, streaming_bulk
from oscar.core.loading import get_model

from vendors.models import Cooperative
from vendors.regions import Region

from .arabic import arabic_index_text
from .client import ENGINE_ERRORS, index_alias, search_client, search_configured
from .documents import index_body

logger = logging.getLogger(__name__)

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
PendingIndexUpdate = get_model("search", "PendingIndexUpdate")

PRODUCTS, COOPERATIVES, STORIES = "products", "cooperatives", "stories"
KINDS = (PRODUCTS, COOPERATIVES, STORIES)
BATCH_SIZE = 500
DOWN_UNTIL_KEY = "search:engine-down"
PENDING_KEY = "search:pending-updates"

# Attribute codes (catalogue/crafts.py) behind each facet, first match wins.
STYLE_CODES = ("style", "tradition")
MATERIAL_CODES = ("material", "leather", "metal", "wood")
DIMENSION_CODES = ("width_cm", "length_cm", "height_cm", "diameter_cm")
# Size bands by the largest dimension, in centimetres (upper bounds).
SIZE_BANDS = (("small", 30), ("medium", 100), ("large", 200), ("extra-large", None))


# --- Engine state ---------------------------------------------------------------------------


def engine_marked_down() -> bool:
    return bool(cache.get(DOWN_UNTIL_KEY))


def engine_mark_down(*, seconds: int) -> None:
    """After a failure, skip the engine for `seconds` instead of waiting on it every request."""
    if seconds > 0:
        cache.set(DOWN_UNTIL_KEY, True, seconds)


def engine_mark_up() -> None:
    cache.delete(DOWN_UNTIL_KEY)


# --- Documents --------------------------------------------------------------------------------


def product_index_queryset():
    """Browsable products with everything a document needs, in a fixed number of queries."""
    return (
        Product.objects.browsable()
        .prefetch_attribute_values()
        .select_related("product_class", "stats")
        .prefetch_related(
            "categories",
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner__cooperative")),
        )
        .order_by("pk")
    )


def size_band(dimensions_cm: Iterable[float]) -> str:
    """'small', 'medium', 'large' or 'extra-large' for the largest dimension; '' when unknown."""
    largest = max((float(d) for d in dimensions_cm if d), default=0)
    if not largest:
        return ""
    for band, upper in SIZE_BANDS:
        if upper is None or largest <= upper:
            return band
    return ""


class CategoryTree:
    """All categories, read once per batch: ancestors and names without a query per product."""

    def __init__(self):
        self.by_path = {c.path: c for c in Category.objects.all()}
        self.steplen = Category.steplen

    def ancestors_and_self(self, category) -> list:
        paths = [category.path[:n] for n in range(self.steplen, len(category.path) + 1, self.steplen)]
        return [self.by_path[p] for p in paths if p in self.by_path]


def _attributes(product) -> dict[str, object]:
    # In code order: the database returns attribute values in no set order, and a document
    # must come out the same each time (`--check` compares them).
    values = sorted(product.get_attribute_values(), key=lambda value: value.attribute.code)
    return {value.attribute.code: value.value for value in values}


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "option"):  # AttributeOption
        return value.option
    if isinstance(value, list | tuple) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return " ".join(_text(item) for item in items)
    if isinstance(value, bool):
        return ""
    return str(value)


def _first(attributes: dict, codes: tuple[str, ...]) -> str:
    for code in codes:
        text = _text(attributes.get(code))
        if text:
            return text
    return ""


def product_document(product, *, tree: CategoryTree) -> dict:
    """The indexed form of a browsable product (a plain dict, the `_source` sent to the engine)."""
    records = list(product.stockrecords.all())
    cooperative = product.cooperative
    attributes = _attributes(product)
    prices = [r.price for r in records if r.price is not None]
    tracks_stock = product.product_class.track_stock if product.product_class else True
    in_stock = (not tracks_stock) or any((r.net_stock_level or 0) > 0 for r in records)
    categories = {c.pk: c for cat in product.categories.all() for c in tree.ancestors_and_self(cat)}
    product_class = product.product_class
    region_label = ""
    if cooperative is not None and cooperative.region:
        with override("en"):
            region_label = str(Region(cooperative.region).label)
    keywords = [
        *(getattr(product_class, f"name_{lang}", "") or "" for lang in ("en", "fr", "ar")),
        *(getattr(c, f"name_{lang}", "") or "" for c in categories.values() for lang in ("en", "fr", "ar")),
        *(_text(v) for v in attributes.values()),
        product.upc or "",
    ]
    if cooperative is not None:
        keywords += [cooperative.name, cooperative.city, region_label]
    stats = getattr(product, "stats", None)
    popularity = (stats.num_purchases * 10 + stats.num_views) if stats else 0
    titles = {lang: getattr(product, f"title_{lang}", "") or "" for lang in ("en", "fr", "ar")}
    title = titles["en"] or product.title or ""
    dimensions = [attributes.get(code) for code in DIMENSION_CODES]
    keyword_text = " ".join(k for k in keywords if k)
    description_ar = getattr(product, "description_ar", "") or ""
    return {
        "title_en": title,
        "title_fr": titles["fr"],
        "title_ar": titles["ar"],
        "description_en": getattr(product, "description_en", "") or product.description or "",
        "description_fr": getattr(product, "description_fr", "") or "",
        "description_ar": description_ar,
        "keywords": keyword_text,
        "arabic": arabic_index_text(titles["ar"], description_ar, keyword_text),
        "title_complete": title,
        "suggest": {
            "input": sorted({t for t in titles.values() if t}),
            "weight": min(popularity, 10_000) + (5 if in_stock else 1),
        },
        "craft": (product_class.slug if product_class else "") or None,
        "category_ids": sorted(categories),
        "style": _first(attributes, STYLE_CODES) or None,
        "region": (cooperative.region if cooperative else "") or None,
        "cooperative": (cooperative.slug if cooperative else "") or None,
        "colour": _text(attributes.get("colour")) or None,
        "material": _first(attributes, MATERIAL_CODES) or None,
        "size_band": size_band(d for d in dimensions if isinstance(d, int | float | Decimal)) or None,
        "price": float(min(prices)) if prices else None,
        "women_led": bool(cooperative and cooperative.is_women_led),
        "label": bool(product.shows_made_in_morocco_label),
        "in_stock": in_stock,
        "popularity": popularity,
        "created": product.date_created.isoformat() if product.date_created else None,
        "title_sort": title.lower()[:200],
    }


def cooperative_index_queryset():
    return Cooperative.objects.verified().order_by("pk")


def cooperative_document(cooperative) -> dict:
    return {
        "name": cooperative.name,
        "name_complete": cooperative.name,
        "city": cooperative.city,
        "region": cooperative.region,
        "slug": cooperative.slug,
        "url": cooperative.get_absolute_url(),
        "products": Product.objects.browsable().filter(stockrecords__partner=cooperative.partner).count(),
    }


def _story_models() -> tuple:
    # Imported late: the page models import the catalogue, which imports the search app.
    from marketplace.models import ArtisanStoryPage, GuidePage

    return ArtisanStoryPage, GuidePage


def story_index_queryset(model):
    """The live, public pages of `model` (stories or guides) with what a document needs."""
    related = ["locale"]
    if model.__name__ == "ArtisanStoryPage":
        related += ["craft", "cooperative"]
    return model.objects.live().public().select_related(*related).order_by("pk")


def story_pages(ids=None) -> list:
    """The live, public stories and guides (specific pages), all or those among `ids`."""
    pages = []
    for model in _story_models():
        queryset = story_index_queryset(model)
        pages += list(queryset if ids is None else queryset.filter(pk__in=ids))
    return pages


def story_document(page) -> dict:
    """The indexed form of a story or guide page, in its own language."""
    body = page._meta.get_field("body").get_searchable_content(page.body)
    body_text = " ".join(" ".join(strip_tags(str(text)).split()) for text in body if text)[:20_000]
    craft = getattr(page, "craft", None)
    cooperative = getattr(page, "cooperative", None)
    region = getattr(page, "region", "") or (cooperative.region if cooperative else "")
    keywords = [getattr(craft, f"name_{lang}", "") or "" for lang in ("en", "fr", "ar")] if craft else []
    if cooperative is not None:
        keywords += [cooperative.name, cooperative.city]
    if region:
        for lang in ("en", "fr", "ar"):
            with override(lang):
                keywords.append(str(Region(region).label))
    keyword_text = " ".join(k for k in keywords if k)
    date = getattr(page, "date", None) or (
        page.first_published_at.date() if page.first_published_at else None
    )
    return {
        "kind": "story" if page._meta.model_name == "artisanstorypage" else "guide",
        "language": page.locale.language_code,
        "translation_key": str(page.translation_key),
        "title": page.title,
        "intro": page.intro or "",
        "body": body_text,
        "keywords": keyword_text,
        "arabic": arabic_index_text(page.title, page.intro or "", body_text, keyword_text),
        "craft": (craft.slug if craft else "") or None,
        "region": region or None,
        "cooperative": (cooperative.slug if cooperative else "") or None,
        "url": page.get_url() or "",
        "date": date.isoformat() if date else None,
    }


# --- Writing ----------------------------------------------------------------------------------


def _actions(kind: str, ids: list[int], index: str) -> Iterator[dict]:
    """Index actions for the rows that belong in the index, delete actions for the others."""
    found = set()
    if kind == PRODUCTS:
        tree = CategoryTree()
        for product in product_index_queryset().filter(pk__in=ids):
            found.add(product.pk)
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": product.pk,
                "_source": product_document(product, tree=tree),
            }
    elif kind == STORIES:
        for page in story_pages(ids):
            found.add(page.pk)
            yield {"_op_type": "index", "_index": index, "_id": page.pk, "_source": story_document(page)}
    else:
        for cooperative in cooperative_index_queryset().filter(pk__in=ids):
            found.add(cooperative.pk)
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": cooperative.pk,
                "_source": cooperative_document(cooperative),
            }
    for pk in ids:
        if pk not in found:
            yield {"_op_type": "delete", "_index": index, "_id": pk}


def _bulk(actions: Iterable[dict], *, refresh=False, client=None) -> int:
    """Send `actions`; missing documents on delete are fine. Returns how many were applied."""
    done = 0
    try:
        for ok, item in streaming_bulk(
            client or search_client(), actions, chunk_size=BATCH_SIZE, raise_on_error=False, refresh=refresh
        ):
            op = next(iter(item.values()))
            if ok or op.get("status") == 404:
                done += 1
            else:
                raise BulkIndexError(f"search: {op.get('error')}", [item])
    except BulkIndexError:
        raise
    return done


def index_ensure(kind: str) -> None:
    """Create an empty, aliased index when there is none, so a write never lets the engine
    guess a mapping (the first update on a fresh server, before any rebuild)."""
    client = search_client()
    alias = index_alias(kind)
    if client.indices.exists_alias(name=alias) or client.indices.exists(index=alias):
        return
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    client.indices.create(index=name, **index_body(kind), aliases={alias: {}})


def _write_indices(kind: str) -> list[str]:
    """The live alias and, during a rebuild, the index being built (so no update is missed)."""
    client = search_client()
    index_ensure(kind)
    targets = [index_alias(kind)]
    building = building_alias(kind)
    if client.indices.exists_alias(name=building):
        targets += list(client.indices.get_alias(name=building))
    return targets


def building_alias(kind: str) -> str:
    return f"{index_alias(kind)}-building"


def index_apply(*, kind: str, ids: Iterable[int], refresh=False) -> int:
    """Bring the documents of `ids` up to date now; raises ENGINE_ERRORS when the engine fails."""
    ids = sorted({int(pk) for pk in ids})
    if not ids:
        return 0
    done = 0
    for target in _write_indices(kind):
        for start in range(0, len(ids), BATCH_SIZE):
            done += _bulk(_actions(kind, ids[start : start + BATCH_SIZE], target), refresh=refresh)
    return done


def pending_store(*, kind: str, ids: Iterable[int]) -> None:
    """Keep updates the engine could not take, to replay when it answers again."""
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(kind=kind, object_id=pk) for pk in set(ids)], ignore_conflicts=True
    )
    cache.set(PENDING_KEY, True, None)


def pending_exists() -> bool:
    """Cheap check before a replay: the cache flag, confirmed by the table."""
    if cache.get(PENDING_KEY) is False:
        return False
    exists = PendingIndexUpdate.objects.exists()
    # Re-checked every minute: another process (a worker) may have stored updates meanwhile.
    cache.set(PENDING_KEY, exists, 60)
    return exists


def pending_replay(*, limit: int | None = None) -> int:
    """Apply the stored updates, oldest first, and forget each batch once the engine took it.

    Raises ENGINE_ERRORS if the engine fails; what was not applied stays stored.
    """
    replayed = 0
    while True:
        rows = list(PendingIndexUpdate.objects.order_by("pk")[: limit or BATCH_SIZE])
        if not rows:
            cache.set(PENDING_KEY, False, 60)
            return replayed
        for kind in KINDS:
            index_apply(kind=kind, ids=[r.object_id for r in rows if r.kind == kind])
        # Delete by primary key: an update stored again meanwhile keeps its newer row.
        PendingIndexUpdate.objects.filter(pk__in=[r.pk for r in rows]).delete()
        replayed += len(rows)
        if limit:
            return replayed


def index_update(*, kind: str, ids: Iterable[int], retry_after: int = 30) -> bool:
    """Apply or, when the engine is down, store an update. True when it reached the engine."""
    ids = sorted({int(pk) for pk in ids})
    if not ids or not search_configured():
        return False
    if engine_marked_down():
        pending_store(kind=kind, ids=ids)
        return False
    try:
        index_apply(kind=kind, ids=ids)
    except ENGINE_ERRORS as exc:
        logger.warning(
            "search: engine unavailable, %d %s update(s) kept for replay (%s)", len(ids), kind, exc
        )
        engine_mark_down(seconds=retry_after)
        pending_store(kind=kind, ids=ids)
        return False
    return True


# --- Rebuild and drift --------------------------------------------------------------------------


def _source_ids(kind: str) -> list[int]:
    if kind == STORIES:
        return sorted(
            pk for model in _story_models() for pk in story_index_queryset(model).values_list("pk", flat=True)
        )
    queryset = product_index_queryset() if kind == PRODUCTS else cooperative_index_queryset()
    return list(queryset.order_by("pk").values_list("pk", flat=True).distinct())


# A rebuild is not a page waiting on the engine: its bulk requests get a long timeout and are
# retried (the same documents again, which is harmless) when a busy engine does not answer in
# time. Page-time updates keep the short timeout and fall back to the replay queue instead.
BULK_TIMEOUT = 120.0
BULK_RETRIES = 4


def _bulk_patiently(kind: str, ids: list[int], index: str) -> int:
    from django.conf import settings

    timeout = float(getattr(settings, "SEARCH_BULK_TIMEOUT", BULK_TIMEOUT))
    retries = int(getattr(settings, "SEARCH_BULK_RETRIES", BULK_RETRIES))
    client = search_client().options(request_timeout=timeout)
    for attempt in range(retries + 1):
        try:
            return _bulk(_actions(kind, ids, index), client=client)
        except (TransportError, BulkIndexError) as exc:
            if attempt == retries:
                raise
            wait = min(2**attempt, 30)
            logger.warning("search: bulk of %d %s failed (%s); retrying in %d s", len(ids), kind, exc, wait)
            time.sleep(wait)
    return 0


def index_rebuild(
    *, kind: str, progress: Callable[[int, int], None] | None = None, chunk_size: int | None = None
) -> str:
    """Build a new index, load every document, then point the alias at it in one atomic step.

    Readers use the old index until the swap; updates during the build go to both (the new
    index is reachable through a `-building` alias). Old indices are deleted afterwards.
    Documents go in bulk requests of `chunk_size` (BATCH_SIZE by default), each retried on a
    timeout. Returns the new index's name.
    """
    client = search_client()
    alias, building = index_alias(kind), building_alias(kind)
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    client.indices.create(index=name, **index_body(kind))
    client.indices.update_aliases(actions=[{"add": {"index": name, "alias": building}}])
    chunk = chunk_size or BATCH_SIZE
    try:
        ids = _source_ids(kind)
        for start in range(0, len(ids), chunk):
            _bulk_patiently(kind, ids[start : start + chunk], name)
            if progress:
                progress(min(start + chunk, len(ids)), len(ids))
        if not ids and progress:
            progress(0, 0)
        client.indices.refresh(index=name)
        old = list(client.indices.get_alias(name=alias)) if client.indices.exists_alias(name=alias) else []
        if not old and client.indices.exists(index=alias):
            # A plain index squatting on the alias name (from before aliases were used).
            client.indices.delete(index=alias)
        client.indices.update_aliases(
            actions=[
                *({"remove": {"index": index, "alias": alias}} for index in old),
                {"add": {"index": name, "alias": alias}},
                {"remove": {"index": name, "alias": building}},
            ]
        )
    except BaseException:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return name


def index_drift(*, kind: str) -> dict[str, list[int]]:
    """Documents the index lacks, documents it should not have, and stale ones (by content)."""
    client = search_client()
    alias = index_alias(kind)
    indexed: dict[int, dict] = {}
    response = client.search(index=alias, query={"match_all": {}}, size=1000, scroll="1m", sort=["_doc"])
    scroll_id = response.get("_scroll_id")
    try:
        while response["hits"]["hits"]:
            for hit in response["hits"]["hits"]:
                indexed[int(hit["_id"])] = hit["_source"]
            response = client.scroll(scroll_id=scroll_id, scroll="1m")
            scroll_id = response.get("_scroll_id", scroll_id)
    finally:
        if scroll_id:
            try:
                client.clear_scroll(scroll_id=scroll_id)
            except ENGINE_ERRORS:
                pass
    expected = set(_source_ids(kind))
    stale = []
    for start in range(0, len(ids := sorted(expected & set(indexed))), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        fresh = {a["_id"]: a.get("_source") for a in _actions(kind, batch, alias)}
        stale += [pk for pk in batch if _comparable(fresh.get(pk)) != _comparable(indexed[pk])]
    return {
        "missing": sorted(expected - set(indexed)),
        "extra": sorted(set(indexed) - expected),
        "stale": stale,
    }


def _comparable(source: dict | None) -> dict:
    """A document without the fields that change without a database write (popularity weight)."""
    if not source:
        return {}
    return {k: v for k, v in source.items() if k not in ("suggest", "popularity")}
