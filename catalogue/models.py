from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductClass, AbstractProductImage
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet

hs_code_validator = RegexValidator(r"^\d{4}(\d{2}){0,3}$", _("An HS code has 4, 6, 8 or 10 digits."))


class ProductClass(AbstractProductClass):
    """A craft (rug, zellige, ...), defined in catalogue/crafts.py."""

    hs_code = models.CharField(
        _("HS code"),
        max_length=10,
        blank=True,
        validators=[hs_code_validator],
        help_text=_("Harmonized System heading printed on commercial invoices."),
    )


class ProductQuerySet(OscarProductQuerySet):
    def browsable(self):
        """Public canonical products whose cooperative is verified.

        A suspended or not-yet-verified cooperative's products disappear from every listing
        at once, without touching the products themselves.
        """
        from django.apps import apps

        from vendors.models import Cooperative

        StockRecord = apps.get_model("partner", "StockRecord")
        verified = StockRecord.objects.filter(partner__cooperative__status=Cooperative.Status.VERIFIED)
        # Two EXISTS on the stock records' product index rather than one over products with an
        # OR: PostgreSQL runs these as hashed subplans instead of a nested scan per product.
        sold_itself = models.Exists(verified.filter(product=models.OuterRef("pk")))
        sold_as_variant = models.Exists(verified.filter(product__parent=models.OuterRef("pk")))
        return (
            super()
            .browsable()
            # A zellige sample is bought from its tile's page, never listed on its own.
            .filter(sample_of__isnull=True)
            .filter(sold_itself | sold_as_variant)
        )


class Product(AbstractProduct):
    is_labelled = models.BooleanField(
        _('"Made in Morocco" label'),
        default=False,
        help_text=_("Shown to buyers only while the cooperative holds a valid label certificate."),
    )
    hs_code = models.CharField(
        _("HS code"),
        max_length=10,
        blank=True,
        validators=[hs_code_validator],
        help_text=_("Leave empty to use the code of the product class."),
    )
    weight_kg = models.DecimalField(
        _("shipping weight (kg)"),
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"), default=0, help_text=_("0 when the piece ships from stock.")
    )
    packed_length_cm = models.PositiveSmallIntegerField(_("packed length (cm)"), null=True, blank=True)
    packed_width_cm = models.PositiveSmallIntegerField(_("packed width (cm)"), null=True, blank=True)
    packed_height_cm = models.PositiveSmallIntegerField(_("packed height (cm)"), null=True, blank=True)

    # Platform staff take a product off the shop with a reason the cooperative reads in its
    # dashboard (catalogue.services.product_unpublish); is_public is what hides it.
    unpublished_reason = models.TextField(_("reason for unpublishing"), blank=True)
    unpublished_at = models.DateTimeField(_("unpublished at"), null=True, blank=True)
    unpublished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # A zellige sample is a product of its own (price, stock, basket line) tied to its tile.
    sample_of = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sample",
        verbose_name=_("sample of"),
    )

    objects = ProductQuerySet.as_manager()

    @cached_property
    def cooperative(self):
        """The cooperative that sells this product (from its stock record; prefetch-friendly)."""
        for record in self.stockrecords.all():
            return getattr(record.partner, "cooperative", None)
        return None

    @property
    def shows_made_in_morocco_label(self) -> bool:
        """The badge rule: a labelled product of a verified cooperative holding a valid label."""
        cooperative = self.cooperative
        return bool(self.is_labelled and cooperative is not None and cooperative.has_label)

    @property
    def is_unpublished(self) -> bool:
        return bool(self.unpublished_at) and not self.is_public

    @property
    def packed_dimensions_cm(self) -> tuple[int, int, int] | None:
        dimensions = (self.packed_length_cm, self.packed_width_cm, self.packed_height_cm)
        return dimensions if all(dimensions) else None

    @property
    def effective_hs_code(self) -> str:
        if self.hs_code:
            return self.hs_code
        product_class = self.get_product_class()
        return product_class.hs_code if product_class else ""


class ProductImage(AbstractProductImage):
    """A product photo: `original` is stored already cleaned (see catalogue/images.py).

    `renditions` maps a width in pixels to the storage name of a WebP copy of that width,
    written once by catalogue.services.product_image_renditions_ensure; storing the names on
    the row means listings need no extra query (nor a storage round trip) to build srcsets.
    """

    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)

    class Meta(AbstractProductImage.Meta):
        pass


class ExchangeRate(models.Model):
    """How many units of `currency` one Moroccan dirham buys, as of a date.

    Rates are only added, never edited in place, so past displays can be explained.
    """

    currency = models.CharField(_("currency"), max_length=3)
    rate = models.DecimalField(
        _("units per 1 MAD"), max_digits=18, decimal_places=8, validators=[MinValueValidator(Decimal("0"))]
    )
    as_of = models.DateField(_("as of"))
    source = models.CharField(_("source"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["currency", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "as_of"], name="exchange_rate_one_per_day"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self):
        return f"1 MAD = {self.rate} {self.currency} ({self.as_of})"


from oscar.apps.catalogue.models import *  # noqa: E402
