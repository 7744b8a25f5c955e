"""Reads for one cooperative's insights page: its sales, buyers, products, searches and payouts.

Everything here is about a single cooperative (`cooperative_id` is `vendors.Cooperative.pk`,
as in the roll-ups) and reads the daily roll-ups, never orders or logs, so the page costs the
same with a hundred orders or a hundred thousand. The one platform-wide read is unmet demand:
searches that found nothing anywhere on Souk, kept only when their words belong to the
cooperative's crafts.

Money is in MAD. Revenue is the goods' value of paid orders less refunds (`revenue_mad -
refunds_mad`, refunds counted on the day they were made), shipping apart: what the ledger
calls the sale before commission.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language
from oscar.core.loading import get_model

from catalogue.crafts import COLOURS, CRAFTS_BY_CODE, OPTION
from checkout.destination import country_name
from checkout.ledger import selectors as ledger
from search.vocabulary import STOPWORDS, query_terms, synonym_groups

from .models import CooperativeOrderDaily, ProductActivityDaily, SalesDaily, SearchClickDaily, SearchDaily
from .summary import MonthFacts

Cooperative = get_model("partner", "Cooperative")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")

ZERO = Decimal("0.00")
# "Most viewed but rarely bought": seen at least this often, ordered at most once per 50 views.
RARELY_BOUGHT_MIN_VIEWS = 10
RARELY_BOUGHT_RATE = Decimal("0.02")
# Unmet demand: the platform's most frequent zero-result queries looked at, before matching.
UNMET_CANDIDATES = 500
# Words of craft names that say nothing about what a buyer wants.
_NOT_CRAFT_WORDS = {c.lower() for c in COLOURS} | {"other", "item", "object", "set", "pile", "square"}


# --- Periods ------------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_add(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole calendar months, `first` to `last` (first days of months), both included."""

    first: date
    last: date

    @property
    def start(self) -> date:
        return self.first

    @property
    def end(self) -> date:
        """The period's last day."""
        return month_add(self.last, 1) - timedelta(days=1)

    @property
    def months(self) -> list[date]:
        count = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        return [month_add(self.first, i) for i in range(count)]

    def previous(self) -> "Period":
        """As many months, just before."""
        count = len(self.months)
        return Period(first=month_add(self.first, -count), last=month_add(self.first, -1))

    def days(self) -> Q:
        return Q(day__gte=self.start, day__lte=self.end)


def period_default(*, today: date, months: int = 12) -> Period:
    """The last `months` months, the current one (still running) included."""
    last = month_start(today)
    return Period(first=month_add(last, -(months - 1)), last=last)


def period_last_full_month(*, today: date) -> Period:
    last = month_add(month_start(today), -1)
    return Period(first=last, last=last)


# --- Who sees which cooperative -----------------------------------------------------------


def cooperatives_for_user(*, user) -> QuerySet:
    """Cooperatives whose insights a dashboard user may read: every one for platform staff,
    the ones they run otherwise."""
    cooperatives = Cooperative.objects.select_related("partner").order_by("name", "pk")
    if user.is_staff:
        return cooperatives
    return cooperatives.filter(partner__users=user)


def cooperative_of_user(*, user):
    """The cooperative a dashboard user runs (the first if several), or None."""
    return Cooperative.objects.select_related("partner").filter(partner__users=user).order_by("pk").first()


# --- Sales --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SalesTotals:
    revenue_mad: Decimal = ZERO
    refunds_mad: Decimal = ZERO
    orders: int = 0
    units: int = 0

    @property
    def net_mad(self) -> Decimal:
        return self.revenue_mad - self.refunds_mad


def _totals(row: dict) -> SalesTotals:
    return SalesTotals(
        revenue_mad=row.get("revenue") or ZERO,
        refunds_mad=row.get("refunds") or ZERO,
        orders=row.get("orders") or 0,
        units=row.get("units") or 0,
    )


_TOTALS = {
    "revenue": Sum("revenue_mad"),
    "refunds": Sum("refunds_mad"),
    "orders": Sum("orders"),
    "units": Sum("units"),
}


def _orders(cooperative_id: int) -> QuerySet:
    return CooperativeOrderDaily.objects.filter(cooperative_id=cooperative_id)


def cooperative_sales_totals(*, cooperative_id: int, period: Period) -> SalesTotals:
    """Revenue, refunds, orders and units of the cooperative's part of paid orders."""
    return _totals(_orders(cooperative_id).filter(period.days()).aggregate(**_TOTALS))


def growth(current: Decimal, previous: Decimal) -> Decimal | None:
    """(current - previous) / previous, or None when there was nothing before to compare to."""
    if previous <= 0:
        return None
    return (current - previous) / previous


@dataclass(frozen=True)
class MonthSales:
    month: date
    totals: SalesTotals

    # Flat names for the chart partials, which read one attribute per column.
    @property
    def net_mad(self) -> Decimal:
        return self.totals.net_mad

    @property
    def orders(self) -> int:
        return self.totals.orders


def cooperative_sales_by_month(*, cooperative_id: int, period: Period) -> list[MonthSales]:
    """One row per month of the period, months without sales included (as zeros)."""
    rows = (
        _orders(cooperative_id)
        .filter(period.days())
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(**_TOTALS)
        .order_by("month")
    )
    by_month = {_as_date(row["month"]): _totals(row) for row in rows}
    return [MonthSales(month=month, totals=by_month.get(month, SalesTotals())) for month in period.months]


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") else value


def cooperative_has_sold(*, cooperative_id: int) -> bool:
    return _orders(cooperative_id).filter(orders__gt=0).exists()


@dataclass(frozen=True)
class CountryRow:
    code: str
    name: str
    totals: SalesTotals
    share: Decimal  # of the cooperative's orders in the period, 0..1

    @property
    def orders(self) -> int:
        return self.totals.orders

    @property
    def share_percent(self) -> Decimal:
        return self.share * 100


def cooperative_buyer_countries(
    *, cooperative_id: int, period: Period, language: str = ""
) -> list[CountryRow]:
    """Destination countries of the cooperative's orders, most orders first (then revenue, name)."""
    language = language or (get_language() or "en")
    rows = (
        _orders(cooperative_id)
        .filter(period.days())
        .values("country")
        .annotate(**_TOTALS)
        .filter(orders__gt=0)
    )
    rows = [(row["country"], _totals(row)) for row in rows]
    total = sum(totals.orders for _, totals in rows)
    countries = [
        CountryRow(
            code=code,
            name=country_name(code, language=language) if code else "",
            totals=totals,
            share=Decimal(totals.orders) / total if total else ZERO,
        )
        for code, totals in rows
    ]
    return sorted(countries, key=lambda row: (-row.totals.orders, -row.totals.net_mad, row.name))


# --- Products -----------------------------------------------------------------------------


@dataclass
class ProductRow:
    """One product's period: sales (SalesDaily) and what buyers did on its page (ProductActivityDaily)."""

    product_id: int
    title: str = ""
    exists: bool = False
    revenue_mad: Decimal = ZERO
    refunds_mad: Decimal = ZERO
    units: int = 0
    views: int = 0
    basket_adds: int = 0
    orders: int = 0  # paid orders placed in the period with this product, by the activity roll-up

    @property
    def net_mad(self) -> Decimal:
        return self.revenue_mad - self.refunds_mad

    @property
    def conversion(self) -> Decimal | None:
        """Orders per view, or None when nobody looked at it."""
        if not self.views:
            return None
        return Decimal(self.orders) / self.views

    @property
    def conversion_percent(self) -> Decimal | None:
        return None if self.conversion is None else self.conversion * 100


@dataclass(frozen=True)
class ProductInsights:
    rows: list[ProductRow]
    top: list[ProductRow]  # by revenue
    most_viewed: list[ProductRow]  # by views, with their conversion
    rarely_bought: list[ProductRow]


def cooperative_products(*, cooperative_id: int, period: Period, limit: int = 10) -> ProductInsights:
    """Each product of the cooperative with sales or page views in the period."""
    rows: dict[int, ProductRow] = {}
    sales = (
        SalesDaily.objects.filter(period.days(), cooperative_id=cooperative_id, product_id__isnull=False)
        .values("product_id")
        .annotate(revenue=Sum("revenue_mad"), refunds=Sum("refunds_mad"), units=Sum("units"))
    )
    for row in sales:
        rows[row["product_id"]] = ProductRow(
            product_id=row["product_id"],
            revenue_mad=row["revenue"] or ZERO,
            refunds_mad=row["refunds"] or ZERO,
            units=row["units"] or 0,
        )
    activity = (
        ProductActivityDaily.objects.filter(period.days(), cooperative_id=cooperative_id)
        .values("product_id")
        .annotate(views=Sum("views"), basket_adds=Sum("basket_adds"), orders=Sum("orders"))
    )
    for row in activity:
        product = rows.setdefault(row["product_id"], ProductRow(product_id=row["product_id"]))
        product.views = row["views"] or 0
        product.basket_adds = row["basket_adds"] or 0
        product.orders = row["orders"] or 0
    products = Product.objects.filter(pk__in=rows).select_related("parent")
    for product in products:
        rows[product.pk].title = product.get_title()
        rows[product.pk].exists = True
    every = sorted(rows.values(), key=lambda row: row.product_id)
    top = sorted(
        (row for row in every if row.units or row.revenue_mad),
        key=lambda row: (-row.net_mad, -row.units, row.title),
    )
    most_viewed = sorted(
        (row for row in every if row.views), key=lambda row: (-row.views, -row.orders, row.title)
    )
    rarely_bought = [
        row
        for row in most_viewed
        if row.views >= RARELY_BOUGHT_MIN_VIEWS and Decimal(row.orders) <= row.views * RARELY_BOUGHT_RATE
    ]
    return ProductInsights(
        rows=every, top=top[:limit], most_viewed=most_viewed[:limit], rarely_bought=rarely_bought[:5]
    )


def cooperative_views(*, cooperative_id: int, period: Period) -> int:
    views = ProductActivityDaily.objects.filter(period.days(), cooperative_id=cooperative_id).aggregate(
        n=Sum("views")
    )["n"]
    return views or 0


# --- Searches -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchTermRow:
    text: str
    clicks: int
    products: int  # how many of the cooperative's products the query led to


def cooperative_search_terms(*, cooperative_id: int, period: Period, limit: int = 10) -> list[SearchTermRow]:
    """Queries after which buyers clicked one of the cooperative's products, most clicks first.

    Queries are grouped as typed, whatever the case ("Kilim" and "kilim" are one row).
    """
    clicks: dict[str, list] = {}
    rows = (
        SearchClickDaily.objects.filter(period.days(), cooperative_id=cooperative_id)
        .values("text", "product_id")
        .annotate(clicks=Sum("clicks"))
    )
    for row in rows:
        key = " ".join(row["text"].lower().split())
        entry = clicks.setdefault(key, [0, set()])
        entry[0] += row["clicks"] or 0
        entry[1].add(row["product_id"])
    terms = [SearchTermRow(text=text, clicks=n, products=len(ids)) for text, (n, ids) in clicks.items() if n]
    return sorted(terms, key=lambda row: (-row.clicks, row.text))[:limit]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'-]*", text.lower())


def craft_vocabulary(*, names: Iterable[str], craft_codes: Iterable[str] = ()) -> frozenset[str]:
    """The words that say a search is about these crafts.

    From the crafts' and categories' names (every language given), the option values buyers
    filter on for each craft in `catalogue.crafts` (rug styles, weaves, materials, objects;
    colours aside: "blue" is no craft), each with its synonyms from `search/synonyms.txt`.
    Multi-word values are kept whole ("beni ourain") as well as word by word.
    """
    phrases: set[str] = set()
    for name in names:
        if name:
            phrases.add(" ".join(_words(name)))
    for code in craft_codes:
        craft = CRAFTS_BY_CODE.get(code)
        if craft is None:
            continue
        phrases |= {craft.name.lower(), craft.name_fr.lower()}
        for attribute in craft.attributes:
            if attribute.type == OPTION and attribute.code != "colour":
                phrases |= {" ".join(_words(value)) for value in attribute.options}
    vocabulary = set()
    for phrase in phrases:
        if not phrase:
            continue
        words = [w for w in phrase.split() if w not in STOPWORDS and w not in _NOT_CRAFT_WORDS and len(w) > 2]
        vocabulary.update(words)
        if len(phrase.split()) > 1:
            vocabulary.add(phrase)
    for group in synonym_groups():
        if group & vocabulary:
            vocabulary |= group
    return frozenset(vocabulary)


def query_matches_vocabulary(*, text: str, vocabulary: frozenset[str]) -> bool:
    """True when one of the query's terms (with its synonyms and near spellings) is a craft word."""
    return any(term & vocabulary for term in query_terms(text))


def cooperative_craft_vocabulary(*, cooperative) -> frozenset[str]:
    """The vocabulary of what this cooperative makes: its declared crafts, the product classes
    and categories of its products, in every language."""
    partner_id = cooperative.partner_id
    classes = ProductClass.objects.filter(
        Q(cooperatives=cooperative)
        | Q(products__stockrecords__partner_id=partner_id)
        | Q(products__children__stockrecords__partner_id=partner_id)
    ).distinct()
    class_rows = list(classes.values_list("slug", "name_en", "name_fr", "name_ar"))
    categories = Category.objects.filter(
        Q(product__stockrecords__partner_id=partner_id)
        | Q(product__children__stockrecords__partner_id=partner_id)
    ).distinct()
    category_rows = list(categories.values_list("name_en", "name_fr", "name_ar"))
    names = [name for row in class_rows for name in row[1:]] + [name for row in category_rows for name in row]
    return craft_vocabulary(names=names, craft_codes=[row[0] for row in class_rows])


@dataclass(frozen=True)
class UnmetQueryRow:
    text: str
    zero_results: int
    searches: int
    languages: tuple[str, ...] = ()


def cooperative_unmet_demand(
    *, cooperative, period: Period, vocabulary: frozenset[str] | None = None, limit: int = 10
) -> list[UnmetQueryRow]:
    """Searches anywhere on Souk that found nothing and are about the cooperative's crafts,
    most frequent first: what buyers want that nobody lists yet."""
    if vocabulary is None:
        vocabulary = cooperative_craft_vocabulary(cooperative=cooperative)
    if not vocabulary:
        return []
    rows = (
        SearchDaily.objects.filter(period.days(), zero_results__gt=0)
        .values("text", "language")
        .annotate(zero=Sum("zero_results"), searches=Sum("searches"))
        .order_by("-zero", "text")[:UNMET_CANDIDATES]
    )
    merged: dict[str, list] = {}
    for row in rows:
        key = " ".join(row["text"].lower().split())
        entry = merged.setdefault(key, [0, 0, set()])
        entry[0] += row["zero"] or 0
        entry[1] += row["searches"] or 0
        entry[2].add(row["language"])
    unmet = [
        UnmetQueryRow(text=text, zero_results=zero, searches=searches, languages=tuple(sorted(languages)))
        for text, (zero, searches, languages) in merged.items()
        if query_matches_vocabulary(text=text, vocabulary=vocabulary)
    ]
    return sorted(unmet, key=lambda row: (-row.zero_results, row.text))[:limit]


# --- Payouts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayoutSummary:
    balance: ledger.Balance
    payouts: list


def cooperative_payouts(*, cooperative, limit: int = 5) -> PayoutSummary:
    """The ledger's balance for the cooperative and its latest payouts, newest first."""
    partner = cooperative.partner
    return PayoutSummary(
        balance=ledger.cooperative_balance(partner=partner),
        payouts=list(ledger.payouts_for_partner(partner=partner)[:limit]),
    )


# --- The month summary --------------------------------------------------------------------


def cooperative_month_facts(
    *, cooperative, month: Period, vocabulary: frozenset[str] | None = None
) -> MonthFacts:
    """The numbers `summary.month_summary` puts into words, for one month."""
    cooperative_id = cooperative.pk
    previous = month.previous()
    window = Period(first=previous.first, last=month.last)
    by_month = {
        row.month: row.totals
        for row in cooperative_sales_by_month(cooperative_id=cooperative_id, period=window)
    }
    totals, before = by_month[month.first], by_month[previous.first]
    products = cooperative_products(cooperative_id=cooperative_id, period=month, limit=1)
    top = products.top[0] if products.top else None
    countries = cooperative_buyer_countries(cooperative_id=cooperative_id, period=month)
    terms = cooperative_search_terms(cooperative_id=cooperative_id, period=month, limit=3)
    unmet = cooperative_unmet_demand(cooperative=cooperative, period=month, vocabulary=vocabulary, limit=2)
    return MonthFacts(
        month=month.first,
        revenue_mad=totals.net_mad,
        previous_revenue_mad=before.net_mad,
        orders=totals.orders,
        units=totals.units,
        countries=tuple((row.code, row.totals.orders) for row in countries if row.code),
        top_product=top.title if top else "",
        top_product_units=top.units if top else 0,
        views=sum(row.views for row in products.rows),
        search_terms=tuple(row.text for row in terms),
        unmet_queries=tuple(row.text for row in unmet),
        ever_sold=bool(totals.orders or before.orders) or cooperative_has_sold(cooperative_id=cooperative_id),
    )


# --- The whole page -----------------------------------------------------------------------


@dataclass(frozen=True)
class Insights:
    cooperative: object
    period: Period
    totals: SalesTotals
    previous_totals: SalesTotals
    months: list[MonthSales]
    countries: list[CountryRow]
    products: ProductInsights
    search_terms: list[SearchTermRow]
    unmet: list[UnmetQueryRow]
    payouts: PayoutSummary
    summary_month: Period
    facts: MonthFacts

    @property
    def revenue_growth(self) -> Decimal | None:
        return growth(self.totals.net_mad, self.previous_totals.net_mad)

    @property
    def orders_growth(self) -> Decimal | None:
        return growth(Decimal(self.totals.orders), Decimal(self.previous_totals.orders))

    @property
    def views(self) -> int:
        return sum(row.views for row in self.products.rows)

    @property
    def conversion(self) -> Decimal | None:
        """Orders per product page view over the period (both from the activity roll-up)."""
        views = self.views
        return Decimal(sum(row.orders for row in self.products.rows)) / views if views else None

    # In percent, as the observatory's template filters print them (obs_growth, obs_percent).
    @property
    def revenue_growth_percent(self) -> Decimal | None:
        return _percent(self.revenue_growth)

    @property
    def orders_growth_percent(self) -> Decimal | None:
        return _percent(self.orders_growth)

    @property
    def conversion_percent(self) -> Decimal | None:
        return _percent(self.conversion)


def _percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else value * 100


def cooperative_insights(*, cooperative, period: Period, today: date) -> Insights:
    """Everything the insights page shows for one cooperative and period, in a bounded number
    of queries (about twenty, whatever the data; the page adds a few of its own)."""
    cooperative_id = cooperative.pk
    vocabulary = cooperative_craft_vocabulary(cooperative=cooperative)
    summary_month = period_last_full_month(today=today)
    return Insights(
        cooperative=cooperative,
        period=period,
        totals=cooperative_sales_totals(cooperative_id=cooperative_id, period=period),
        previous_totals=cooperative_sales_totals(cooperative_id=cooperative_id, period=period.previous()),
        months=cooperative_sales_by_month(cooperative_id=cooperative_id, period=period),
        countries=cooperative_buyer_countries(cooperative_id=cooperative_id, period=period),
        products=cooperative_products(cooperative_id=cooperative_id, period=period),
        search_terms=cooperative_search_terms(cooperative_id=cooperative_id, period=period),
        unmet=cooperative_unmet_demand(cooperative=cooperative, period=period, vocabulary=vocabulary),
        payouts=cooperative_payouts(cooperative=cooperative),
        summary_month=summary_month,
        facts=cooperative_month_facts(cooperative=cooperative, month=summary_month, vocabulary=vocabulary),
    )
