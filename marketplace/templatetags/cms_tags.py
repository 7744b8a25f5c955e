"""Menus and the announcement bar from the site settings, in the visitor's language."""

from django import template
from wagtail.models import Site

register = template.Library()


def _chrome(request):
    from marketplace.models import SiteChrome

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
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


@register.simple_tag(takes_context=True)
def site_menu(context, which: str) -> list[dict]:
    """The header or footer menu chosen in the site settings ([] when none is set)."""
    request = context.get("request")
    chrome = _chrome(request)
    menu = getattr(chrome, f"{which}_menu", None) if chrome else None
    if menu is None:
        return []
    return menu_entries(menu)


@register.simple_tag(takes_context=True)
def site_announcement(context):
    """The announcement in the active language, if one is set and showing now."""
    chrome = _chrome(context.get("request"))
    announcement = chrome.announcement if chrome else None
    if announcement is None:
        return None
    announcement = announcement.localized
    return announcement if announcement.is_showing() else None
