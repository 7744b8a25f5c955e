"""Texts Oscar's Python code shows buyers, marked here so our catalogues translate them.

Oscar's Arabic catalogue (and for some its French one) misses these, so a buyer on /ar/ or
/fr/ got them in English. They are written inside long view and middleware methods or in
Oscar's models, so instead of copying that code each one is listed here, word for word and
with Oscar's plural: `makemessages` puts them in locale/fr and locale/ar, and our catalogues
(LOCALE_PATHS) take precedence over Oscar's. `tests/integration/theme/
test_arabic_shop_strings.py` drives the basket merge, the wish list and the stock alert in
Arabic, so an Oscar upgrade that rewords one of those is noticed. Texts Oscar renders from
templates are ours through the theme's template overrides instead.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy

OSCAR_MESSAGES = (
    # oscar.apps.basket.middleware.BasketMiddleware.get_basket: a guest's basket joins the
    # buyer's when they sign in.
    ngettext_lazy(
        "We have merged %(num_items_merged)d item from a previous session to your basket.",
        "We have merged %(num_items_merged)d items from a previous session to your basket.",
    ),
    # oscar.apps.customer.views.OrderDetailView.do_reorder: "Buy this order again".
    gettext_lazy("All available lines from order %(number)s have been added to your basket"),
    # oscar.apps.customer.alerts.views.ProductAlertCreateView: a signed-in buyer asks to be
    # told when a sold-out piece is back.
    gettext_lazy("An alert has been created"),
    # oscar.apps.customer.views.AnonymousOrderFormView: a guest looks up an order.
    gettext_lazy("Order not found"),
    # oscar.apps.wishlists.views.WishListView: a shared list opened while signed out.
    gettext_lazy("You must be logged in to view the wish list"),
    # oscar.apps.customer.wishlists.views: saving a piece from its page and taking it out
    # (Oscar's Arabic for these has spelling mistakes).
    gettext_lazy("'%s' was added to your wish list."),
    gettext_lazy("'%(title)s' was removed from your '%(name)s' wish list"),
    # oscar.apps.wishlists.abstract_models.AbstractWishList.VISIBILITY_CHOICES: the choices of
    # the wish list form.
    gettext_lazy("Private - Only the owner can see the wish list"),
    gettext_lazy(
        "Shared - Only the owner and people with access to the obfuscated link can see the wish list"
    ),
    gettext_lazy("Public - Everybody can see the wish list"),
)
