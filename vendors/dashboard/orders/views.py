"""Order views of the dashboard, scoped to a cooperative's own lines.

Oscar lets partner staff open any order that has one of their lines, then shows and acts on
every line of it. In a marketplace a basket mixes cooperatives, so here a cooperative sees
and acts on its own lines only, and order-wide actions stay with platform staff.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from oscar.apps.dashboard.orders.views import (
    LineDetailView as OscarLineDetailView,
)
from oscar.apps.dashboard.orders.views import (
    OrderDetailView as OscarOrderDetailView,
)
from oscar.apps.dashboard.orders.views import (
    ShippingAddressUpdateView as OscarShippingAddressUpdateView,
)

from vendors.selectors import order_lines_for_user


class OrderDetailView(OscarOrderDetailView):
    # Notes are the only order-wide action a cooperative may take; statuses and payment
    # events of the whole order belong to platform staff.
    vendor_order_actions = ("save_note",)

    def get_order_lines(self):
        return order_lines_for_user(order=self.object, user=self.request.user)

    def get_template_names(self):
        if self.request.user.is_staff:
            return super().get_template_names()
        return ["oscar/dashboard/orders/vendor_order_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.request.user.is_staff:
            context["vendor_lines_total"] = sum(
                (line.line_price_before_discounts_incl_tax for line in context["lines"]), Decimal("0")
            )
        return context

    def handle_order_action(self, request, order, action):
        if not request.user.is_staff and action not in self.vendor_order_actions:
            raise PermissionDenied("Only platform staff can change a whole order.")
        return super().handle_order_action(request, order, action)


class LineDetailView(OscarLineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        if not order_lines_for_user(order=line.order, user=self.request.user).filter(pk=line.pk).exists():
            raise Http404
        return line


class ShippingAddressUpdateView(OscarShippingAddressUpdateView):
    def post(self, request, *args, **kwargs):
        # The address serves every cooperative in the order; only platform staff change it.
        if not request.user.is_staff:
            raise PermissionDenied("Only platform staff can change a delivery address.")
        return super().post(request, *args, **kwargs)
