"""Write-side rules of cooperatives."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from .models import (
    ApplicationDecision,
    ApplicationDocument,
    Certificate,
    Cooperative,
    CooperativeApplication,
    CooperativeStatusChange,
    Partner,
)

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


# --- Applications to sell on Souk ---------------------------------------------------------


@dataclass(frozen=True)
class DocumentUpload:
    """A certificate as the applicant describes it, with its scanned file."""

    type: str
    number: str
    issuing_body: str
    issued_on: date
    expires_on: date | None
    file: File


class InvalidApplicationDecision(ValueError):
    pass


APPLICATION_FIELDS = (
    "name",
    "legal_name",
    "registration_number",
    "rna_number",
    "ice",
    "region",
    "city",
    "founded_year",
    "members_count",
    "women_members_count",
    "is_women_led",
    "languages",
    "story",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
)


def _application_fill(*, application: CooperativeApplication, details: dict) -> None:
    for field in APPLICATION_FIELDS:
        if field in details:
            setattr(application, field, details[field])


def _application_documents_add(
    *, application: CooperativeApplication, documents: list[DocumentUpload]
) -> None:
    for upload in documents:
        document = ApplicationDocument(
            application=application,
            type=upload.type,
            number=upload.number,
            issuing_body=upload.issuing_body,
            issued_on=upload.issued_on,
            expires_on=upload.expires_on,
        )
        document.document.save(upload.file.name.rsplit("/", 1)[-1], upload.file, save=False)
        document.save()


@transaction.atomic
def application_submit(
    *, details: dict, crafts, documents: list[DocumentUpload], language: str, site_url: str
) -> CooperativeApplication:
    """Record a new application with its documents and confirm receipt to the applicant.

    `details` holds the fields named in APPLICATION_FIELDS; `language` is the one the applicant
    used, and every later email is written in it.
    """
    if not documents:
        raise InvalidApplicationDecision("An application needs at least one certificate.")
    application = CooperativeApplication(language=language)
    _application_fill(application=application, details=details)
    application.full_clean(exclude=["crafts"])
    application.save()
    application.crafts.set(crafts)
    _application_documents_add(application=application, documents=documents)
    ApplicationDecision.objects.create(application=application, action=ApplicationDecision.Action.SUBMITTED)
    transaction.on_commit(
        lambda: _applicant_email_send(application=application, template="received", site_url=site_url)
    )
    return application


@transaction.atomic
def application_resubmit(
    *,
    application: CooperativeApplication,
    details: dict,
    crafts,
    documents: list[DocumentUpload],
    note: str = "",
    site_url: str,
) -> CooperativeApplication:
    """The applicant's answer to a request for information: amended details, new documents."""
    application = CooperativeApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != CooperativeApplication.Status.INFORMATION_REQUESTED:
        raise InvalidApplicationDecision("Only an application waiting for information can be amended.")
    _application_fill(application=application, details=details)
    application.status = CooperativeApplication.Status.SUBMITTED
    application.revision += 1
    application.full_clean(exclude=["crafts"])
    application.save()
    application.crafts.set(crafts)
    _application_documents_add(application=application, documents=documents)
    ApplicationDecision.objects.create(
        application=application, action=ApplicationDecision.Action.RESUBMITTED, message=note
    )
    transaction.on_commit(
        lambda: _applicant_email_send(application=application, template="resubmitted", site_url=site_url)
    )
    return application


def _application_lock_open(application: CooperativeApplication) -> CooperativeApplication:
    """The application, locked for this transaction; a decided one cannot be decided again."""
    application = CooperativeApplication.objects.select_for_update().get(pk=application.pk)
    if not application.is_open:
        raise InvalidApplicationDecision(
            f"The application is already {application.get_status_display().lower()}."
        )
    return application


def _application_decide(
    *,
    application: CooperativeApplication,
    reviewer,
    status: str,
    action: str,
    message: str,
    site_url: str,
    template: str,
    context: Callable[[CooperativeApplication], dict],
) -> CooperativeApplication:
    """Record a reviewer's decision on an open application and email the applicant after commit.

    `context` builds the email's context from the decided application (its new revision)."""
    application = _application_lock_open(application)
    application.status = status
    application.revision += 1
    application.save(update_fields=["status", "revision", "updated_at"])
    ApplicationDecision.objects.create(application=application, action=action, by=reviewer, message=message)
    email_context = context(application)
    transaction.on_commit(
        lambda: _applicant_email_send(
            application=application, template=template, site_url=site_url, context=email_context
        )
    )
    return application


@transaction.atomic
def application_request_information(
    *, application: CooperativeApplication, reviewer, message: str, site_url: str
) -> CooperativeApplication:
    """Ask the applicant for more; they get a signed link to amend and resubmit."""
    from .selectors import application_amend_token

    message = message.strip()
    if not message:
        raise InvalidApplicationDecision("Say what information is missing.")
    return _application_decide(
        application=application,
        reviewer=reviewer,
        status=CooperativeApplication.Status.INFORMATION_REQUESTED,
        action=ApplicationDecision.Action.INFORMATION_REQUESTED,
        message=message,
        site_url=site_url,
        template="information_requested",
        # The amend link is valid for the revision this request creates.
        context=lambda decided: {"message": message, "token": application_amend_token(application=decided)},
    )


@transaction.atomic
def application_reject(
    *, application: CooperativeApplication, reviewer, reason: str, site_url: str
) -> CooperativeApplication:
    """Turn an application down; the applicant is told why."""
    reason = reason.strip()
    if not reason:
        raise InvalidApplicationDecision("Rejecting an application needs a reason the applicant can act on.")
    return _application_decide(
        application=application,
        reviewer=reviewer,
        status=CooperativeApplication.Status.REJECTED,
        action=ApplicationDecision.Action.REJECTED,
        message=reason,
        site_url=site_url,
        template="rejected",
        context=lambda decided: {"reason": reason},
    )


def _unique_slug(name: str) -> str:
    base = slugify(name)[:100] or "cooperative"
    slug, suffix = base, 2
    while Cooperative.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@transaction.atomic
def application_approve(*, application: CooperativeApplication, reviewer, site_url: str) -> Cooperative:
    """Make the applicant a vendor.

    Creates the Partner and the Cooperative (walked applied → in review → verified through
    `cooperative_set_status`, so its history names the reviewer), turns the documents into
    approved certificates, gives the contact person a staff account with
    `partner.dashboard_access` linked to the Partner, and emails them a link to set a password.
    """
    application = _application_lock_open(application)
    slug = _unique_slug(application.name)
    partner = Partner.objects.create(name=application.name, code=slug)
    cooperative = Cooperative(
        partner=partner,
        slug=slug,
        status=Cooperative.Status.APPLIED,
        phone=application.contact_phone,
        email=application.contact_email,
    )
    for field in (
        "name",
        "legal_name",
        "registration_number",
        "rna_number",
        "ice",
        "region",
        "city",
        "founded_year",
        "members_count",
        "women_members_count",
        "is_women_led",
        "languages",
    ):
        setattr(cooperative, field, getattr(application, field))
    # The story goes into the language it was written in; modeltranslation falls back to English.
    setattr(cooperative, f"story_{application.language}", application.story)
    cooperative.save()
    cooperative.crafts.set(application.crafts.all())
    CooperativeStatusChange.objects.create(
        cooperative=cooperative,
        to_status=Cooperative.Status.APPLIED,
        changed_by=None,
        reason="Application received.",
    )
    cooperative_set_status(
        cooperative=cooperative,
        status=Cooperative.Status.IN_REVIEW,
        by=reviewer,
        reason="Application under review.",
    )
    now = timezone.now()
    for document in application.documents.all():
        certificate = Certificate(
            cooperative=cooperative,
            type=document.type,
            number=document.number,
            issuing_body=document.issuing_body,
            issued_on=document.issued_on,
            expires_on=document.expires_on,
            review_status=Certificate.Review.APPROVED,
            reviewed_by=reviewer,
            reviewed_at=now,
        )
        with document.document.open("rb") as scan:
            certificate.document.save(document.filename, File(scan), save=False)
        certificate.save()
    cooperative_refresh_label(cooperative=cooperative)
    cooperative_set_status(
        cooperative=cooperative,
        status=Cooperative.Status.VERIFIED,
        by=reviewer,
        reason="Application approved.",
    )

    user = _cooperative_staff_ensure(application=application, partner=partner)
    application.status = CooperativeApplication.Status.APPROVED
    application.cooperative = cooperative
    application.revision += 1
    application.save(update_fields=["status", "cooperative", "revision", "updated_at"])
    ApplicationDecision.objects.create(
        application=application, action=ApplicationDecision.Action.APPROVED, by=reviewer
    )
    invitation = {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    transaction.on_commit(
        lambda: _applicant_email_send(
            application=application,
            template="approved",
            site_url=site_url,
            context={"invitation": invitation, "cooperative": cooperative, "user": user},
        )
    )
    return cooperative


def _cooperative_staff_ensure(*, application: CooperativeApplication, partner):
    """The contact person's account, made if needed, allowed into the dashboard for `partner`."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=application.contact_email).first()
    if user is None:
        first_name, _, last_name = application.contact_name.partition(" ")
        user = User(email=application.contact_email, first_name=first_name[:150], last_name=last_name[:150])
        # Until they follow the invitation nobody can log in as them.
        user.set_unusable_password()
        user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")
    )
    partner.users.add(user)
    return user


def _applicant_email_send(
    *, application: CooperativeApplication, template: str, site_url: str, context: dict | None = None
) -> None:
    """Email the contact person in the language they applied in."""
    context = {"application": application, "site_url": site_url.rstrip("/"), **(context or {})}
    with translation.override(application.language):
        subject = render_to_string(f"vendors/emails/application_{template}_subject.txt", context)
        body = render_to_string(f"vendors/emails/application_{template}_body.txt", context)
    send_mail(
        subject=" ".join(subject.split()),
        message=body,
        from_email=None,
        recipient_list=[application.contact_email],
    )
