"""Demo behaviour for the export observatory, consistent with the demo year of orders.

For each demo order: the product views, basket additions and checkout that led to it, from
the buyer's country on a phone, tablet or computer, and the searches that found its products.
Around them: browsing that bought nothing (some products are much looked at and little bought),
searches that found nothing ("kilim runner"), and baskets left behind. Then the roll-ups, so
the observatory's charts are full on a fresh `make run`.

Idempotent: the demo orders get a (submitted) basket the first time; a second run sees it and
adds nothing.
"""

import logging
import random
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.observatory.generator import own_timestamps as _own_timestamps
from marketplace.observatory.models import BasketOrigin, Device, Event
from marketplace.observatory.services import rollup_days
from search.models import QueryLog

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
StockRecord = get_model("partner", "StockRecord")

SEED = 909
DEVICES = [(Device.MOBILE, 55), (Device.DESKTOP, 35), (Device.TABLET, 10)]
LANGUAGE_BY_COUNTRY = {"FR": "fr", "BE": "fr", "CH": "fr", "AE": "ar", "MA": "ar", "SA": "ar", "QA": "ar"}
# Browsing from countries with no order yet: demand the observatory should surface.
BROWSERS = [("SA", 5), ("KR", 4), ("MX", 3), ("BR", 3), ("QA", 3), ("MA", 6), ("SG", 2), ("DK", 2)]
# Words buyers type for each craft (DOMAIN.md, section 3), in English, French and Arabic.
CRAFT_QUERIES = {
    "rug": [
        "beni ourain rug",
        "moroccan rug",
        "tapis berbere",
        "azilal rug",
        "boucherouite",
        "kilim",
        "زربية",
    ],
    "zellige": ["zellige", "zellige tiles", "zellij", "mosaic tile", "zellige vert"],
    "pottery": ["tagine", "tajine", "safi pottery", "ceramic plate", "fes blue bowl"],
    "leather": ["babouche", "pouf", "leather pouf", "babouches femme", "leather bag"],
    "metal": ["lantern", "brass tray", "fanous", "moroccan lamp"],
    "jewellery": ["tiznit silver", "berber necklace", "silver bracelet", "amazigh jewellery"],
    "woodwork": ["thuya box", "cedar box", "wooden bowl"],
    "textile": ["caftan", "djellaba", "sabra cushion", "cushion cover"],
    "basketry": ["basket", "doum basket", "panier"],
}
# What buyers looked for and did not find (zero results), and what found very little.
UNMET = [
    ("kilim runner", ["US", "GB", "DE"], 9),
    ("handira wedding blanket", ["US", "FR", "AU"], 7),
    ("zellige fish scale green", ["FR", "BE", "US"], 6),
    ("tadelakt sink", ["DE", "NL", "GB"], 5),
    ("hanbel runner 300", ["US", "CA"], 4),
    ("tapis kilim couloir", ["FR", "BE"], 4),
    ("cactus silk throw", ["US", "JP"], 3),
    ("سجاد أمازيغي", ["AE", "SA", "QA"], 3),
]
LOW = [
    ("moroccan wedding blanket", 5),
    ("zellige hexagon white", 4),
    ("leather ottoman", 3),
    ("azilal runner", 3),
]


def _pick(rng: random.Random, weighted: list[tuple]) -> object:
    return rng.choices([value for value, _w in weighted], weights=[w for _v, w in weighted])[0]


def observatory_demo_load(*, progress: Callable[[str], None] = logger.info) -> int:
    """Add the demo's events, searches and abandoned baskets once, then roll up; returns events added."""
    orders = list(
        Order.objects.filter(number__startswith="DEMO-")
        .select_related("shipping_address")
        .prefetch_related("lines")
        .order_by("number")
    )
    if not orders or any(order.basket_id for order in orders):
        return 0
    records = list(
        StockRecord.objects.filter(
            partner__cooperative__status="verified", product__is_public=True, price__gt=0
        ).select_related("product__product_class", "product__parent__product_class")
    )
    if not records:
        return 0
    rng = random.Random(SEED)
    now = timezone.now()
    cooperative_of = {record.product_id: record.partner.cooperative.pk for record in records}
    craft_of = dict(
        get_model("catalogue", "Product")
        .objects.filter(pk__in=cooperative_of)
        .annotate(craft=Coalesce("product_class__slug", "parent__product_class__slug"))
        .values_list("pk", "craft")
    )
    # A few products draw many looks and few sales: the "viewed, rarely bought" table.
    eye_catchers = rng.sample(records, k=min(6, len(records)))

    with transaction.atomic():
        events: list[Event] = []
        logs: list[tuple[QueryLog, object]] = []
        baskets = Basket.objects.bulk_create(
            [Basket(status=Basket.SUBMITTED, date_submitted=order.date_placed) for order in orders]
        )
        origins = []
        for order, basket in zip(orders, baskets, strict=True):
            country = order.shipping_address.country_id if order.shipping_address else "US"
            device = _pick(rng, DEVICES)
            language = LANGUAGE_BY_COUNTRY.get(country, "en")
            order.basket = basket
            origins.append(
                BasketOrigin(basket=basket, country=country, device=device, updated_at=order.date_placed)
            )
            visit = {"country": country, "device": device, "language": language}
            for line in order.lines.all():
                product_id, coop = line.product_id, cooperative_of.get(line.product_id)
                for _view in range(rng.randint(3, 9)):
                    at = order.date_placed - timedelta(hours=rng.uniform(0.2, 70))
                    events.append(_event(Event.Kind.VIEW, at, visit, product_id, coop))
                events.append(
                    _event(
                        Event.Kind.BASKET,
                        order.date_placed - timedelta(minutes=rng.randint(5, 90)),
                        visit,
                        product_id,
                        coop,
                        line.quantity,
                    )
                )
                events.append(
                    _event(
                        Event.Kind.CHECKOUT,
                        order.date_placed - timedelta(minutes=rng.randint(1, 4)),
                        visit,
                        product_id,
                        coop,
                        line.quantity,
                    )
                )
                craft = craft_of.get(product_id, "")
                if craft in CRAFT_QUERIES and rng.random() < 0.8:
                    at = order.date_placed - timedelta(hours=rng.uniform(0.5, 72))
                    logs.append(
                        (
                            _log(
                                rng.choice(CRAFT_QUERIES[craft]),
                                language,
                                country,
                                rng.randint(6, 40),
                                at,
                                product_id,
                            ),
                            at,
                        )
                    )
            events.append(_event(Event.Kind.CHECKOUT, order.date_placed - timedelta(minutes=3), visit))
            events.append(_event(Event.Kind.PLACED, order.date_placed, visit))
            # Some buyers came back to the checkout and left before paying; a few placed an order
            # they never paid (cancelled after an hour), days before the one they paid.
            if rng.random() < 0.35:
                before = order.date_placed - timedelta(days=rng.randint(1, 5))
                events.append(_event(Event.Kind.CHECKOUT, before, visit))
                if rng.random() < 0.3:
                    events.append(_event(Event.Kind.PLACED, before + timedelta(minutes=4), visit))
        BasketOrigin.objects.bulk_create(origins)
        Order.objects.bulk_update(orders, ["basket"], batch_size=500)

        # Browsing that bought nothing: every buyer country, the browsers above, more on eye-catchers.
        countries = [(o.shipping_address.country_id, 1) for o in orders if o.shipping_address] + BROWSERS * 8
        for _visit in range(len(orders) * 14):
            record = rng.choice(eye_catchers) if rng.random() < 0.22 else rng.choice(records)
            country = _pick(rng, countries)
            visit = {
                "country": country,
                "device": _pick(rng, DEVICES),
                "language": LANGUAGE_BY_COUNTRY.get(country, "en"),
            }
            at = now - timedelta(days=rng.triangular(0, 365, 60), hours=rng.uniform(0, 23))
            product_id = record.product_id
            coop = cooperative_of.get(product_id)
            events.append(_event(Event.Kind.VIEW, at, visit, product_id, coop))
            if rng.random() < 0.07:
                events.append(_event(Event.Kind.BASKET, at + timedelta(minutes=3), visit, product_id, coop))
                if rng.random() < 0.3:
                    events.append(
                        _event(Event.Kind.CHECKOUT, at + timedelta(minutes=9), visit, product_id, coop)
                    )
                    events.append(_event(Event.Kind.CHECKOUT, at + timedelta(minutes=9), visit))
            if rng.random() < 0.25:
                craft = craft_of.get(product_id, "")
                if craft in CRAFT_QUERIES:
                    text = rng.choice(CRAFT_QUERIES[craft])
                    clicked = product_id if rng.random() < 0.45 else None
                    logs.append((_log(text, visit["language"], country, rng.randint(5, 40), at, clicked), at))

        for text, where, weight in UNMET:
            for _search in range(weight * 3):
                country = rng.choice(where)
                at = now - timedelta(days=rng.triangular(0, 365, 20), hours=rng.uniform(0, 23))
                logs.append((_log(text, LANGUAGE_BY_COUNTRY.get(country, "en"), country, 0, at, None), at))
        for text, weight in LOW:
            for _search in range(weight * 3):
                country = _pick(rng, countries)
                at = now - timedelta(days=rng.triangular(0, 365, 30))
                logs.append((_log(text, "en", country, rng.randint(1, 3), at, None), at))

        Event.objects.bulk_create(events, batch_size=2000)
        with _own_timestamps(QueryLog._meta.get_field("created_at")):
            QueryLog.objects.bulk_create([log for log, _at in logs], batch_size=2000)
        abandoned = _abandoned_baskets(rng=rng, records=records, countries=countries, now=now)
    progress(
        f"Observatory: {len(events)} events, {len(logs)} searches, {abandoned} abandoned baskets; rolling up"
    )
    first = min(order.date_placed for order in orders)
    rollup_days(
        start=timezone.localdate(first) - timedelta(days=3),
        end=timezone.localdate(now),
        days_per_transaction=400,
    )
    return len(events)


def _event(kind, at, visit: dict, product_id=None, cooperative_id=None, quantity: int = 1) -> Event:
    return Event(
        kind=kind,
        occurred_at=at,
        product_id=product_id,
        cooperative_id=cooperative_id,
        quantity=quantity,
        **visit,
    )


def _log(text: str, language: str, country: str, results: int, at, clicked_product_id) -> QueryLog:
    return QueryLog(
        text=text,
        language=language,
        country=country,
        results=results,
        clicked_product_id=clicked_product_id,
        clicked_at=at + timedelta(seconds=20) if clicked_product_id else None,
        created_at=at,
    )


def _abandoned_baskets(*, rng, records, countries, now) -> int:
    """Open baskets with lines nobody came back to, spread over the year."""
    moments = [now - timedelta(days=rng.triangular(2, 365, 30), hours=rng.uniform(0, 23)) for _ in range(36)]
    fields = (
        Basket._meta.get_field("date_created"),
        BasketLine._meta.get_field("date_created"),
        BasketLine._meta.get_field("date_updated"),
    )
    with _own_timestamps(*fields):
        baskets = Basket.objects.bulk_create([Basket(status=Basket.OPEN, date_created=at) for at in moments])
        origins, lines = [], []
        for basket, at in zip(baskets, moments, strict=True):
            origins.append(
                BasketOrigin(
                    basket=basket, country=_pick(rng, countries), device=_pick(rng, DEVICES), updated_at=at
                )
            )
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
        BasketOrigin.objects.bulk_create(origins)
        BasketLine.objects.bulk_create(lines)
    return len(baskets)
