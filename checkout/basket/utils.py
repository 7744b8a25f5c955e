from django.contrib import messages
from oscar.apps.basket import utils


class BasketMessageGenerator(utils.BasketMessageGenerator):
    def apply_messages(self, request, offers_before, offers=None):
        """Oscar's; given the offers the basket was priced with, prices it again with them
        (basket.offers_apply: no second look-up, the loaded lines kept)."""
        if offers is None:
            return super().apply_messages(request, offers_before)
        request.basket.offers_apply(offers)
        offers_after = request.basket.applied_offers()
        for level, msg in self.get_messages(request.basket, offers_before, offers_after):
            messages.add_message(request, level, msg, extra_tags="safe noicon")
        return None
