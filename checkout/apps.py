import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "checkout"

    def ready(self):
        super().ready()
        self.pay_view = get_class("checkout.views", "PayView")
        self.webhook_view = get_class("checkout.views", "StripeWebhookView")

    def get_urls(self):
        from . import views

        urls = super().get_urls()
        urls += [
            path("pay/<str:order_number>/", self.pay_view.as_view(), name="pay"),
            path("pay/<str:order_number>/confirm/", views.pay_confirm, name="pay-confirm"),
            path("pay/<str:order_number>/cancel/", views.pay_cancel, name="pay-cancel"),
            path("pay/<str:order_number>/status/", views.pay_status, name="pay-status"),
            path("stripe/webhook/", self.webhook_view.as_view(), name="stripe-webhook"),
            path("destination/", views.country_set, name="country-set"),
        ]
        return self.post_process_urls(urls)

    def get_url_decorator(self, pattern):
        if pattern.name in (
            "pay",
            "pay-confirm",
            "pay-cancel",
            "pay-status",
            "stripe-webhook",
            "country-set",
        ):
            return None
        return super().get_url_decorator(pattern)
