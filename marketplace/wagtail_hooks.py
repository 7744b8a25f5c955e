from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choosers import cooperative_chooser_viewset, product_chooser_viewset
from .models import Announcement, Menu
from .pagecache import page_cache_allow, request_cacheable


@hooks.register("before_serve_page")
def page_cache_public_pages(page, request, serve_args, serve_kwargs):
    """CMS pages anyone may read are stored for anonymous visitors (marketplace/pagecache.py).
    Asked only of requests the page cache may store: for a visitor with a basket or signed in,
    Wagtail's own hook checks the restrictions and nothing would be stored."""
    if request_cacheable(request) and not page.get_view_restrictions().exists():
        page_cache_allow(request)


@hooks.register("register_admin_viewset")
def register_shop_choosers():
    return [product_chooser_viewset, cooperative_chooser_viewset]


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "warning"
    menu_label = _("Announcements")
    list_display = ["text", "starts_at", "ends_at", "locale"]
    list_filter = ["locale"]


register_snippet(MenuViewSet)
register_snippet(AnnouncementViewSet)
