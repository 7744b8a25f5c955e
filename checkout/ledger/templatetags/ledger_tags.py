from django import template

from checkout.ledger.selectors import vendor_orders_for_buyer

register = template.Library()


@register.simple_tag
def order_shipments(order):
    """The cooperatives' shipments of an order, for the buyer's order page."""
    return list(vendor_orders_for_buyer(order=order))
