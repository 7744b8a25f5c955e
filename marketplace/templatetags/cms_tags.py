"""Menus and the announcement bar from the site settings, in the visitor's language."""

from django import template
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from marketplace.cache import cache_version, cache_version_bump

register = template.Library()


def _chrome(site):
    from marketplace.models import SiteChrome

    return SiteChrome.for_site(site) if site else None


def _link(value) -> dict | None:
    page = value.get("page")
    if page is not None:
        page = page.localized.specific
        if not page.live:
            return None
        return {"label": value.get("label") or page.title, "url": page.url}
    return {"label": value.get("label"), "url": value.get("url")}


def menu_entries(menu) -> list[dict]:
    """A menu's links and groups of links, with pages resolved in the active language."""
    entries = []
    for block in menu.localized.items:
        if block.block_type == "link":
            link = _link(block.value)
            if link:
                entries.append(link)
        else:
            links = [link for value in block.value["links"] if (link := _link(value))]
            entries.append({"label": block.value["heading"], "url": "", "children": links})
    return entries


# The menus and announcement appear on every page; resolving them costs about 30 queries
# (each linked page in the visitor's language). They are cached per site and language and
# forgotten whenever a menu, the settings, the announcement or any page changes.
CHROME_VERSION_KEY = "souk:site-chrome:version"


def site_chrome_forget(instance=None, created=False, **kwargs) -> None:
    """Drop every cached menu and announcement (a signal receiver, so it takes **kwargs).

    An empty settings row, which `SiteChrome.for_site` creates on the first page of a site,
    changes nothing on screen and does not count.
    """
    from marketplace.models import SiteChrome

    empty_fields = ("header_menu_id", "footer_menu_id", "announcement_id")
    if created and isinstance(instance, SiteChrome) and not any(getattr(instance, f) for f in empty_fields):
        return
    cache_version_bump(CHROME_VERSION_KEY)


def _site_for_request(request):
    """`Site.find_for_request`, remembered per host and port in the cache (forgotten with the
    chrome, on any Site change), so shop pages spend no query finding their Wagtail site."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    version = cache_version(CHROME_VERSION_KEY)
    key = f"souk:site-for-host:{version}:{request._get_raw_host()}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, 60 * 60)
    request._wagtail_site = site
    return site


def _chrome_resolved(request) -> dict:
    if request is not None and hasattr(request, "_souk_chrome"):
        return request._souk_chrome
    site = _site_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    version = cache_version(CHROME_VERSION_KEY)
    key = f"souk:site-chrome:{version}:{site.pk if site else 0}:{get_language()}"
    resolved = cache.get(key)
    if resolved is None:
        chrome = _chrome(site)
        resolved = {"header": [], "footer": [], "announcement": None}
        if chrome is not None:
            for which in ("header", "footer"):
                menu = getattr(chrome, f"{which}_menu", None)
                resolved[which] = menu_entries(menu) if menu is not None else []
            if chrome.announcement is not None:
                announcement = chrome.announcement.localized
                announcement.url  # resolved now (a cached_property), not on every page  # noqa: B018
                resolved["announcement"] = announcement
        cache.set(key, resolved, 60 * 60)
    if request is not None:
        request._souk_chrome = resolved
    return resolved


@register.simple_tag(takes_context=True)
def site_menu(context, which: str) -> list[dict]:
    """The header or footer menu chosen in the site settings ([] when none is set)."""
    return _chrome_resolved(context.get("request"))[which]


@register.simple_tag(takes_context=True)
def site_announcement(context):
    """The announcement in the active language, if one is set and showing now."""
    announcement = _chrome_resolved(context.get("request"))["announcement"]
    return announcement if announcement is not None and announcement.is_showing() else None
