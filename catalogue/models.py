from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductClass
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
        from vendors.models import Cooperative

        verified = models.Q(stockrecords__partner__cooperative__status=Cooperative.Status.VERIFIED)
        return (
            super()
            .browsable()
            .filter(
                models.Exists(
                    Product.objects.filter(
                        models.Q(pk=models.OuterRef("pk")) | models.Q(parent=models.OuterRef("pk")),
                        verified,
                    )
                )
            )
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
    def effective_hs_code(self) -> str:
        if self.hs_code:
            return self.hs_code
        product_class = self.get_product_class()
        return product_class.hs_code if product_class else ""


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
