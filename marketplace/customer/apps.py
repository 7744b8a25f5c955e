import oscar.apps.customer.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked so signing up never tells whether an email has an account.

    New accounts are confirmed by email before they can sign in (marketplace/customer/services.py).
    """

    name = "marketplace.customer"

    def ready(self):
        super().ready()
        self.activate_view = get_class("customer.views", "AccountActivateView")
        self.signup_sent_view = get_class("customer.views", "SignupSentView")

    def get_urls(self):
        urls = [
            path("welcome/", self.signup_sent_view.as_view(), name="signup-sent"),
            path(
                "activate/<str:uidb64>/<str:token>/",
                self.activate_view.as_view(),
                name="activate",
            ),
        ]
        return self.post_process_urls(urls) + super().get_urls()
