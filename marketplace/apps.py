from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = "Souk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site
        from wagtail.signals import page_published, page_unpublished

        from .models import Announcement, Menu, SiteChrome
        from .templatetags.cms_tags import site_chrome_forget

        # Menus show page titles and URLs: any of these changing makes the cached chrome stale.
        # (Deleting a live page sends page_unpublished first.)
        page_published.connect(site_chrome_forget, dispatch_uid="site-chrome-published")
        page_unpublished.connect(site_chrome_forget, dispatch_uid="site-chrome-unpublished")
        for model in (Menu, SiteChrome, Announcement, Site):
            for signal in (post_save, post_delete):
                signal.connect(site_chrome_forget, sender=model, dispatch_uid=f"site-chrome-{model.__name__}")

        from .pagecache import connect_invalidation

        # Saved catalogue, cooperative and CMS rows make stored anonymous pages stale.
        connect_invalidation()
