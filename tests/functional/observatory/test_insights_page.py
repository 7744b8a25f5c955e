"""The insights page of the vendor dashboard, as a cooperative's staff and platform staff use it."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.observatory.insights import month_add, month_start
from marketplace.observatory.models import (
    CooperativeOrderDaily,
    ProductActivityDaily,
    SalesDaily,
    SearchClickDaily,
    SearchDaily,
)
from tests.factories import (
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductClassFactory,
    ProductFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:cooperative-insights")


def _sold(cooperative, product, day, country, *, orders, units, revenue):
    CooperativeOrderDaily.objects.create(
        day=day,
        cooperative_id=cooperative.pk,
        country=country,
        currency="EUR",
        orders=orders,
        units=units,
        revenue_mad=Decimal(revenue),
        revenue_currency=Decimal(revenue) / 10,
    )
    SalesDaily.objects.create(
        day=day,
        country=country,
        cooperative_id=cooperative.pk,
        product_id=product.pk,
        currency="EUR",
        orders=orders,
        units=units,
        revenue_mad=Decimal(revenue),
        revenue_currency=Decimal(revenue) / 10,
    )
    ProductActivityDaily.objects.create(
        day=day,
        product_id=product.pk,
        cooperative_id=cooperative.pk,
        country=country,
        device="mobile",
        views=orders * 10,
        orders=orders,
        units=units,
    )


@pytest.fixture
def world():
    """Tifawin (rugs) sold last month to France and Belgium; Nejma (lanterns) sold far more."""
    last_month = month_add(month_start(timezone.localdate()), -1)
    day = last_month + timedelta(days=4)
    a = CooperativeFactory(partner__name="Coopérative Tifawin")
    b = CooperativeFactory(partner__name="Coopérative Nejma")
    rug = ProductClassFactory()
    lighting = ProductClassFactory(name="Lighting & metal", slug="lighting", hs_code="9405")
    azilal = ProductFactory(title="Tifawin Azilal rug", product_class=rug, stockrecord__cooperative=a)
    lantern = ProductFactory(title="Nejma brass lantern", product_class=lighting, stockrecord__cooperative=b)
    _sold(a, azilal, day, "FR", orders=3, units=3, revenue="4500")
    _sold(a, azilal, day, "BE", orders=1, units=2, revenue="1250.50")
    _sold(b, lantern, day, "JP", orders=40, units=40, revenue="77777")
    for text, product, cooperative in (("azilal", azilal, a), ("nejma lantern", lantern, b)):
        SearchClickDaily.objects.create(
            day=day,
            text=text,
            language="en",
            country="FR",
            product_id=product.pk,
            cooperative_id=cooperative.pk,
            clicks=6,
        )
    SearchDaily.objects.create(
        day=day, text="kilim runner", language="en", country="US", searches=5, zero_results=5
    )
    return {
        "a": a,
        "b": b,
        "a_staff": CooperativeStaffFactory(cooperative=a),
        "b_staff": CooperativeStaffFactory(cooperative=b),
        "last_month": last_month,
    }


def _text(response) -> str:
    return response.content.decode()


def test_cooperative_staff_see_their_own_numbers_and_month_in_words(client, world):
    client.force_login(world["a_staff"])

    response = client.get(URL)

    assert response.status_code == 200
    body = _text(response)
    assert "Tifawin Azilal rug" in body
    assert "5,750 MAD" in body  # 4 500 + 1 250.50, the net sales key figure
    assert "Most of your buyers came from France (3 of 4 orders)." in body
    assert "A search for “kilim runner” found nothing" in body
    assert "Nejma" not in body
    assert "77,777" not in body
    assert "Japan" not in body
    assert "nejma lantern" not in body


def test_cooperative_staff_cannot_open_another_cooperative(client, world):
    client.force_login(world["a_staff"])

    assert client.get(URL, {"cooperative": world["b"].pk}).status_code == 404
    assert client.get(URL, {"cooperative": world["b"].pk, "format": "csv"}).status_code == 404
    assert client.get(URL, {"cooperative": "x"}).status_code == 404
    assert client.get(URL, {"cooperative": world["a"].pk}).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(URL)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_buyers_without_dashboard_access_are_refused(client, world):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == 403


def test_a_dashboard_user_without_a_cooperative_gets_a_404(client, world):
    client.force_login(CooperativeStaffFactory())

    assert client.get(URL).status_code == 404


def test_platform_staff_pick_a_cooperative(client, world):
    client.force_login(StaffUserFactory())

    picker = client.get(URL)
    chosen = client.get(URL, {"cooperative": world["b"].pk})

    assert picker.status_code == 200
    assert "Coopérative Tifawin" in _text(picker) and "Coopérative Nejma" in _text(picker)
    assert "Nejma brass lantern" in _text(chosen)
    assert "Tifawin Azilal rug" not in _text(chosen)


def test_csv_of_countries_holds_the_cooperatives_rows(client, world):
    client.force_login(world["a_staff"])

    response = client.get(URL, {"format": "csv", "table": "countries"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Country code", "Country", "Orders", "Units", "Revenue (MAD)", "Share of orders"],
        ["FR", "France", "3", "3", "4500.00", "0.7500"],
        ["BE", "Belgium", "1", "2", "1250.50", "0.2500"],
    ]


def test_full_csv_has_every_table_and_no_other_cooperative(client, world):
    client.force_login(world["a_staff"])
    month = f"{world['last_month']:%Y-%m}"

    response = client.get(URL, {"format": "csv", "start": month, "end": month})

    body = response.content.decode("utf-8-sig")
    for title in ("Sales by month", "Products", "Buyer countries", "Searches that led to your products"):
        assert title in body
    rows = list(csv.reader(io.StringIO(body)))
    assert [month, "4", "5", "5750.50", "0.00"] in rows
    assert ["azilal", "6", "1"] in rows
    assert ["kilim runner", "5", "en"] in rows
    assert "Nejma" not in body and "77777" not in body


def test_the_period_can_be_chosen_by_month(client, world):
    client.force_login(world["a_staff"])
    before = f"{month_add(world['last_month'], -3):%Y-%m}"

    response = client.get(URL, {"start": before, "end": before})

    assert response.status_code == 200
    assert response.context["data"].totals.orders == 0
    assert response.context["data"].facts.orders == 4  # the summary is still about last month


def test_a_wrong_period_falls_back_to_the_last_twelve_months(client, world):
    client.force_login(world["a_staff"])

    response = client.get(URL, {"start": "2026-13", "end": "soon"})

    assert response.status_code == 200
    assert len(response.context["data"].period.months) == 12
    assert "Give a month as YYYY-MM." in _text(response)


def test_the_page_reads_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["a_staff"])
    client.get(URL)  # warm the session and the site's caches

    with django_assert_max_num_queries(32):
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("prefix", "country", "direction"), [("/fr", "France", 'dir="ltr"'), ("/ar", "فرنسا", 'dir="rtl"')]
)
def test_the_page_speaks_french_and_arabic(client, world, prefix, country, direction):
    client.force_login(world["a_staff"])

    response = client.get(prefix + URL)

    assert response.status_code == 200
    body = _text(response)
    assert direction in body
    assert country in body
