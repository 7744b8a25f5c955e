from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.core.loading import get_class

Applicator = get_class("offer.applicator", "Applicator")


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's, keeping the offers it priced the basket with on the basket (candidate_offers):
    adding to the basket prices it again with them instead of looking them up twice."""

    def apply_offers_to_basket(self, request, basket):
        if basket.is_empty:
            return
        applicator = Applicator()
        basket.candidate_offers = applicator.get_offers(basket, request.user, request)
        applicator.apply_offers(basket, basket.candidate_offers)
