from decimal import Decimal

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from catalogue.reviews import rules as review_rules

from .regions import Region
from .validators import validate_certificate_document


class CooperativeQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=Cooperative.Status.VERIFIED)


class Cooperative(models.Model):
    """A certified artisan cooperative: the vendor behind a Partner.

    Status moves only through `vendors.services.cooperative_set_status`, which records who
    made each change and why in `CooperativeStatusChange`.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        IN_REVIEW = "in_review", _("In review")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    partner = models.OneToOneField("partner.Partner", on_delete=models.PROTECT, related_name="cooperative")
    name = models.CharField(_("display name"), max_length=120)
    legal_name = models.CharField(_("legal name"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    story = models.TextField(_("story"), blank=True)

    registration_number = models.CharField(_("cooperative registration number"), max_length=40, blank=True)
    rna_number = models.CharField(_("national artisan register (RNA) number"), max_length=40, blank=True)
    ice = models.CharField(
        _("ICE"),
        max_length=15,
        blank=True,
        validators=[RegexValidator(r"^\d{15}$", _("The ICE has exactly 15 digits."))],
        help_text=_("Identifiant commun de l'entreprise, 15 digits."),
    )

    region = models.CharField(_("region"), max_length=40, choices=Region.choices)
    city = models.CharField(_("city"), max_length=80)
    crafts = models.ManyToManyField(
        "catalogue.ProductClass", blank=True, related_name="cooperatives", verbose_name=_("crafts")
    )
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    members_count = models.PositiveIntegerField(_("members"), default=0)
    women_members_count = models.PositiveIntegerField(_("women members"), default=0)
    is_women_led = models.BooleanField(_("women-led"), default=False)
    languages = models.CharField(
        _("languages spoken"), max_length=60, blank=True, help_text=_("ISO codes, comma separated.")
    )
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    cover_image = models.ImageField(_("cover photo"), upload_to="cooperatives/", blank=True)

    commission_rate = models.DecimalField(
        _("commission rate"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("0.5"))],
        help_text=_("Fraction of each sale kept by the platform; empty means the platform default."),
    )

    label_valid_until = models.DateField(
        _('"Made in Morocco" label valid until'),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Kept by vendors.services.cooperative_refresh_label from approved label certificates."),
    )

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.APPLIED)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women_members_count__lte=models.F("members_count")),
                name="cooperative_women_members_within_members",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperative-detail", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def has_label(self) -> bool:
        """True while the cooperative is verified and holds an unexpired, approved label certificate."""
        return (
            self.is_verified
            and self.label_valid_until is not None
            and self.label_valid_until >= timezone.localdate()
        )

    @property
    def effective_commission_rate(self) -> Decimal:
        if self.commission_rate is not None:
            return self.commission_rate
        return Decimal(str(settings.SOUK_DEFAULT_COMMISSION_RATE))


class CooperativeStatusChange(models.Model):
    """One entry of a cooperative's status history; never edited."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Cooperative.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Cooperative.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.cooperative}: {self.from_status or '-'} → {self.to_status}"


def private_storage():
    """Where certification documents live: never under MEDIA_URL, served only through views."""
    return storages["private"]


def certificate_upload_to(instance, filename: str) -> str:
    return f"certificates/{instance.cooperative_id}/{filename}"


class Certificate(models.Model):
    """A document that proves what a cooperative is: its label, its members' cards, its registry."""

    class Type(models.TextChoices):
        LABEL = "label", _('"Made in Morocco" label')
        ARTISAN_CARD = "artisan_card", _("Artisan professional card")
        REGISTRATION = "registration", _("Cooperative registration")

    class Review(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="certificates")
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    number = models.CharField(_("certificate number"), max_length=60)
    issuing_body = models.CharField(_("issuing body"), max_length=160)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    document = models.FileField(
        _("scanned document"),
        upload_to=certificate_upload_to,
        storage=private_storage,
        blank=True,
        validators=[validate_certificate_document],
    )
    review_status = models.CharField(max_length=20, choices=Review.choices, default=Review.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    expiry_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["type", "-expires_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=models.F("issued_on")),
                name="certificate_expires_after_issue",
            )
        ]

    def __str__(self):
        return f"{self.get_type_display()} {self.number}"

    def is_valid_on(self, day) -> bool:
        return self.review_status == self.Review.APPROVED and (
            self.expires_on is None or self.expires_on >= day
        )

    @property
    def is_valid(self) -> bool:
        return self.is_valid_on(timezone.localdate())


SPOKEN_LANGUAGES = [
    ("ar", _("Arabic (Darija)")),
    ("zgh", _("Tamazight")),
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
]


def spoken_language_names(codes: str) -> str:
    """'zgh,ar' → 'Tamazight, Arabic (Darija)' in the active language; unknown codes as they are."""
    names = dict(SPOKEN_LANGUAGES)
    return ", ".join(str(names.get(code, code)) for code in codes.split(",") if code)


def application_document_upload_to(instance, filename: str) -> str:
    return f"applications/{instance.application_id}/{filename}"


class CooperativeApplication(models.Model):
    """A cooperative's request to sell on Souk, kept apart from `Cooperative` until approved.

    Applications live in their own table rather than as unapproved Cooperatives so that no
    Partner, slug or public page exists for a cooperative nobody has checked; approval
    (`vendors.services.application_approve`) creates the Partner, the Cooperative, its
    certificates and its staff account, and links them here.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        INFORMATION_REQUESTED = "information_requested", _("More information requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("display name"), max_length=120)
    legal_name = models.CharField(_("legal name"), max_length=200)
    registration_number = models.CharField(_("cooperative registration number"), max_length=40)
    rna_number = models.CharField(_("national artisan register (RNA) number"), max_length=40, blank=True)
    ice = models.CharField(
        _("ICE"),
        max_length=15,
        blank=True,
        validators=[RegexValidator(r"^\d{15}$", _("The ICE has exactly 15 digits."))],
    )
    region = models.CharField(_("region"), max_length=40, choices=Region.choices)
    city = models.CharField(_("city"), max_length=80)
    crafts = models.ManyToManyField(
        "catalogue.ProductClass", blank=True, related_name="+", verbose_name=_("crafts")
    )
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    members_count = models.PositiveIntegerField(_("members"))
    women_members_count = models.PositiveIntegerField(_("women members"))
    is_women_led = models.BooleanField(_("women-led"), default=False)
    languages = models.CharField(_("languages spoken"), max_length=60, blank=True)
    story = models.TextField(_("story"), blank=True)

    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_role = models.CharField(_("role in the cooperative"), max_length=80, blank=True)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = PhoneNumberField(_("contact phone"))
    language = models.CharField(
        _("language of the application"), max_length=8, choices=settings.LANGUAGES, default="en"
    )

    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.SUBMITTED)
    # Bumped on every decision and resubmission, so an amend link works for one round only.
    revision = models.PositiveIntegerField(default=0, editable=False)
    cooperative = models.OneToOneField(
        Cooperative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women_members_count__lte=models.F("members_count")),
                name="application_women_members_within_members",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_open(self) -> bool:
        """Staff can still decide on it (it is neither approved nor rejected)."""
        return self.status in (self.Status.SUBMITTED, self.Status.INFORMATION_REQUESTED)

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> str:
        return spoken_language_names(self.languages)


class ApplicationDocument(models.Model):
    """A certificate sent with an application; becomes a `Certificate` on approval."""

    application = models.ForeignKey(
        CooperativeApplication, on_delete=models.CASCADE, related_name="documents"
    )
    type = models.CharField(_("type"), max_length=20, choices=Certificate.Type.choices)
    number = models.CharField(_("certificate number"), max_length=60)
    issuing_body = models.CharField(_("issuing body"), max_length=160)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    document = models.FileField(
        _("scanned document"),
        upload_to=application_document_upload_to,
        storage=private_storage,
        validators=[validate_certificate_document],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_type_display()} {self.number}"

    @property
    def filename(self) -> str:
        return self.document.name.rsplit("/", 1)[-1]


class ApplicationDecision(models.Model):
    """One entry of an application's history: who did what, when and why; never edited."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RESUBMITTED = "resubmitted", _("Amended and resubmitted")
        INFORMATION_REQUESTED = "information_requested", _("Asked for more information")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    application = models.ForeignKey(
        CooperativeApplication, on_delete=models.CASCADE, related_name="decisions"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.application}: {self.action}"


class CooperativeReviewQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CooperativeReview.APPROVED)


class CooperativeReview(models.Model):
    """A buyer's review of a cooperative: how it made, packed and sent what they bought.

    Written only by a buyer whose vendor order from the cooperative has shipped, once per
    cooperative, and shown once platform staff approve it, as product reviews are (same
    statuses and rules: `catalogue.reviews.rules`; writes in `catalogue.reviews.services`).
    """

    FOR_MODERATION, APPROVED, REJECTED = (
        review_rules.FOR_MODERATION,
        review_rules.APPROVED,
        review_rules.REJECTED,
    )

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="reviews")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cooperative_reviews"
    )
    vendor_order = models.ForeignKey(
        "ledger.VendorOrder",
        verbose_name=_("order reviewed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The buyer's order from the cooperative that entitled them to review it."),
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(review_rules.SCORE_MIN), MaxValueValidator(review_rules.SCORE_MAX)],
    )
    title = models.CharField(_("title"), max_length=review_rules.TITLE_MAX_LENGTH)
    body = models.TextField(_("review"), max_length=review_rules.BODY_MAX_LENGTH)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language the review is written in (the site language the buyer used)."),
    )
    status = models.SmallIntegerField(
        _("status"), choices=review_rules.STATUS_CHOICES, default=review_rules.FOR_MODERATION
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    date_created = models.DateTimeField(auto_now_add=True)

    objects = CooperativeReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-date_created", "-pk"]
        verbose_name = _("cooperative review")
        verbose_name_plural = _("cooperative reviews")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "user"], name="cooperative_review_one_per_buyer"),
            models.CheckConstraint(
                condition=models.Q(score__gte=review_rules.SCORE_MIN, score__lte=review_rules.SCORE_MAX),
                name="cooperative_review_score_in_range",
            ),
        ]
        indexes = [models.Index(fields=["cooperative", "status", "-date_created"])]

    def __str__(self):
        return self.title

    @property
    def reviewer_name(self) -> str:
        """As Oscar shows a product reviewer: their full name, else "anonymous"."""
        return self.user.get_full_name() or str(_("anonymous"))

    @property
    def is_approved(self) -> bool:
        return self.status == self.APPROVED

    @property
    def pending_moderation(self) -> bool:
        return self.status == self.FOR_MODERATION


from oscar.apps.partner.models import *  # noqa: E402
