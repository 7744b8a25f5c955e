from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.customer.signals import user_registered
from oscar.apps.customer.views import *  # noqa: F403
from oscar.apps.customer.views import AccountAuthView as OscarAccountAuthView
from oscar.apps.customer.views import AccountRegistrationView as OscarAccountRegistrationView

from .services import account_activate, account_signup


class SignupMixin:
    """Sign-up answers "check your inbox" whether or not the email already had an account."""

    def register_user(self, form):
        user = account_signup(
            email=form.cleaned_data["email"], password=form.cleaned_data["password1"], request=self.request
        )
        if user is not None:
            user_registered.send_robust(sender=self, request=self.request, user=user)
        return user

    def signup_sent(self, form):
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("customer:signup-sent")


class AccountRegistrationView(SignupMixin, OscarAccountRegistrationView):
    def form_valid(self, form):
        self.register_user(form)
        return self.signup_sent(form)


class AccountAuthView(SignupMixin, OscarAccountAuthView):
    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            self.register_user(form)
            return self.signup_sent(form)
        ctx = self.get_context_data(registration_form=form)
        return self.render_to_response(ctx)


class SignupSentView(generic.TemplateView):
    template_name = "oscar/customer/signup_sent.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["email"] = self.request.session.get("signup_email", "")
        return ctx


class AccountActivateView(generic.View):
    """The link from the activation email: activates, signs in, and welcomes the buyer."""

    def get(self, request, uidb64, token):
        user = account_activate(uidb64=uidb64, token=token)
        if user is None:
            messages.error(
                request,
                _("This confirmation link is invalid or was already used. Sign in, or sign up again."),
            )
            return redirect("customer:login")
        auth_login(request, user, backend="vendors.auth_backends.EmailBackend")
        messages.success(request, _("Your email is confirmed. Welcome to Souk!"))
        return redirect(settings.LOGIN_REDIRECT_URL)
