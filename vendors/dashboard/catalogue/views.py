"""The cooperative product editor: Oscar's catalogue dashboard views, narrowed and made safe.

A cooperative sees and edits only products its own stock records hold; any other product is
a 404, never a 403, so product ids of other cooperatives reveal nothing. Everything a save
touches (product, translations, attributes, categories, stock record, photos, sample) is
validated first and written in one transaction.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.dashboard.catalogue.views import ProductCreateUpdateView as OscarProductCreateUpdateView
from oscar.apps.dashboard.catalogue.views import ProductDeleteView as OscarProductDeleteView
from oscar.apps.dashboard.catalogue.views import ProductLookupView as OscarProductLookupView
from oscar.core.loading import get_class, get_classes, get_model

from catalogue.crafts import CRAFTS_BY_CODE
from catalogue.selectors import product_dashboard_list, product_editable_by
from catalogue.services import (
    ProductPublicationError,
    product_image_renditions_ensure,
    product_republish,
    product_unpublish,
    zellige_sample_sync,
)
from marketplace.s3_storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductForm, ProductSearchForm, ProductClassSelectForm = get_classes(
    "dashboard.catalogue.forms", ("ProductForm", "ProductSearchForm", "ProductClassSelectForm")
)
ProductImageFormSet = get_class("dashboard.catalogue.formsets", "ProductImageFormSet")
StockRecordFormSet = get_class("dashboard.catalogue.formsets", "StockRecordFormSet")


class EditableProductsMixin:
    def get_queryset(self):
        return product_editable_by(user=self.request.user)


class ProductListView(generic.ListView):
    """The products a cooperative sells, with price, stock and whether buyers can see them."""

    template_name = "oscar/dashboard/catalogue/product_list.html"
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        self.form = ProductSearchForm(self.request.GET or None)
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        return product_dashboard_list(
            user=self.request.user, title=filters.get("title", ""), upc=filters.get("upc", "")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["productclass_form"] = ProductClassSelectForm()
        context["unpublished_count"] = sum(1 for product in context["products"] if product.is_unpublished)
        return context


class ProductCreateUpdateView(OscarProductCreateUpdateView):
    """Create or edit a standalone product with its price, stock, photos and (zellige) sample."""

    template_name = "oscar/dashboard/catalogue/product_update.html"
    form_class = ProductForm
    image_formset = ProductImageFormSet
    stockrecord_formset = StockRecordFormSet

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Categories are a field of the product form; recommendations are the shop's job.
        self.formsets = {
            "stockrecord_formset": self.stockrecord_formset,
            "image_formset": self.image_formset,
        }

    def get_queryset(self):
        return product_editable_by(user=self.request.user)

    def get_object(self, queryset=None):
        if "parent_pk" in self.kwargs:
            # Variants are not part of the cooperative editor.
            raise Http404
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        # In the order the craft lists them (catalogue/crafts.py), as on the product page.
        craft = CRAFTS_BY_CODE.get(self.product_class.slug)
        order = {f"attr_{spec.code}": index for index, spec in enumerate(craft.attributes)} if craft else {}
        context["attribute_fields"] = sorted(
            (field for field in form if field.name.startswith("attr_")),
            key=lambda f: order.get(f.name, len(order)),
        )
        context["is_zellige"] = self.product_class.slug == "zellige"
        return context

    def process_all_forms(self, form):
        """Validate the product and every formset before anything is written."""
        instance = self.object if self.object is not None else form.instance
        formsets = {
            name: formset_class(
                self.product_class,
                self.request.user,
                self.request.POST,
                self.request.FILES,
                instance=instance,
            )
            for name, formset_class in self.formsets.items()
        }
        # Every formset is validated (not short-circuited) so all errors show at once.
        is_valid = all([form.is_valid()] + [formset.is_valid() for formset in formsets.values()])
        if is_valid and self.clean(form, formsets):
            return self.forms_valid(form, formsets)
        return self.forms_invalid(form, formsets)

    form_valid = form_invalid = process_all_forms

    def forms_valid(self, form, formsets):
        """Write everything, or nothing if the file store (S3) fails: no product or photo row
        is ever left pointing at a file that was not stored."""
        try:
            self._save_all(form, formsets)
        except STORAGE_ERRORS as error:
            logger.warning("Product photos could not be stored; nothing was saved: %s", error)
            if self.creating:
                self.object = None
            messages.error(
                self.request,
                _(
                    "We could not store your photos just now, so nothing was saved. "
                    "Please try again in a few minutes."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form, **formsets))
        return HttpResponseRedirect(self.get_success_url())

    @transaction.atomic
    def _save_all(self, form, formsets):
        self.object = form.save()
        self.object.categories.set(form.cleaned_data["categories"])
        for formset in formsets.values():
            formset.instance = self.object
            formset.save()
        for index, image in enumerate(self.object.images.order_by("display_order", "pk")):
            if image.display_order != index:
                image.display_order = index
                image.save(update_fields=["display_order"])
        if "sample_price" in form.cleaned_data:
            zellige_sample_sync(
                product=self.object,
                price=form.cleaned_data.get("sample_price"),
                stock=form.cleaned_data.get("sample_stock"),
            )
        images = list(self.object.images.all())
        transaction.on_commit(lambda: [product_image_renditions_ensure(image=image) for image in images])

    def forms_invalid(self, form, formsets):
        messages.error(self.request, _("Some fields need your attention: see the messages below."))
        context = self.get_context_data(form=form, **formsets)
        return self.render_to_response(context)

    def get_success_url(self):
        if self.creating:
            messages.success(
                self.request, _("“%(title)s” is on the shop now.") % {"title": self.object.get_title()}
            )
        else:
            messages.success(self.request, _("“%(title)s” saved.") % {"title": self.object.get_title()})
        if self.request.POST.get("action") == "continue":
            return reverse("dashboard:catalogue-product", kwargs={"pk": self.object.pk})
        return reverse("dashboard:catalogue-product-list")


class ProductDeleteView(OscarProductDeleteView):
    def get_queryset(self):
        return product_editable_by(user=self.request.user)


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason the cooperative will read"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class ProductUnpublishView(generic.FormView):
    """Platform staff take a product off the shop, with a reason for its cooperative."""

    template_name = "oscar/dashboard/catalogue/product_unpublish.html"
    form_class = UnpublishForm

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(Product, pk=kwargs["pk"], parent=None, sample_of=None)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(product=self.product, **kwargs)

    def form_valid(self, form):
        try:
            product_unpublish(product=self.product, by=self.request.user, reason=form.cleaned_data["reason"])
        except ProductPublicationError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(title)s” is off the shop; its cooperative sees your reason.")
            % {"title": self.product.get_title()},
        )
        return redirect("dashboard:catalogue-product-list")


class ProductRepublishView(generic.View):
    """Platform staff put an unpublished product back on the shop (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        product = get_object_or_404(Product, pk=pk, parent=None, sample_of=None)
        product_republish(product=product, by=request.user)
        messages.success(request, _("“%(title)s” is back on the shop.") % {"title": product.get_title()})
        return redirect("dashboard:catalogue-product-list")


class ProductLookupView(OscarProductLookupView):
    """The product picker (offers, ranges): a cooperative only ever finds its own products."""

    def get_queryset(self):
        if self.request.user.is_staff:
            return super().get_queryset()
        return product_editable_by(user=self.request.user)
