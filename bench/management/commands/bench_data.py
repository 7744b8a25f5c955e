"""Generate a large catalogue for the benchmark: cooperatives, products, stock, orders.

    manage.py bench_data --products 50000 --cooperatives 500 --orders 20000

Rows are written with bulk_create in batches, so 50,000 products take well under a minute on
PostgreSQL. The same command fills our schema (cooperatives are verified `Cooperative` rows
on top of Oscar partners) and stock Oscar's (partners only), so both sides of the benchmark
are the same size. It refuses to run twice on the same database (--force to add more anyway).
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.apps import apps
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Line = get_model("order", "Line")

BATCH = 2000
MARKER = "BENCH-"
CRAFTS = ["Rug", "Zellige tile", "Tagine", "Pouf", "Lantern", "Blanket", "Basket", "Argan oil"]
WORDS = [
    "Beni Ourain",
    "Azilal",
    "Boucherouite",
    "Kilim",
    "Fez",
    "Tamegroute",
    "Safi",
    "Taznakht",
    "indigo",
    "saffron",
    "henna",
    "wool",
    "cedar",
    "copper",
    "brass",
    "terracotta",
    "hand-knotted",
    "hand-painted",
    "Atlas",
    "Rif",
    "Sahara",
    "Essaouira",
    "Marrakech",
    "Chefchaouen",
]
TREE = {
    "Rugs": ["Beni Ourain", "Azilal", "Kilim", "Boucherouite"],
    "Ceramics": ["Zellige", "Tagines", "Plates", "Vases"],
    "Leather": ["Poufs", "Bags", "Babouches", "Belts"],
    "Metalwork": ["Lanterns", "Trays", "Teapots", "Mirrors"],
    "Textiles": ["Blankets", "Cushions", "Throws", "Scarves"],
    "Wood": ["Boxes", "Tables", "Bowls", "Screens"],
    "Basketry": ["Baskets", "Hats", "Mats", "Bags"],
    "Beauty": ["Argan oil", "Soaps", "Ghassoul", "Rose water"],
}


class Command(BaseCommand):
    help = "Generate cooperatives, products, stock records and orders for the benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=50_000)
        parser.add_argument("--cooperatives", type=int, default=500)
        parser.add_argument("--orders", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=10)
        parser.add_argument("--force", action="store_true", help="add rows even if bench data exists")

    def handle(self, *args, products, cooperatives, orders, seed, force, **options):
        if products < 1 or cooperatives < 1 or orders < 0:
            raise CommandError("--products and --cooperatives must be at least 1, --orders at least 0.")
        if Product.objects.filter(upc__startswith=MARKER).exists() and not force:
            raise CommandError("This database already has bench data; use a fresh one or --force.")
        rng = random.Random(seed)
        with transaction.atomic():
            leaves = self.categories()
            product_class = ProductClass.objects.order_by("pk").first() or ProductClass.objects.create(
                name="Craft", slug="craft", track_stock=True
            )
            partners = self.partners(cooperatives, rng)
            self.stdout.write(f"{len(partners)} cooperatives")
        made = self.products(products, partners, leaves, product_class, rng)
        self.stdout.write(f"{made} products with stock records and categories")
        placed = self.orders(orders, rng)
        self.stdout.write(f"{placed} orders")
        if connection.vendor == "postgresql":
            # Fresh bulk-loaded tables have no planner statistics until autovacuum gets to them;
            # without them PostgreSQL picks plans no running site would have.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def categories(self) -> list:
        if not Category.objects.filter(depth=1).exists():
            for root_name, children in TREE.items():
                root = Category.add_root(name=root_name, slug=slugify(root_name), description="")
                for child in children:
                    root.add_child(name=child, slug=slugify(child), description="")
        leaves = [category for category in Category.objects.all() if category.is_leaf()]
        return leaves

    def partners(self, count: int, rng: random.Random) -> list:
        start = Partner.objects.count()
        rows = [Partner(name=f"Cooperative {start + i}", code=f"bench-{start + i}") for i in range(count)]
        partners = Partner.objects.bulk_create(rows, batch_size=BATCH)
        if apps.is_installed("vendors"):
            self.cooperatives(partners, rng)
        return partners

    def cooperatives(self, partners: list, rng: random.Random) -> None:
        """Verified cooperatives for our schema; only required fields, the rest keep defaults."""
        Cooperative = get_model("partner", "Cooperative")
        regions = [value for value, _label in Cooperative._meta.get_field("region").choices]
        rows = []
        for partner in partners:
            region = rng.choice(regions)
            rows.append(
                Cooperative(
                    partner=partner,
                    name=partner.name,
                    legal_name=f"{partner.name} SCA",
                    slug=slugify(partner.code),
                    region=region,
                    city="Marrakech",
                    status=Cooperative.Status.VERIFIED,
                    members_count=rng.randint(5, 80),
                )
            )
        Cooperative.objects.bulk_create(rows, batch_size=BATCH)

    def products(self, count, partners, leaves, product_class, rng) -> int:
        now = timezone.now()
        start = Product.objects.count()
        has_translations = any(field.name == "title_en" for field in Product._meta.fields)
        made = 0
        for offset in range(0, count, BATCH):
            size = min(BATCH, count - offset)
            batch = []
            for i in range(size):
                number = start + offset + i
                title = (
                    f"{rng.choice(WORDS)} {rng.choice(CRAFTS).lower()} {rng.choice(WORDS).lower()} {number}"
                )
                fields = {
                    "structure": Product.STANDALONE,
                    "title": title,
                    "slug": slugify(title)[:128],
                    "upc": f"{MARKER}{number:07d}",
                    "product_class": product_class,
                    "is_public": True,
                    "description": f"<p>{title}, made by hand.</p>",
                    "date_created": now - timedelta(minutes=number),
                }
                if has_translations:
                    fields["title_en"] = title
                    fields["description_en"] = fields["description"]
                batch.append(Product(**fields))
            with transaction.atomic():
                batch = Product.objects.bulk_create(batch)
                StockRecord.objects.bulk_create(
                    [
                        StockRecord(
                            product=product,
                            partner=partners[(offset + i) % len(partners)],
                            partner_sku=product.upc,
                            price_currency="MAD",
                            price=Decimal(rng.randrange(80, 20_000)),
                            num_in_stock=rng.randint(3, 40),
                        )
                        for i, product in enumerate(batch)
                    ]
                )
                ProductCategory.objects.bulk_create(
                    [ProductCategory(product=product, category=rng.choice(leaves)) for product in batch]
                )
            made += len(batch)
            self.stdout.write(f"  {made}/{count} products", ending="\r")
        self.stdout.write("")
        return made

    def orders(self, count: int, rng: random.Random) -> int:
        if not count:
            return 0
        site = Site.objects.get_current()
        records = list(
            StockRecord.objects.filter(partner_sku__startswith=MARKER)
            .select_related("product", "partner")
            .order_by("?")[:5000]
        )
        start = Order.objects.count()
        now = timezone.now()
        placed = 0
        for offset in range(0, count, BATCH):
            size = min(BATCH, count - offset)
            orders, lines_per_order = [], []
            for i in range(size):
                picked = rng.sample(records, rng.randint(1, 3))
                lines = [(record, rng.randint(1, 2)) for record in picked]
                total = sum(record.price * quantity for record, quantity in lines)
                orders.append(
                    Order(
                        number=f"B{start + offset + i:08d}",
                        site=site,
                        currency="MAD",
                        total_incl_tax=total,
                        total_excl_tax=total,
                        shipping_incl_tax=Decimal("0.00"),
                        shipping_excl_tax=Decimal("0.00"),
                        shipping_method="Standard",
                        shipping_code="standard",
                        status="Complete",
                        guest_email=f"buyer{start + offset + i}@bench.test",
                        date_placed=now - timedelta(minutes=rng.randint(1, 60 * 24 * 365)),
                    )
                )
                lines_per_order.append(lines)
            with transaction.atomic():
                orders = Order.objects.bulk_create(orders)
                Line.objects.bulk_create(
                    [
                        Line(
                            order=order,
                            partner=record.partner,
                            partner_name=record.partner.name,
                            partner_sku=record.partner_sku,
                            stockrecord=record,
                            product=record.product,
                            title=record.product.title,
                            upc=record.product.upc,
                            quantity=quantity,
                            line_price_incl_tax=record.price * quantity,
                            line_price_excl_tax=record.price * quantity,
                            line_price_before_discounts_incl_tax=record.price * quantity,
                            line_price_before_discounts_excl_tax=record.price * quantity,
                            unit_price_incl_tax=record.price,
                            unit_price_excl_tax=record.price,
                            num_allocated=quantity,
                            status="Complete",
                        )
                        for order, lines in zip(orders, lines_per_order, strict=True)
                        for record, quantity in lines
                    ]
                )
            placed += len(orders)
        return placed
