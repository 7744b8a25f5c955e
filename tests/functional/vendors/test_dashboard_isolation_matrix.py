"""Every dashboard URL, requested by cooperative A's staff with cooperative B's objects.

The URLs come from the URL resolver, not from a list kept by hand, so a dashboard page added
later is covered the day it is added:

- a URL cooperative staff are not permitted to open (Oscar's dashboard permissions) must
  answer 403 to them, whatever its arguments;
- a URL they may open must be described in PROBES below, which says how to point it at
  cooperative B's objects. Object URLs must then answer 403 or 404; list, search, form and
  export URLs may answer, but never with B's data. An undescribed URL fails the test, with a
  message saying how to describe it, so nothing is skipped silently.

Every URL gets a GET and a POST (plus any export or bulk-action requests its probe lists), and
at the end B's products, orders and lines must be as they were.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product as combinations
from urllib.parse import unquote_plus

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from oscar.apps.dashboard.nav import _dashboard_url_names_to_config
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test.factories import create_order
from oscar.views.decorators import check_permissions

from checkout.models import ShippingRate
from tests.factories import CooperativeFactory, CooperativeStaffFactory, ProductFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
OrderNote = get_model("order", "OrderNote")
StockRecord = get_model("partner", "StockRecord")

# Strings that exist only in cooperative B's data: none may appear in a response to A.
B_MARKERS = (
    "Nejma zellige box",
    "NEJMA-SKU-0001",
    "Coopérative Nejma",
    "NEJMA-ONLY-ORDER",
    "buyer-of-nejma@example.test",
    "Nejma private note",
    "Nejma private courier",
)


@dataclass
class World:
    """Cooperative A (whose staff member makes every request) and cooperative B's objects."""

    a_staff: object
    a_product: object
    b: object
    b_product: object
    b_order: object  # an order with only B's line
    mixed_order: object  # an order with one line of A and one of B
    b_line_in_mixed: object
    b_note: object

    @cached_property
    def b_vendor_order(self):
        from checkout.ledger.services import order_split

        vendor_orders = order_split(order=self.b_order)
        return next(vo for vo in vendor_orders if vo.partner_id == self.b.partner_id)


@dataclass(frozen=True)
class Probe:
    """How to aim one URL at cooperative B.

    kwargs: the URL's arguments naming B's objects (a superset is fine: only the names the
        pattern takes are used).
    owned_by_b: True when those arguments name B's objects, so the answer must be 403/404;
        False for lists, searches, forms and exports, which may answer without B's data.
    queries: extra query strings to GET (exports, filters, searches for B's data).
    posts: extra POST bodies (bulk actions and exports selecting B's objects).
    """

    kwargs: Callable[[World], dict] = lambda world: {}
    owned_by_b: bool = False
    queries: tuple[Callable[[World], str], ...] = ()
    posts: tuple[Callable[[World], dict], ...] = ()


# To add a URL: its name (without "dashboard:") → Probe(kwargs=<B's objects>, owned_by_b=...).
PROBES: dict[str, Probe] = {
    # Anyone may open these; they hold no cooperative data.
    "login": Probe(),
    "logout": Probe(),
    "index": Probe(),
    "hang-tags": Probe(queries=(lambda w: f"?cooperative={w.b.slug}",)),
    # Cooperative insights (marketplace/observatory/insight_views.py): B's id answers 404.
    "cooperative-insights": Probe(
        queries=(
            lambda w: f"?cooperative={w.b.pk}",
            lambda w: f"?cooperative={w.b.pk}&format=csv",
            lambda w: "?format=csv",
            lambda w: "?format=csv&table=products",
        )
    ),
    # Products
    "catalogue-product-list": Probe(
        queries=(
            lambda w: "?q=Nejma",
            lambda w: f"?upc={w.b_product.upc}",
            lambda w: f"?title={w.b_product.title}",
            lambda w: "?response_format=csv",
        )
    ),
    "catalogue-product-lookup": Probe(queries=(lambda w: "?q=Nejma",)),
    "catalogue-product": Probe(
        kwargs=lambda w: {"pk": w.b_product.pk},
        owned_by_b=True,
        posts=(lambda w: {"title": "Taken over", "upc": w.b_product.upc},),
    ),
    "catalogue-product-delete": Probe(kwargs=lambda w: {"pk": w.b_product.pk}, owned_by_b=True),
    "catalogue-product-create": Probe(
        kwargs=lambda w: {"product_class_slug": w.b_product.product_class.slug}
    ),
    "catalogue-product-create-child": Probe(kwargs=lambda w: {"parent_pk": w.b_product.pk}, owned_by_b=True),
    "catalogue-product-unpublish": Probe(kwargs=lambda w: {"pk": w.b_product.pk}, owned_by_b=True),
    "catalogue-product-republish": Probe(kwargs=lambda w: {"pk": w.b_product.pk}, owned_by_b=True),
    "catalogue-product-bulk-action": Probe(
        posts=(
            lambda w: {"action": "unpublish", "selected_product": [w.b_product.pk]},
            lambda w: {"action": "delete", "selected_product": [w.b_product.pk]},
            lambda w: {"action": "export", "selected_product": [w.b_product.pk]},
        )
    ),
    "stock-alert-list": Probe(),
    # Oscar's orders
    "order-list": Probe(
        queries=(
            lambda w: f"?order_number={w.b_order.number}",
            lambda w: "?response_format=csv",
            lambda w: f"?search_query={w.b_order.number}",
        ),
        posts=(lambda w: {"action": "download_selected_orders", "selected_order": [w.b_order.pk]},),
    ),
    "order-stats": Probe(),
    "order-detail": Probe(
        kwargs=lambda w: {"number": w.b_order.number},
        owned_by_b=True,
        posts=(lambda w: {"order_action": "save_note", "message": "Hello from A"},),
    ),
    "order-detail-note": Probe(
        kwargs=lambda w: {"number": w.b_order.number, "note_id": w.b_note.pk},
        owned_by_b=True,
        posts=(lambda w: {"message": "Rewritten by A"},),
    ),
    "order-line-detail": Probe(
        kwargs=lambda w: {"number": w.mixed_order.number, "line_id": w.b_line_in_mixed.pk}, owned_by_b=True
    ),
    "order-shipping-address": Probe(kwargs=lambda w: {"number": w.b_order.number}, owned_by_b=True),
    # Vendor orders, ledger and invoices (checkout.ledger)
    "vendor-order-list": Probe(queries=(lambda w: "?status=", lambda w: "?format=csv")),
    "vendor-order-detail": Probe(kwargs=lambda w: {"pk": w.b_vendor_order.pk}, owned_by_b=True),
    "vendor-order-invoice": Probe(kwargs=lambda w: {"pk": w.b_vendor_order.pk}, owned_by_b=True),
    "ledger": Probe(queries=(lambda w: "?format=csv", lambda w: f"?partner={w.b.partner_id}")),
    # Shipping rates (checkout.shipping): B's rates neither shown nor changed through ?partner=.
    "shipping-rates": Probe(
        queries=(
            lambda w: f"?partner={w.b.partner_id}",
            lambda w: f"?partner={w.b.partner_id}&craft=rug&weight_kg=4",
        ),
        posts=(
            lambda w: {
                "partner": w.b.partner_id,
                "EU-base_charge": "1",
                "EU-per_kg": "1",
                "EU-days_min": "1",
                "EU-days_max": "1",
            },
            lambda w: {"partner": w.b.partner_id, "reset": "EU"},
        ),
    ),
}

# Leaks the matrix found in pages other people own, each with who fixes it. The test of such a
# URL is expected to fail (strictly: once it is fixed, remove the entry so it stays fixed).
KNOWN_LEAKS: dict[str, str] = {}

HOW_TO_ADD = (
    "Cooperative staff may open dashboard:{name} ({route}), but the isolation matrix does not know "
    "how to aim it at another cooperative. Add an entry to PROBES in {file}: "
    '"{name}": Probe(kwargs=lambda w: {{...B\'s objects for {params}...}}, owned_by_b=True) for a page '
    "about one object, or Probe(queries=..., posts=...) for a list, form or export."
)


@dataclass(frozen=True)
class Endpoint:
    name: str
    route: str
    params: frozenset = field(default_factory=frozenset)

    def __str__(self):
        return f"{self.name} {self.route}"


def _walk(patterns, namespaces: tuple[str, ...], prefix: str):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield namespaces, prefix + str(pattern.pattern), pattern


def dashboard_endpoints() -> list[Endpoint]:
    """Every URL pattern of the `dashboard` namespace, as the resolver knows them."""
    endpoints = []
    for namespaces, route, pattern in _walk(get_resolver().url_patterns, (), ""):
        if namespaces != ("dashboard",):
            continue
        params = frozenset(pattern.pattern.regex.groupindex)
        endpoints.append(Endpoint(name=pattern.name, route=route, params=params))
    return endpoints


ENDPOINTS = dashboard_endpoints()


def _any_url(endpoint: Endpoint) -> str:
    """The endpoint's URL with placeholder arguments, for pages A may not open at all."""
    names = sorted(endpoint.params)
    for values in combinations(("1", "x"), repeat=len(names)):
        try:
            return reverse(f"dashboard:{endpoint.name}", kwargs=dict(zip(names, values, strict=True)))
        except NoReverseMatch:
            continue
    raise AssertionError(f"Cannot build a URL for {endpoint}")


def _markers_not_echoed(target: str, data: dict | None) -> list[str]:
    """B's markers, less those the request itself carries: pages repeat their own URL (the
    language switcher, a search box's value), which is no leak. Every request still leaves
    other markers to look for (an order's number leaves its buyer, lines and notes)."""
    sent = unquote_plus(target) + " " + " ".join(str(value) for value in (data or {}).values())
    return [marker for marker in B_MARKERS if marker not in sent]


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _snapshot(world: World) -> dict:
    """What A must not be able to change about B."""
    product = type(world.b_product).objects.get(pk=world.b_product.pk)
    stockrecord = StockRecord.objects.get(product=product)
    order = type(world.b_order).objects.get(pk=world.b_order.pk)
    return {
        "product": (product.title, product.is_public, product.upc),
        "stock": (stockrecord.price, stockrecord.num_in_stock, stockrecord.partner_id),
        "order": (order.status, order.shipping_address_id),
        "lines": sorted(world.mixed_order.lines.values_list("pk", "status", "quantity")),
        "b_lines": sorted(order.lines.values_list("pk", "status", "quantity")),
        "notes": sorted(OrderNote.objects.filter(order=order).values_list("pk", "message")),
        "partner": (world.b.partner.name, sorted(world.b.partner.users.values_list("pk", flat=True))),
        "shipping_rates": sorted(
            ShippingRate.objects.filter(partner=world.b.partner).values_list("zone", "base_charge", "per_kg")
        ),
    }


def _order(*products, number=None, email=None):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for item in products:
        basket.add_product(item, 1)
    kwargs = {"guest_email": email} if email else {}
    return create_order(number=number, basket=basket, **kwargs)


@pytest.fixture
def world():
    a = CooperativeFactory(partner__name="Coopérative Tifawin")
    b = CooperativeFactory(partner__name="Coopérative Nejma")
    a_product = ProductFactory(title="Tifawin rug", stockrecord__cooperative=a, stockrecord__stock=3)
    b_product = ProductFactory(
        title="Nejma zellige box", upc="NEJMA-SKU-0001", stockrecord__cooperative=b, stockrecord__stock=30
    )
    b_order = _order(b_product, number="NEJMA-ONLY-ORDER", email="buyer-of-nejma@example.test")
    mixed = _order(a_product, b_product)
    note = OrderNote.objects.create(order=b_order, message="Nejma private note")
    CooperativeStaffFactory(cooperative=b)
    ShippingRate.objects.create(
        partner=b.partner,
        zone="EU",
        method_name="Nejma private courier",
        base_charge=99,
        per_kg=9,
        days_min=2,
        days_max=4,
    )
    return World(
        a_staff=CooperativeStaffFactory(cooperative=a),
        a_product=a_product,
        b=b,
        b_product=b_product,
        b_order=b_order,
        mixed_order=mixed,
        b_line_in_mixed=mixed.lines.get(product=b_product),
        b_note=note,
    )


def test_the_matrix_sees_the_dashboard():
    names = {endpoint.name for endpoint in ENDPOINTS}

    assert {"index", "catalogue-product", "order-detail", "cooperative-application-list"} <= names


def _params():
    for endpoint in ENDPOINTS:
        marks = ()
        if endpoint.name in KNOWN_LEAKS:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[endpoint.name])
        yield pytest.param(endpoint, id=str(endpoint), marks=marks)


@pytest.mark.parametrize("endpoint", list(_params()))
def test_cooperative_a_never_reaches_cooperative_bs_data(client, world, endpoint):
    # A URL Oscar's permission map does not know is treated as open to cooperatives.
    config = _dashboard_url_names_to_config().get(endpoint.name)
    permissions = config.get_permissions(endpoint.name) if config else None
    allowed = permissions is None or check_permissions(world.a_staff, permissions)
    before = _snapshot(world)

    if not allowed:
        url = _any_url(endpoint)
        for method in ("get", "post"):
            client.force_login(world.a_staff)
            response = getattr(client, method)(url)
            assert response.status_code == 403, f"{method.upper()} {url} answered {response.status_code}"
        assert _snapshot(world) == before
        return

    probe = PROBES.get(endpoint.name)
    if probe is None:
        pytest.fail(
            HOW_TO_ADD.format(
                name=endpoint.name, route=endpoint.route, file=__file__, params=sorted(endpoint.params)
            )
        )
    kwargs = {name: value for name, value in probe.kwargs(world).items() if name in endpoint.params}
    missing = endpoint.params - kwargs.keys()
    assert not missing, f"PROBES['{endpoint.name}'] gives no value for {sorted(missing)} ({endpoint.route})"
    url = reverse(f"dashboard:{endpoint.name}", kwargs=kwargs)

    requests = [("get", url, None), ("post", url, {})]
    requests += [("get", url + query(world), None) for query in probe.queries]
    requests += [("post", url, body(world)) for body in probe.posts]
    for method, target, data in requests:
        client.force_login(world.a_staff)
        response = (
            getattr(client, method)(target, data) if data is not None else getattr(client, method)(target)
        )
        what = f"{method.upper()} {target} {data or ''}"
        assert response.status_code < 500, f"{what} failed with {response.status_code}"
        if probe.owned_by_b:
            assert response.status_code in (403, 404, 405), (
                f"{what} answered {response.status_code}, not 403/404"
            )
        body = _body(response)
        leaked = [marker for marker in _markers_not_echoed(target, data) if marker in body]
        assert not leaked, f"{what} shows cooperative B's data: {leaked}"

    assert _snapshot(world) == before, f"A request to {url} changed cooperative B's data"
