"""Oscar's basket, loading its lines once per request.

Oscar counts the lines, then loads them, then looks up the line it is about to merge into,
then reloads them all to price the basket again. Here the lines are loaded once (with each
product's class, which the stock policy reads) and kept: adding a product already in the
basket updates the loaded line, and only a new line makes them reload.
"""

from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_class

Applicator = get_class("offer.applicator", "Applicator")
OfferApplications = get_class("offer.results", "OfferApplications")


class Basket(AbstractBasket):
    # The offers this request priced the basket with (checkout.basket.middleware), so that
    # pricing it again after an addition needs no second look-up; None when not priced yet.
    candidate_offers = None

    def all_lines(self):
        if self.id is not None and self._lines is None:
            self._lines = (
                self.lines.select_related("product__product_class", "stockrecord")
                .prefetch_related("attributes", "product__images")
                .order_by(self._meta.pk.name)
            )
        return super().all_lines()

    @property
    def is_empty(self):
        """Told by loading the lines, where Oscar counts them first: whoever asks (the
        middleware pricing the basket, the header's item count, checkout) goes on to read them."""
        return self.id is None or len(self.all_lines()) == 0

    def product_quantity(self, product):
        """Summed from the loaded lines (the add-to-basket form's stock check), else Oscar's SUM."""
        if not self._lines_loaded():
            return super().product_quantity(product)
        return sum(line.quantity for line in self.all_lines() if line.product_id == product.pk)

    def add_product(self, product, quantity=1, options=None):
        """Oscar's add_product; a line already loaded is updated in place (no second look-up)
        and the loaded lines are kept, their discounts cleared for the offers to apply again."""
        line = self._loaded_line(product, options or [])
        if line is None:
            return super().add_product(product, quantity, options)
        line.quantity = max(0, line.quantity + quantity)
        line.save()
        self.offer_applications = OfferApplications()
        for loaded in self.all_lines():
            loaded.clear_discount()
        return line, False

    add_product.alters_data = True
    add = add_product

    def offers_apply(self, offers):
        """Price the lines as loaded with `offers` (Oscar's Applicator.apply without looking
        them up again). Only for lines this basket changed itself, as add_product does."""
        self.offer_applications = OfferApplications()
        for line in self.all_lines():
            line.clear_discount()
        Applicator().apply_offers(self, offers)

    def _loaded_line(self, product, options):
        """The loaded line `product` with `options` would merge into, or None (not loaded, none,
        or a price or currency problem Oscar's add_product reports)."""
        if not self._lines_loaded():
            return None
        info = self.get_stock_info(product, options)
        if not info.price.exists or info.stockrecord is None:
            return None
        if self.currency and info.price.currency != self.currency:
            return None
        reference = self._create_line_reference(product, info.stockrecord, options)
        return next((line for line in self.all_lines() if line.line_reference == reference), None)

    def _lines_loaded(self) -> bool:
        # all_lines() is a QuerySet (templates and Oscar index it); its rows are cached once read.
        return self.id is not None and self._lines is not None and self._lines._result_cache is not None


from oscar.apps.basket.models import *  # noqa: E402, F403  (Line and LineAttribute stay Oscar's)
