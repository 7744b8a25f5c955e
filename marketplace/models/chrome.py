"""The site's chrome that editors change without a developer: menus and the announcement bar.

Menus and announcements are translatable snippets (one copy per language, kept together by
wagtail-localize); the site settings say which ones the header and footer use.
"""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from ..blocks import MenuGroupBlock, MenuLinkBlock


class Menu(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=60, help_text=_("For editors, e.g. “Header” or “Footer”"))
    items = StreamField([("link", MenuLinkBlock()), ("group", MenuGroupBlock())], blank=True)

    panels = [FieldPanel("name"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self) -> str:
        return self.name


class Announcement(TranslatableMixin, models.Model):
    """A one-line message above the header, shown between optional start and end times."""

    text = models.CharField(_("text"), max_length=200)
    link_label = models.CharField(_("link label"), max_length=40, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_url = models.CharField(_("or address"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("link_label"),
        FieldRowPanel([FieldPanel("link_page"), FieldPanel("link_url")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return self.text

    def is_showing(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.starts_at is None or self.starts_at <= now) and (
            self.ends_at is None or now < self.ends_at
        )

    @cached_property
    def url(self) -> str:
        """The link in the active language; remembered, so the cached chrome keeps it resolved."""
        if self.link_page_id:
            return self.link_page.localized.url or ""
        return self.link_url


@register_setting(icon="list-ul")
class SiteChrome(BaseSiteSetting):
    header_menu = models.ForeignKey(
        Menu,
        verbose_name=_("header menu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_menu = models.ForeignKey(
        Menu,
        verbose_name=_("footer menu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    announcement = models.ForeignKey(
        Announcement,
        verbose_name=_("announcement bar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("header_menu"), FieldPanel("footer_menu"), FieldPanel("announcement")]

    class Meta:
        verbose_name = _("menus and announcement")
