"""The daily roll-ups against totals computed by hand on a small shop.

Two cooperatives (Tifawin, women-led, sells a 1,500 MAD rug; Nejma sells 300 MAD tagines),
two paid orders two days ago (France in EUR at 0.092, the United States in USD at 0.1), one
order still waiting for payment, a refund today, searches (one found nothing), and one basket
left behind in Germany.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone
from oscar.core.loading import get_model

from checkout.ledger.services import order_split, vendor_order_refund
from checkout.models import StripePayment
from marketplace.observatory.models import (
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
from marketplace.observatory.selectors import Period, demand_report
from marketplace.observatory.services import events_prune, rollup_days
from search.models import QueryLog
from tests.factories import (
    CooperativeFactory,
    ProductClassFactory,
    ProductFactory,
    StaffUserFactory,
    category_create,
    order_create,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
ProductCategory = get_model("catalogue", "ProductCategory")


def _paid(order, *, at, currency, rate):
    Order.objects.filter(pk=order.pk).update(status="Paid", date_placed=at)
    order.refresh_from_db()
    StripePayment.objects.create(
        order=order,
        currency=currency,
        amount=(order.total_incl_tax * rate).quantize(Decimal("0.01")),
        amount_minor=1,
        exchange_rate=rate,
        status=StripePayment.Status.SUCCEEDED,
    )
    order_split(order=order, notify=False)
    return order


def _event(kind, at, *, country="FR", device="mobile", product=None, cooperative=None):
    return Event.objects.create(
        kind=kind,
        occurred_at=at,
        country=country,
        device=device,
        language="fr",
        product_id=product.pk if product else None,
        cooperative_id=cooperative.pk if cooperative else None,
    )


def _search(text, at, *, results, country="US", language="en", clicked=None):
    log = QueryLog.objects.create(
        text=text, language=language, country=country, results=results, clicked_product=clicked
    )
    QueryLog.objects.filter(pk=log.pk).update(created_at=at)


@pytest.fixture
def shop():
    now = timezone.now()
    day = timezone.localdate() - timedelta(days=2)
    noon = timezone.make_aware(datetime.combine(day, time(12)))
    tifawin = CooperativeFactory(is_women_led=True)
    nejma = CooperativeFactory(is_women_led=False, women_members_count=2)
    rug_class = ProductClassFactory(name="Rug", slug="rug")
    pottery = ProductClassFactory(name="Pottery", slug="pottery", hs_code="6912")
    rugs = category_create(name="Rugs", slug="rugs")
    beni_ourain = category_create(name="Beni Ourain", slug="beni-ourain", parent=rugs)
    tagines = category_create(name="Tagines", slug="tagines")
    rug = ProductFactory(title="Tifawin rug", product_class=rug_class, stockrecord__cooperative=tifawin)
    tagine = ProductFactory(
        title="Nejma tagine",
        product_class=pottery,
        stockrecord__cooperative=nejma,
        stockrecord__price=Decimal("300.00"),
        stockrecord__stock=10,
    )
    ProductCategory.objects.create(product=rug, category=rugs)
    ProductCategory.objects.create(product=rug, category=beni_ourain)
    ProductCategory.objects.create(product=tagine, category=tagines)

    france = _paid(
        order_create(items=[(rug, 1), (tagine, 2)], country="FR"),
        at=noon,
        currency="EUR",
        rate=Decimal("0.092"),
    )
    BasketOrigin.objects.create(basket_id=france.basket_id, country="FR", device="mobile", updated_at=noon)
    _paid(order_create(items=[(tagine, 1)], country="US"), at=noon, currency="USD", rate=Decimal("0.1"))
    pending = order_create(items=[(tagine, 1)], country="US")
    Order.objects.filter(pk=pending.pk).update(date_placed=noon)

    nejma_in_france = france.vendor_orders.get(partner=nejma.partner)
    vendor_order_refund(
        vendor_order=nejma_in_france,
        amount=Decimal("150.00"),
        by=StaffUserFactory(),
        reason="One lid cracked",
    )

    for minutes in (10, 20, 30):
        _event("view", noon - timedelta(minutes=minutes), product=rug, cooperative=tifawin)
    _event("basket", noon - timedelta(minutes=8), product=rug, cooperative=tifawin)
    _event("checkout", noon - timedelta(minutes=5))
    _event("checkout", noon - timedelta(minutes=5), product=rug, cooperative=tifawin)
    _event("placed", noon)

    _search("kilim runner", noon, results=0, country="FR", language="fr")
    _search("kilim runner", noon + timedelta(minutes=1), results=0, country="FR", language="fr")
    _search("beni ourain", noon, results=12, clicked=rug)
    _search("tagine", noon, results=2)

    left = Basket.objects.create()
    BasketLine.objects.create(
        basket=left,
        line_reference="rug",
        product=rug,
        stockrecord=rug.stockrecords.first(),
        quantity=1,
        price_currency="MAD",
        price_excl_tax=Decimal("1500.00"),
        price_incl_tax=Decimal("1500.00"),
    )
    BasketLine.objects.filter(basket=left).update(date_updated=noon)
    BasketOrigin.objects.create(basket=left, country="DE", device="desktop", updated_at=noon)
    fresh = Basket.objects.create()
    BasketLine.objects.create(
        basket=fresh,
        line_reference="tagine",
        product=tagine,
        stockrecord=tagine.stockrecords.first(),
        quantity=1,
        price_currency="MAD",
        price_excl_tax=Decimal("300.00"),
        price_incl_tax=Decimal("300.00"),
    )
    return {
        "day": day,
        "today": timezone.localdate(),
        "now": now,
        "tifawin": tifawin,
        "nejma": nejma,
        "rug": rug,
        "tagine": tagine,
    }


def _rows(model, **filters):
    return list(model.objects.filter(**filters).order_by("pk"))


def test_sales_are_split_by_country_cooperative_product_craft_style_and_currency(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    rows = {
        (row.country, row.product_id, row.currency): row for row in SalesDaily.objects.filter(day=shop["day"])
    }
    assert set(rows) == {
        ("FR", shop["rug"].pk, "EUR"),
        ("FR", shop["tagine"].pk, "EUR"),
        ("US", shop["tagine"].pk, "USD"),
    }
    rug = rows[("FR", shop["rug"].pk, "EUR")]
    assert (rug.cooperative_id, rug.craft, rug.category, rug.women_led) == (
        shop["tifawin"].pk,
        "rug",
        "beni-ourain",
        True,
    )
    assert (rug.orders, rug.units, rug.revenue_mad, rug.revenue_currency) == (
        1,
        1,
        Decimal("1500.00"),
        Decimal("138.00"),
    )
    tagines_fr = rows[("FR", shop["tagine"].pk, "EUR")]
    assert (tagines_fr.craft, tagines_fr.category, tagines_fr.women_led) == ("pottery", "tagines", False)
    assert (tagines_fr.units, tagines_fr.revenue_mad, tagines_fr.revenue_currency) == (
        2,
        Decimal("600.00"),
        Decimal("55.20"),
    )
    tagine_us = rows[("US", shop["tagine"].pk, "USD")]
    assert (tagine_us.units, tagine_us.revenue_mad, tagine_us.revenue_currency) == (
        1,
        Decimal("300.00"),
        Decimal("30.00"),
    )
    # The pending order is not a sale.
    assert sum(row.revenue_mad for row in rows.values()) == Decimal("2400.00")


def test_a_refund_is_counted_on_its_day_against_the_sale_it_reverses(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    refund_rows = _rows(SalesDaily, day=shop["today"])
    assert len(refund_rows) == 1
    row = refund_rows[0]
    assert (row.country, row.product_id, row.cooperative_id, row.currency) == (
        "FR",
        shop["tagine"].pk,
        shop["nejma"].pk,
        "EUR",
    )
    # No shipping in this vendor order: the whole 150 MAD refund is goods; 150 × 0.092 EUR.
    assert (row.orders, row.revenue_mad, row.refunds_mad, row.refunds_currency) == (
        0,
        Decimal("0.00"),
        Decimal("150.00"),
        Decimal("13.80"),
    )
    assert SalesDaily.objects.filter(day=shop["day"], refunds_mad__gt=0).count() == 0


def test_whole_orders_and_cooperative_parts_are_counted_once_each(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    orders = {(row.country, row.currency): row for row in OrderDaily.objects.filter(day=shop["day"])}
    assert {
        key: (row.orders, row.units, row.revenue_mad, row.revenue_currency) for key, row in orders.items()
    } == {
        ("FR", "EUR"): (1, 3, Decimal("2100.00"), Decimal("193.20")),
        ("US", "USD"): (1, 1, Decimal("300.00"), Decimal("30.00")),
    }
    parts = {
        (row.cooperative_id, row.country): row
        for row in CooperativeOrderDaily.objects.filter(day=shop["day"])
    }
    tifawin, nejma = shop["tifawin"].pk, shop["nejma"].pk
    assert {key: (row.orders, row.units, row.revenue_mad, row.women_led) for key, row in parts.items()} == {
        (tifawin, "FR"): (1, 1, Decimal("1500.00"), True),
        (nejma, "FR"): (1, 2, Decimal("600.00"), False),
        (nejma, "US"): (1, 1, Decimal("300.00"), False),
    }
    today = CooperativeOrderDaily.objects.get(day=shop["today"])
    assert (today.cooperative_id, today.orders, today.refunds_mad) == (nejma, 0, Decimal("150.00"))


def test_the_funnel_counts_basket_level_steps_and_paid_orders_by_country_and_device(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    funnel = {(row.country, row.device): row for row in FunnelDaily.objects.filter(day=shop["day"])}
    france = funnel[("FR", "mobile")]
    # The product-level checkout event is for product funnels: the funnel counts one checkout.
    assert (france.views, france.basket_adds, france.checkouts, france.placed, france.paid) == (3, 1, 1, 1, 1)
    # The US order's basket has no recorded origin: its destination, device unknown.
    usa = funnel[("US", "")]
    assert (usa.views, usa.paid) == (0, 1)
    assert sum(row.paid for row in funnel.values()) == 2


def test_product_activity_joins_views_and_paid_units(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    activity = {
        (row.product_id, row.country, row.device): row
        for row in ProductActivityDaily.objects.filter(day=shop["day"])
    }
    rug = activity[(shop["rug"].pk, "FR", "mobile")]
    assert (rug.views, rug.basket_adds, rug.checkouts, rug.orders, rug.units) == (3, 1, 1, 1, 1)
    assert rug.cooperative_id == shop["tifawin"].pk
    tagines = activity[(shop["tagine"].pk, "FR", "mobile")]
    assert (tagines.views, tagines.orders, tagines.units) == (0, 1, 2)
    assert (
        activity[(shop["tagine"].pk, "US", "")].orders,
        activity[(shop["tagine"].pk, "US", "")].units,
    ) == (1, 1)


def test_searches_count_zero_and_low_results_and_clicks(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    searches = {
        (row.text, row.language, row.country): row for row in SearchDaily.objects.filter(day=shop["day"])
    }
    kilim = searches[("kilim runner", "fr", "FR")]
    assert (kilim.searches, kilim.zero_results, kilim.low_results, kilim.clicks) == (2, 2, 0, 0)
    tagine = searches[("tagine", "en", "US")]
    assert (tagine.searches, tagine.zero_results, tagine.low_results) == (1, 0, 1)
    beni = searches[("beni ourain", "en", "US")]
    assert (beni.searches, beni.zero_results, beni.low_results, beni.clicks) == (1, 0, 0, 1)
    click = SearchClickDaily.objects.get(day=shop["day"])
    assert (click.text, click.product_id, click.cooperative_id, click.clicks) == (
        "beni ourain",
        shop["rug"].pk,
        shop["tifawin"].pk,
        1,
    )


def test_a_basket_untouched_for_a_day_is_abandoned_and_a_fresh_one_is_not(shop):
    rollup_days(start=shop["day"], end=shop["today"])

    assert [
        (row.day, row.country, row.baskets, row.value_mad) for row in AbandonedBasketDaily.objects.all()
    ] == [(shop["day"], "DE", 1, Decimal("1500.00"))]


def test_rolling_up_the_same_days_again_gives_the_same_rows(shop):
    rollup_days(start=shop["day"], end=shop["today"])
    models = (SalesDaily, OrderDaily, CooperativeOrderDaily, ProductActivityDaily, FunnelDaily, SearchDaily)
    first = {model: sorted(model.objects.values_list(*_fields(model))) for model in models}

    rollup_days(start=shop["day"], end=shop["today"])

    assert {model: sorted(model.objects.values_list(*_fields(model))) for model in models} == first
    assert RollupRun.objects.count() == 2


def _fields(model):
    return [f.name for f in model._meta.concrete_fields if f.name != "id"]


def test_old_events_are_pruned_after_the_retention_period(shop, settings):
    settings.SOUK_OBSERVATORY_RETENTION_DAYS = 30
    old = _event("view", timezone.now() - timedelta(days=31), product=shop["rug"])
    recent = _event("view", timezone.now() - timedelta(days=29), product=shop["rug"])

    events_prune()

    assert not Event.objects.filter(pk=old.pk).exists()
    assert Event.objects.filter(pk=recent.pk).exists()


def test_the_event_table_has_no_field_for_personal_data():
    names = {field.name for field in Event._meta.get_fields()}

    assert names == {
        "id",
        "kind",
        "occurred_at",
        "country",
        "device",
        "language",
        "product_id",
        "cooperative_id",
        "quantity",
    }


def test_monthly_searches_add_up_the_days_and_the_demand_report_reads_both(shop):
    month_ago = shop["day"] - timedelta(days=31)
    _search(
        "kilim runner",
        timezone.make_aware(datetime.combine(month_ago, time(9))),
        results=0,
        country="FR",
        language="fr",
    )
    rollup_days(start=month_ago, end=shop["today"])

    monthly = SearchMonthly.objects.filter(text="kilim runner").aggregate(
        n=Sum("searches"), zero=Sum("zero_results")
    )
    assert monthly == {"n": 3, "zero": 3}
    # A period of whole months and partial ones at both ends counts every search once.
    period = Period(start=month_ago, end=shop["today"])
    report = demand_report(period=period)
    kilim = next(row for row in report.zero_results if row["text"] == "kilim runner")
    assert (kilim["searches"], kilim["zero"], kilim["countries"]) == (3, 3, 1)
    assert report.totals["searches"] == 5
