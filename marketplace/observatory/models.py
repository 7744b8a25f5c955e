"""The export observatory's store: raw behaviour events and daily roll-ups. No personal data.

Events carry no user, IP address, session key, basket or order id: only what happened, when,
from which country and kind of device, in which language, about which product. Roll-ups are
aggregates, one row per day and combination of dimensions, rebuilt idempotently by
`services.rollup_days` (a day is deleted and recomputed in one transaction), so every view
sums a few thousand rows instead of scanning orders and logs.

Dimensions shared by the roll-ups:
- `day`: the local date (settings.TIME_ZONE) the thing happened.
- `country`: ISO 3166-1 alpha-2, "" when unknown. In sales (`SalesDaily`, `OrderDaily`,
  `CooperativeOrderDaily`) it is the order's destination (shipping address); in behaviour
  roll-ups (events, searches, funnel, abandoned baskets) the buyer's country from a geo
  header or the browser's language (`search.services.buyer_country`).
- `cooperative_id`: the pk of `vendors.Cooperative` (not of Oscar's Partner); `product_id`:
  the pk of `catalogue.Product`. Plain ids, not foreign keys: deleting a product or a
  cooperative never touches the analytics.
- Money: `*_mad` in dirhams (the cooperatives' currency, what the ledger keeps); `*_currency`
  in `currency`, what the buyer paid in (MAD when they paid in dirhams).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

COUNTRY = {"max_length": 2, "blank": True, "default": ""}
MONEY = {"max_digits": 14, "decimal_places": 2, "default": 0}


class Device(models.TextChoices):
    MOBILE = "mobile", _("Mobile")
    TABLET = "tablet", _("Tablet")
    DESKTOP = "desktop", _("Desktop")


class Event(models.Model):
    """One buyer action, kept for `settings.SOUK_OBSERVATORY_RETENTION_DAYS`, then pruned.

    Events about the whole basket (a checkout started, an order placed) have no product. A
    checkout also writes one event per product in the basket (with `quantity`), so product
    funnels can count checkouts; the basket-level event is the one the funnel counts.
    """

    class Kind(models.TextChoices):
        VIEW = "view", _("Product page view")
        BASKET = "basket", _("Basket addition")
        CHECKOUT = "checkout", _("Checkout started")
        PLACED = "placed", _("Order placed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("occurred at"), db_index=True)
    country = models.CharField(_("buyer country"), **COUNTRY)
    device = models.CharField(_("device"), max_length=8, choices=Device.choices, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    product_id = models.PositiveBigIntegerField(_("product"), null=True, blank=True)
    cooperative_id = models.PositiveBigIntegerField(_("cooperative"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("behaviour event")
        verbose_name_plural = _("behaviour events")

    def __str__(self):
        return f"{self.kind} {self.product_id or '-'} {self.occurred_at:%Y-%m-%d %H:%M}"


class BasketOrigin(models.Model):
    """Where a basket's buyer browses from (country, device), kept with the basket itself.

    Not an analytics record: it lives and dies with Oscar's basket (cascade), so abandoned
    baskets can be counted by country and paid orders (Order.basket_id) by device. Pruned
    with the events after the retention period.
    """

    basket = models.OneToOneField("basket.Basket", on_delete=models.CASCADE, related_name="+")
    country = models.CharField(_("buyer country"), **COUNTRY)
    device = models.CharField(_("device"), max_length=8, choices=Device.choices, blank=True)
    updated_at = models.DateTimeField(_("updated at"), db_index=True)

    def __str__(self):
        return f"basket {self.basket_id}: {self.country or '-'} {self.device or '-'}"


class Rollup(models.Model):
    """A row of a daily roll-up (abstract): rebuilt by `services.rollup_day`, never edited."""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self._meta.model_name} {self.day}"


class SalesDaily(Rollup):
    """Paid sales of one product, per day, destination country and currency paid.

    `orders` counts the orders containing this product, so summing it across products
    counts an order with two products twice: use `OrderDaily` (whole orders) or
    `CooperativeOrderDaily` (one cooperative's part) for order counts and baskets.
    Refunds are counted on the day they were made, against the sale they reverse (its
    product, country, currency): `refunds_mad` is the goods' share of the refund, so net
    revenue is `revenue_mad - refunds_mad`. A row can hold only refunds (orders 0).
    """

    day = models.DateField(_("day"))
    country = models.CharField(_("destination country"), **COUNTRY)
    cooperative_id = models.PositiveBigIntegerField(null=True, blank=True)
    product_id = models.PositiveBigIntegerField(null=True, blank=True)
    craft = models.CharField(_("craft"), max_length=128, blank=True)
    category = models.CharField(_("style"), max_length=255, blank=True)
    women_led = models.BooleanField(_("women-led cooperative"), default=False)
    currency = models.CharField(_("currency paid"), max_length=3)
    orders = models.PositiveIntegerField(default=0)
    units = models.PositiveIntegerField(default=0)
    revenue_mad = models.DecimalField(**MONEY)
    revenue_currency = models.DecimalField(**MONEY)
    refunds_mad = models.DecimalField(**MONEY)
    refunds_currency = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["day", "pk"]
        verbose_name = _("daily sales")
        verbose_name_plural = _("daily sales")
        indexes = [
            models.Index(fields=["day", "country"], name="obs_sales_day_country"),
            models.Index(fields=["cooperative_id", "day"], name="obs_sales_coop_day"),
            models.Index(fields=["product_id", "day"], name="obs_sales_product_day"),
        ]


class OrderDaily(Rollup):
    """Paid orders as a whole, per day, destination country and currency: counts and baskets."""

    day = models.DateField(_("day"))
    country = models.CharField(_("destination country"), **COUNTRY)
    currency = models.CharField(_("currency paid"), max_length=3)
    orders = models.PositiveIntegerField(default=0)
    units = models.PositiveIntegerField(default=0)
    revenue_mad = models.DecimalField(**MONEY)
    revenue_currency = models.DecimalField(**MONEY)
    shipping_mad = models.DecimalField(**MONEY)
    refunds_mad = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [models.Index(fields=["day", "country", "currency"], name="obs_order_day")]


class CooperativeOrderDaily(Rollup):
    """One cooperative's part of paid orders (its vendor orders), per day, country and currency."""

    day = models.DateField(_("day"))
    cooperative_id = models.PositiveBigIntegerField()
    country = models.CharField(_("destination country"), **COUNTRY)
    currency = models.CharField(_("currency paid"), max_length=3)
    women_led = models.BooleanField(default=False)
    orders = models.PositiveIntegerField(default=0)
    units = models.PositiveIntegerField(default=0)
    revenue_mad = models.DecimalField(**MONEY)
    revenue_currency = models.DecimalField(**MONEY)
    shipping_mad = models.DecimalField(**MONEY)
    refunds_mad = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [
            models.Index(fields=["cooperative_id", "day"], name="obs_coop_order_coop_day"),
            models.Index(fields=["day"], name="obs_coop_order_day"),
        ]


class ProductActivityDaily(Rollup):
    """What buyers did with one product, per day, buyer country and device.

    Views, basket additions and checkouts come from events; orders and units from paid
    orders, counted on the day they were placed, by the basket's country and device
    (`BasketOrigin`), else the destination country and an unknown ("") device.
    """

    day = models.DateField(_("day"))
    product_id = models.PositiveBigIntegerField()
    cooperative_id = models.PositiveBigIntegerField(null=True, blank=True)
    country = models.CharField(_("buyer country"), **COUNTRY)
    device = models.CharField(_("device"), max_length=8, choices=Device.choices, blank=True)
    views = models.PositiveIntegerField(default=0)
    basket_adds = models.PositiveIntegerField(default=0)
    checkouts = models.PositiveIntegerField(default=0)
    orders = models.PositiveIntegerField(default=0)
    units = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [
            models.Index(fields=["day", "product_id"], name="obs_activity_day_product"),
            models.Index(fields=["cooperative_id", "day"], name="obs_activity_coop_day"),
        ]


class FunnelDaily(Rollup):
    """Views → basket → checkout → placed → paid, per day, buyer country and device.

    The first four are events; `paid` counts the orders placed that day that were paid,
    by their basket's country and device (`BasketOrigin`), else destination and "".
    """

    day = models.DateField(_("day"))
    country = models.CharField(_("buyer country"), **COUNTRY)
    device = models.CharField(_("device"), max_length=8, choices=Device.choices, blank=True)
    views = models.PositiveIntegerField(default=0)
    basket_adds = models.PositiveIntegerField(default=0)
    checkouts = models.PositiveIntegerField(default=0)
    placed = models.PositiveIntegerField(default=0)
    paid = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [models.Index(fields=["day", "country", "device"], name="obs_funnel_day")]


class SearchDaily(Rollup):
    """Searches per day, query text (as `search.QueryLog` stores it), language and country.

    `zero_results` counts searches that found nothing, `low_results` those that found 1 to 3:
    the unmet demand. `clicks` counts searches followed by a click on a result.
    """

    day = models.DateField(_("day"))
    text = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    country = models.CharField(_("buyer country"), **COUNTRY)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)
    low_results = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [
            models.Index(fields=["day", "country", "language"], name="obs_search_day"),
            models.Index(
                fields=["day", "text"],
                name="obs_search_unmet",
                condition=models.Q(zero_results__gt=0) | models.Q(low_results__gt=0),
            ),
        ]


class SearchMonthly(models.Model):
    """`SearchDaily` summed per calendar month (`month` is its first day): the same rows a year
    of searches makes, a thirtieth as many. Rebuilt from `SearchDaily` for every month a roll-up
    touches; reports read whole months here and the days of partial months from `SearchDaily`.
    """

    month = models.DateField(_("month"))
    text = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    country = models.CharField(_("buyer country"), **COUNTRY)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)
    low_results = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["month", "pk"]
        indexes = [models.Index(fields=["month", "country", "language"], name="obs_search_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.text}"


class SearchClickDaily(Rollup):
    """Which product a search led to: clicks per day, query, language, country and product."""

    day = models.DateField(_("day"))
    text = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    country = models.CharField(_("buyer country"), **COUNTRY)
    product_id = models.PositiveBigIntegerField()
    cooperative_id = models.PositiveBigIntegerField(null=True, blank=True)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [
            models.Index(fields=["cooperative_id", "day"], name="obs_click_coop_day"),
            models.Index(fields=["day"], name="obs_click_day"),
        ]


class AbandonedBasketDaily(Rollup):
    """Baskets left with lines and no order, per day of their last change and buyer country.

    A basket counts as abandoned when it is still open, has lines, and nothing was added or
    changed for `settings.SOUK_OBSERVATORY_ABANDONED_HOURS` hours (24) when its day is rolled
    up; its country and device come from `BasketOrigin`. `value_mad` is what its lines were
    worth (Oscar baskets stay in MAD).
    """

    day = models.DateField(_("day"))
    country = models.CharField(_("buyer country"), **COUNTRY)
    baskets = models.PositiveIntegerField(default=0)
    value_mad = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [models.Index(fields=["day", "country"], name="obs_abandoned_day")]


class RollupRun(models.Model):
    """When the roll-ups last covered which days, for the dashboard's "data as of" note."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    first_day = models.DateField()
    last_day = models.DateField()
    events_pruned = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-finished_at", "-pk"]
        get_latest_by = "finished_at"

    def __str__(self):
        return f"{self.first_day} – {self.last_day}"
