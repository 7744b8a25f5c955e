"""Payout rails: how money reaches a cooperative.

A rail takes a `Payout` and answers whether the money left (`RailResult`). Bank transfers
leave with the batch file the platform's bank executes, so they stay pending until staff
confirm them; Stripe Connect transfers leave at once. Stripe cannot pay out to Moroccan bank
accounts self-serve, so Connect serves cooperatives that hold a connected account abroad.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

import stripe
from django.conf import settings

from catalogue.money import currency_precision, money_round

from .models import MAD, Payout, PayoutAccount


@dataclass(frozen=True)
class RailResult:
    paid: bool
    reference: str = ""
    message: str = ""


class PayoutRail(Protocol):
    code: str

    def pay(self, *, payout: Payout) -> RailResult: ...


class BankTransferRail:
    """Payouts travel in the batch's CSV / pain.001 file; the bank's confirmation settles them."""

    code = PayoutAccount.Rail.BANK_TRANSFER

    def pay(self, *, payout: Payout) -> RailResult:
        return RailResult(paid=False, message="waiting for the bank")


def stripe_client(http_client=None) -> stripe.StripeClient:
    base = getattr(settings, "STRIPE_API_BASE", "")
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY or "sk_test_missing",
        base_addresses={"api": base} if base else None,
        http_client=http_client,
        max_network_retries=2,
    )


def _minor_units(amount: Decimal, currency: str) -> int:
    return int(money_round(amount, currency).scaleb(currency_precision(currency)))


class StripeConnectRail:
    """Separate charges and transfers: one transfer per vendor order, grouped by order number.

    The platform's Stripe balance is not in MAD, so the MAD amount is converted at the latest
    recorded rate to `SOUK_STRIPE_TRANSFER_CURRENCY` (EUR by default).
    """

    code = PayoutAccount.Rail.STRIPE_CONNECT

    def __init__(self, client: stripe.StripeClient | None = None):
        self._client = client

    @property
    def client(self) -> stripe.StripeClient:
        return self._client or stripe_client()

    def transfer_currency(self) -> str:
        return getattr(settings, "SOUK_STRIPE_TRANSFER_CURRENCY", "EUR").upper()

    def _converted(self, amount: Decimal) -> tuple[int, str]:
        from catalogue.selectors import exchange_rates_current

        currency = self.transfer_currency()
        if currency == MAD:
            return _minor_units(amount, MAD), MAD
        rate = exchange_rates_current().get(currency)
        if rate is None:
            raise ValueError(f"No MAD→{currency} exchange rate is recorded; import rates first.")
        return _minor_units(amount * rate.rate, currency), currency

    def pay(self, *, payout: Payout) -> RailResult:
        try:
            minor, currency = self._converted(payout.amount)
        except ValueError as error:
            return RailResult(paid=False, message=str(error))
        params = {
            "amount": minor,
            "currency": currency.lower(),
            "destination": payout.stripe_account_id,
            "description": f"Souk payout {payout.amount} MAD",
            "metadata": {"payout": str(payout.pk), "amount_mad": str(payout.amount)},
        }
        if payout.transfer_group:
            params["transfer_group"] = payout.transfer_group
        if payout.vendor_order_id:
            params["metadata"]["vendor_order"] = payout.vendor_order.number
        try:
            transfer = self.client.v1.transfers.create(
                params=params, options={"idempotency_key": f"souk-payout-{payout.pk}"}
            )
        except stripe.StripeError as error:
            return RailResult(paid=False, message=error.user_message or str(error))
        return RailResult(paid=True, reference=transfer.id)


_RAILS: dict[str, PayoutRail] = {}


def rail_for(code: str) -> PayoutRail:
    """The rail for a payout method; tests put a rail with a faked Stripe client here."""
    if code in _RAILS:
        return _RAILS[code]
    if code == PayoutAccount.Rail.STRIPE_CONNECT:
        return StripeConnectRail()
    if code == PayoutAccount.Rail.BANK_TRANSFER:
        return BankTransferRail()
    raise KeyError(code)


def rail_register(code: str, rail: PayoutRail | None) -> None:
    if rail is None:
        _RAILS.pop(code, None)
    else:
        _RAILS[code] = rail
