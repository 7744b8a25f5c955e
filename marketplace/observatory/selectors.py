"""Reads of the export observatory: the platform's sales, demand and funnel reports.

Every figure comes from the daily roll-ups (models.py), never from orders or logs, so each
report is a handful of grouped queries over a few thousand rows whatever the shop's size.
Reports are plain dataclasses of plain rows (dicts), for the views, the CSV export and tests.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import F, FloatField, Q, Sum
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from checkout.destination import country_name

from .models import (
    AbandonedBasketDaily,
    Device,
    FunnelDaily,
    OrderDaily,
    ProductActivityDaily,
    RollupRun,
    SalesDaily,
    SearchDaily,
    SearchMonthly,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> "Period":
        """The period of equal length just before this one (for growth)."""
        end = self.start - timedelta(days=1)
        return Period(start=end - timedelta(days=self.days - 1), end=end)


def period_default(*, today: date | None = None) -> Period:
    """The last 12 months: from the first day of the month 11 months ago to today."""
    today = today or timezone.localdate()
    month = today.month - 11
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return Period(start=date(year, month, 1), end=today)


def growth(current, previous) -> float | None:
    """Change in percent against the previous period; None when there was nothing to compare."""
    if not previous or current is None:
        return None
    return round((float(current) - float(previous)) * 100 / float(previous), 1)


def rate(part, whole) -> float | None:
    """`part` as a percentage of `whole`, one decimal; None when `whole` is zero."""
    return round(float(part) * 100 / float(whole), 1) if whole else None


def _shares(rows: list[dict], key: str) -> list[dict]:
    total = sum((row[key] for row in rows), 0)
    for row in rows:
        row["share"] = rate(row[key], total)
    return rows


def _country_label(code: str) -> str:
    return country_name(code, language=get_language() or "en") if code else ""


def rollup_last_run():
    """The latest roll-up run (for "figures as of ..."), or None."""
    return RollupRun.objects.order_by("-finished_at").first()


# --- Sales ----------------------------------------------------------------------------------


@dataclass
class SalesReport:
    period: Period
    totals: dict
    previous: dict
    growth: dict
    by_country: list[dict]
    by_craft: list[dict]
    by_style: list[dict]
    by_month: list[dict]
    baskets: list[dict]
    women_led: dict
    filters: dict = field(default_factory=dict)


def _sales_filter(*, period: Period, country: str, craft: str, currency: str) -> Q:
    q = Q(day__gte=period.start, day__lte=period.end)
    if country:
        q &= Q(country=country)
    if craft:
        q &= Q(craft=craft)
    if currency:
        q &= Q(currency=currency)
    return q


def _orders_filter(*, period: Period, country: str, currency: str) -> Q:
    q = Q(day__gte=period.start, day__lte=period.end)
    if country:
        q &= Q(country=country)
    if currency:
        q &= Q(currency=currency)
    return q


# Aliases differ from the field names: a later Sum("revenue_mad", filter=...) must read the
# field, not an aggregate of the same name. `_money_row` gives them their plain names back.
MONEY_SUMS = {"sum_revenue": Sum("revenue_mad"), "sum_refunds": Sum("refunds_mad"), "sum_units": Sum("units")}


def _money_row(row: dict) -> dict:
    row["revenue_mad"] = row.pop("sum_revenue", None) or ZERO
    row["refunds_mad"] = row.pop("sum_refunds", None) or ZERO
    row["net_mad"] = row["revenue_mad"] - row["refunds_mad"]
    row["units"] = row.pop("sum_units", None) or 0
    row["orders"] = row.get("orders") or 0
    return row


def _sales_totals(*, period: Period, country: str, craft: str, currency: str) -> dict:
    totals = _money_row(
        SalesDaily.objects.filter(
            _sales_filter(period=period, country=country, craft=craft, currency=currency)
        ).aggregate(
            **MONEY_SUMS,
            product_orders=Sum("orders"),
            women_led_mad=Sum("revenue_mad", filter=Q(women_led=True)),
            women_led_refunds_mad=Sum("refunds_mad", filter=Q(women_led=True)),
        )
    )
    if craft:
        # Whole orders have no craft: count the orders that contain one (see SalesDaily).
        totals["orders"] = totals["product_orders"] or 0
    else:
        totals["orders"] = (
            OrderDaily.objects.filter(
                _orders_filter(period=period, country=country, currency=currency)
            ).aggregate(n=Sum("orders"))["n"]
            or 0
        )
    totals["average_basket_mad"] = (
        (totals["net_mad"] / totals["orders"]).quantize(Decimal("0.01")) if totals["orders"] else None
    )
    return totals


def sales_report(*, period: Period, country: str = "", craft: str = "", currency: str = "") -> SalesReport:
    """Paid sales in the period: by destination, craft, style and month, growth, baskets, women-led."""
    where = _sales_filter(period=period, country=country, craft=craft, currency=currency)
    totals = _sales_totals(period=period, country=country, craft=craft, currency=currency)
    previous = _sales_totals(period=period.previous, country=country, craft=craft, currency=currency)
    sales = SalesDaily.objects.filter(where)

    order_counts = {}
    if not craft:
        order_counts = {
            row["country"]: row["n"]
            for row in OrderDaily.objects.filter(
                _orders_filter(period=period, country=country, currency=currency)
            )
            .values("country")
            .annotate(n=Sum("orders"))
            .order_by()
        }
    by_country = [
        _money_row(row)
        for row in sales.values("country").annotate(**MONEY_SUMS, product_orders=Sum("orders")).order_by()
    ]
    for row in by_country:
        row["orders"] = order_counts.get(row["country"], 0) if not craft else row["product_orders"] or 0
        row["name"] = _country_label(row["country"]) or "—"
    by_country.sort(key=lambda row: (-row["net_mad"], row["name"]))

    by_craft = [
        _money_row(row)
        for row in sales.values("craft").annotate(**MONEY_SUMS, orders=Sum("orders")).order_by("-sum_revenue")
    ]
    crafts = dict(get_model("catalogue", "ProductClass").objects.values_list("slug", "name"))
    for row in by_craft:
        row["name"] = crafts.get(row["craft"], row["craft"]) or "—"
    by_craft.sort(key=lambda row: -row["net_mad"])

    by_style = [
        _money_row(row)
        for row in sales.exclude(category="")
        .values("category")
        .annotate(**MONEY_SUMS, orders=Sum("orders"))
        .order_by("-sum_revenue")[:15]
    ]
    styles = dict(
        get_model("catalogue", "Category")
        .objects.filter(slug__in=[row["category"] for row in by_style])
        .values_list("slug", "name")
    )
    for row in by_style:
        row["name"] = styles.get(row["category"], row["category"])
    by_style.sort(key=lambda row: -row["net_mad"])

    by_month = _sales_by_month(period=period, where=where, craft=craft, country=country, currency=currency)

    baskets = []
    for row in (
        OrderDaily.objects.filter(_orders_filter(period=period, country=country, currency=currency))
        .values("currency")
        .annotate(
            orders=Sum("orders"),
            revenue_currency=Sum("revenue_currency"),
            revenue_mad=Sum("revenue_mad"),
        )
        .order_by("-orders", "currency")
    ):
        orders = row["orders"] or 0
        row["average_currency"] = (
            (row["revenue_currency"] / orders).quantize(Decimal("0.01")) if orders else None
        )
        row["average_mad"] = (row["revenue_mad"] / orders).quantize(Decimal("0.01")) if orders else None
        baskets.append(row)

    women_net = (totals["women_led_mad"] or ZERO) - (totals["women_led_refunds_mad"] or ZERO)
    return SalesReport(
        period=period,
        totals=totals,
        previous=previous,
        growth={
            key: growth(totals[key], previous[key])
            for key in ("revenue_mad", "net_mad", "orders", "units", "average_basket_mad")
        },
        by_country=_shares(by_country, "net_mad"),
        by_craft=_shares(by_craft, "net_mad"),
        by_style=_shares(by_style, "net_mad"),
        by_month=by_month,
        baskets=_shares(baskets, "orders"),
        women_led={
            "net_mad": women_net,
            "other_net_mad": totals["net_mad"] - women_net,
            "share": rate(women_net, totals["net_mad"]),
        },
        filters={"country": country, "craft": craft, "currency": currency},
    )


def _months(period: Period) -> list[date]:
    months, month = [], period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _sales_by_month(*, period: Period, where: Q, craft: str, country: str, currency: str) -> list[dict]:
    """Every month of the period, empty ones included, with net revenue and orders."""
    rows = {
        _month_key(row["month"]): _money_row(row)
        for row in SalesDaily.objects.filter(where)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(**MONEY_SUMS, product_orders=Sum("orders"))
        .order_by()
    }
    orders = {}
    if not craft:
        orders = {
            _month_key(row["month"]): row["n"]
            for row in OrderDaily.objects.filter(
                _orders_filter(period=period, country=country, currency=currency)
            )
            .annotate(month=TruncMonth("day"))
            .values("month")
            .annotate(n=Sum("orders"))
            .order_by()
        }
    result = []
    for month in _months(period):
        row = rows.get(month) or _money_row({})
        result.append(
            {
                "month": month,
                "revenue_mad": row["revenue_mad"],
                "refunds_mad": row["refunds_mad"],
                "net_mad": row["net_mad"],
                "units": row["units"],
                "orders": orders.get(month, 0) if not craft else row.get("product_orders") or 0,
            }
        )
    return result


def _month_key(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


# --- Demand ---------------------------------------------------------------------------------


@dataclass
class DemandReport:
    period: Period
    totals: dict
    top_queries: list[dict]
    by_country: list[dict]
    by_language: list[dict]
    zero_results: list[dict]
    low_results: list[dict]
    viewed_not_bought: list[dict]
    abandoned: list[dict]
    abandoned_totals: dict
    filters: dict = field(default_factory=dict)


SEARCH_SUMS = {
    "searches": Sum("searches"),
    "zero": Sum("zero_results"),
    "low": Sum("low_results"),
    "clicks": Sum("clicks"),
}


def _search_row(row: dict) -> dict:
    for key in ("searches", "zero", "low", "clicks"):
        row[key] = row.get(key) or 0
    row["click_rate"] = rate(row["clicks"], row["searches"])
    row["zero_rate"] = rate(row["zero"], row["searches"])
    return row


def _search_sums() -> dict:
    return {"searches": 0, "zero": 0, "low": 0, "clicks": 0}


def _add(target: dict, row: dict) -> None:
    for key in ("searches", "zero", "low", "clicks"):
        target[key] += row[key] or 0


def _top_per(groups: list[dict], dimension: str, *, heads: int, per_head: int) -> list[dict]:
    """The `heads` biggest values of `dimension` with their `per_head` most searched queries."""
    sums: dict[str, dict] = {}
    texts: dict[str, dict[str, int]] = {}
    for row in groups:
        key = row[dimension]
        _add(sums.setdefault(key, _search_sums()), row)
        texts.setdefault(key, {})
        texts[key][row["text"]] = texts[key].get(row["text"], 0) + (row["searches"] or 0)
    ranked = sorted(sums.items(), key=lambda item: (-item[1]["searches"], item[0]))[:heads]
    result = []
    for key, total in ranked:
        top = sorted(texts[key].items(), key=lambda item: (-item[1], item[0]))[:per_head]
        result.append(
            _search_row({dimension: key, **total, "queries": [{"text": t, "searches": n} for t, n in top]})
        )
    return result


def _search_groups(*, period: Period, country: str, language: str) -> list[dict]:
    """Searches of the period summed per (text, language, country): whole months from
    `SearchMonthly`, the days of the partial months at either end from `SearchDaily`."""
    first_month = (
        period.start if period.start.day == 1 else (period.start + timedelta(days=32)).replace(day=1)
    )
    last_month = (period.end + timedelta(days=1)).replace(day=1)  # the first month not wholly inside
    where = Q()
    if country:
        where &= Q(country=country)
    if language:
        where &= Q(language=language)
    sums: dict[tuple, dict] = {}
    readers = []
    if first_month < last_month:
        readers.append(SearchMonthly.objects.filter(where, month__gte=first_month, month__lt=last_month))
        days = Q(day__gte=period.start, day__lt=first_month) | Q(day__gte=last_month, day__lte=period.end)
    else:
        days = Q(day__gte=period.start, day__lte=period.end)
    readers.append(SearchDaily.objects.filter(where & days))
    for rows in readers:
        for row in rows.values("text", "language", "country").annotate(**SEARCH_SUMS).order_by():
            key = (row["text"], row["language"], row["country"])
            if key in sums:
                _add(sums[key], row)
            else:
                sums[key] = row
    return list(sums.values())


def demand_report(
    *, period: Period, country: str = "", language: str = "", limit: int = 20, min_views: int = 20
) -> DemandReport:
    """What buyers look for and do not find, what they look at and do not buy, what they leave."""
    # One grouped read of the period (a few thousand query/language/country rows), ranked here
    # every way the page needs, instead of one scan of the daily rows per table.
    groups = _search_groups(period=period, country=country, language=language)
    totals, by_text = _search_sums(), {}
    unmet_countries: dict[str, tuple[set, set]] = {}
    for row in groups:
        _add(totals, row)
        _add(by_text.setdefault(row["text"], _search_sums()), row)
        zero_in, low_in = unmet_countries.setdefault(row["text"], (set(), set()))
        if row["zero"]:
            zero_in.add(row["country"])
        if row["low"]:
            low_in.add(row["country"])
    totals = _search_row(totals)
    texts = [_search_row({"text": text, **sums}) for text, sums in by_text.items()]
    top_queries = sorted(texts, key=lambda row: (-row["searches"], row["text"]))[:limit]
    zero_results = [
        {**row, "countries": len(unmet_countries[row["text"]][0])}
        for row in sorted(texts, key=lambda row: (-row["zero"], row["text"]))
        if row["zero"]
    ][:limit]
    low_results = [
        {**row, "countries": len(unmet_countries[row["text"]][1])}
        for row in sorted(texts, key=lambda row: (-row["low"], row["text"]))
        if row["low"]
    ][:limit]
    by_country = _top_per(groups, "country", heads=10, per_head=3)
    for row in by_country:
        row["name"] = _country_label(row["country"]) or "—"
    by_language = _top_per(groups, "language", heads=6, per_head=3)
    languages = dict(settings.LANGUAGES)
    for row in by_language:
        row["name"] = str(languages.get(row["language"], row["language"])) or "—"

    activity = ProductActivityDaily.objects.filter(day__gte=period.start, day__lte=period.end)
    if country:
        activity = activity.filter(country=country)
    viewed = list(
        activity.values("product_id")
        .annotate(
            views=Sum("views"), basket_adds=Sum("basket_adds"), orders=Sum("orders"), units=Sum("units")
        )
        .filter(views__gte=min_views)
        .annotate(conversion=Cast(F("orders"), FloatField()) / Cast(F("views"), FloatField()))
        .order_by("conversion", "-views", "product_id")[:limit]
    )
    _product_names(viewed)
    for row in viewed:
        row["conversion"] = rate(row["orders"], row["views"])
        row["basket_rate"] = rate(row["basket_adds"], row["views"])

    abandoned_rows = AbandonedBasketDaily.objects.filter(day__gte=period.start, day__lte=period.end)
    if country:
        abandoned_rows = abandoned_rows.filter(country=country)
    abandoned = list(
        abandoned_rows.values("country")
        .annotate(baskets=Sum("baskets"), value_mad=Sum("value_mad"))
        .order_by("-baskets", "country")
    )
    for row in abandoned:
        row["name"] = _country_label(row["country"]) or "—"
        row["average_mad"] = (
            (row["value_mad"] / row["baskets"]).quantize(Decimal("0.01")) if row["baskets"] else None
        )
    abandoned_totals = {
        "baskets": sum(row["baskets"] for row in abandoned),
        "value_mad": sum((row["value_mad"] for row in abandoned), ZERO),
    }
    return DemandReport(
        period=period,
        totals=totals,
        top_queries=top_queries,
        by_country=by_country,
        by_language=by_language,
        zero_results=zero_results,
        low_results=low_results,
        viewed_not_bought=viewed,
        abandoned=_shares(abandoned, "baskets"),
        abandoned_totals=abandoned_totals,
        filters={"country": country, "language": language},
    )


def _product_names(rows: list[dict]) -> None:
    """Add each row's product title and cooperative name (one query), "" for deleted products."""
    Product = get_model("catalogue", "Product")
    found = {
        pk: (title, cooperative)
        for pk, title, cooperative in Product.objects.filter(pk__in=[row["product_id"] for row in rows])
        .values_list("pk", "title", "stockrecords__partner__cooperative__name")
        .order_by("pk", "stockrecords__pk")
    }
    for row in rows:
        row["title"], row["cooperative"] = found.get(row["product_id"], ("", ""))


# --- Funnel ---------------------------------------------------------------------------------

STEPS = ("views", "basket_adds", "checkouts", "placed", "paid")


@dataclass
class FunnelReport:
    period: Period
    totals: dict
    by_country: list[dict]
    by_device: list[dict]
    filters: dict = field(default_factory=dict)


def _funnel_row(row: dict) -> dict:
    for step in STEPS:
        row[step] = row.get(step) or 0
    row["basket_rate"] = rate(row["basket_adds"], row["views"])
    row["checkout_rate"] = rate(row["checkouts"], row["basket_adds"])
    row["paid_rate"] = rate(row["paid"], row["checkouts"])
    row["conversion"] = rate(row["paid"], row["views"])
    return row


def funnel_report(*, period: Period, country: str = "", device: str = "", limit: int = 15) -> FunnelReport:
    """Views → basket → checkout → placed → paid, with the rate of each step, by country and device."""
    rows = FunnelDaily.objects.filter(day__gte=period.start, day__lte=period.end)
    if country:
        rows = rows.filter(country=country)
    if device:
        rows = rows.filter(device=device)
    sums = {step: Sum(step) for step in STEPS}
    totals = _funnel_row(rows.aggregate(**sums))
    by_country = [
        _funnel_row(row)
        for row in rows.values("country").annotate(**sums).order_by("-views", "-paid", "country")
    ]
    for row in by_country:
        row["name"] = _country_label(row["country"]) or "—"
    by_device = [
        _funnel_row(row) for row in rows.values("device").annotate(**sums).order_by("-views", "device")
    ]
    devices = dict(Device.choices)
    for row in by_device:
        row["name"] = str(devices.get(row["device"], _("Unknown")))
    return FunnelReport(
        period=period,
        totals=totals,
        by_country=by_country[:limit],
        by_device=by_device,
        filters={"country": country, "device": device},
    )
