"""Oscar's availability policies with their texts marked in our own catalogues.

Oscar's strategy loads these classes by name (`get_class("partner.availability", ...)` finds
this module of the forked partner app), so the buyer's strategy (`vendors.strategy.Default`,
Oscar's `StockRequired` mixin) builds them: same codes, same purchase rules, same English as
Oscar's. Only the messages are ours, because Oscar's Arabic catalogue leaves "In stock (…
available)" in English and has nothing for the most a buyer may take; ours count in plural
forms (Arabic has six).
"""

from django.utils.translation import ngettext, pgettext, pgettext_lazy
from oscar.apps.partner import availability


class Unavailable(availability.Unavailable):
    """No stock record: the piece is not for sale."""

    message = pgettext_lazy("availability", "Unavailable")

    def is_purchase_permitted(self, quantity):
        return False, pgettext("availability", "unavailable")


class Available(availability.Available):
    """A product class that does not track stock."""

    message = pgettext_lazy("availability", "Available")


class StockRequired(availability.StockRequired):
    """For sale while the cooperative has stock (Oscar's rule), told in our words."""

    def is_purchase_permitted(self, quantity):
        if self.num_available <= 0:
            return False, pgettext("availability", "no stock available")
        if quantity > self.num_available:
            message = ngettext(
                "a maximum of %(max)d can be bought",
                "a maximum of %(max)d can be bought",
                self.num_available,
            )
            return False, message % {"max": self.num_available}
        return True, ""

    @property
    def short_message(self):
        if self.num_available > 0:
            return pgettext("availability", "In stock")
        return pgettext("availability", "Unavailable")

    @property
    def message(self) -> str:
        if self.num_available > 0:
            message = ngettext(
                "In stock (%(count)d available)",
                "In stock (%(count)d available)",
                self.num_available,
            )
            return message % {"count": self.num_available}
        return pgettext("availability", "Unavailable")
