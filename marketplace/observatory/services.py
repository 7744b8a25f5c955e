"""Writes of the export observatory: recording behaviour events and rebuilding the daily roll-ups.

Recording is called by the signal receivers (receivers.py) while a buyer's page is being
served; it stores no personal data and the receivers swallow its failures, so a broken
analytics table never breaks a page. `rollup_days` rebuilds the aggregates the dashboard
reads, one day per transaction, and can run again over the same days with the same result.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import get_language
from oscar.core.loading import get_model

from catalogue.money import BASE_CURRENCY, money_round
from search.models import QueryLog
from search.services import buyer_country

from .devices import device_from_user_agent, user_agent_is_bot
from .models import (
    AbandonedBasketDaily,
    BasketOrigin,
    CooperativeOrderDaily,
    Event,
    FunnelDaily,
    OrderDaily,
    ProductActivityDaily,
    RollupRun,
    SalesDaily,
    SearchClickDaily,
    SearchDaily,
    SearchMonthly,
)

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def paid_statuses() -> tuple[str, ...]:
    """The "Paid" status and every Oscar status an order can reach from it (refunded, complete)."""
    pipeline = settings.OSCAR_ORDER_STATUS_PIPELINE
    seen, todo = set(), ["Paid"]
    while todo:
        status = todo.pop()
        if status not in seen:
            seen.add(status)
            todo.extend(pipeline.get(status, ()))
    return tuple(sorted(seen - {"Cancelled"}))


# --- Recording ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Visitor:
    """What the observatory keeps of a request: where from, on what, in which language."""

    country: str
    device: str
    language: str


def visitor_from_request(request) -> Visitor | None:
    """The request's country, device and language; None for robots (nothing is recorded)."""
    user_agent = request.headers.get("User-Agent", "")
    if user_agent_is_bot(user_agent):
        return None
    language = getattr(request, "LANGUAGE_CODE", "") or get_language() or ""
    return Visitor(
        country=buyer_country(request),
        device=device_from_user_agent(user_agent),
        language=language[:8],
    )


def product_cooperative_id(*, product) -> int | None:
    """The pk of the cooperative selling `product`, from prefetched stock records when there are."""
    if "cooperative" in product.__dict__ or _stockrecords_prefetched(product):
        cooperative = product.cooperative
        return cooperative.pk if cooperative is not None else None
    return (
        StockRecord.objects.filter(product=product, partner__cooperative__isnull=False)
        .values_list("partner__cooperative__id", flat=True)
        .first()
    )


def _stockrecords_prefetched(product) -> bool:
    return "stockrecords" in getattr(product, "_prefetched_objects_cache", {})


@transaction.atomic
def event_record(
    *, kind: str, visitor: Visitor, product=None, cooperative_id=None, quantity: int = 1, at=None
) -> Event:
    """Store one event. Atomic, so a failure inside a request's transaction is only a savepoint."""
    return _event_create(
        kind=kind, visitor=visitor, product=product, cooperative_id=cooperative_id, quantity=quantity, at=at
    )


def _event_create(
    *, kind: str, visitor: Visitor, product=None, cooperative_id=None, quantity: int = 1, at=None
) -> Event:
    if product is not None and cooperative_id is None:
        cooperative_id = product_cooperative_id(product=product)
    return Event.objects.create(
        kind=kind,
        occurred_at=at or timezone.now(),
        country=visitor.country,
        device=visitor.device,
        language=visitor.language,
        product_id=getattr(product, "pk", None),
        cooperative_id=cooperative_id,
        quantity=max(int(quantity or 1), 1),
    )


def basket_origin_record(*, basket, visitor: Visitor) -> None:
    """Remember the basket's latest country and device (for abandoned baskets and paid orders).

    One statement (insert, or update the basket's row): atomic by itself; its callers hold the
    savepoint that keeps a failure from breaking the request's transaction.
    """
    if basket is None or basket.pk is None:
        return
    BasketOrigin.objects.bulk_create(
        [
            BasketOrigin(
                basket_id=basket.pk,
                country=visitor.country,
                device=visitor.device,
                updated_at=timezone.now(),
            )
        ],
        update_conflicts=True,
        unique_fields=["basket"],
        update_fields=["country", "device", "updated_at"],
    )


def product_view_record(*, request, product) -> Event | None:
    visitor = visitor_from_request(request)
    if visitor is None:
        return None
    return event_record(kind=Event.Kind.VIEW, visitor=visitor, product=product)


def basket_addition_record(*, request, product) -> Event | None:
    """The basket's origin and the addition's event, under one savepoint. The product's
    cooperative comes from its prefetched stock records when the view loaded them."""
    visitor = visitor_from_request(request)
    if visitor is None:
        return None
    try:
        quantity = int(request.POST.get("quantity", 1))
    except (TypeError, ValueError):
        quantity = 1
    with transaction.atomic():
        basket_origin_record(basket=getattr(request, "basket", None), visitor=visitor)
        return _event_create(kind=Event.Kind.BASKET, visitor=visitor, product=product, quantity=quantity)


@transaction.atomic
def checkout_start_record(*, request) -> Event | None:
    """One event for the checkout (the funnel's step) and one per product in the basket."""
    visitor = visitor_from_request(request)
    if visitor is None:
        return None
    basket = getattr(request, "basket", None)
    basket_origin_record(basket=basket, visitor=visitor)
    now = timezone.now()
    events = [Event(kind=Event.Kind.CHECKOUT, occurred_at=now, **_visitor_fields(visitor))]
    if basket is not None and basket.pk is not None:
        lines = (
            BasketLine.objects.filter(basket_id=basket.pk)
            .values("product_id")
            .annotate(quantity=Sum("quantity"))
            .order_by("product_id")
        )
        cooperatives = _cooperatives_of([line["product_id"] for line in lines])
        events += [
            Event(
                kind=Event.Kind.CHECKOUT,
                occurred_at=now,
                product_id=line["product_id"],
                cooperative_id=cooperatives.get(line["product_id"]),
                quantity=line["quantity"] or 1,
                **_visitor_fields(visitor),
            )
            for line in lines
        ]
    Event.objects.bulk_create(events)
    return events[0]


@transaction.atomic
def order_placed_record(*, order) -> Event | None:
    """The order's placement, from the country and device its basket was filled on.

    Oscar sends `order_placed` without the request: the basket's origin stands in for it, and
    an order whose basket has none (placed by staff or a script) is not a buyer event.
    """
    origin = BasketOrigin.objects.filter(basket_id=order.basket_id).first() if order.basket_id else None
    if origin is None:
        return None
    visitor = Visitor(country=origin.country, device=origin.device, language=(get_language() or "")[:8])
    return _event_create(kind=Event.Kind.PLACED, visitor=visitor, at=order.date_placed)


def _visitor_fields(visitor: Visitor) -> dict:
    return {"country": visitor.country, "device": visitor.device, "language": visitor.language}


def _cooperatives_of(product_ids) -> dict[int, int]:
    """{product pk: cooperative pk} for these products, in one query."""
    rows = (
        StockRecord.objects.filter(product_id__in=set(product_ids), partner__cooperative__isnull=False)
        .values_list("product_id", "partner__cooperative__id")
        .order_by("product_id", "pk")
    )
    found: dict[int, int] = {}
    for product_id, cooperative_id in rows:
        found.setdefault(product_id, cooperative_id)
    return found


# --- Roll-ups -------------------------------------------------------------------------------


@dataclass
class RollupReport:
    days: int = 0
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    events_pruned: int = 0


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The [start, end) datetimes of a local day (settings.TIME_ZONE)."""
    tz = timezone.get_default_timezone()
    return (
        datetime.combine(day, time.min, tzinfo=tz),
        datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz),
    )


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def _trunc_day(field_name: str) -> TruncDate:
    return TruncDate(field_name, tzinfo=timezone.get_default_timezone())


def rollup_days(
    *, start: date, end: date, now: datetime | None = None, prune: bool = True, days_per_transaction: int = 1
) -> RollupReport:
    """Rebuild every roll-up for each day from `start` to `end` (both included); idempotent.

    Days are deleted and recomputed `days_per_transaction` at a time (one by default), each
    batch in one transaction: a reader sees a day either as it was or as it is now, and a
    failure leaves the batches before it done. A backfill (the demo, the generator) passes a
    month or more per transaction, which is much faster. Then rebuilds the months of
    `SearchMonthly` these days fall in (one transaction per month) and prunes events past
    retention.
    """
    if end < start:
        start, end = end, start
    now = now or timezone.now()
    report = RollupReport()
    started = timezone.now()
    first = start
    while first <= end:
        last = min(first + timedelta(days=max(days_per_transaction, 1) - 1), end)
        for name, count in rollup_range(first=first, last=last, now=now).items():
            report.rows[name] += count
        report.days += (last - first).days + 1
        first = last + timedelta(days=1)
    report.rows["search_months"] = search_months_rebuild(first=start, last=end)
    if prune:
        report.events_pruned = events_prune(now=now)
    RollupRun.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        first_day=start,
        last_day=end,
        events_pruned=report.events_pruned,
    )
    return report


ROLLUP_NAMES = (
    ("sales", SalesDaily),
    ("orders", OrderDaily),
    ("cooperative_orders", CooperativeOrderDaily),
    ("activity", ProductActivityDaily),
    ("funnel", FunnelDaily),
    ("searches", SearchDaily),
    ("clicks", SearchClickDaily),
    ("abandoned", AbandonedBasketDaily),
)


@transaction.atomic
def rollup_range(*, first: date, last: date, now: datetime | None = None) -> dict[str, int]:
    """Delete and recompute the days `first`..`last` of every roll-up; returns rows written per model."""
    now = now or timezone.now()
    start, end = day_bounds(first)[0], day_bounds(last)[1]
    for _name, model in ROLLUP_NAMES:
        model.objects.filter(day__gte=first, day__lte=last).delete()
    sales = _sales_rows(start=start, end=end)
    rows = {
        "sales": sales["sales"],
        "orders": sales["orders"],
        "cooperative_orders": sales["cooperative_orders"],
        "activity": _activity_rows(start=start, end=end, paid_lines=sales["paid_lines"]),
        "funnel": _funnel_rows(start=start, end=end, paid_lines=sales["paid_lines"]),
        "searches": _search_rows(start=start, end=end),
        "clicks": _search_click_rows(start=start, end=end),
        "abandoned": _abandoned_rows(start=start, end=end, now=now),
    }
    written = {}
    for name, model in ROLLUP_NAMES:
        model.objects.bulk_create(rows[name], batch_size=2000)
        written[name] = len(rows[name])
    return written


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def search_months_rebuild(*, first: date, last: date) -> int:
    """Recompute `SearchMonthly` for every month from `first`'s to `last`'s from `SearchDaily`,
    one transaction per month; returns the rows written."""
    written = 0
    month = _month_start(first)
    while month <= last:
        written += _search_month_rebuild(month=month)
        month = _next_month(month)
    return written


@transaction.atomic
def _search_month_rebuild(*, month: date) -> int:
    SearchMonthly.objects.filter(month=month).delete()
    rows = (
        SearchDaily.objects.filter(day__gte=month, day__lt=_next_month(month))
        .values("text", "language", "country")
        .annotate(
            total_searches=Sum("searches"),
            total_zero=Sum("zero_results"),
            total_low=Sum("low_results"),
            total_clicks=Sum("clicks"),
        )
        .order_by()
    )
    created = SearchMonthly.objects.bulk_create(
        (
            SearchMonthly(
                month=month,
                text=row["text"],
                language=row["language"],
                country=row["country"],
                searches=row["total_searches"],
                zero_results=row["total_zero"],
                low_results=row["total_low"],
                clicks=row["total_clicks"],
            )
            for row in rows
        ),
        batch_size=2000,
    )
    return len(created)


def rollup_day(*, day: date, now: datetime | None = None) -> dict[str, int]:
    """Delete and recompute one day of every roll-up."""
    return rollup_range(first=day, last=day, now=now)


def _product_facts(product_ids: set[int]) -> dict[int, tuple[str, str]]:
    """{product pk: (craft slug, style)}: the product class and the deepest category.

    Variants take both from their parent. Two queries for a whole batch of sales.
    """
    Product = get_model("catalogue", "Product")
    parent_of, craft = {}, {}
    for chunk in _chunks(sorted(product_ids)):
        for pk, parent_id, slug, parent_slug in Product.objects.filter(pk__in=chunk).values_list(
            "pk", "parent_id", "product_class__slug", "parent__product_class__slug"
        ):
            parent_of[pk] = parent_id or pk
            craft[pk] = slug or parent_slug or ""
    deepest: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(sorted(set(parent_of.values()))):
        for product_id, depth, slug in ProductCategory.objects.filter(product_id__in=chunk).values_list(
            "product_id", "category__depth", "category__slug"
        ):
            if product_id not in deepest or depth > deepest[product_id][0]:
                deepest[product_id] = (depth, slug)
    return {pk: (craft[pk], deepest.get(parent_of[pk], (0, ""))[1]) for pk in parent_of}


def _chunks(values: list, size: int = 900):
    """Slices small enough for SQLite's limit on query parameters."""
    for index in range(0, len(values), size):
        yield values[index : index + size]


def _share(amount: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split `amount` in proportion to `weights`, to the centime, the last part taking the rest."""
    total = sum(weights, ZERO)
    if not weights:
        return []
    if total <= 0:
        weights, total = [Decimal(1)] * len(weights), Decimal(len(weights))
    parts = [(amount * weight / total).quantize(CENT) for weight in weights[:-1]]
    return [*parts, amount - sum(parts, ZERO)]


def _sales_rows(*, start: datetime, end: datetime) -> dict:
    """SalesDaily, OrderDaily and CooperativeOrderDaily rows of [start, end), and the paid lines."""
    lines = list(
        OrderLine.objects.filter(
            order__date_placed__gte=start, order__date_placed__lt=end, order__status__in=paid_statuses()
        )
        .values(
            "pk",
            "order_id",
            "order__date_placed",
            "order__basket_id",
            "order__currency",
            "order__shipping_incl_tax",
            "order__shipping_address__country_id",
            "order__stripe_payment__currency",
            "order__stripe_payment__exchange_rate",
            "product_id",
            "partner_id",
            "partner__cooperative__id",
            "partner__cooperative__is_women_led",
            "quantity",
            "line_price_incl_tax",
        )
        .order_by("order_id", "pk")
    )
    for line in lines:
        line["day"] = _local_day(line["order__date_placed"])
    refunds = _refund_parts(start=start, end=end)
    product_ids = {line["product_id"] for line in lines if line["product_id"]}
    product_ids |= {part["product_id"] for part in refunds if part["product_id"]}
    facts = _product_facts(product_ids)
    shipping = _vendor_shipping({line["order_id"] for line in lines})

    sales: dict[tuple, dict] = defaultdict(_money_bucket)
    orders: dict[tuple, dict] = defaultdict(_money_bucket)
    cooperative_orders: dict[tuple, dict] = defaultdict(_money_bucket)
    for line in lines:
        day = line["day"]
        currency, rate = _charge(line)
        country = line["order__shipping_address__country_id"] or ""
        price = line["line_price_incl_tax"] or ZERO
        in_currency = price if currency == BASE_CURRENCY else money_round(price * rate, currency)
        craft, style = facts.get(line["product_id"], ("", ""))
        coop = line["partner__cooperative__id"]
        women_led = bool(line["partner__cooperative__is_women_led"])
        keys = [
            (sales, (day, country, coop, line["product_id"], craft, style, women_led, currency)),
            (orders, (day, country, currency)),
        ]
        if coop is not None:
            keys.append((cooperative_orders, (day, coop, country, currency, women_led)))
        for bucket, key in keys:
            row = bucket[key]
            row["orders"].add(line["order_id"])
            row["units"] += line["quantity"]
            row["revenue_mad"] += price
            row["revenue_currency"] += in_currency
        orders[(day, country, currency)]["shipping"][line["order_id"]] = (
            line["order__shipping_incl_tax"] or ZERO
        )
        if coop is not None:
            cooperative_orders[(day, coop, country, currency, women_led)]["shipping"][line["order_id"]] = (
                shipping.get((line["order_id"], line["partner_id"]), ZERO)
            )
    for part in refunds:
        craft, style = facts.get(part["product_id"], ("", ""))
        day, country, coop, currency = part["day"], part["country"], part["coop"], part["currency"]
        keys = [
            (sales, (day, country, coop, part["product_id"], craft, style, part["women_led"], currency)),
            (orders, (day, country, currency)),
        ]
        if coop is not None:
            keys.append((cooperative_orders, (day, coop, country, currency, part["women_led"])))
        for bucket, key in keys:
            bucket[key]["refunds_mad"] += part["mad"]
            bucket[key]["refunds_currency"] += part["in_currency"]

    def money(row):
        return {
            "orders": len(row["orders"]),
            "units": row["units"],
            "revenue_mad": row["revenue_mad"],
            "revenue_currency": row["revenue_currency"],
            "refunds_mad": row["refunds_mad"],
        }

    return {
        "sales": [
            SalesDaily(
                day=day,
                country=country,
                cooperative_id=coop,
                product_id=product_id,
                craft=craft,
                category=style,
                women_led=women_led,
                currency=currency,
                refunds_currency=row["refunds_currency"],
                **money(row),
            )
            for (day, country, coop, product_id, craft, style, women_led, currency), row in sales.items()
        ],
        "orders": [
            OrderDaily(
                day=day,
                country=country,
                currency=currency,
                shipping_mad=sum(row["shipping"].values(), ZERO),
                **money(row),
            )
            for (day, country, currency), row in orders.items()
        ],
        "cooperative_orders": [
            CooperativeOrderDaily(
                day=day,
                cooperative_id=coop,
                country=country,
                currency=currency,
                women_led=women_led,
                shipping_mad=sum(row["shipping"].values(), ZERO),
                **money(row),
            )
            for (day, coop, country, currency, women_led), row in cooperative_orders.items()
        ],
        "paid_lines": lines,
    }


def _money_bucket() -> dict:
    return {
        "orders": set(),
        "units": 0,
        "revenue_mad": ZERO,
        "revenue_currency": ZERO,
        "refunds_mad": ZERO,
        "refunds_currency": ZERO,
        "shipping": {},
    }


def _charge(line: dict) -> tuple[str, Decimal]:
    """The currency the buyer paid in and its units per MAD (MAD and 1 without a card payment)."""
    currency = (line["order__stripe_payment__currency"] or "").upper()
    rate = line["order__stripe_payment__exchange_rate"]
    if not currency or currency == BASE_CURRENCY or not rate:
        return line["order__currency"] or BASE_CURRENCY, Decimal(1)
    return currency, Decimal(rate)


def _vendor_shipping(order_ids: set[int]) -> dict[tuple[int, int], Decimal]:
    """{(order pk, partner pk): shipping charged by that cooperative} from the vendor orders."""
    from checkout.ledger.models import VendorOrder

    shipping = {}
    for chunk in _chunks(sorted(order_ids)):
        for order_id, partner_id, charge in VendorOrder.objects.filter(order_id__in=chunk).values_list(
            "order_id", "partner_id", "shipping_charge"
        ):
            shipping[(order_id, partner_id)] = charge
    return shipping


def _refund_parts(*, start: datetime, end: datetime) -> list[dict]:
    """The goods' share of each refund made in [start, end), spread over the lines it reverses.

    A refund gives back goods and shipping together; its goods share is the vendor order's
    goods over its total (as the ledger does for commission). That share is spread over the
    lines the refund put back in stock, else over all the vendor order's lines, by value.
    """
    from checkout.ledger.models import Refund, RefundLine

    refunds = list(
        Refund.objects.filter(created_at__gte=start, created_at__lt=end)
        .select_related("vendor_order__order__shipping_address", "vendor_order__partner__cooperative")
        .order_by("pk")
    )
    if not refunds:
        return []
    order_lines: dict[tuple[int, int], list] = defaultdict(list)
    for line in OrderLine.objects.filter(order_id__in={r.vendor_order.order_id for r in refunds}).order_by(
        "pk"
    ):
        order_lines[(line.order_id, line.partner_id)].append(line)
    restocked: dict[int, dict[int, int]] = defaultdict(dict)
    for refund_id, line_id, quantity in RefundLine.objects.filter(refund__in=refunds).values_list(
        "refund_id", "line_id", "quantity"
    ):
        restocked[refund_id][line_id] = quantity
    parts = []
    for refund in refunds:
        vendor_order = refund.vendor_order
        order = vendor_order.order
        cooperative = getattr(vendor_order.partner, "cooperative", None)
        total = vendor_order.subtotal + vendor_order.shipping_charge
        goods = (refund.amount * vendor_order.subtotal / total).quantize(CENT) if total else ZERO
        goods = min(goods, refund.amount)
        in_currency = (
            goods
            if refund.charge_currency == BASE_CURRENCY
            else (refund.charge_amount * goods / refund.amount).quantize(CENT)
        )
        lines = order_lines[(order.pk, vendor_order.partner_id)]
        chosen = [line for line in lines if line.pk in restocked[refund.pk]] or lines
        weights = [
            (line.unit_price_incl_tax or ZERO) * restocked[refund.pk][line.pk]
            if line.pk in restocked[refund.pk]
            else (line.line_price_incl_tax or ZERO)
            for line in chosen
        ]
        currency = (refund.charge_currency or order.currency).upper()
        for line, mad, cur in zip(chosen, _share(goods, weights), _share(in_currency, weights), strict=True):
            parts.append(
                {
                    "day": _local_day(refund.created_at),
                    "product_id": line.product_id,
                    "coop": cooperative.pk if cooperative else None,
                    "women_led": bool(cooperative and cooperative.is_women_led),
                    "country": (order.shipping_address.country_id if order.shipping_address else "") or "",
                    "currency": currency,
                    "mad": mad,
                    "in_currency": cur,
                }
            )
    return parts


def _origins(basket_ids) -> dict[int, tuple[str, str]]:
    """{basket pk: (country, device)} of the baskets that have a recorded origin."""
    found = {}
    for chunk in _chunks(sorted({pk for pk in basket_ids if pk})):
        for basket_id, country, device in BasketOrigin.objects.filter(basket_id__in=chunk).values_list(
            "basket_id", "country", "device"
        ):
            found[basket_id] = (country, device)
    return found


def _paid_by_origin(paid_lines: list[dict]) -> list[tuple[dict, str, str]]:
    """Each paid line with the country and device of its order's basket, else destination and ""."""
    origins = _origins(line["order__basket_id"] for line in paid_lines)
    return [
        (
            line,
            *origins.get(line["order__basket_id"], (line["order__shipping_address__country_id"] or "", "")),
        )
        for line in paid_lines
    ]


def _activity_rows(*, start: datetime, end: datetime, paid_lines: list[dict]) -> list:
    """ProductActivityDaily rows: product events, plus the paid units of the period."""
    rows: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    counted = {Event.Kind.VIEW: "views", Event.Kind.BASKET: "basket_adds", Event.Kind.CHECKOUT: "checkouts"}
    events = (
        Event.objects.filter(occurred_at__gte=start, occurred_at__lt=end, product_id__isnull=False)
        .exclude(kind=Event.Kind.PLACED)
        .annotate(local_day=_trunc_day("occurred_at"))
        .values("local_day", "product_id", "cooperative_id", "country", "device", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for event in events:
        key = (
            event["local_day"],
            event["product_id"],
            event["cooperative_id"],
            event["country"],
            event["device"],
        )
        rows[key][counted[event["kind"]]] += event["n"]
    orders_of: dict[tuple, set] = defaultdict(set)
    for line, country, device in _paid_by_origin(paid_lines):
        if not line["product_id"]:
            continue
        key = (line["day"], line["product_id"], line["partner__cooperative__id"], country, device)
        rows[key]["units"] += line["quantity"]
        orders_of[key].add(line["order_id"])
    for key, order_ids in orders_of.items():
        rows[key]["orders"] = len(order_ids)
    return [
        ProductActivityDaily(
            day=day, product_id=product_id, cooperative_id=coop, country=country, device=device, **counts
        )
        for (day, product_id, coop, country, device), counts in rows.items()
    ]


def _funnel_rows(*, start: datetime, end: datetime, paid_lines: list[dict]) -> list:
    """FunnelDaily rows: basket-level events, and the orders placed in the period that were paid."""
    rows: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    events = (
        Event.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .filter(
            Q(kind__in=[Event.Kind.VIEW, Event.Kind.BASKET])
            | Q(kind__in=[Event.Kind.CHECKOUT, Event.Kind.PLACED], product_id__isnull=True)
        )
        .annotate(local_day=_trunc_day("occurred_at"))
        .values("local_day", "country", "device", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    step = {
        Event.Kind.VIEW: "views",
        Event.Kind.BASKET: "basket_adds",
        Event.Kind.CHECKOUT: "checkouts",
        Event.Kind.PLACED: "placed",
    }
    for event in events:
        rows[(event["local_day"], event["country"], event["device"])][step[event["kind"]]] += event["n"]
    paid: dict[tuple, set] = defaultdict(set)
    for line, country, device in _paid_by_origin(paid_lines):
        paid[(line["day"], country, device)].add(line["order_id"])
    for key, order_ids in paid.items():
        rows[key]["paid"] = len(order_ids)
    return [
        FunnelDaily(day=day, country=country, device=device, **counts)
        for (day, country, device), counts in rows.items()
    ]


def _search_rows(*, start: datetime, end: datetime) -> list:
    logs = (
        QueryLog.objects.filter(created_at__gte=start, created_at__lt=end)
        .annotate(local_day=_trunc_day("created_at"))
        .values("local_day", "text", "language", "country")
        .annotate(
            searches=Count("pk"),
            zero_results=Count("pk", filter=Q(results=0)),
            low_results=Count("pk", filter=Q(results__gte=1, results__lte=3)),
            clicks=Count("pk", filter=Q(clicked_product__isnull=False)),
        )
        .order_by()
    )
    return [SearchDaily(day=row.pop("local_day"), **row) for row in logs]


def _search_click_rows(*, start: datetime, end: datetime) -> list:
    clicks = list(
        QueryLog.objects.filter(created_at__gte=start, created_at__lt=end, clicked_product__isnull=False)
        .annotate(local_day=_trunc_day("created_at"))
        .values("local_day", "text", "language", "country", "clicked_product_id")
        .annotate(clicks=Count("pk"))
        .order_by()
    )
    cooperatives = {}
    for chunk in _chunks(sorted({row["clicked_product_id"] for row in clicks})):
        cooperatives.update(_cooperatives_of(chunk))
    return [
        SearchClickDaily(
            day=row["local_day"],
            text=row["text"],
            language=row["language"],
            country=row["country"],
            product_id=row["clicked_product_id"],
            cooperative_id=cooperatives.get(row["clicked_product_id"]),
            clicks=row["clicks"],
        )
        for row in clicks
    ]


def _abandoned_rows(*, start: datetime, end: datetime, now: datetime) -> list:
    """Open baskets with lines whose last change fell in the period and is older than the limit."""
    cutoff = now - timedelta(hours=settings.SOUK_OBSERVATORY_ABANDONED_HOURS)
    baskets = list(
        BasketLine.objects.filter(basket__status=Basket.OPEN)
        .values("basket_id")
        .annotate(last=Max("date_updated"))
        .filter(last__gte=start, last__lt=min(end, cutoff))
        .order_by()
    )
    if not baskets:
        return []
    ids = {basket["basket_id"] for basket in baskets}
    values = _basket_values(ids)
    origins = _origins(ids)
    rows: dict[tuple, dict] = defaultdict(lambda: {"baskets": 0, "value_mad": ZERO})
    for basket in baskets:
        key = (_local_day(basket["last"]), origins.get(basket["basket_id"], ("", ""))[0])
        rows[key]["baskets"] += 1
        rows[key]["value_mad"] += values.get(basket["basket_id"], ZERO)
    return [AbandonedBasketDaily(day=day, country=country, **row) for (day, country), row in rows.items()]


def _basket_values(basket_ids: set[int]) -> dict[int, Decimal]:
    """What each basket's lines were worth in MAD (unit price at the time × quantity)."""
    values: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for chunk in _chunks(sorted(basket_ids)):
        for basket_id, price, quantity in BasketLine.objects.filter(basket_id__in=chunk).values_list(
            "basket_id", "price_incl_tax", "quantity"
        ):
            values[basket_id] += (price or ZERO) * quantity
    return values


def events_prune(*, now: datetime | None = None) -> int:
    """Delete raw events (and basket origins) older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SOUK_OBSERVATORY_RETENTION_DAYS)
    deleted, _detail = Event.objects.filter(occurred_at__lt=cutoff).delete()
    BasketOrigin.objects.filter(updated_at__lt=cutoff).delete()
    return deleted


def rollup_default_days(*, today: date | None = None) -> tuple[date, date]:
    """Yesterday and today: the scheduled run's window (yesterday again, for late arrivals)."""
    today = today or timezone.localdate()
    return today - timedelta(days=1), today
