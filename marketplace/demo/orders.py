"""Demo sales: a year of paid orders from buyers abroad, split into vendor orders.

Orders are spread over the last 12 months (busier before the winter holidays), shipped to the
countries that buy Moroccan crafts (the United States first, then France, Germany, the UK,
Canada, Japan, the Gulf...), with real demo products. Each is split into vendor orders in
statuses that follow its age, one is refunded, and one payout batch pays the delivered ones.
The export observatory reads these, so the spread is meant to look like a real year.

Idempotent: orders are found by their DEMO- numbers, and a second run adds nothing.
"""

import logging
import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from babel import Locale
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.money import money_round
from checkout.ledger import services
from checkout.ledger.models import PayoutAccount, PayoutBatch, VendorOrder

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
StockRecord = get_model("partner", "StockRecord")

ORDER_COUNT = 160
SEED = 2026

# (country, weight, buyers: (first, last, city, postcode, line1))
BUYERS = [
    (
        "US",
        30,
        [
            ("Emma", "Walker", "New York", "10013", "120 Greene St"),
            ("Olivia", "Hart", "Los Angeles", "90026", "2210 Sunset Blvd"),
            ("Daniel", "Brooks", "Austin", "78704", "1507 S Congress Ave"),
            ("Grace", "Kim", "Chicago", "60614", "845 W Armitage Ave"),
        ],
    ),
    (
        "FR",
        16,
        [
            ("Camille", "Durand", "Paris", "75011", "18 rue Oberkampf"),
            ("Yasmina", "Benali", "Lyon", "69002", "4 quai Saint-Antoine"),
            ("Hugo", "Martin", "Bordeaux", "33000", "27 cours de l'Intendance"),
        ],
    ),
    (
        "DE",
        9,
        [
            ("Lena", "Schmidt", "Berlin", "10437", "Kastanienallee 12"),
            ("Jonas", "Weber", "Hamburg", "20357", "Schanzenstraße 41"),
        ],
    ),
    (
        "GB",
        9,
        [
            ("Oliver", "Bennett", "London", "E2 7DJ", "14 Columbia Road"),
            ("Amelia", "Clarke", "Bristol", "BS1 5TR", "9 Park Street"),
        ],
    ),
    (
        "CA",
        7,
        [
            ("Chloé", "Tremblay", "Montréal", "H2T 1S4", "5330 boul. Saint-Laurent"),
            ("Liam", "Wilson", "Toronto", "M5V 2T6", "60 Spadina Ave"),
        ],
    ),
    (
        "JP",
        6,
        [
            ("Yuki", "Tanaka", "Tokyo", "150-0001", "5-10-1 Jingumae, Shibuya-ku"),
            ("Haruto", "Sato", "Kyoto", "604-8001", "Nakagyo-ku 82"),
        ],
    ),
    ("AE", 5, [("Mariam", "Al Mansoori", "Dubai", "00000", "Al Wasl Road, Villa 21")]),
    ("BE", 5, [("Nadia", "El Idrissi", "Brussels", "1000", "Rue Antoine Dansaert 88")]),
    ("NL", 4, [("Sanne", "de Vries", "Amsterdam", "1016 DR", "Prinsengracht 210")]),
    ("ES", 4, [("Lucía", "García", "Madrid", "28004", "Calle de Fuencarral 45")]),
    ("IT", 4, [("Giulia", "Rossi", "Milano", "20121", "Via Brera 6")]),
    ("CH", 2, [("Noah", "Keller", "Zürich", "8001", "Rennweg 30")]),
    ("SE", 2, [("Elsa", "Lindqvist", "Stockholm", "118 20", "Götgatan 22")]),
    ("AU", 2, [("Mia", "Nguyen", "Sydney", "2010", "80 Crown St")]),
]
CURRENCY_BY_COUNTRY = {
    "US": "USD",
    "CA": "CAD",
    "GB": "GBP",
    "JP": "JPY",
    "AE": "AED",
    "CH": "EUR",
    "SE": "EUR",
    "AU": "USD",
}
SHIPPING_BY_ZONE = {"MA": 60, "EU": 260, "UK": 300, "NA": 380, "GULF": 330, "WORLD": 420}
CARRIERS = ["DHL Express", "Aramex", "Amana", "Poste Maroc EMS", "FedEx"]
# Relative busyness per month (1 = January): holiday gifts and spring home projects.
MONTH_WEIGHT = {1: 6, 2: 6, 3: 8, 4: 9, 5: 9, 6: 7, 7: 6, 8: 6, 9: 8, 10: 10, 11: 14, 12: 15}


def orders_load(*, progress: Callable[[str], None] = logger.info) -> int:
    """Create the demo year of orders once; returns how many orders were created."""
    if Order.objects.filter(number__startswith="DEMO-").exists():
        return 0
    records = list(
        StockRecord.objects.filter(
            partner__cooperative__status="verified", product__is_public=True, price__gt=0
        ).select_related("product__product_class", "partner__cooperative")
    )
    if not records:
        return 0
    rng = random.Random(SEED)
    by_partner: dict[int, list] = {}
    for record in records:
        by_partner.setdefault(record.partner_id, []).append(record)
    partners = sorted(by_partner)
    site = Site.objects.get_current()
    buyer_account = get_user_model().objects.filter(email="buyer@souk.test").first()
    staff = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    countries = {code: _country(code) for code, _w, _b in BUYERS}
    now = timezone.now()
    day_weights = [MONTH_WEIGHT[(now - timedelta(days=d)).month] for d in range(365)]

    with transaction.atomic():
        created = []
        for index in range(ORDER_COUNT):
            code, _weight, people = rng.choices(BUYERS, weights=[b[1] for b in BUYERS])[0]
            first, last, city, postcode, line1 = rng.choice(people)
            days_ago = rng.choices(range(365), weights=day_weights)[0]
            if index >= ORDER_COUNT - 6:
                # The newest orders arrived in the last days: some still wait to be accepted.
                days_ago = (index - ORDER_COUNT + 6) // 2
            placed = now - timedelta(days=days_ago, hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
            cooperatives = rng.sample(partners, k=1 if rng.random() < 0.72 else min(2, len(partners)))
            picks = []
            for partner_id in cooperatives:
                for record in rng.sample(
                    by_partner[partner_id], k=min(len(by_partner[partner_id]), rng.choice([1, 1, 2]))
                ):
                    craft = record.product.product_class.slug if record.product.product_class else ""
                    quantity = (
                        rng.choice([2, 4, 6, 10])
                        if craft == "zellige"
                        else (rng.choice([1, 1, 2, 3]) if craft not in {"rug"} else 1)
                    )
                    picks.append((record, quantity))
            user = buyer_account if (code == "US" and first == "Emma" and buyer_account) else None
            order = _order_create(
                number=f"DEMO-{index + 1:04d}",
                site=site,
                placed=placed,
                picks=picks,
                user=user,
                email=f"{first}.{last}@example.com".lower().replace(" ", ""),
                address={
                    "first_name": first,
                    "last_name": last,
                    "line1": line1,
                    "line4": city,
                    "postcode": postcode,
                    "country": countries[code],
                },
                code=code,
                rng=rng,
            )
            created.append((order, days_ago))
        progress(f"Demo orders: {len(created)} placed, splitting")
        for order, days_ago in created:
            for vendor_order in services.order_split(order=order, notify=False):
                _advance(
                    vendor_order=vendor_order, days_ago=days_ago, placed=order.date_placed, rng=rng, by=staff
                )
        _refund_one(by=staff)
        _payout_accounts_ensure(partners=partners, by=staff)
        _payout_batch(by=staff)
    return len(created)


def _country(code: str):
    names = Locale("en").territories
    country, _ = Country.objects.get_or_create(
        iso_3166_1_a2=code,
        defaults={
            "name": names.get(code, code),
            "printable_name": names.get(code, code),
            "is_shipping_country": True,
        },
    )
    return country


def _order_create(*, number, site, placed, picks, user, email, address, code, rng):
    from checkout.zones import country_zone

    goods = sum((record.price * quantity for record, quantity in picks), Decimal("0"))
    zone = country_zone(code)
    partners = sorted({record.partner_id for record, _q in picks})
    shipping = {
        pid: Decimal(SHIPPING_BY_ZONE.get(zone, 420) + rng.choice([0, 40, 80, 120])) for pid in partners
    }
    total = goods + sum(shipping.values(), Decimal("0"))
    order = Order.objects.create(
        number=number,
        site=site,
        user=user,
        guest_email="" if user else email,
        currency="MAD",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=sum(shipping.values(), Decimal("0")),
        shipping_excl_tax=sum(shipping.values(), Decimal("0")),
        shipping_address=ShippingAddress.objects.create(**address),
        shipping_method="Cooperative parcels",
        shipping_code="per-cooperative",
        status="Paid",
        date_placed=placed,
    )
    for record, quantity in picks:
        product = record.product
        Line.objects.create(
            order=order,
            partner=record.partner,
            partner_name=record.partner.name,
            partner_sku=record.partner_sku,
            stockrecord=record,
            product=product,
            title=product.get_title(),
            upc=product.upc,
            quantity=quantity,
            line_price_incl_tax=record.price * quantity,
            line_price_excl_tax=record.price * quantity,
            line_price_before_discounts_incl_tax=record.price * quantity,
            line_price_before_discounts_excl_tax=record.price * quantity,
            unit_price_incl_tax=record.price,
            unit_price_excl_tax=record.price,
            # Past sales: their stock was settled long ago, so they hold no allocation.
            num_allocated=0,
            status="Paid",
        )
    _shipping_record(order=order, shipping=shipping, zone=zone, rng=rng)
    _payment_record(order=order, code=code, total=total)
    return order


def _shipping_record(*, order, shipping, zone, rng) -> None:
    """Per-cooperative shipping as checkout stores it at placement (when checkout has the model)."""
    try:
        OrderShippingCharge = get_model("checkout", "OrderShippingCharge")
    except LookupError:
        return
    days = {"MA": (2, 4), "EU": (5, 9), "UK": (6, 10), "NA": (7, 12), "GULF": (6, 10), "WORLD": (9, 16)}[zone]
    for partner_id, charge in shipping.items():
        weight = Decimal(rng.randint(2, 22))
        OrderShippingCharge.objects.create(
            order=order,
            partner_id=partner_id,
            zone=zone,
            method_name=rng.choice(["DHL Express", "Aramex"]),
            charge=charge,
            days_min=days[0],
            days_max=days[1],
            actual_kg=weight,
            chargeable_kg=weight,
        )


def _payment_record(*, order, code, total) -> None:
    """The buyer's currency as checkout records it; no card intent, so refunds are by hand."""
    try:
        StripePayment = get_model("checkout", "StripePayment")
    except LookupError:
        return
    from catalogue.selectors import exchange_rates_current

    currency = CURRENCY_BY_COUNTRY.get(code, "EUR")
    rate_row = exchange_rates_current().get(currency)
    if rate_row is None:
        return
    amount = money_round(total * rate_row.rate, currency)
    StripePayment.objects.create(
        order=order,
        currency=currency,
        amount=amount,
        amount_minor=int(amount.scaleb(0 if currency == "JPY" else 2)),
        exchange_rate=rate_row.rate,
        language="fr" if code in {"FR", "BE"} else "en",
        status="succeeded",
    )


def _advance(*, vendor_order, days_ago: int, placed, rng, by) -> None:
    """Statuses that follow the order's age; the history carries realistic dates."""
    from checkout.ledger.models import VendorOrderStatusChange

    Status = VendorOrder.Status
    steps = []
    if days_ago > 2 or (days_ago > 0 and rng.random() < 0.5):
        steps.append((Status.ACCEPTED, 1))
    if days_ago > 5:
        steps.append((Status.SHIPPED, rng.randint(2, 5)))
    if days_ago > 16 and steps and steps[-1][0] == Status.SHIPPED:
        steps.append((Status.DELIVERED, rng.randint(7, 14)))
    if days_ago > 20 and rng.random() < 0.02:
        steps = [(Status.CANCELLED, 2)]
    moment = placed
    for status, after_days in steps:
        kwargs = {}
        if status == Status.SHIPPED:
            kwargs = {
                "carrier": rng.choice(CARRIERS),
                "tracking_number": f"{rng.choice(['JD', 'EE', 'CP'])}{rng.randint(10**8, 10**9 - 1)}MA",
            }
        if status == Status.CANCELLED:
            services.vendor_order_cancel(
                vendor_order=vendor_order, by=by, reason="Piece damaged in the workshop", notify=False
            )
        else:
            services.vendor_order_transition(
                vendor_order=vendor_order, to_status=status, by=by, notify=False, **kwargs
            )
        moment = moment + timedelta(days=after_days, hours=rng.randint(1, 8))
        field = {
            Status.ACCEPTED: "accepted_at",
            Status.SHIPPED: "shipped_at",
            Status.DELIVERED: "delivered_at",
            Status.CANCELLED: "cancelled_at",
        }[status]
        VendorOrder.objects.filter(pk=vendor_order.pk).update(**{field: moment})
        VendorOrderStatusChange.objects.filter(vendor_order=vendor_order, to_status=status).update(
            created_at=moment
        )
    VendorOrderStatusChange.objects.filter(vendor_order=vendor_order, to_status=Status.NEW).update(
        created_at=placed
    )


def _refund_one(*, by) -> None:
    vendor_order = (
        VendorOrder.objects.filter(order__number__startswith="DEMO-", status=VendorOrder.Status.DELIVERED)
        .order_by("-created_at")
        .first()
    )
    if vendor_order is not None and not vendor_order.refunds.exists():
        amount = money_round(vendor_order.subtotal / 4, "MAD")
        services.vendor_order_refund(
            vendor_order=vendor_order,
            amount=amount,
            by=by,
            reason="Colour differs from the photos: partial refund agreed",
        )
    cancelled = VendorOrder.objects.filter(
        order__number__startswith="DEMO-", status=VendorOrder.Status.CANCELLED
    )
    for vendor_order in cancelled:
        services.vendor_order_refund(
            vendor_order=vendor_order, amount=vendor_order.total, by=by, reason="Cancelled by the cooperative"
        )


# Valid demo RIBs: bank (3) + city (3) + account (16) + key, computed.
_DEMO_BANKS = [
    ("007", "Attijariwafa bank", "BCMAMAMC"),
    ("011", "Bank of Africa", "BMCEMAMC"),
    ("145", "Banque Populaire", "BCPOMAMC"),
    ("230", "CIH Bank", "CIHMMAMC"),
]


def _payout_accounts_ensure(*, partners, by) -> None:
    from checkout.ledger.rib import rib_key

    Partner = get_model("partner", "Partner")
    for index, partner in enumerate(Partner.objects.filter(pk__in=partners).order_by("pk")):
        if PayoutAccount.objects.filter(partner=partner).exists():
            continue
        bank, bank_name, bic = _DEMO_BANKS[index % len(_DEMO_BANKS)]
        first_22 = f"{bank}{780 + index:03d}{1000000000000000 + partner.pk * 7919:016d}"
        services.payout_account_save(
            partner=partner,
            by=by,
            rail=PayoutAccount.Rail.BANK_TRANSFER,
            account_holder=getattr(getattr(partner, "cooperative", None), "legal_name", partner.name),
            bank_name=bank_name,
            rib=f"{first_22}{rib_key(first_22):02d}",
            bic=bic,
        )


def _payout_batch(*, by) -> None:
    if PayoutBatch.objects.exists():
        return
    cut_off = timezone.now() - timedelta(days=30)
    try:
        run = services.payout_batch_create(cut_off=cut_off, by=by)
    except services.PayoutError:
        return
    services.payout_batch_confirm_paid(batch=run.batch, by=by)
    # A second run, still at the bank, so the dashboard shows both states.
    try:
        services.payout_batch_create(cut_off=timezone.now() - timedelta(days=1), by=by)
    except services.PayoutError:
        pass
