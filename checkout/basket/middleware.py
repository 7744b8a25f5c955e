from django.core.signing import BadSignature, Signer
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware

from marketplace.prefetching import relation_known_empty

from .offers import Applicator


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's, loading an open basket together with its lines and pricing it with the cached
    site offers (checkout.basket.offers). It keeps the offers it priced the basket with on the
    basket (candidate_offers): adding to the basket prices it again with them, and the basket
    page's upsell messages read them, instead of looking them up again.

    A visitor's open basket with lines costs one query (lines, each with its basket); an empty
    one costs Oscar's basket query and one for its lines, as before. Signing in with a cookie
    basket (the merge) is Oscar's, unchanged.
    """

    def get_basket(self, request):
        if request._basket_cache is not None:
            return request._basket_cache
        lines = self._open_basket_lines(request)
        if lines and len({line.basket_id for line in lines}) == 1:
            request._basket_cache = _basket_of(lines[0], user=request.user)
            request._basket_cache.lines_keep(lines)
            return request._basket_cache
        basket = super().get_basket(request)
        if lines is not None and not lines and basket.id is not None:
            basket.lines_keep(lines)  # the basket Oscar found or made has none
        return basket

    def apply_offers_to_basket(self, request, basket):
        if basket.is_empty:
            return
        applicator = Applicator()
        basket.candidate_offers = applicator.get_offers(basket, request.user, request)
        applicator.apply_offers(basket, basket.candidate_offers)

    def _open_basket_lines(self, request):
        """The lines of the visitor's open basket (read), or None where Oscar's way is needed: no
        basket cookie and not signed in (no basket yet), signing in with a cookie basket (Oscar
        merges it), or a cookie that does not verify (Oscar drops it). Lines of several open
        baskets of one buyer are left to Oscar too, who merges the baskets."""
        from .selectors import open_basket_lines

        user = request.user
        cookie = request.COOKIES.get(self.get_cookie_key(request))
        if user.is_authenticated and cookie is None:
            lines = open_basket_lines(owner=user)
        elif not user.is_authenticated and cookie is not None:
            basket_id = _basket_id_from_cookie(cookie)
            if basket_id is None:
                return None
            lines = open_basket_lines(basket_id=basket_id)
        else:
            return None
        list(lines)
        return lines


def _basket_id_from_cookie(cookie: str) -> int | None:
    try:
        return int(Signer().unsign(cookie))
    except (BadSignature, ValueError):
        return None


def _basket_of(line, *, user):
    """The basket `line` was loaded with, as Oscar's get_basket returns it."""
    basket = line.basket
    if user.is_authenticated:
        basket.owner = user
    if not line.basket_has_vouchers:
        relation_known_empty(basket, "vouchers", basket.vouchers.model)
    return basket
