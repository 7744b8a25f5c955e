"""Oscar's signals -> behaviour events. Thin: each receiver calls a service and never raises.

Recording is a side effect of serving a buyer's page; if it fails (a locked table, a
missing migration) the failure is logged and the page is served as if nothing happened.
"""

import logging

from django.dispatch import receiver
from oscar.apps.analytics.receivers import receive_product_view as oscar_receive_product_view
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.checkout.signals import start_checkout
from oscar.apps.order.signals import order_placed

from . import buffer, services

logger = logging.getLogger(__name__)


@receiver(product_viewed, dispatch_uid="observatory_product_viewed")
def product_viewed_record(sender, product, request, user=None, **kwargs):
    """A buyer's view: buffered in Redis when the buffer is on (the flush writes the event and
    Oscar's view count), else written now. Oscar's own analytics receiver is replaced by this
    one (apps.py), so a buffered view is not also counted here."""
    try:
        visitor = services.visitor_from_request(request)
        signed_in = user is not None and user.is_authenticated
        if visitor is not None and not signed_in:
            cooperative_id = services.product_cooperative_id(product=product)
            if buffer.view_push(visitor=visitor, product_id=product.pk, cooperative_id=cooperative_id):
                return
        oscar_receive_product_view(sender, product=product, user=user, **kwargs)
        if visitor is not None:
            services.event_record(kind=services.Event.Kind.VIEW, visitor=visitor, product=product)
    except Exception:
        logger.exception("observatory: product view of %s not recorded", getattr(product, "pk", None))


@receiver(basket_addition, dispatch_uid="observatory_basket_addition")
def basket_addition_record(sender, product, request, **kwargs):
    try:
        services.basket_addition_record(request=request, product=product)
    except Exception:
        logger.exception("observatory: basket addition of %s not recorded", getattr(product, "pk", None))


@receiver(start_checkout, dispatch_uid="observatory_start_checkout")
def start_checkout_record(sender, request, **kwargs):
    try:
        services.checkout_start_record(request=request)
    except Exception:
        logger.exception("observatory: checkout start not recorded")


@receiver(order_placed, dispatch_uid="observatory_order_placed")
def order_placed_record(sender, order, **kwargs):
    try:
        services.order_placed_record(order=order)
    except Exception:
        logger.exception("observatory: placement of order %s not recorded", getattr(order, "number", None))
