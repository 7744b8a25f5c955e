from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")


class ProductSitemap(Sitemap):
    """Every browsable product in each language, with hreflang alternates between them."""

    changefreq = "weekly"
    limit = 5000
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Product.objects.browsable().order_by("pk").only("pk", "slug", "date_updated")

    def lastmod(self, obj):
        return obj.date_updated


class CategorySitemap(Sitemap):
    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Category.objects.filter(is_public=True).order_by("path")


SITEMAPS = {
    "pages": WagtailSitemap,
    "categories": CategorySitemap,
    "products": ProductSitemap,
}
