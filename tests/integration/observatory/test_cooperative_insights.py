"""A cooperative's insights, read from the daily roll-ups, against totals computed by hand.

Two cooperatives sell on the same days to the same countries; every number cooperative A
sees must be A's alone. Rows are written straight into the roll-ups so each total below can
be checked on paper.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.observatory import insights
from marketplace.observatory.models import (
    CooperativeOrderDaily,
    ProductActivityDaily,
    SalesDaily,
    SearchClickDaily,
    SearchDaily,
)
from marketplace.observatory.services import rollup_days
from tests.factories import CooperativeFactory, ProductClassFactory, ProductFactory, order_create

pytestmark = pytest.mark.django_db

MARCH = insights.Period(first=date(2026, 3, 1), last=date(2026, 3, 1))
Q1 = insights.Period(first=date(2026, 1, 1), last=date(2026, 3, 1))
TODAY = date(2026, 4, 10)


def _order_day(cooperative, day, country, *, orders, units, revenue, refunds="0", currency="EUR"):
    CooperativeOrderDaily.objects.create(
        day=day,
        cooperative_id=cooperative.pk,
        country=country,
        currency=currency,
        orders=orders,
        units=units,
        revenue_mad=Decimal(revenue),
        revenue_currency=Decimal(revenue) / 10,
        refunds_mad=Decimal(refunds),
    )


def _sale(cooperative, product, day, country, *, orders, units, revenue, refunds="0"):
    SalesDaily.objects.create(
        day=day,
        country=country,
        cooperative_id=cooperative.pk,
        product_id=product.pk,
        craft=product.product_class.slug,
        currency="EUR",
        orders=orders,
        units=units,
        revenue_mad=Decimal(revenue),
        revenue_currency=Decimal(revenue) / 10,
        refunds_mad=Decimal(refunds),
    )


def _activity(cooperative, product, day, *, views, basket_adds=0, orders=0, country="FR", device="mobile"):
    ProductActivityDaily.objects.create(
        day=day,
        product_id=product.pk,
        cooperative_id=cooperative.pk,
        country=country,
        device=device,
        views=views,
        basket_adds=basket_adds,
        orders=orders,
        units=orders,
    )


@pytest.fixture
def world():
    """A: a rug cooperative. B: a lantern cooperative. Both sell to France and the US."""
    a = CooperativeFactory(partner__name="Coopérative Tifawin")
    b = CooperativeFactory(partner__name="Coopérative Nejma")
    rug = ProductClassFactory()
    lighting = ProductClassFactory(name="Lighting & metal", slug="lighting", hs_code="9405")
    azilal = ProductFactory(title="Azilal rug", product_class=rug, stockrecord__cooperative=a)
    kilim = ProductFactory(title="Striped kilim", product_class=rug, stockrecord__cooperative=a)
    quiet = ProductFactory(title="Boujad rug", product_class=rug, stockrecord__cooperative=a)
    lantern = ProductFactory(title="Brass lantern", product_class=lighting, stockrecord__cooperative=b)

    # A's orders. February: 2 orders (FR), 2 000 MAD. March: FR 3 orders 4 500 MAD (one
    # refund of 500 MAD), US 1 order 1 200 MAD, and a second US day of 2 orders 1 800 MAD.
    _order_day(a, date(2026, 2, 10), "FR", orders=2, units=2, revenue="2000")
    _order_day(a, date(2026, 3, 2), "FR", orders=3, units=4, revenue="4500", refunds="500")
    _order_day(a, date(2026, 3, 5), "US", orders=1, units=1, revenue="1200", currency="USD")
    _order_day(a, date(2026, 3, 20), "US", orders=2, units=2, revenue="1800", currency="USD")
    # Outside every period asked for below.
    _order_day(a, date(2025, 12, 31), "DE", orders=7, units=7, revenue="9999")
    # B sells more, on the same days, to the same countries and to Japan.
    _order_day(b, date(2026, 3, 2), "FR", orders=10, units=10, revenue="30000")
    _order_day(b, date(2026, 3, 5), "JP", orders=4, units=4, revenue="8000")

    _sale(a, azilal, date(2026, 3, 2), "FR", orders=2, units=3, revenue="3600", refunds="500")
    _sale(a, azilal, date(2026, 3, 20), "US", orders=2, units=2, revenue="1800")
    _sale(a, kilim, date(2026, 3, 2), "FR", orders=1, units=1, revenue="900")
    _sale(a, kilim, date(2026, 3, 5), "US", orders=1, units=1, revenue="1200")
    _sale(a, azilal, date(2026, 2, 10), "FR", orders=2, units=2, revenue="2000")
    _sale(b, lantern, date(2026, 3, 2), "FR", orders=10, units=10, revenue="30000")

    _activity(a, azilal, date(2026, 3, 1), views=30, basket_adds=6, orders=3)
    _activity(a, azilal, date(2026, 3, 2), views=10, basket_adds=2, orders=1, country="US", device="desktop")
    _activity(a, kilim, date(2026, 3, 3), views=20, basket_adds=3, orders=2)
    _activity(a, quiet, date(2026, 3, 4), views=60, basket_adds=1, orders=1)
    _activity(b, lantern, date(2026, 3, 4), views=500, basket_adds=40, orders=10)

    for text, product, cooperative, clicks in (
        ("azilal", azilal, a, 5),
        ("Azilal", azilal, a, 2),
        ("wool rug", azilal, a, 3),
        ("wool rug", kilim, a, 1),
        ("kilim", kilim, a, 4),
        ("brass lantern", lantern, b, 50),
    ):
        SearchClickDaily.objects.create(
            day=date(2026, 3, 10),
            text=text,
            language="en",
            country="FR",
            product_id=product.pk,
            cooperative_id=cooperative.pk,
            clicks=clicks,
        )

    for text, language, zero, searches in (
        ("kilim runner", "en", 4, 4),
        ("Kilim Runner", "fr", 2, 2),
        ("tapis bleu", "fr", 3, 3),
        ("lanterne cuivre", "fr", 9, 9),  # lighting: B's craft, not A's
        ("teapot", "en", 12, 12),  # no one's craft
        ("azilal", "en", 0, 8),  # found results: not unmet
    ):
        SearchDaily.objects.create(
            day=date(2026, 3, 15),
            text=text,
            language=language,
            country="US",
            searches=searches,
            zero_results=zero,
        )
    return {"a": a, "b": b, "azilal": azilal, "kilim": kilim, "quiet": quiet, "lantern": lantern}


def test_sales_totals_are_the_cooperatives_own_net_of_refunds(world):
    totals = insights.cooperative_sales_totals(cooperative_id=world["a"].pk, period=MARCH)

    assert totals.orders == 3 + 1 + 2
    assert totals.units == 4 + 1 + 2
    assert totals.revenue_mad == Decimal("7500.00")
    assert totals.refunds_mad == Decimal("500.00")
    assert totals.net_mad == Decimal("7000.00")


def test_sales_by_month_fill_empty_months_and_leave_out_days_outside_the_period(world):
    months = insights.cooperative_sales_by_month(cooperative_id=world["a"].pk, period=Q1)

    assert [(row.month, row.totals.orders, row.totals.net_mad) for row in months] == [
        (date(2026, 1, 1), 0, Decimal("0.00")),
        (date(2026, 2, 1), 2, Decimal("2000.00")),
        (date(2026, 3, 1), 6, Decimal("7000.00")),
    ]


def test_growth_compares_with_the_same_number_of_months_just_before():
    assert MARCH.previous() == insights.Period(first=date(2026, 2, 1), last=date(2026, 2, 1))
    assert Q1.previous() == insights.Period(first=date(2025, 10, 1), last=date(2025, 12, 1))
    assert insights.growth(Decimal("7000"), Decimal("2000")) == Decimal("2.5")
    assert insights.growth(Decimal("7000"), Decimal("0")) is None


def test_buyer_countries_rank_by_orders_with_shares_and_localised_names(world):
    countries = insights.cooperative_buyer_countries(
        cooperative_id=world["a"].pk, period=MARCH, language="fr"
    )

    assert [(row.code, row.name, row.totals.orders, row.totals.net_mad) for row in countries] == [
        ("FR", "France", 3, Decimal("4000.00")),
        ("US", "États-Unis", 3, Decimal("3000.00")),
    ]
    assert [row.share for row in countries] == [Decimal("0.5"), Decimal("0.5")]
    assert "JP" not in {row.code for row in countries}


def test_products_rank_by_revenue_with_views_to_orders(world):
    products = insights.cooperative_products(cooperative_id=world["a"].pk, period=MARCH)

    assert [(row.title, row.net_mad, row.units) for row in products.top] == [
        ("Azilal rug", Decimal("4900.00"), 5),
        ("Striped kilim", Decimal("2100.00"), 2),
    ]
    by_title = {row.title: row for row in products.rows}
    assert (by_title["Azilal rug"].views, by_title["Azilal rug"].orders) == (40, 4)
    assert by_title["Azilal rug"].conversion == Decimal("0.1")
    assert by_title["Striped kilim"].conversion == Decimal("0.1")
    assert [row.title for row in products.most_viewed] == ["Boujad rug", "Azilal rug", "Striped kilim"]
    assert "Brass lantern" not in by_title


def test_most_viewed_but_rarely_bought_are_products_ordered_at_most_once_per_fifty_views(world):
    products = insights.cooperative_products(cooperative_id=world["a"].pk, period=MARCH)

    # Boujad: 60 views, 1 order (1.7%); Azilal and the kilim convert at 10%.
    assert [row.title for row in products.rarely_bought] == ["Boujad rug"]


def test_search_terms_that_led_to_the_cooperatives_products_merge_case_and_count_products(world):
    terms = insights.cooperative_search_terms(cooperative_id=world["a"].pk, period=MARCH)

    assert [(row.text, row.clicks, row.products) for row in terms] == [
        ("azilal", 7, 1),
        ("kilim", 4, 1),
        ("wool rug", 4, 2),
    ]


def test_unmet_demand_keeps_zero_result_queries_about_the_cooperatives_crafts(world):
    unmet = insights.cooperative_unmet_demand(cooperative=world["a"], period=MARCH)

    assert [(row.text, row.zero_results, row.languages) for row in unmet] == [
        ("kilim runner", 6, ("en", "fr")),
        ("tapis bleu", 3, ("fr",)),
    ]


def test_the_other_cooperative_gets_its_own_unmet_demand(world):
    unmet = insights.cooperative_unmet_demand(cooperative=world["b"], period=MARCH)

    assert [row.text for row in unmet] == ["lanterne cuivre"]


def test_craft_vocabulary_includes_styles_synonyms_and_misspellings():
    vocabulary = insights.craft_vocabulary(names=["Rug"], craft_codes=["rug"])

    assert {"rug", "carpet", "tapis", "kilim", "hanbel", "beni ourain", "wool"} <= vocabulary
    assert "ivory" not in vocabulary  # colours say nothing about the craft
    assert insights.query_matches_vocabulary(text="kilims runner", vocabulary=vocabulary)
    assert insights.query_matches_vocabulary(text="Beni Ouarain 200x300", vocabulary=vocabulary)
    assert not insights.query_matches_vocabulary(text="brass lantern", vocabulary=vocabulary)


def test_month_facts_describe_the_last_full_month(world):
    facts = insights.cooperative_month_facts(cooperative=world["a"], month=MARCH)

    assert facts.month == date(2026, 3, 1)
    assert (facts.orders, facts.units, facts.revenue_mad) == (6, 7, Decimal("7000.00"))
    assert facts.previous_revenue_mad == Decimal("2000.00")
    assert facts.countries == (("FR", 3), ("US", 3))
    assert (facts.top_product, facts.top_product_units) == ("Azilal rug", 5)
    assert facts.views == 120
    assert facts.search_terms == ("azilal", "kilim", "wool rug")
    assert facts.unmet_queries == ("kilim runner", "tapis bleu")
    assert facts.ever_sold


def test_a_cooperative_without_roll_ups_gets_zeros_and_no_sales_yet():
    lonely = CooperativeFactory()

    data = insights.cooperative_insights(cooperative=lonely, period=Q1, today=TODAY)

    assert data.totals == insights.SalesTotals()
    assert data.countries == [] and data.products.rows == [] and data.search_terms == []
    assert data.revenue_growth is None
    assert not data.facts.ever_sold


def test_the_whole_page_never_holds_another_cooperatives_numbers(world):
    data = insights.cooperative_insights(cooperative=world["a"], period=Q1, today=TODAY)

    assert data.totals.orders == 8
    assert data.previous_totals.orders == 7  # the December day, in the three months before
    assert data.summary_month == MARCH
    product_ids = {row.product_id for row in data.products.rows}
    assert world["lantern"].pk not in product_ids
    assert "JP" not in {row.code for row in data.countries}
    assert "brass lantern" not in {row.text for row in data.search_terms}
    assert "lanterne cuivre" not in {row.text for row in data.unmet}


def test_insights_read_what_the_roll_up_makes_of_real_paid_orders():
    a, b = CooperativeFactory(), CooperativeFactory()
    rug = ProductFactory(
        stockrecord__cooperative=a, stockrecord__price=Decimal("1500.00"), stockrecord__stock=5
    )
    lantern = ProductFactory(
        stockrecord__cooperative=b, stockrecord__price=Decimal("800.00"), stockrecord__stock=5
    )
    to_france = order_create(items=[(rug, 2)], country="FR")
    mixed_to_us = order_create(items=[(rug, 1), (lantern, 1)], country="US")
    unpaid = order_create(items=[(rug, 1)], country="DE")
    get_model("order", "Order").objects.filter(pk__in=[to_france.pk, mixed_to_us.pk]).update(status="Paid")
    today = timezone.localdate()
    rollup_days(start=today - timedelta(days=1), end=today)
    period = insights.period_default(today=today, months=2)

    totals = insights.cooperative_sales_totals(cooperative_id=a.pk, period=period)
    countries = insights.cooperative_buyer_countries(cooperative_id=a.pk, period=period, language="en")
    products = insights.cooperative_products(cooperative_id=a.pk, period=period)

    assert unpaid.status != "Paid"
    assert (totals.orders, totals.units, totals.net_mad) == (2, 3, Decimal("4500.00"))
    assert [(row.code, row.totals.orders, row.totals.net_mad) for row in countries] == [
        ("FR", 1, Decimal("3000.00")),
        ("US", 1, Decimal("1500.00")),
    ]
    assert [(row.product_id, row.units, row.net_mad) for row in products.top] == [
        (rug.pk, 3, Decimal("4500.00"))
    ]
