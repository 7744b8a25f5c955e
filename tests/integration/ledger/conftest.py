from decimal import Decimal

import pytest

from tests.factories import CooperativeFactory, ProductFactory, UserFactory, order_create


@pytest.fixture
def refunds_recorded(monkeypatch):
    """The payments app's refund call, recorded instead of reaching Stripe."""
    calls = []

    def refund_create(*, order, amount, currency, idempotency_key):
        calls.append({"order": order.number, "amount": amount, "currency": currency, "key": idempotency_key})
        return f"re_test_{len(calls)}"

    import checkout.ledger.services as services

    monkeypatch.setattr(
        services,
        "_provider_refund",
        lambda *, refund: refund_create(
            order=refund.vendor_order.order,
            amount=refund.charge_amount,
            currency=refund.charge_currency,
            idempotency_key=refund.idempotency_key,
        ),
    )
    return calls


@pytest.fixture
def two_cooperative_order():
    """A paid order from two cooperatives: a 1,500 MAD rug and two 450 MAD zellige boxes."""
    tifawin = CooperativeFactory(commission_rate=Decimal("0.100"))
    nejma = CooperativeFactory(commission_rate=None)
    rug = ProductFactory(title="Tifawin rug", stockrecord__cooperative=tifawin, stockrecord__stock=1)
    tiles = ProductFactory(
        title="Nejma zellige box",
        stockrecord__cooperative=nejma,
        stockrecord__price=Decimal("450.00"),
        stockrecord__stock=10,
    )
    buyer = UserFactory(email="ada@example.test")
    order = order_create(items=[(rug, 1), (tiles, 2)], user=buyer, country="FR")
    return {"order": order, "tifawin": tifawin, "nejma": nejma, "rug": rug, "tiles": tiles, "buyer": buyer}
