"""Head tags and JSON-LD for every storefront page (see marketplace.seo)."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from marketplace import seo

register = template.Library()


def _wagtail_page(context):
    page = context.get("page") or context.get("self")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("marketplace/seo/head.html", takes_context=True)
def seo_head(context):
    """Canonical URL, hreflang alternates, Open Graph and Twitter card for the current page."""
    request = context.get("request")
    if request is None:
        return {}
    page = _wagtail_page(context)
    product = context.get("product")
    language = get_language() or settings.LANGUAGE_CODE
    title = description = image = ""
    kind = "website"
    if page is not None:
        alternates = seo.page_alternates(page, request)
        canonical = page.get_url(request) or request.path
        specific = page.specific
        title = specific.seo_title or specific.title
        description = (
            specific.seo_description()
            if hasattr(specific, "seo_description")
            else specific.search_description
        )
        image = seo.image_url(request, specific.seo_image()) if hasattr(specific, "seo_image") else ""
        kind = "article" if specific._meta.model_name in ("artisanstorypage", "guidepage") else "website"
        if getattr(page, "language_fallback", False):
            # Served under another language's prefix: the card describes the page's own language.
            language = page.locale.language_code
    else:
        alternates = seo.path_alternates(request.path)
        canonical = request.path
        if product is not None and hasattr(product, "get_title"):
            title = product.get_title()
            description = seo.plain(product.description, limit=200)
            primary = product.primary_image()
            original = getattr(primary, "original", None)
            if original:
                image = seo.absolute(request, original.url)
            kind = "product"
    page_number = request.GET.get("page")
    if page_number and page_number.isdigit() and page_number != "1":
        canonical = f"{canonical}?page={page_number}"
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    return {
        "canonical": seo.absolute(request, canonical),
        "alternates": [(code, seo.absolute(request, url)) for code, url in alternates],
        "x_default": seo.absolute(request, default) if default else "",
        "og_title": title or settings.OSCAR_SHOP_NAME,
        "og_description": seo.plain(description, limit=200),
        "og_image": image or seo.absolute(request, static("souk/img/og-default.jpg")),
        "og_type": kind,
        "og_locale": {"en": "en_GB", "fr": "fr_FR", "ar": "ar_MA"}.get(language, language),
        "site_name": settings.OSCAR_SHOP_NAME,
    }


@register.simple_tag(takes_context=True)
def jsonld_page(context):
    """JSON-LD for a Wagtail page: Organization and WebSite on the home page, Article on stories
    and guides, FAQPage where a page has questions, BreadcrumbList below the home page."""
    request = context["request"]
    page = _wagtail_page(context)
    if page is None:
        return ""
    page = page.specific
    scripts = []
    kind = page._meta.model_name
    if kind == "homepage":
        scripts.append(seo.organization_jsonld(request=request, logo_url=static("souk/img/favicon.svg")))
        scripts.append(seo.website_jsonld(request=request))
    else:
        crumbs = [(p.title, p.get_url(request)) for p in page.breadcrumbs()]
        scripts.append(seo.breadcrumbs_jsonld(request=request, items=crumbs))
    if kind in ("artisanstorypage", "guidepage"):
        scripts.append(seo.article_jsonld(request=request, page=page))
    if hasattr(page, "faq_items") and (items := page.faq_items()):
        scripts.append(seo.faq_jsonld(items=items))
    return mark_safe("".join(seo.json_script(data) for data in scripts))


@register.simple_tag(takes_context=True)
def jsonld_product(context, product):
    request = context["request"]
    from catalogue.selectors import product_breadcrumb_categories

    crumbs = [(str(_home_title()), "/")]
    if hasattr(product, "get_categories"):
        # The same (cached) path as the visible breadcrumb.
        crumbs.extend((c.name, c.get_absolute_url()) for c in product_breadcrumb_categories(product=product))
    crumbs.append((product.get_title(), product.get_absolute_url()))
    product_script = seo.json_script(seo.product_jsonld(request=request, product=product))
    crumbs_script = seo.json_script(seo.breadcrumbs_jsonld(request=request, items=crumbs))
    return mark_safe(product_script + crumbs_script)


def _home_title():
    from django.utils.translation import gettext

    return gettext("Home")
