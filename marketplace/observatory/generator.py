"""Generated source data at scale for the observatory's benchmark: orders, searches, events.

    manage.py observatory_generate --orders 100000 --searches 1000000 --seed 7

A year of paid orders from buyers in about thirty countries (weighted as the sector's exports
are: the United States, France, Germany, the UK...), busier before the winter holidays, paid
in the buyer's currency, split per cooperative, with a few refunds; the product views, basket
additions and checkouts around them; searches with realistic repeats, misspellings and queries
that find nothing; baskets left behind. Everything is written with bulk_create in batches,
then rolled up. Rows are marked (order numbers GEN-, query texts as generated) and the
command refuses to run twice on the same database without --force.

Without a catalogue (fewer than 50 products for sale) it first makes one: the real crafts
(catalogue/crafts.py), a category per craft and per rug style, cooperatives (about a third
women-led) and products.
"""

import logging
import random
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.sites.models import Site
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from oscar.core.loading import get_model

from catalogue.crafts import CRAFTS, RUG_STYLES
from catalogue.money import money_round
from search.models import QueryLog

from .models import BasketOrigin, Device, Event
from .services import rollup_days

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
Category = get_model("catalogue", "Category")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")

MARKER = "GEN-"
BATCH = 2500

# (country, weight, currency, language): weights follow where Moroccan crafts sell (DOMAIN.md).
COUNTRIES = [
    ("US", 300, "USD", "en"),
    ("FR", 160, "EUR", "fr"),
    ("DE", 90, "EUR", "en"),
    ("GB", 90, "GBP", "en"),
    ("CA", 70, "CAD", "fr"),
    ("JP", 60, "JPY", "en"),
    ("AE", 50, "AED", "ar"),
    ("BE", 50, "EUR", "fr"),
    ("NL", 40, "EUR", "en"),
    ("ES", 40, "EUR", "en"),
    ("IT", 40, "EUR", "en"),
    ("CH", 20, "EUR", "fr"),
    ("SE", 20, "EUR", "en"),
    ("AU", 20, "USD", "en"),
    ("SA", 18, "USD", "ar"),
    ("QA", 10, "USD", "ar"),
    ("DK", 10, "EUR", "en"),
    ("NO", 9, "EUR", "en"),
    ("AT", 9, "EUR", "en"),
    ("IE", 8, "EUR", "en"),
    ("KR", 8, "USD", "en"),
    ("SG", 7, "USD", "en"),
    ("MX", 6, "USD", "en"),
    ("BR", 6, "USD", "en"),
    ("PT", 6, "EUR", "fr"),
    ("PL", 5, "EUR", "en"),
    ("NZ", 4, "USD", "en"),
    ("KW", 4, "USD", "ar"),
    ("MA", 15, "MAD", "fr"),
]
RATES = {"USD": "0.1000", "EUR": "0.0925", "GBP": "0.0790", "CAD": "0.1390", "JPY": "15.30", "AED": "0.3670"}
MONTH_WEIGHT = {1: 6, 2: 6, 3: 8, 4: 9, 5: 9, 6: 7, 7: 6, 8: 6, 9: 8, 10: 10, 11: 14, 12: 15}
DEVICES = [(Device.MOBILE, 55), (Device.DESKTOP, 35), (Device.TABLET, 10)]
QUALIFIERS = ["", "", "", "large", "small", "vintage", "blue", "red", "handmade", "natural", "wool", "runner"]
UNMET = [
    "kilim runner",
    "handira wedding blanket",
    "zellige fish scale green",
    "tadelakt sink",
    "hanbel runner 300",
    "tapis kilim couloir",
    "cactus silk throw",
    "سجاد أمازيغي",
    "berber pillow set",
    "moroccan wedding blanket",
]


@contextmanager
def own_timestamps(*fields):
    """Let bulk_create keep the past moments we set on auto_now/auto_now_add fields.

    Generated history needs dates in the past; these fields would overwrite them with now.
    """
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    try:
        for field in fields:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _weighted(rng: random.Random, rows: list, weights: list, k: int) -> list:
    return rng.choices(rows, weights=weights, k=k)


def _device(rng: random.Random) -> str:
    return rng.choices([device for device, _w in DEVICES], weights=[w for _d, w in DEVICES])[0]


def observatory_generate(
    *,
    orders: int,
    searches: int,
    seed: int = 7,
    views_per_order: int = 6,
    rollup: bool = True,
    progress: Callable[[str], None] = logger.info,
) -> dict:
    """Generate the data and roll it up; returns the counts written."""
    rng = random.Random(seed)
    now = timezone.now()
    records = _catalogue(rng=rng, progress=progress)
    craft_of = {
        r.product_id: (r.product.get_product_class().slug if r.product.get_product_class() else "")
        for r in records
    }
    cooperative_of = {r.product_id: r.partner.cooperative.pk for r in records}
    countries = {code: _country(code) for code, *_rest in COUNTRIES}
    day_weights = [MONTH_WEIGHT[(now - timedelta(days=d)).month] for d in range(365)]
    counts = {"orders": 0, "lines": 0, "events": 0, "searches": 0, "baskets_abandoned": 0, "refunds": 0}
    start = Order.objects.filter(number__startswith=MARKER).count()
    site = Site.objects.get_current()

    for offset in range(0, orders, BATCH):
        size = min(BATCH, orders - offset)
        made = _orders_batch(
            rng=rng,
            size=size,
            first_number=start + offset,
            records=records,
            countries=countries,
            day_weights=day_weights,
            now=now,
            site=site,
            cooperative_of=cooperative_of,
            views_per_order=views_per_order,
        )
        for key, value in made.items():
            counts[key] += value
        progress(f"  {offset + size}/{orders} orders, {counts['events']} events")
    counts["refunds"] = _refunds(rng=rng, now=now)
    counts["baskets_abandoned"] = _abandoned(rng=rng, count=max(orders // 20, 10), records=records, now=now)
    vocabulary = _vocabulary(rng)
    # Zipf-like popularity: a few queries are typed very often, most of them rarely.
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(vocabulary))]
    by_craft: dict[str, list[int]] = {}
    for product_id, craft in craft_of.items():
        by_craft.setdefault(craft, []).append(product_id)
    for offset in range(0, searches, BATCH * 4):
        size = min(BATCH * 4, searches - offset)
        counts["searches"] += _searches_batch(
            rng=rng,
            size=size,
            vocabulary=vocabulary,
            weights=weights,
            by_craft=by_craft,
            day_weights=day_weights,
            now=now,
        )
        progress(f"  {offset + size}/{searches} searches")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    if rollup:
        progress("Rolling up 12 months")
        report = rollup_days(
            start=timezone.localdate(now) - timedelta(days=366),
            end=timezone.localdate(now),
            days_per_transaction=31,
            now=now,
        )
        counts["rollup_rows"] = sum(report.rows.values())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    return counts


def _country(code: str):
    from checkout.destination import country_name

    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2=code,
        defaults={
            "name": country_name(code),
            "printable_name": country_name(code),
            "is_shipping_country": True,
        },
    )
    return country


def _catalogue(*, rng: random.Random, progress) -> list:
    records = list(
        StockRecord.objects.filter(
            partner__cooperative__status="verified", product__is_public=True, price__gt=0
        ).select_related("product__product_class", "product__parent__product_class", "partner__cooperative")
    )
    if len(records) >= 50:
        return records
    progress("No catalogue: making crafts, categories, 60 cooperatives and 1,200 products")
    from catalogue.services import product_classes_sync

    Cooperative = get_model("partner", "Cooperative")
    classes = product_classes_sync()
    with transaction.atomic():
        leaves = {}
        for craft in CRAFTS:
            root = Category.get_root_nodes().filter(slug=f"gen-{craft.code}").first() or Category.add_root(
                name=craft.name, slug=f"gen-{craft.code}"
            )
            leaves[craft.code] = [root]
            if craft.code == "rug":
                leaves["rug"] = [
                    root.get_children().filter(slug=f"gen-{slugify(style)}").first()
                    or root.add_child(name=style, slug=f"gen-{slugify(style)}")
                    for style in RUG_STYLES
                ]
        regions = [value for value, _label in Cooperative._meta.get_field("region").choices]
        partners = Partner.objects.bulk_create(
            [Partner(name=f"Generated cooperative {i}", code=f"gen-cooperative-{i}") for i in range(60)]
        )
        Cooperative.objects.bulk_create(
            [
                Cooperative(
                    partner=partner,
                    name=partner.name,
                    legal_name=f"{partner.name} SCA",
                    slug=partner.code,
                    region=rng.choice(regions),
                    city="Fès",
                    members_count=20,
                    women_members_count=16 if index % 3 == 0 else 4,
                    is_women_led=index % 3 == 0,
                    status=Cooperative.Status.VERIFIED,
                )
                for index, partner in enumerate(partners)
            ]
        )
        crafts = [craft.code for craft in CRAFTS if craft.code in classes]
        products = []
        for index in range(1200):
            craft = crafts[index % len(crafts)]
            title = f"{classes[craft].name} {index}"
            products.append(
                Product(
                    structure=Product.STANDALONE,
                    title=title,
                    slug=slugify(title),
                    upc=f"{MARKER}{index:06d}",
                    product_class=classes[craft],
                    is_public=True,
                )
            )
        products = Product.objects.bulk_create(products)
        StockRecord.objects.bulk_create(
            StockRecord(
                product=product,
                partner=partners[index % len(partners)],
                partner_sku=product.upc,
                price_currency="MAD",
                price=Decimal(rng.choice([180, 320, 450, 900, 1500, 2800, 4800, 9500])),
                num_in_stock=50,
            )
            for index, product in enumerate(products)
        )
        ProductCategory.objects.bulk_create(
            ProductCategory(product=product, category=rng.choice(leaves[product.product_class.slug]))
            for product in products
        )
    return _catalogue(rng=rng, progress=progress)


def _orders_batch(
    *, rng, size, first_number, records, countries, day_weights, now, site, cooperative_of, views_per_order
) -> dict:
    from checkout.ledger.models import VendorOrder
    from checkout.models import StripePayment

    picks = _weighted(rng, COUNTRIES, [c[1] for c in COUNTRIES], size)
    days = _weighted(rng, range(365), day_weights, size)
    plans = []
    for index in range(size):
        code, _weight, currency, language = picks[index]
        placed = now - timedelta(days=days[index], seconds=rng.randint(0, 86399))
        lines = [
            (record, 1 if rng.random() < 0.8 else rng.randint(2, 4))
            for record in rng.sample(records, k=rng.choice([1, 1, 1, 2, 2, 3]))
        ]
        status = "Paid" if rng.random() < 0.93 else rng.choice(["Cancelled", "Cancelled", "Pending payment"])
        plans.append((code, currency, language, placed, lines, status, _device(rng)))

    with transaction.atomic(), own_timestamps(Basket._meta.get_field("date_created")):
        addresses = ShippingAddress.objects.bulk_create(
            [
                ShippingAddress(
                    first_name="Generated",
                    last_name=f"Buyer {first_number + i}",
                    line1="1 Market Street",
                    line4="City",
                    postcode="00000",
                    country=countries[plan[0]],
                )
                for i, plan in enumerate(plans)
            ]
        )
        baskets = Basket.objects.bulk_create(
            [Basket(status=Basket.SUBMITTED, date_created=plan[3], date_submitted=plan[3]) for plan in plans]
        )
        BasketOrigin.objects.bulk_create(
            [
                BasketOrigin(basket=basket, country=plan[0], device=plan[6], updated_at=plan[3])
                for basket, plan in zip(baskets, plans, strict=True)
            ]
        )
        orders = []
        for i, (plan, address, basket) in enumerate(zip(plans, addresses, baskets, strict=True)):
            code, _currency, _language, placed, lines, status, _origin_device = plan
            goods = sum((record.price * quantity for record, quantity in lines), Decimal(0))
            shipping = Decimal(260 if code not in ("US", "CA", "JP", "AU") else 380) * len(
                {r.partner_id for r, _q in lines}
            )
            orders.append(
                Order(
                    number=f"{MARKER}{first_number + i:07d}",
                    site=site,
                    basket=basket,
                    currency="MAD",
                    total_incl_tax=goods + shipping,
                    total_excl_tax=goods + shipping,
                    shipping_incl_tax=shipping,
                    shipping_excl_tax=shipping,
                    shipping_address=address,
                    shipping_method="Cooperative parcels",
                    shipping_code="per-cooperative",
                    status=status,
                    guest_email=f"buyer{first_number + i}@generated.test",
                    date_placed=placed,
                )
            )
        orders = Order.objects.bulk_create(orders)
        order_lines, payments, vendor_orders, events = [], [], [], []
        for order, plan in zip(orders, plans, strict=True):
            code, currency, language, placed, lines, status, device = plan
            rate = Decimal(RATES.get(currency, "1"))
            visit = {"country": code, "device": device, "language": language}
            by_partner: dict[int, Decimal] = {}
            for record, quantity in lines:
                price = record.price * quantity
                by_partner[record.partner_id] = by_partner.get(record.partner_id, Decimal(0)) + price
                order_lines.append(
                    OrderLine(
                        order=order,
                        partner_id=record.partner_id,
                        partner_name=record.partner.name,
                        partner_sku=record.partner_sku,
                        stockrecord=record,
                        product_id=record.product_id,
                        title=record.product.title,
                        upc=record.product.upc,
                        quantity=quantity,
                        line_price_incl_tax=price,
                        line_price_excl_tax=price,
                        line_price_before_discounts_incl_tax=price,
                        line_price_before_discounts_excl_tax=price,
                        unit_price_incl_tax=record.price,
                        unit_price_excl_tax=record.price,
                        num_allocated=0,
                        status=status,
                    )
                )
                coop = cooperative_of.get(record.product_id)
                for _view in range(rng.randint(1, views_per_order * 2 - 1)):
                    at = placed - timedelta(minutes=rng.randint(5, 4000))
                    events.append(
                        Event(
                            kind="view",
                            occurred_at=at,
                            product_id=record.product_id,
                            cooperative_id=coop,
                            **visit,
                        )
                    )
                events.append(
                    Event(
                        kind="basket",
                        occurred_at=placed - timedelta(minutes=4),
                        product_id=record.product_id,
                        cooperative_id=coop,
                        quantity=quantity,
                        **visit,
                    )
                )
                events.append(
                    Event(
                        kind="checkout",
                        occurred_at=placed - timedelta(minutes=2),
                        product_id=record.product_id,
                        cooperative_id=coop,
                        quantity=quantity,
                        **visit,
                    )
                )
            events.append(Event(kind="checkout", occurred_at=placed - timedelta(minutes=2), **visit))
            events.append(Event(kind="placed", occurred_at=placed, **visit))
            amount = (
                order.total_incl_tax
                if currency == "MAD"
                else money_round(order.total_incl_tax * rate, currency)
            )
            payments.append(
                StripePayment(
                    order=order,
                    currency=currency,
                    amount=amount,
                    amount_minor=int(amount.scaleb(0 if currency == "JPY" else 2)),
                    exchange_rate=rate,
                    language=language,
                    status="succeeded" if status == "Paid" else "canceled",
                )
            )
            if status != "Paid":
                continue
            for partner_id, subtotal in by_partner.items():
                commission = money_round(subtotal * Decimal("0.12"), "MAD")
                vendor_orders.append(
                    VendorOrder(
                        number=f"{order.number}-{partner_id}",
                        order=order,
                        partner_id=partner_id,
                        subtotal=subtotal,
                        commission_rate=Decimal("0.120"),
                        commission=commission,
                        net=subtotal - commission,
                        shipping_charge=order.shipping_incl_tax / len(by_partner),
                        status=VendorOrder.Status.DELIVERED
                        if placed < now - timedelta(days=20)
                        else VendorOrder.Status.ACCEPTED,
                        created_at=placed,
                    )
                )
        OrderLine.objects.bulk_create(order_lines, batch_size=BATCH)
        StripePayment.objects.bulk_create(payments, batch_size=BATCH)
        VendorOrder.objects.bulk_create(vendor_orders, batch_size=BATCH)
        Event.objects.bulk_create(events, batch_size=5000)
    return {"orders": len(orders), "lines": len(order_lines), "events": len(events)}


def _refunds(*, rng: random.Random, now: datetime) -> int:
    """About 2% of vendor orders refunded, in part or in full, days after the sale."""
    from checkout.ledger.models import Refund, VendorOrder

    candidates = list(
        VendorOrder.objects.filter(order__number__startswith=MARKER, refunds__isnull=True)
        .select_related("order__stripe_payment")
        .order_by("pk")
        .values_list(
            "pk",
            "subtotal",
            "shipping_charge",
            "created_at",
            "order__stripe_payment__currency",
            "order__stripe_payment__exchange_rate",
        )
    )
    chosen = [row for row in candidates if rng.random() < 0.02]
    refunds = []
    for pk, subtotal, shipping, created_at, currency, rate in chosen:
        amount = (
            (subtotal + shipping) if rng.random() < 0.4 else money_round((subtotal + shipping) / 4, "MAD")
        )
        currency = currency or "MAD"
        refunds.append(
            Refund(
                vendor_order_id=pk,
                sequence=1,
                amount=amount,
                charge_currency=currency,
                charge_amount=amount if currency == "MAD" else money_round(amount * (rate or 1), currency),
                idempotency_key=f"gen-refund-{pk}",
                reason="Generated refund",
                created_at=min(created_at + timedelta(days=rng.randint(3, 30)), now),
            )
        )
    with transaction.atomic(), own_timestamps(Refund._meta.get_field("created_at")):
        Refund.objects.bulk_create(refunds, batch_size=BATCH)
    return len(refunds)


def _abandoned(*, rng: random.Random, count: int, records: list, now: datetime) -> int:
    """Open baskets with a line or two, untouched since a day of the past year."""
    fields = (
        Basket._meta.get_field("date_created"),
        BasketLine._meta.get_field("date_created"),
        BasketLine._meta.get_field("date_updated"),
    )
    moments = [now - timedelta(days=rng.triangular(1.5, 365, 20)) for _ in range(count)]
    with transaction.atomic(), own_timestamps(*fields):
        baskets = Basket.objects.bulk_create(
            [Basket(status=Basket.OPEN, date_created=at) for at in moments], batch_size=BATCH
        )
        weights = [c[1] for c in COUNTRIES]
        BasketOrigin.objects.bulk_create(
            [
                BasketOrigin(
                    basket=basket,
                    country=_weighted(rng, COUNTRIES, weights, 1)[0][0],
                    device=_device(rng),
                    updated_at=at,
                )
                for basket, at in zip(baskets, moments, strict=True)
            ],
            batch_size=BATCH,
        )
        lines = []
        for basket, at in zip(baskets, moments, strict=True):
            for index, record in enumerate(rng.sample(records, k=rng.choice([1, 1, 2]))):
                lines.append(
                    BasketLine(
                        basket=basket,
                        line_reference=f"{record.product_id}_{record.pk}_{index}",
                        product_id=record.product_id,
                        stockrecord=record,
                        quantity=1,
                        price_currency="MAD",
                        price_excl_tax=record.price,
                        price_incl_tax=record.price,
                        date_created=at,
                        date_updated=at,
                    )
                )
        BasketLine.objects.bulk_create(lines, batch_size=BATCH)
    return count


def _vocabulary(rng: random.Random) -> list[tuple[str, str, int]]:
    """(query, craft, results) with a long tail: base words, qualified ones, misspellings, unmet needs."""
    from marketplace.demo.observatory import CRAFT_QUERIES

    queries = []
    for craft, words in CRAFT_QUERIES.items():
        for word in words:
            for qualifier in QUALIFIERS:
                text = f"{qualifier} {word}".strip()
                queries.append(
                    (text, craft, rng.choice([4, 12, 25, 40, 80]) if not qualifier else rng.randint(0, 30))
                )
            typo = word[:-2] + word[-1] + word[-2] if len(word) > 4 else word
            queries.append((typo, craft, rng.choice([0, 0, 2, 3])))
    queries += [(text, "", 0) for text in UNMET]
    return queries


def _searches_batch(*, rng, size, vocabulary, weights, by_craft, day_weights, now) -> int:
    picks = _weighted(rng, vocabulary, weights, size)
    where = _weighted(rng, COUNTRIES, [c[1] for c in COUNTRIES], size)
    days = _weighted(rng, range(365), day_weights, size)
    logs = []
    for (text, craft, results), country, day in zip(picks, where, days, strict=True):
        at = now - timedelta(days=day, seconds=rng.randint(0, 86399))
        products = by_craft.get(craft) or []
        clicked = rng.choice(products) if results and products and rng.random() < 0.35 else None
        logs.append(
            QueryLog(
                text=text,
                language=country[3],
                country=country[0],
                results=results,
                clicked_product_id=clicked,
                clicked_at=at + timedelta(seconds=15) if clicked else None,
                created_at=at,
            )
        )
    with transaction.atomic(), own_timestamps(QueryLog._meta.get_field("created_at")):
        QueryLog.objects.bulk_create(logs, batch_size=5000)
    return len(logs)
