"""Signing up without revealing which emails have accounts.

Both outcomes of a sign-up look the same to the visitor ("check your inbox") and cost about the
same: one password hash and one email. A new address gets an activation link; an address that
already has an account gets a note with links to sign in or reset the password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

User = get_user_model()


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


def _mail(*, to: str, template: str, context: dict) -> None:
    subject = render_to_string(f"oscar/customer/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"oscar/customer/emails/{template}_body.txt", context)
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to]).send()


def _activation_send(*, user, request) -> None:
    token = default_token_generator.make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = _absolute(request, reverse("customer:activate", kwargs={"uidb64": uid, "token": token}))
    _mail(to=user.email, template="activation", context={"activate_url": link, "site_name": "Souk"})


def account_signup(*, email: str, password: str, request) -> User | None:
    """Create an inactive account and mail its activation link, or tell the owner it exists.

    Returns the new user, or None when the address already had an account.
    """
    existing = User._default_manager.filter(email__iexact=email).first()
    if existing is not None and not existing.is_active and existing.last_login is None:
        # Signed up before but never confirmed: start again with this password and a fresh link.
        existing.set_password(password)
        existing.save(update_fields=["password"])
        _activation_send(user=existing, request=request)
        return existing
    if existing is None:
        try:
            with transaction.atomic():
                user = User(email=email, is_active=False)
                user.set_password(password)
                if "username" in [f.name for f in User._meta.fields]:
                    from oscar.apps.customer.forms import generate_username

                    user.username = generate_username()
                user.save()
        except IntegrityError:
            # The same address submitted twice at once: the other request created it.
            existing = User._default_manager.filter(email__iexact=email).first()
        else:
            _activation_send(user=user, request=request)
            return user
    # Same work as the other branch, so the answer does not come back measurably faster.
    make_password(password)
    context = {
        "login_url": _absolute(request, reverse("customer:login")),
        "reset_url": _absolute(request, reverse("password-reset")),
        "site_name": "Souk",
    }
    _mail(to=existing.email, template="account_exists", context=context)
    return None


def account_activate(*, uidb64: str, token: str) -> User | None:
    """Activate the account the link was made for; None when the link is wrong or used."""
    try:
        user = User._default_manager.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None
    if user.is_active or not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user
