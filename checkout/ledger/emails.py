"""Emails of the split: a new order to each cooperative, a shipping notice to the buyer.

Plain Django mail with templates under ledger/emails/; the buyer's notice is written in the
language they shopped in.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

_FRENCH_SPEAKING = {"FR", "BE", "LU", "MC", "CH", "MA", "SN", "CI", "TN", "DZ"}
_ARABIC_SPEAKING = {"AE", "SA", "QA", "KW", "BH", "OM", "EG", "JO"}


def _site_url() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def _render(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"ledger/emails/{template}_subject.txt", context)
    body = render_to_string(f"ledger/emails/{template}_body.txt", context)
    return " ".join(subject.split()), body


def order_language(order) -> str:
    """The buyer's language: as the order recorded it, else guessed from the destination."""
    available = {code for code, _name in settings.LANGUAGES}
    from .selectors import order_payment

    payment = order_payment(order)
    if payment is not None and (payment.language or "")[:2] in available:
        return payment.language[:2]
    for attribute in ("language", "language_code"):
        value = getattr(order, attribute, "") or ""
        if value[:2] in available:
            return value[:2]
    address = getattr(order, "shipping_address", None)
    country = getattr(getattr(address, "country", None), "iso_3166_1_a2", "") if address else ""
    if country in _FRENCH_SPEAKING and "fr" in available:
        return "fr"
    if country in _ARABIC_SPEAKING and "ar" in available:
        return "ar"
    return settings.LANGUAGE_CODE


def order_buyer_email(order) -> str:
    if order.user_id and order.user.email:
        return order.user.email
    return order.guest_email or ""


def vendor_order_new_send(*, vendor_order) -> None:
    partner = vendor_order.partner
    cooperative = getattr(partner, "cooperative", None)
    recipients = sorted(
        {getattr(cooperative, "email", "") or "", *partner.users.values_list("email", flat=True)} - {""}
    )
    if not recipients:
        logger.warning("Vendor order %s: cooperative %s has no email address.", vendor_order, partner)
        return
    context = {
        "vendor_order": vendor_order,
        "order": vendor_order.order,
        "lines": list(vendor_order.lines),
        "cooperative": cooperative,
        "site_url": _site_url(),
    }
    language = cooperative.languages.split(",")[0].strip() if cooperative and cooperative.languages else "fr"
    with translation.override(language if language in {"en", "fr", "ar"} else "fr"):
        subject, body = _render("vendor_order_new", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=recipients)


def vendor_order_shipped_send(*, vendor_order) -> None:
    order = vendor_order.order
    recipient = order_buyer_email(order)
    if not recipient:
        return
    context = {
        "vendor_order": vendor_order,
        "order": order,
        "lines": list(vendor_order.lines),
        "cooperative": getattr(vendor_order.partner, "cooperative", None),
        "site_url": _site_url(),
    }
    with translation.override(order_language(order)):
        subject, body = _render("vendor_order_shipped", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[recipient])
