"""Dashboard pages of our own for cooperatives."""

import segno
from django.urls import reverse
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from vendors.provenance import provenance_token

Product = get_model("catalogue", "Product")
Cooperative = get_model("partner", "Cooperative")


class HangTagSheetView(TemplateView):
    """A printable sheet of hang-tags: each piece's name, reference and provenance QR code.

    Cooperative staff get their own products; platform staff pick a cooperative with
    `?cooperative=<slug>`.
    """

    template_name = "oscar/dashboard/hang_tags.html"

    def get_products(self):
        user = self.request.user
        products = Product.objects.filter(parent=None).order_by("product_class__name", "title")
        if user.is_staff:
            slug = self.request.GET.get("cooperative", "")
            return products.filter(stockrecords__partner__cooperative__slug=slug).distinct()
        return products.filter(stockrecords__partner__users=user).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tags = []
        for product in self.get_products().select_related("product_class"):
            url = self.request.build_absolute_uri(
                reverse("provenance-detail", kwargs={"token": provenance_token(product)})
            )
            qr = segno.make(url, error="m")
            tags.append({"product": product, "url": url, "qr_svg": qr.svg_inline(scale=3, border=1)})
        context["tags"] = tags
        if self.request.user.is_staff:
            context["cooperatives"] = Cooperative.objects.order_by("name")
            context["selected"] = self.request.GET.get("cooperative", "")
        return context
