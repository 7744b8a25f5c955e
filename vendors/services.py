"""Write-side rules of cooperatives."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Certificate, Cooperative, CooperativeStatusChange

ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Cooperative.Status.APPLIED: {Cooperative.Status.IN_REVIEW, Cooperative.Status.REJECTED},
    Cooperative.Status.IN_REVIEW: {
        Cooperative.Status.VERIFIED,
        Cooperative.Status.REJECTED,
        Cooperative.Status.APPLIED,
    },
    Cooperative.Status.VERIFIED: {Cooperative.Status.SUSPENDED},
    Cooperative.Status.SUSPENDED: {Cooperative.Status.VERIFIED},
    Cooperative.Status.REJECTED: {Cooperative.Status.IN_REVIEW},
}


class InvalidStatusChange(ValueError):
    pass


@transaction.atomic
def cooperative_set_status(
    *, cooperative: Cooperative, status: str, by=None, reason: str = ""
) -> Cooperative:
    """Move a cooperative to `status`, recording who did it, when and why.

    Only the transitions in ALLOWED_TRANSITIONS are accepted; suspending and rejecting need a
    reason, since the cooperative is told it.
    """
    current = cooperative.status
    if status == current:
        return cooperative
    if status not in ALLOWED_TRANSITIONS.get(current, set()):
        raise InvalidStatusChange(f"A cooperative cannot go from {current} to {status}.")
    if status in (Cooperative.Status.SUSPENDED, Cooperative.Status.REJECTED) and not reason.strip():
        raise InvalidStatusChange("Suspending or rejecting a cooperative needs a reason.")
    now = timezone.now()
    cooperative.status = status
    cooperative.status_changed_at = now
    cooperative.save(update_fields=["status", "status_changed_at", "updated_at"])
    CooperativeStatusChange.objects.create(
        cooperative=cooperative, from_status=current, to_status=status, changed_by=by, reason=reason
    )
    return cooperative


LABEL_NOTICE_DAYS = 30


@transaction.atomic
def certificate_review(*, certificate: Certificate, approve: bool, reviewer, reason: str = "") -> Certificate:
    """Approve or reject a certificate, then bring the cooperative's label up to date."""
    if not approve and not reason.strip():
        raise InvalidStatusChange("Rejecting a certificate needs a reason the cooperative can act on.")
    certificate.review_status = Certificate.Review.APPROVED if approve else Certificate.Review.REJECTED
    certificate.reviewed_by = reviewer
    certificate.reviewed_at = timezone.now()
    certificate.save(update_fields=["review_status", "reviewed_by", "reviewed_at"])
    cooperative_refresh_label(cooperative=certificate.cooperative)
    return certificate


def cooperative_refresh_label(*, cooperative: Cooperative, today: date | None = None) -> Cooperative:
    """Set `label_valid_until` to the latest expiry among approved label certificates still valid.

    A label certificate without an expiry date counts as valid indefinitely.
    """
    today = today or timezone.localdate()
    valid = [
        certificate.expires_on or date.max
        for certificate in cooperative.certificates.filter(type=Certificate.Type.LABEL)
        if certificate.is_valid_on(today)
    ]
    label_valid_until = max(valid) if valid else None
    if cooperative.label_valid_until != label_valid_until:
        cooperative.label_valid_until = label_valid_until
        cooperative.save(update_fields=["label_valid_until", "updated_at"])
    return cooperative


@dataclass(frozen=True)
class ExpiryReport:
    labels_removed: list[str]
    notices_sent: list[str]


def certifications_expire(*, today: date | None = None) -> ExpiryReport:
    """The daily run: drop lapsed labels, and warn cooperatives 30 days before a label lapses.

    Each certificate is warned about once (`expiry_notice_sent_at`).
    """
    today = today or timezone.localdate()
    removed = []
    for cooperative in Cooperative.objects.filter(label_valid_until__lt=today):
        cooperative_refresh_label(cooperative=cooperative, today=today)
        if cooperative.label_valid_until is None:
            removed.append(cooperative.slug)

    notices = []
    expiring = Certificate.objects.select_related("cooperative").filter(
        type=Certificate.Type.LABEL,
        review_status=Certificate.Review.APPROVED,
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=LABEL_NOTICE_DAYS),
        expiry_notice_sent_at__isnull=True,
    )
    for certificate in expiring:
        _label_expiry_notice_send(certificate=certificate, today=today)
        certificate.expiry_notice_sent_at = timezone.now()
        certificate.save(update_fields=["expiry_notice_sent_at"])
        notices.append(certificate.cooperative.slug)
    return ExpiryReport(labels_removed=removed, notices_sent=notices)


def _label_expiry_notice_send(*, certificate: Certificate, today: date) -> None:
    cooperative = certificate.cooperative
    recipients = sorted(
        {cooperative.email, *cooperative.partner.users.values_list("email", flat=True)} - {""}
    )
    if not recipients:
        return
    days = (certificate.expires_on - today).days
    send_mail(
        subject=f'Your "Made in Morocco" label expires in {days} days',
        message=(
            f"Hello {cooperative.name},\n\n"
            f"Your label certificate {certificate.number} expires on {certificate.expires_on:%d %B %Y}. "
            "After that date your products no longer show the label badge on Souk.\n\n"
            "Upload the renewed certificate from your dashboard as soon as you receive it.\n\n"
            "The Souk team"
        ),
        from_email=None,
        recipient_list=recipients,
    )
