"""Checkout views: Oscar's, with an order placed before payment and a Stripe payment page."""

import json
import logging

from django import http
from django.conf import settings
from django.contrib import messages
from django.core.signing import Signer
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from oscar.apps.checkout import views as oscar_views
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

from catalogue.buyer_preferences import CURRENCY
from catalogue.selectors import exchange_rates_current

from . import payments, services
from .destination import COUNTRY, COUNTRY_NAMES
from .models import StripePayment

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")


class IndexView(oscar_views.IndexView):
    pass


class ShippingAddressView(oscar_views.ShippingAddressView):
    def get_initial(self):
        initial = super().get_initial() or {}
        # Preselect the country the buyer chose for shipping estimates.
        initial.setdefault("country", COUNTRY.get(self.request))
        return initial


class UserAddressUpdateView(oscar_views.UserAddressUpdateView):
    pass


class UserAddressDeleteView(oscar_views.UserAddressDeleteView):
    pass


class ShippingMethodView(oscar_views.ShippingMethodView):
    pass


class PaymentMethodView(oscar_views.PaymentMethodView):
    """Cards are the only method and are entered after the order is placed: go to the preview."""

    def get_success_response(self):
        return redirect("checkout:preview")


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """Preview, then place the order ("Pending payment") and send the buyer to the card page."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        method = ctx.get("shipping_method")
        basket = self.request.basket
        ctx["shipping_quotes"] = method.quotes(basket) if hasattr(method, "quotes") else []
        return ctx

    def submit(
        self,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        payment_kwargs=None,
        order_kwargs=None,
        surcharges=None,
    ):
        currency = CURRENCY.get(self.request)
        amount, _rate = services.payment_amount(
            total_mad=order_total.incl_tax, currency=currency, rates=exchange_rates_current()
        )
        try:
            payments.stripe_amount_check(amount, currency if _rate != 1 else "MAD")
        except payments.AmountTooSmall as error:
            return self.render_preview(self.request, error=str(error))

        order_number = self.generate_order_number(basket)
        self.checkout_session.set_order_number(order_number)
        self.freeze_basket(basket)
        self.checkout_session.set_submitted_basket(basket)
        try:
            order = self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                **(order_kwargs or {}),
            )
        except UnableToPlaceOrder as error:
            self.restore_frozen_basket()
            return self.render_preview(self.request, error=str(error))
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.id
        # The card page creates the PaymentIntent (once), or explains and offers to try again when
        # Stripe does not answer: creating it here too made a buyer wait out Stripe's timeout twice.
        return redirect("checkout:pay", order_number=order.number)

    def place_order(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        order_total,
        billing_address=None,
        surcharges=None,
        **kwargs,
    ):
        from django.db import transaction

        with transaction.atomic():
            shipping_address = self.create_shipping_address(user, shipping_address)
            billing_address = self.create_billing_address(user, billing_address, shipping_address)
            return services.order_place(
                basket=basket,
                user=user,
                order_number=order_number,
                shipping_address=shipping_address,
                billing_address=billing_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                request=self.request,
                **kwargs,
            )


def _buyer_order(request, order_number):
    """The order if this browser placed it (session) or it belongs to the signed-in buyer."""
    order = get_object_or_404(Order, number=order_number)
    if request.session.get("checkout_order_id") == order.id:
        return order
    if request.user.is_authenticated and order.user_id == request.user.id:
        return order
    raise http.Http404


def _basket_cookie_restore(request, response, order):
    """After a cancelled payment, point an anonymous buyer's basket cookie at the thawed basket."""
    if request.user.is_authenticated:
        return
    basket = Basket.objects.filter(pk=order.basket_id, status=Basket.OPEN, owner=None).first()
    if basket is None:
        return
    key = settings.OSCAR_BASKET_COOKIE_OPEN
    if key in getattr(request, "cookies_to_delete", []):
        request.cookies_to_delete.remove(key)
    response.set_cookie(
        key,
        Signer().sign(basket.id),
        max_age=settings.OSCAR_BASKET_COOKIE_LIFETIME,
        secure=settings.OSCAR_BASKET_COOKIE_SECURE,
        httponly=True,
    )


class PayView(TemplateView):
    """The card form for a placed order; retries creating the PaymentIntent if Stripe was down."""

    template_name = "oscar/checkout/pay.html"

    def get(self, request, *args, **kwargs):
        self.order = _buyer_order(request, kwargs["order_number"])
        if self.order.status == services.PAID:
            return redirect("checkout:thank-you")
        self.error = ""
        if self.order.status == services.PENDING:
            try:
                services.payment_start(
                    order=self.order,
                    currency=CURRENCY.get(request),
                    rates=exchange_rates_current(),
                    language=get_language() or "en",
                )
            except (payments.PaymentUnavailable, payments.AmountTooSmall) as error:
                logger.warning("Order %s: payment page without PaymentIntent: %s", self.order.number, error)
                self.error = _(
                    "We could not reach our card processor. Nothing has been charged. "
                    "Please try again in a moment."
                )
        response = super().get(request, *args, **kwargs)
        if self.order.status == services.CANCELLED:
            _basket_cookie_restore(request, response, self.order)
        return response

    def get_context_data(self, **kwargs):
        from .selectors import order_shipping_by_partner

        ctx = super().get_context_data(**kwargs)
        payment = StripePayment.objects.filter(order=self.order).first()
        ctx.update(
            order=self.order,
            payment=payment,
            error=self.error,
            shipping_by_partner=list(order_shipping_by_partner(order=self.order).values()),
            stripe_js_url=payments.stripe_js_url(),
            stripe_publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            stripe_is_local=payments.stripe_is_local(),
            is_cancelled=self.order.status == services.CANCELLED,
        )
        return ctx


@require_POST
def pay_confirm(request, order_number):
    """Confirm the PaymentIntent with a card the browser tokenised at Stripe (local Stripe.js flow).

    Only a card id reaches us, never card data. The answer tells the page whether 3-D Secure
    is needed; the order is marked paid by the webhook, not here.
    """
    order = _buyer_order(request, order_number)
    payment = StripePayment.objects.filter(order=order).first()
    try:
        card_id = json.loads(request.body or b"{}").get("card", "")
    except ValueError:
        card_id = ""
    if payment is None or not payment.payment_intent_id or not card_id or order.status != services.PENDING:
        return http.JsonResponse({"error": _("This order cannot be paid any more.")}, status=400)
    try:
        intent = payments.payment_intent_confirm_card(
            order_number=order.number,
            payment_intent_id=payment.payment_intent_id,
            card_id=card_id,
            attempt=card_id,
        )
    except payments.PaymentUnavailable as error:
        return http.JsonResponse({"error": str(error)}, status=402)
    error = getattr(intent, "last_payment_error", None)
    return http.JsonResponse(
        {
            "status": intent.status,
            "error": (error or {}).get("message", "") if intent.status == "requires_payment_method" else "",
        }
    )


@require_POST
def pay_cancel(request, order_number):
    """The buyer gives up this payment: cancel the order, release the stock, reopen the basket."""
    order = _buyer_order(request, order_number)
    try:
        services.order_payment_failed(order=order, reason="the buyer went back to the basket")
    except payments.PaymentUnavailable:
        messages.error(request, _("We could not reach our card processor. Please try again in a moment."))
        return redirect("checkout:pay", order_number=order.number)
    order.refresh_from_db()
    response = redirect("basket:summary")
    if order.status == services.CANCELLED:
        messages.info(request, _("Your basket is as you left it; nothing has been charged."))
        _basket_cookie_restore(request, response, order)
    return response


def pay_status(request, order_number):
    """Whether the webhook has marked the order paid yet (the thank-you page polls this)."""
    order = _buyer_order(request, order_number)
    return http.JsonResponse({"status": order.status})


class ThankYouView(oscar_views.ThankYouView):
    def get_context_data(self, *args, **kwargs):
        from .selectors import order_shipping_by_partner

        ctx = super().get_context_data(*args, **kwargs)
        order = ctx["order"]
        ctx["payment"] = StripePayment.objects.filter(order=order).first()
        ctx["shipping_by_partner"] = list(order_shipping_by_partner(order=order).values())
        ctx["status_url"] = services.order_status_path(order=order)
        if order.user_id is None:
            # This browser placed the order with this email: Oscar's order-status page (and the
            # invoices behind it) need not ask for it again.
            self.request.session["anon_order_email"] = order.email
        return ctx


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Stripe's events: verified (300 s tolerance), stored once per id, handled or retried later."""

    def post(self, request):
        try:
            event = services.stripe_event_receive(
                payload=request.body, signature=request.headers.get("Stripe-Signature", "")
            )
        except services.WebhookSignatureInvalid as error:
            logger.warning("Stripe webhook refused: %s", error)
            return http.HttpResponseBadRequest("invalid signature")
        # A stored but failed event is ours to retry (stripe_events_retry); Stripe need not resend.
        return http.JsonResponse({"id": event.event_id, "status": event.status})


@require_POST
def country_set(request):
    """Remember where the buyer ships to, for shipping estimates before checkout."""
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    if not COUNTRY.remember(request, response, request.POST.get("country", "")):
        messages.error(request, _("Please choose a country from the list."))
    return response


def country_choices():
    return list(COUNTRY_NAMES.items())


def thank_you_url():
    return reverse("checkout:thank-you")
