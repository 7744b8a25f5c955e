"""The editor's inline formsets: one stock record per product, several photos."""

from django import forms
from django.forms.models import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_classes, get_model

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")

StockRecordForm, ProductImageForm = get_classes(
    "dashboard.catalogue.forms", ("StockRecordForm", "ProductImageForm")
)

BaseStockRecordFormSet = inlineformset_factory(
    Product, StockRecord, form=StockRecordForm, extra=1, max_num=1, can_delete=False
)


class StockRecordFormSet(BaseStockRecordFormSet):
    """Exactly one stock record: the cooperative's own (for staff, the product's only one)."""

    def __init__(self, product_class, user, *args, **kwargs):
        self.user = user
        self.product_class = product_class
        instance = kwargs.get("instance")
        if instance is not None and instance.pk and not user.is_staff:
            kwargs["queryset"] = StockRecord.objects.filter(product=instance, partner__users=user)
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        kwargs["product_class"] = self.product_class
        kwargs["user"] = self.user
        form = super()._construct_form(i, **kwargs)
        # The single row is the price and stock: it must be filled in, even when unchanged.
        form.empty_permitted = False
        form.use_required_attribute = True
        return form

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.user.is_staff and not self.user.partners.exists():
            raise forms.ValidationError(_("Your account is not linked to a cooperative."))


BaseProductImageFormSet = inlineformset_factory(
    Product, ProductImage, form=ProductImageForm, extra=3, max_num=12, validate_max=True, can_delete=True
)


class ProductImageFormSet(BaseProductImageFormSet):
    """Photos with required alt text; positions decide the order (the first is the main photo)."""

    def __init__(self, product_class, user, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("original")
        ]
        if not kept:
            raise forms.ValidationError(_("Add at least one photo of the piece."))
