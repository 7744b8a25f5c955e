from django.conf import settings
from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")


class PageSitemap(Sitemap):
    """Every live, public Wagtail page in every language, each with hreflang alternates to
    its translations (Wagtail's own sitemap lists only the default language's tree)."""

    changefreq = "weekly"

    def items(self):
        from wagtail.models import Page, Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return []
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return list(pages.live().public().select_related("locale").order_by("locale_id", "path").specific())

    def location(self, page):
        return page.get_url_parts()[2] if page.get_url_parts() else ""

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        translations: dict = {}
        for url in urls:
            translations.setdefault(url["item"].translation_key, []).append(url["item"])
        order = [code for code, _name in settings.LANGUAGES]
        for url in urls:
            siblings = sorted(
                translations[url["item"].translation_key], key=lambda p: order.index(p.locale.language_code)
            )
            if len(siblings) < 2:
                continue
            url["alternates"] = [
                {"lang_code": p.locale.language_code, "location": f"{protocol}://{domain}{self.location(p)}"}
                for p in siblings
            ]
            default = next((p for p in siblings if p.locale.language_code == settings.LANGUAGE_CODE), None)
            if default is not None:
                url["alternates"].append(
                    {"lang_code": "x-default", "location": f"{protocol}://{domain}{self.location(default)}"}
                )
        return urls


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


class CooperativeSitemap(Sitemap):
    """Verified cooperatives' pages in each language."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Cooperative.objects.verified().order_by("pk")


SITEMAPS = {
    "pages": PageSitemap,
    "categories": CategorySitemap,
    "products": ProductSitemap,
    "cooperatives": CooperativeSitemap,
}
