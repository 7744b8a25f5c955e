"""The staff observatory in the dashboard: who may open it, the numbers it shows, its CSV, filters.

Roll-up rows are written directly, so every figure below can be checked on paper:
France 3,000 MAD net (3,200 sold less 200 refunded) in 2 orders, the United States 1,000 MAD
in 1 order; women-led cooperatives sold the 2,000 MAD of rugs.
"""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.observatory.models import (
    AbandonedBasketDaily,
    FunnelDaily,
    OrderDaily,
    ProductActivityDaily,
    SalesDaily,
    SearchDaily,
)
from marketplace.observatory.services import search_months_rebuild
from tests.factories import (
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductClassFactory,
    ProductFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db

URLS = ("dashboard:observatory-sales", "dashboard:observatory-demand", "dashboard:observatory-funnel")


@pytest.fixture
def figures():
    day = timezone.localdate() - timedelta(days=10)
    ProductClassFactory(name="Rug", slug="rug")
    ProductClassFactory(name="Pottery", slug="pottery", hs_code="6912")
    rug = ProductFactory(title="Much admired Azilal rug")

    def sale(country, craft, women_led, currency, revenue, refunds="0", orders=1):
        SalesDaily.objects.create(
            day=day,
            country=country,
            cooperative_id=1,
            product_id=rug.pk,
            craft=craft,
            category="",
            women_led=women_led,
            currency=currency,
            orders=orders,
            units=orders,
            revenue_mad=Decimal(revenue),
            revenue_currency=Decimal(revenue) / 10,
            refunds_mad=Decimal(refunds),
        )

    sale("FR", "rug", True, "EUR", "2000", refunds="200")
    sale("FR", "pottery", False, "EUR", "1200")
    sale("US", "pottery", False, "USD", "1000")
    OrderDaily.objects.create(
        day=day,
        country="FR",
        currency="EUR",
        orders=2,
        units=2,
        revenue_mad=Decimal("3200"),
        revenue_currency=320,
    )
    OrderDaily.objects.create(
        day=day,
        country="US",
        currency="USD",
        orders=1,
        units=1,
        revenue_mad=Decimal("1000"),
        revenue_currency=100,
    )
    SearchDaily.objects.create(
        day=day, text="kilim runner", language="en", country="US", searches=7, zero_results=7, clicks=0
    )
    SearchDaily.objects.create(
        day=day, text="beni ourain", language="fr", country="FR", searches=12, low_results=0, clicks=5
    )
    search_months_rebuild(first=day, last=day)
    ProductActivityDaily.objects.create(
        day=day, product_id=rug.pk, country="US", device="mobile", views=120, basket_adds=6, orders=1, units=1
    )
    AbandonedBasketDaily.objects.create(day=day, country="DE", baskets=3, value_mad=Decimal("4500"))
    FunnelDaily.objects.create(
        day=day, country="FR", device="mobile", views=200, basket_adds=20, checkouts=10, placed=5, paid=4
    )
    FunnelDaily.objects.create(
        day=day, country="US", device="desktop", views=100, basket_adds=5, checkouts=5, placed=2, paid=1
    )
    return {"day": day, "rug": rug}


@pytest.fixture
def staff_client(client):
    client.force_login(StaffUserFactory())
    return client


def _csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _value(rows, section, key, measure):
    return next(
        row["value"]
        for row in rows
        if (row["section"], row["key"], row["measure"]) == (section, key, measure)
    )


@pytest.mark.parametrize("name", URLS)
def test_staff_open_each_view_and_its_csv(staff_client, figures, name):
    page = staff_client.get(reverse(name))
    export = staff_client.get(reverse(name), {"format": "csv"})

    assert page.status_code == 200
    assert b"<table" in page.content and b"<caption" in page.content
    assert b'aria-hidden="true"' in page.content
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    assert export["Content-Disposition"].startswith('attachment; filename="souk-observatory-')
    assert _csv(export)


@pytest.mark.parametrize("name", URLS)
def test_cooperative_staff_are_refused_and_anonymous_visitors_sent_to_log_in(client, name):
    cooperative = CooperativeFactory()
    client.force_login(CooperativeStaffFactory(cooperative=cooperative))
    assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse(name), {"format": "csv"}).status_code == 403

    client.logout()
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_sales_view_shows_net_sales_by_country_growth_baskets_and_the_women_led_share(
    staff_client, figures
):
    response = staff_client.get(reverse("dashboard:observatory-sales"))
    report = response.context["report"]

    assert [(row["country"], row["net_mad"], row["orders"]) for row in report.by_country] == [
        ("FR", Decimal("3000.00"), 2),
        ("US", Decimal("1000.00"), 1),
    ]
    assert report.totals["net_mad"] == Decimal("4000.00")
    assert report.totals["average_basket_mad"] == Decimal("1333.33")
    assert report.growth["net_mad"] is None  # nothing in the previous period
    # Rugs: 2,000 sold less 200 refunded, all women-led, out of 4,000 net.
    assert report.women_led["share"] == 45.0
    assert [(row["currency"], row["orders"], row["average_currency"]) for row in report.baskets] == [
        ("EUR", 2, Decimal("160.00")),
        ("USD", 1, Decimal("100.00")),
    ]
    assert "France" in response.content.decode()


def test_the_sales_csv_carries_plain_unlocalised_numbers(staff_client, figures):
    rows = _csv(staff_client.get(reverse("dashboard:observatory-sales"), {"format": "csv", "country": "FR"}))

    assert _value(rows, "by_country", "FR", "net_mad") == "3000.00"
    assert _value(rows, "by_country", "FR", "orders") == "2"
    assert _value(rows, "totals", "", "refunds_mad") == "200.00"
    assert not [row for row in rows if row["section"] == "by_country" and row["key"] == "US"]


def test_filters_apply_and_the_form_keeps_its_values(staff_client, figures):
    response = staff_client.get(reverse("dashboard:observatory-sales"), {"country": "US", "craft": "pottery"})
    report = response.context["report"]

    assert [row["country"] for row in report.by_country] == ["US"]
    assert report.totals["net_mad"] == Decimal("1000.00")
    assert response.context["form"]["country"].value() == "US"
    assert b'<option value="pottery" selected>' in response.content

    outside = staff_client.get(
        reverse("dashboard:observatory-sales"),
        {"start": (figures["day"] + timedelta(days=1)).isoformat(), "end": timezone.localdate().isoformat()},
    )
    assert outside.context["report"].totals["net_mad"] == Decimal("0.00")


def test_an_impossible_period_falls_back_to_the_last_twelve_months_with_a_message(staff_client, figures):
    response = staff_client.get(
        reverse("dashboard:observatory-sales"), {"start": "2026-05-01", "end": "2026-01-01"}
    )

    assert response.status_code == 200
    assert response.context["report"].totals["net_mad"] == Decimal("4000.00")
    assert "The start date is after the end date." in response.content.decode()


def test_the_demand_view_lists_unmet_searches_viewed_unbought_products_and_abandoned_baskets(
    staff_client, figures
):
    response = staff_client.get(reverse("dashboard:observatory-demand"))
    report = response.context["report"]

    assert [(row["text"], row["zero"]) for row in report.zero_results] == [("kilim runner", 7)]
    assert [(row["text"], row["searches"], row["clicks"]) for row in report.top_queries] == [
        ("beni ourain", 12, 5),
        ("kilim runner", 7, 0),
    ]
    assert [(row["title"], row["views"], row["orders"]) for row in report.viewed_not_bought] == [
        ("Much admired Azilal rug", 120, 1)
    ]
    assert [(row["country"], row["baskets"], row["value_mad"]) for row in report.abandoned] == [
        ("DE", 3, Decimal("4500.00"))
    ]
    assert "kilim runner" in response.content.decode()

    french = staff_client.get(reverse("dashboard:observatory-demand"), {"language": "fr"}).context["report"]
    assert [row["text"] for row in french.top_queries] == ["beni ourain"]


def test_the_funnel_view_gives_each_step_and_its_rate_by_country_and_device(staff_client, figures):
    report = staff_client.get(reverse("dashboard:observatory-funnel")).context["report"]

    assert (report.totals["views"], report.totals["basket_adds"], report.totals["paid"]) == (300, 25, 5)
    assert report.totals["conversion"] == round(5 * 100 / 300, 1)
    france = next(row for row in report.by_country if row["country"] == "FR")
    assert (france["basket_rate"], france["checkout_rate"], france["paid_rate"]) == (10.0, 50.0, 40.0)
    assert {row["device"]: row["paid"] for row in report.by_device} == {"mobile": 4, "desktop": 1}

    rows = _csv(
        staff_client.get(reverse("dashboard:observatory-funnel"), {"format": "csv", "device": "desktop"})
    )
    assert _value(rows, "totals", "", "views") == "100"


@pytest.mark.parametrize(("name", "limit"), [(URLS[0], 24), (URLS[1], 20), (URLS[2], 16)])
def test_each_view_answers_in_a_bounded_number_of_queries(
    staff_client, figures, django_assert_max_num_queries, name, limit
):
    staff_client.get(reverse(name))  # warm the session and caches
    with django_assert_max_num_queries(limit):
        assert staff_client.get(reverse(name), {"country": "FR"}).status_code == 200


def test_a_valid_filter_is_kept_when_the_dates_are_impossible(staff_client, figures):
    response = staff_client.get(
        reverse("dashboard:observatory-sales"), {"country": "US", "start": "2026-05-01", "end": "2026-01-01"}
    )

    assert [row["country"] for row in response.context["report"].by_country] == ["US"]
