from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices


class CooperativeShipping(Base):
    """Each cooperative ships its own parcel; the basket pays the sum of their charges.

    The per-cooperative quotes (checkout.selectors.shipping_quotes) are kept on the method so the
    basket, the preview and order placement all show and store the same figures.
    """

    code = "cooperative-shipping"
    name = _("Shipped by each cooperative")

    def __init__(self, *, country_code: str):
        self.country_code = country_code

    def quotes(self, basket):
        from checkout.selectors import shipping_quotes

        cache = getattr(basket, "_souk_shipping_quotes", None)
        if cache is None or cache[0] != self.country_code:
            cache = (
                self.country_code,
                shipping_quotes(lines=basket.all_lines(), country_code=self.country_code),
            )
            basket._souk_shipping_quotes = cache
        return cache[1]

    def calculate(self, basket):
        total = sum((quote.charge for quote in self.quotes(basket)), Decimal("0.00"))
        return prices.Price(currency=basket.currency, excl_tax=total, tax=Decimal("0.00"))
