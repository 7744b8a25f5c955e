"""Product editor forms: Oscar's, narrowed to what a cooperative fills in.

Classes not defined here (ProductClassSelectForm, CategoryForm, ...) come from Oscar's
module through get_class, as with any forked Oscar app.
"""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue.forms import ProductForm as OscarProductForm
from oscar.apps.dashboard.catalogue.forms import ProductImageForm as OscarProductImageForm
from oscar.apps.dashboard.catalogue.forms import StockRecordForm as OscarStockRecordForm
from oscar.core.loading import get_model

from catalogue.crafts import CRAFTS_BY_CODE, FLOAT, INTEGER
from catalogue.images import image_clean
from catalogue.money import BASE_CURRENCY
from catalogue.templatetags.craft_tags import UNIT_LABELS

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")

ZELLIGE = "zellige"


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class ProductForm(OscarProductForm):
    """A product's own fields, its translations and its craft's attributes (validated by
    Oscar's attribute rules plus the units in catalogue/crafts.py).

    Publication is not a field: new products go live at once, and only platform staff
    take one off the shop (catalogue.services.product_unpublish).
    """

    categories = CategoryChoiceField(
        label=_("Categories"),
        queryset=Category.objects.filter(is_public=True).order_by("path"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where buyers find it in the shop. Pick at least one."),
    )
    sample_price = forms.DecimalField(
        label=_("Sample price (MAD)"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        help_text=_("Leave empty if you do not send samples."),
    )
    sample_stock = forms.IntegerField(label=_("Samples in stock"), required=False, min_value=0)

    class Meta(OscarProductForm.Meta):
        model = Product
        fields = [
            "title_en",
            "title_fr",
            "title_ar",
            "description_en",
            "description_fr",
            "description_ar",
            "upc",
            "is_labelled",
            "hs_code",
            "weight_kg",
            "packed_length_cm",
            "packed_width_cm",
            "packed_height_cm",
            "lead_time_days",
            "structure",
        ]
        widgets = {
            "structure": forms.HiddenInput(),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "description_fr": forms.Textarea(attrs={"rows": 5}),
            "description_ar": forms.Textarea(attrs={"rows": 5, "dir": "rtl", "lang": "ar"}),
            "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
        }
        labels = {
            "title_en": _("Title in English"),
            "title_fr": _("Title in French"),
            "title_ar": _("Title in Arabic"),
            "description_en": _("Description in English"),
            "description_fr": _("Description in French"),
            "description_ar": _("Description in Arabic"),
            "upc": _("Your reference"),
        }

    def __init__(self, product_class, *args, **kwargs):
        super().__init__(product_class, *args, **kwargs)
        self.product_class = product_class
        self.fields["title_en"].required = True
        self.fields["title_fr"].required = True
        self.fields["upc"].required = False
        self.fields["upc"].help_text = _("Optional: the code you use for this piece.")
        self.fields["hs_code"].help_text = _("Leave empty to use %(code)s, the code for %(craft)s.") % {
            "code": product_class.hs_code or "—",
            "craft": product_class.name,
        }
        if self.instance.pk:
            self.fields["categories"].initial = list(self.instance.categories.values_list("pk", flat=True))
        if product_class.slug == ZELLIGE:
            sample = getattr(self.instance, "sample", None) if self.instance.pk else None
            if sample is not None:
                record = sample.stockrecords.first()
                self.fields["sample_price"].initial = record.price if record else None
                self.fields["sample_stock"].initial = record.num_in_stock if record else None
        else:
            del self.fields["sample_price"]
            del self.fields["sample_stock"]

    def get_attribute_field(self, attribute):
        field = super().get_attribute_field(attribute)
        craft = CRAFTS_BY_CODE.get(self.product_class.slug)
        specs = {spec.code: spec for spec in craft.attributes} if craft else {}
        spec = specs.get(attribute.code)
        if spec is not None and spec.type in (INTEGER, FLOAT) and field is not None:
            # Sizes, weights and counts are never zero or negative.
            minimum = 1 if spec.type == INTEGER else 0.001
            field.validators.append(MinValueValidator(minimum))
            field.widget.attrs["min"] = str(minimum)
            if spec.type == FLOAT:
                field.widget.attrs["step"] = "any"
            if spec.unit:
                field.help_text = UNIT_LABELS.get(spec.unit, spec.unit)
        return field

    def add_attribute_fields(self, product_class, is_parent=False):
        # Oscar calls this from __init__ before our own __init__ body runs.
        self.product_class = product_class
        super().add_attribute_fields(product_class, is_parent)

    def attribute_fields(self):
        return [field for field in self if field.name.startswith("attr_")]

    def clean(self):
        cleaned = super().clean()
        if self.product_class.slug == ZELLIGE:
            price, stock = cleaned.get("sample_price"), cleaned.get("sample_stock")
            if price is None and stock:
                self.add_error(
                    "sample_price", _("Give the sample a price, or leave both sample fields empty.")
                )
        return cleaned


class StockRecordForm(OscarStockRecordForm):
    """Price (in dirhams) and stock of the cooperative's own stock record.

    Cooperative staff never choose the partner: it is theirs, set in save(). Platform
    staff creating a product pick the cooperative it belongs to.
    """

    class Meta(OscarStockRecordForm.Meta):
        fields = ["partner", "price", "num_in_stock"]
        labels = {"price": _("Price (MAD)"), "num_in_stock": _("In stock")}

    def __init__(self, product_class, user, *args, **kwargs):
        super().__init__(product_class, user, *args, **kwargs)
        self.fields["price"].required = True
        self.fields["price"].min_value = Decimal("0.01")
        self.fields["price"].widget.attrs.update({"min": "0.01", "step": "0.01", "inputmode": "decimal"})
        if "num_in_stock" in self.fields:
            self.fields["num_in_stock"].min_value = 0
            self.fields["num_in_stock"].widget.attrs.update({"min": "0", "inputmode": "numeric"})
            self.fields["num_in_stock"].help_text = _("1 for a one-of-a-kind piece.")
        if user.is_staff:
            partners = Partner.objects.filter(cooperative__isnull=False).order_by("name")
            self.fields["partner"].queryset = partners
            self.fields["partner"].label = _("Cooperative")
            if self.instance.pk:
                self.fields["partner"].disabled = True
        else:
            del self.fields["partner"]

    def clean_price(self):
        price = self.cleaned_data.get("price")
        if price is not None and price <= 0:
            raise forms.ValidationError(_("The price must be more than 0 MAD."))
        return price

    def save(self, commit=True):
        record = super().save(commit=False)
        record.price_currency = BASE_CURRENCY
        if not self.user.is_staff and not record.partner_id:
            record.partner = self.user.partners.get()
        if not record.partner_sku:
            record.partner_sku = record.product.upc or f"SK-{record.product.pk}"
        if commit:
            record.save()
        return record


class ProductImageForm(OscarProductImageForm):
    """One photo: the file (checked and cleaned by catalogue.images), its alt text, its place."""

    original = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, up to 15 MB and 40 megapixels."),
    )

    class Meta(OscarProductImageForm.Meta):
        fields = ["original", "caption", "display_order"]
        widgets = {"display_order": forms.NumberInput(attrs={"min": "1", "class": "image-position"})}
        labels = {"caption": _("Alt text"), "display_order": _("Position")}
        help_texts = {
            "caption": _("Describe the photo for people who cannot see it."),
            "display_order": _("Lowest first."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_order"].required = False
        self.cleaned_image = None

    def has_changed(self):
        # A spare row counts only once a photo or alt text is given, whatever its position.
        if not self.instance.pk:
            return bool(
                self.files.get(self.add_prefix("original")) or self.data.get(self.add_prefix("caption"))
            )
        return super().has_changed()

    def clean_original(self):
        upload = self.files.get(self.add_prefix("original"))
        if upload is None:
            if not self.instance.pk or not self.instance.original:
                raise forms.ValidationError(_("Choose a photo."))
            return self.instance.original
        self.cleaned_image = image_clean(upload)
        return self.cleaned_image.file

    def clean_caption(self):
        caption = (self.cleaned_data.get("caption") or "").strip()
        if not caption:
            raise forms.ValidationError(_("Describe the photo in a few words (alt text)."))
        return caption

    def save(self, commit=True):
        image = super().save(commit=False)
        if self.cleaned_image is not None:
            image.width, image.height = self.cleaned_image.width, self.cleaned_image.height
            image.renditions = {}
        if commit:
            image.save()
        return image
