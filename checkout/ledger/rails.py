"""Payout rails: how money reaches a cooperative, and how it comes back after a refund.

A rail takes a `Payout` and answers whether the money left (`RailResult`). Bank transfers
leave with the batch file the platform's bank executes, so they stay pending until staff
confirm them; Stripe Connect transfers leave at once. Stripe cannot pay out to Moroccan bank
accounts self-serve, so Connect serves cooperatives that hold a connected account abroad.

When a buyer is refunded after the cooperative was paid, a Connect transfer is reversed
(`reverse`); a bank transfer cannot be pulled back, so the cooperative's negative balance is
netted off its next payout.
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
    # What left (or came back), in the rail's own currency's minor units, when it is not MAD.
    amount_minor: int | None = None
    currency: str = ""


class PayoutRail(Protocol):
    code: str

    def pay(self, *, payout: Payout) -> RailResult: ...

    def reverse(
        self, *, payout: Payout, amount_minor: int, idempotency_key: str, metadata: dict
    ) -> RailResult:
        """Take back `amount_minor` (in `payout.transfer_currency`) of a paid payout."""
        ...


class BankTransferRail:
    """Payouts travel in the batch's CSV / pain.001 file; the bank's confirmation settles them."""

    code = PayoutAccount.Rail.BANK_TRANSFER

    def pay(self, *, payout: Payout) -> RailResult:
        return RailResult(paid=False, message="waiting for the bank")

    def reverse(
        self, *, payout: Payout, amount_minor: int, idempotency_key: str, metadata: dict
    ) -> RailResult:
        # A credit transfer cannot be recalled: the next batch pays the balance net of the refund.
        return RailResult(paid=False, message="bank transfers are netted off the next payout")


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

    def converted(self, amount: Decimal) -> tuple[int, str]:
        """`amount` MAD in the transfer currency's minor units, at the latest recorded rate."""
        return self._converted(amount)

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
        return RailResult(paid=True, reference=transfer.id, amount_minor=minor, currency=currency)

    def reverse(
        self, *, payout: Payout, amount_minor: int, idempotency_key: str, metadata: dict
    ) -> RailResult:
        """Reverse part of the payout's transfer (`POST /v1/transfers/{id}/reversals`).

        Stripe refuses more than is left of the transfer, or when the connected account's
        balance cannot cover it; the answer then says why and nothing moved.
        """
        try:
            reversal = self.client.v1.transfers.reversals.create(
                payout.reference,
                params={
                    "amount": amount_minor,
                    "description": f"Souk refund of {payout.transfer_group or payout.pk}",
                    "metadata": {"payout": str(payout.pk), **metadata},
                },
                options={"idempotency_key": idempotency_key},
            )
        except stripe.StripeError as error:
            return RailResult(paid=False, message=error.user_message or str(error))
        return RailResult(
            paid=True,
            reference=reversal.id,
            amount_minor=reversal.amount,
            currency=str(reversal.currency or payout.transfer_currency).upper(),
        )


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
