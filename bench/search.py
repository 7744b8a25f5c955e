"""Search benchmark: index 50,000 generated products, then time faceted searches and suggest
calls against the engine, beside the stock Oscar search (Haystack's simple backend) on the
same data. Results in bench/results/search.json.

    make bench-search             # BENCH_PRODUCTS=5000 BENCH_QUERIES=100 for a quick run
                                  # BENCH_BULK_CHUNK=200 documents per bulk request (retried on timeouts)
    BENCH_TEMPLATE_DB=var/db.sqlite3 make bench-search   # start from a migrated copy, not migrate

It runs on its own SQLite database (/tmp) and its own osmem process, or on the Elasticsearch 8
in ELASTICSEARCH_URL. osmem is an in-memory test server, not a performance engine: read the
engine figures as "our overhead on top of its time" and the raw engine columns as osmem's own.
"""

import json
import os
import platform
import random
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "50000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "500"))
HAYSTACK_QUERIES = int(os.environ.get("BENCH_HAYSTACK_QUERIES", str(min(QUERIES, 100))))
DB_PATH = Path(os.environ.get("BENCH_DB", "/tmp/souk-bench-search.sqlite3"))
TEMPLATE_DB = os.environ.get("BENCH_TEMPLATE_DB", "")
# Documents per bulk request: osmem on a loaded machine timed out on 500 at 50,000 products.
BULK_CHUNK = int(os.environ.get("BENCH_BULK_CHUNK", "200"))
OUT = ROOT / "bench" / "results" / "search.json"

os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings.local"
os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
os.environ["SEARCH_INDEX_PREFIX"] = "souk-bench"
os.environ.setdefault("DJANGO_DEBUG", "false")
server = None
if not os.environ.get("ELASTICSEARCH_URL"):
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False)
    os.environ["ELASTICSEARCH_URL"] = server.url
    os.environ.setdefault("ELASTICSEARCH_NODE_CLASS", "search.osmem.OsmemNode")
os.environ.setdefault("ELASTICSEARCH_TIMEOUT", "30")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# Bulk requests of a rebuild: a long timeout and retries (search.indexing._bulk_patiently).
settings.SEARCH_BULK_TIMEOUT = float(os.environ.get("BENCH_BULK_TIMEOUT", "300"))
settings.SEARCH_BULK_RETRIES = int(os.environ.get("BENCH_BULK_RETRIES", "5"))

# A throwaway database: no fsync per migration or batch (the timings below exclude this anyway).
settings.DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
    "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;"
)

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from catalogue.crafts import COLOURS, CRAFTS, RUG_STYLES  # noqa: E402
from catalogue.services import product_classes_sync  # noqa: E402
from search import queries  # noqa: E402
from search.client import index_alias, search_client  # noqa: E402
from search.indexing import index_rebuild  # noqa: E402
from search.selectors import product_search, search_suggest  # noqa: E402
from vendors.models import Cooperative  # noqa: E402
from vendors.regions import Region  # noqa: E402

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

rng = random.Random(20261127)
WORDS = [
    "hand-knotted",
    "undyed",
    "zigzag",
    "diamond",
    "lattice",
    "fringe",
    "glazed",
    "chiselled",
    "engraved",
    "striped",
    "embroidered",
    "woven",
    "carved",
    "inlaid",
    "tiny",
    "large",
    "vintage",
    "modern",
    "classic",
]
QUERY_WORDS = [
    "tapis",
    "rug",
    "zelige",
    "babouche",
    "lantern",
    "tagine",
    "kilim",
    "beni ourain",
    "brass",
    "emerald",
    "indigo",
    "cushion",
    "pouf",
    "silver",
    "thuya box",
    "basket",
    "caftan",
    "blue tiles",
    "moroccan rug",
    "leather bag",
    "slipers",
    "lanturn",
    "saffron throw",
    "cedar",
]
PREFIXES = [
    "be",
    "ben",
    "beni",
    "za",
    "zel",
    "til",
    "bab",
    "lan",
    "lant",
    "tag",
    "kil",
    "bra",
    "tifa",
    "caf",
    "cush",
]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "median_ms": ms(statistics.median(ordered)),
        "p95_ms": ms(ordered[max(0, int(len(ordered) * 0.95) - 1)]),
        "mean_ms": ms(statistics.fmean(ordered)),
    }


def generate() -> None:
    """PRODUCTS products over every craft, 40 verified cooperatives, attributes for the facets."""
    classes = product_classes_sync()
    roots = {}
    for craft in CRAFTS:
        roots[craft.code] = Category.add_root(
            name=craft.name, name_en=craft.name, name_fr=craft.name_fr, slug=craft.code
        )
    children = {
        code: [roots[code].add_child(name=f"{roots[code].name} {i}", slug=f"{code}-{i}") for i in range(3)]
        for code in roots
    }
    regions = [code for code, _label in Region.choices]
    cooperatives = []
    for i in range(40):
        partner = Partner.objects.create(name=f"Coopérative Bench {i}", code=f"bench-{i}")
        cooperatives.append(
            Cooperative.objects.create(
                partner=partner,
                name=partner.name,
                legal_name=partner.name,
                slug=partner.code,
                region=regions[i % 12],
                city=f"City {i}",
                is_women_led=i % 3 == 0,
                status=Cooperative.Status.VERIFIED,
                label_valid_until=datetime.now(UTC).date() + timedelta(days=365) if i % 2 else None,
            )
        )
    attributes = {
        (a.product_class_id, a.code): a for a in ProductAttribute.objects.select_related("option_group")
    }
    options = {a.pk: list(a.option_group.options.all()) for a in attributes.values() if a.option_group_id}
    now = datetime.now(UTC)
    batch = 2000
    for start in range(0, PRODUCTS, batch):
        with transaction.atomic():
            products = []
            for n in range(start, min(start + batch, PRODUCTS)):
                craft = CRAFTS[n % len(CRAFTS)]
                colour = rng.choice(COLOURS)
                style = rng.choice(RUG_STYLES) if craft.code == "rug" else ""
                title = f"{style or craft.name} {rng.choice(WORDS)} {colour.lower()} piece no. {n}"
                description = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {craft.name.lower()} made by hand."
                products.append(
                    Product(
                        structure=Product.STANDALONE,
                        title=title,
                        title_en=title,
                        title_fr=f"{craft.name_fr} {colour} n° {n}",
                        description=description,
                        description_en=description,
                        slug=f"bench-{n}",
                        upc=f"BENCH-{n:06d}",
                        product_class=classes[craft.code],
                        is_public=True,
                        is_labelled=n % 2 == 0,
                        date_created=now - timedelta(minutes=n),
                    )
                )
            products = Product.objects.bulk_create(products)
            StockRecord.objects.bulk_create(
                StockRecord(
                    product=p,
                    partner=cooperatives[p.pk % 40].partner,
                    partner_sku=p.upc,
                    price_currency="MAD",
                    price=Decimal(rng.randrange(150, 30000)),
                    num_in_stock=rng.choice([0, 1, 1, 2, 5]),
                )
                for p in products
            )
            ProductCategory.objects.bulk_create(
                ProductCategory(product=p, category=rng.choice(children[p.product_class.slug]))
                for p in products
            )
            values = []
            for p in products:
                for code in ("style", "colour", "material", "metal", "wood"):
                    attribute = attributes.get((p.product_class_id, code))
                    if attribute is None or attribute.pk not in options:
                        continue
                    if code == "style":
                        option = next((o for o in options[attribute.pk] if o.option in p.title), None)
                    else:
                        option = rng.choice(options[attribute.pk])
                    if option is not None:
                        values.append(
                            ProductAttributeValue(product=p, attribute=attribute, value_option=option)
                        )
                for code in ("width_cm", "length_cm", "height_cm"):
                    attribute = attributes.get((p.product_class_id, code))
                    if attribute is not None:
                        values.append(
                            ProductAttributeValue(
                                product=p, attribute=attribute, value_integer=rng.randrange(10, 400)
                            )
                        )
            ProductAttributeValue.objects.bulk_create(values)
        print(f"  generated {min(start + batch, PRODUCTS)}/{PRODUCTS}", end="\r", flush=True)
    print()


def random_filters() -> dict:
    filters = {}
    for name in rng.sample(
        ["style", "colour", "in_stock", "women_led", "label", "price", "region"], k=rng.randint(1, 3)
    ):
        if name == "style":
            filters["style"] = [rng.choice(RUG_STYLES)]
        elif name == "colour":
            filters["colour"] = [rng.choice(COLOURS)]
        elif name == "region":
            filters["region"] = [rng.choice(Region.choices)[0]]
        elif name == "price":
            filters["price"] = rng.choice(["-250", "250-500", "500-1000", "1000-2500", "2500-"])
        else:
            filters[name] = True
    return filters


def main() -> None:
    started = time.monotonic()
    if DB_PATH.exists():
        DB_PATH.unlink()
    print(f"Database {DB_PATH}; engine {os.environ['ELASTICSEARCH_URL']}")
    if TEMPLATE_DB:
        # An already migrated database (e.g. the demo one): migrating takes minutes on a busy machine.
        shutil.copyfile(TEMPLATE_DB, DB_PATH)
    else:
        call_command("migrate", verbosity=0)
    generate_started = time.monotonic()
    generate()
    generated_s = time.monotonic() - generate_started
    count = Product.objects.browsable().count()

    index_started = time.monotonic()
    index_rebuild(kind="cooperatives")
    index_rebuild(kind="stories")  # the suggest box asks this index too
    index_rebuild(
        kind="products",
        progress=lambda done, total: print(f"  indexed {done}/{total}", end="\r", flush=True),
        chunk_size=BULK_CHUNK,
    )
    index_s = time.monotonic() - index_started
    print()
    indexed = search_client().count(index=index_alias("products"))["count"]

    workload = [
        (rng.choice(QUERY_WORDS), random_filters(), rng.choice(list(queries.SORTS))) for _ in range(QUERIES)
    ]
    client = search_client()
    for query, filters, sort in workload[:20]:  # warm up caches and the engine
        product_search(query=query, filters=filters, sort=sort)

    full, engine_only, totals = [], [], []
    for query, filters, sort in workload:
        t0 = time.perf_counter()
        results = product_search(query=query, filters=filters, sort=sort, currency="EUR")
        full.append(time.perf_counter() - t0)
        assert not results.used_fallback, "the engine stopped answering during the benchmark"
        totals.append(results.total)
    for query, filters, sort in workload:
        parsed = queries.Filters.from_dict({k: v for k, v in filters.items() if k != "price"})
        body = queries.search_body(
            query=query, filters=parsed, sort=sort, price_edges_mad=[250, 500, 1000, 2500]
        )
        t0 = time.perf_counter()
        client.search(index=index_alias("products"), body=body)
        engine_only.append(time.perf_counter() - t0)

    suggest_full = []
    for _ in range(QUERIES):
        t0 = time.perf_counter()
        search_suggest(prefix=rng.choice(PREFIXES))
        suggest_full.append(time.perf_counter() - t0)

    haystack = {}
    try:
        from haystack.query import SearchQuerySet

        samples = []
        for query, _filters, _sort in workload[:HAYSTACK_QUERIES]:
            t0 = time.perf_counter()
            sqs = SearchQuerySet().models(Product).auto_query(query)
            sqs.count()
            list(sqs[:24])
            samples.append(time.perf_counter() - t0)
        haystack = {
            **summary(samples),
            "note": "Oscar's stock search: Haystack simple backend (SQL icontains);"
            " words only, no facets, no synonyms",
        }
    except Exception as exc:  # reported, not fatal
        haystack = {"error": f"{type(exc).__name__}: {exc}"}

    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "engine": {
            "url_kind": "osmem (in-memory test server)" if server else "ELASTICSEARCH_URL",
            "version": client.info()["version"].get("number"),
        },
        "database": connection.vendor,
        "products": {
            "generated": PRODUCTS,
            "browsable": count,
            "indexed": indexed,
            "generate_s": round(generated_s, 1),
        },
        "indexing": {
            "seconds": round(index_s, 1),
            "documents_per_s": round(indexed / index_s, 1),
            "bulk_chunk": BULK_CHUNK,
            "includes": "reading products, stock, attributes and categories from the database,"
            " building documents, bulk requests",
        },
        "faceted_search": {
            **summary(full),
            "mean_hits": round(statistics.fmean(totals), 1),
            "what": "product_search(): words with synonyms, 1-3 filters, 11 facets, price in EUR,"
            " sort, 24 cards loaded",
        },
        "faceted_search_engine_only": {
            **summary(engine_only),
            "what": "the same request bodies sent straight to the engine",
        },
        "suggest": {
            **summary(suggest_full),
            "what": "search_suggest(): products, categories, cooperatives, stories",
        },
        "stock_oscar_search": haystack,
        "total_s": round(time.monotonic() - started, 1),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    try:
        main()
    finally:
        if server is not None:
            server.close()
