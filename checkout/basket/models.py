"""Oscar's basket, loading its lines once per request.

Oscar counts the lines, then loads them, then looks up the line it is about to merge into,
then reloads them all to price the basket again. Here the lines are loaded once, with what
pricing them reads (checkout.basket.selectors.lines_to_price), and kept: adding a product
updates or appends to the loaded lines instead of reloading them. A line's options are loaded
only for lines that have any, and the products' photos only by pages that show the lines
(`lines_shown`). The basket middleware may hand the basket its lines already loaded
(`lines_keep`), as one query finds both.
"""

from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_class

from marketplace.prefetching import relation_known_empty

Applicator = get_class("offer.applicator", "Applicator")
OfferApplications = get_class("offer.results", "OfferApplications")


class Basket(AbstractBasket):
    # The offers this request priced the basket with (checkout.basket.middleware), so that
    # pricing it again after an addition needs no second look-up; None when not priced yet.
    candidate_offers = None

    def all_lines(self):
        if self.id is not None and self._lines is None:
            from .selectors import lines_to_price  # (selectors reads this module's models)

            self.lines_keep(lines_to_price(self.lines.all()))
        return super().all_lines()

    def lines_keep(self, lines) -> None:
        """Keep `lines` (a queryset of this basket's lines, see `lines_to_price`) as its lines
        for the request: read now, with the options of the lines that have any."""
        rows = list(lines)
        prefetch_related_objects([line for line in rows if line.has_options], "attributes")
        for line in rows:
            line.basket = self
            if not line.has_options:
                relation_known_empty(line, "attributes", line.attributes.model)
        self._lines = lines

    def lines_shown(self):
        """The lines, with what showing them needs beyond their prices (photos, the attributes
        a parcel is worked out from): for the pages that list them."""
        from .selectors import line_products_shown

        lines = self.all_lines()
        if not getattr(self, "_lines_shown", False):
            line_products_shown(line.product for line in lines)
            self._lines_shown = True
        return lines

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
        """Oscar's add_product, keeping the loaded lines: a line already loaded is updated in
        place, a new one is appended to them, and their discounts are cleared for the offers to
        apply again (`offers_apply`). Without loaded lines, or on a problem Oscar's reports
        (no price, another currency), Oscar's."""
        options = options or []
        info = self._stock_info_addable(product, options)
        if info is None:
            return super().add_product(product, quantity, options)
        reference = self._create_line_reference(product, info.stockrecord, options)
        line = next((line for line in self.all_lines() if line.line_reference == reference), None)
        if line is not None:
            line.quantity = max(0, line.quantity + quantity)
            line.save()
            created = False
        else:
            line = self._line_append(product, info, reference, quantity, options)
            if line is None:  # added meanwhile by another request: Oscar's merges into it
                return super().add_product(product, quantity, options)
            created = True
        self.offer_applications = OfferApplications()
        for loaded in self.all_lines():
            loaded.clear_discount()
        return line, created

    add_product.alters_data = True
    add = add_product

    def offers_apply(self, offers):
        """Price the lines as loaded with `offers` (Oscar's Applicator.apply without looking
        them up again). Only for lines this basket changed itself, as add_product does."""
        from .offers import ranges_decide

        self.offer_applications = OfferApplications()
        for line in self.all_lines():
            line.clear_discount()
        ranges_decide(offers, product_ids={line.product_id for line in self.all_lines()})
        Applicator().apply_offers(self, offers)

    def _stock_info_addable(self, product, options):
        """The stock info of `product` if it can join the loaded lines, else None (not loaded,
        or a price, stock record or currency problem Oscar's add_product reports)."""
        if not self._lines_loaded():
            return None
        info = self.get_stock_info(product, options)
        if not info.price.exists or info.stockrecord is None:
            return None
        if self.currency and info.price.currency != self.currency:
            return None
        return info

    def _line_append(self, product, info, reference, quantity, options):
        """Create the line Oscar's get_or_create would, append it to the loaded lines; None if
        a line with this reference was added meanwhile."""
        line = self.lines.model(
            basket=self,
            line_reference=reference,
            product=product,
            stockrecord=info.stockrecord,
            quantity=max(0, quantity),
            price_excl_tax=info.price.excl_tax,
            price_currency=info.price.currency,
            tax_code=info.price.tax_code,
        )
        if info.price.is_tax_known:
            line.price_incl_tax = info.price.incl_tax
        try:
            with transaction.atomic():
                line.save()
        except IntegrityError:
            return None
        for option in options:
            line.attributes.create(option=option["option"], value=option["value"])
        line.has_options = bool(options)
        if not options:
            relation_known_empty(line, "attributes", line.attributes.model)
        self._lines._result_cache.append(line)
        self._lines_shown = False
        return line

    def _lines_loaded(self) -> bool:
        # all_lines() is a QuerySet (templates and Oscar index it); its rows are cached once read.
        return self.id is not None and self._lines is not None and self._lines._result_cache is not None


from oscar.apps.basket.models import *  # noqa: E402, F403  (Line and LineAttribute stay Oscar's)
