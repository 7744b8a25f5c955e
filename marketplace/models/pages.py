"""Wagtail page types that front the site: home, stories, guides and standard pages.

Every page type lives in one translated tree per language (WAGTAIL_I18N_ENABLED). Shop
objects (products, cooperatives, crafts) are referenced, never copied, so a story always
shows the product's current price and stock.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from vendors.regions import Region

from ..blocks import guide_blocks, standard_blocks, story_blocks


class TranslatedRoutingMixin:
    """Routing that never turns a missing translation into a 404.

    Wagtail routes /ar/stories/<slug>/ through the Arabic tree only. When the Arabic tree has
    no page at a slug, this looks at the same place in the other languages' trees (the
    default language first):

    - the page exists there and has a live translation in this language (a link that used
      the other language's slug): redirect to the translation;
    - it has none: serve the other language's page here, under this language's chrome. The
      page keeps its own language (`lang`/`dir` on the content and a notice, see
      `language_fallback_context`), and its canonical URL and hreflang alternates stay those of
      its real translations, so search engines see no duplicate.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        child = self.get_children().filter(slug=slug).first()
        if child is not None:
            # As Wagtail does: spare the child a query for its parent.
            child._cached_parent_obj = self
            return child.specific.route(request, remaining)
        return self._route_through_translations(request, slug, remaining)

    def _route_through_translations(self, request, slug: str, remaining: list[str]):
        others = sorted(
            self.get_translations().select_related("locale"),
            key=lambda page: page.locale.language_code != settings.LANGUAGE_CODE,
        )
        for other in others:
            child = other.get_children().filter(slug=slug).first()
            if child is None:
                continue
            translation = child.get_translation_or_none(self.locale_id)
            if translation is not None and translation.live:
                url = translation.get_url(request)
                if url:
                    target = url + "".join(f"{part}/" for part in remaining)
                    return RouteResult(translation.specific, kwargs={"translation_redirect": target})
            result = child.specific.route(request, remaining)
            result.page.language_fallback = True
            return result
        raise Http404

    def serve(self, request, *args, **kwargs):
        target = kwargs.pop("translation_redirect", None)
        if target:
            return HttpResponseRedirect(target)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(language_fallback_context(self))
        return context


# Language names as the notice uses them ("not yet available in Arabic"), with their own
# context so translators can give the form the sentence needs.
LANGUAGE_NAMES = {
    "en": pgettext_lazy("language name in a sentence", "English"),
    "fr": pgettext_lazy("language name in a sentence", "French"),
    "ar": pgettext_lazy("language name in a sentence", "Arabic"),
}


def _language_name(code: str):
    return LANGUAGE_NAMES.get(code) or get_language_info(code)["name_translated"]


def language_fallback_context(page) -> dict:
    """What a page served outside its own language tree tells its template: the content's
    language and direction, and the names of both languages for the notice. Empty otherwise."""
    if not getattr(page, "language_fallback", False):
        return {}
    code = page.locale.language_code
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return {
        "content_language": code,
        "content_direction": direction,
        # For the elements that hold the page's own words (title, intro, body), not the chrome.
        "content_attrs": format_html(' lang="{}" dir="{}"', code, direction),
        "content_language_name": _language_name(code),
        "requested_language_name": _language_name(get_language() or settings.LANGUAGE_CODE),
    }


class SeoMixin(TranslatedRoutingMixin, models.Model):
    """Title, description and sharing image for search engines and social cards, and routing
    that falls back to another language instead of a 404 (`TranslatedRoutingMixin`)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; defaults to the page's main picture."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    def seo_image(self):
        return self.social_image or getattr(self, "main_image", None)

    def seo_description(self) -> str:
        return self.search_description or getattr(self, "intro", "") or ""

    def breadcrumbs(self) -> list:
        """The pages from the language's home page down to this one.

        A page served in another language's tree (a fallback) leads back through the
        visitor's language: its ancestors are given in the active language where translated.
        """
        crumbs = list(self.get_ancestors(inclusive=True).filter(depth__gte=2).specific())
        if getattr(self, "language_fallback", False):
            crumbs = [crumb.localized for crumb in crumbs[:-1]] + crumbs[-1:]
        return crumbs


class HomePage(SeoMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """The site's front page: a hero, collections, products and cooperatives picked by editors,
    and the latest stories."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.CharField(_("hero text"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_cta_label = models.CharField(_("button label"), max_length=40, default="Explore the crafts")
    hero_cta_url = models.CharField(_("button link"), max_length=200, default="/shop/catalogue/")
    featured_collections_title = models.CharField(max_length=120, default="Collections")
    featured_products_title = models.CharField(max_length=120, default="Chosen this week")
    featured_cooperatives_title = models.CharField(max_length=120, default="Meet the cooperatives")
    latest_stories_title = models.CharField(max_length=120, default="Stories from the workshops")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_url"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("featured_collections_title"),
        InlinePanel("featured_collections", label=_("Featured collections"), max_num=6),
        FieldPanel("featured_products_title"),
        InlinePanel("featured_products", label=_("Featured products"), max_num=12),
        FieldPanel("featured_cooperatives_title"),
        InlinePanel("featured_cooperatives", label=_("Featured cooperatives"), max_num=6),
        FieldPanel("latest_stories_title"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    @property
    def main_image(self):
        return self.hero_image

    def seo_description(self) -> str:
        return self.search_description or self.hero_text

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors look models up with get_model, which needs the app
        # registry that is still loading when this models module is imported.
        from marketplace.selectors import home_editorial, home_featured_cooperatives, home_featured_products

        context = super().get_context(request, *args, **kwargs)
        # Collections and stories from the cache; products and cooperatives live (price, stock, status).
        context.update(home_editorial(page=self))
        context["featured_products"] = home_featured_products(page=self)
        context["featured_cooperatives"] = home_featured_cooperatives(page=self)
        return context


class HomePageFeaturedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("product")]


class HomePageFeaturedCooperative(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_cooperatives")
    cooperative = models.ForeignKey("partner.Cooperative", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("cooperative")]


class HomePageFeaturedCollection(Orderable):
    """A tile on the home page leading to a guide, a story, a category or any address."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_collections")
    title = models.CharField(_("title"), max_length=80)
    text = models.CharField(_("text"), max_length=160, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.CharField(_("or address"), max_length=200, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("link_page"), FieldPanel("link_url")]),
    ]

    @cached_property
    def url(self) -> str:
        """The link in the active language (remembered: the home page caches its tiles)."""
        if self.link_page_id:
            return self.link_page.localized.url or ""
        return self.link_url


class StoryIndexPage(SeoMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """/stories/: every artisan story, newest first, filterable by craft, region and cooperative."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["marketplace.HomePage"]
    subpage_types = ["marketplace.ArtisanStoryPage"]
    per_page = 9

    def get_context(self, request, *args, **kwargs):
        from marketplace.selectors import stories_filter, story_filter_options

        context = super().get_context(request, *args, **kwargs)
        chosen = {key: request.GET.get(key, "").strip() for key in ("craft", "region", "cooperative")}
        stories = stories_filter(index=self, **chosen)
        paginator = Paginator(stories, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            stories=page_obj.object_list,
            page_obj=page_obj,
            paginator=paginator,
            filter_query=query.urlencode(),
            chosen=chosen,
            is_filtered=any(chosen.values()),
            options=story_filter_options(index=self),
        )
        return context


class ArtisanStoryPage(SeoMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """A story about a cooperative and its craft, with pieces from the shop woven in."""

    intro = models.TextField(_("introduction"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cover_caption = models.CharField(_("caption"), max_length=250, blank=True)
    cover_credit = models.CharField(_("credit"), max_length=120, blank=True)
    body = StreamField(story_blocks(), blank=True)
    cooperative = models.ForeignKey(
        "partner.Cooperative",
        verbose_name=_("cooperative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    craft = models.ForeignKey(
        "catalogue.ProductClass",
        verbose_name=_("craft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.CharField(
        _("region"),
        max_length=40,
        choices=Region.choices,
        blank=True,
        help_text=_("Defaults to the cooperative's"),
    )
    author = models.CharField(_("written by"), max_length=120, default="Souk editors")
    source_credit = models.CharField(
        _("source"), max_length=250, blank=True, help_text=_("Articles or people the story draws on")
    )
    date = models.DateField(_("story date"), default=timezone.localdate)

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("region"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_caption"), FieldPanel("cover_credit")],
            heading=_("Cover picture"),
        ),
        FieldPanel("body"),
        InlinePanel("related_products", label=_("Related products"), max_num=8),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("cooperative"),
                FieldPanel("craft"),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("author"), FieldPanel("date")]),
                FieldPanel("source_credit"),
            ],
            heading=_("About the story"),
        ),
        *Page.settings_panels,
    ]

    parent_page_types = ["marketplace.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("artisan story")

    def save(self, *args, **kwargs):
        if not self.region and self.cooperative_id:
            self.region = self.cooperative.region
        super().save(*args, **kwargs)

    @property
    def main_image(self):
        return self.cover_image

    @property
    def has_cooperative_card(self) -> bool:
        """Whether the body already presents a cooperative (then the page adds no second card)."""
        return any(block.block_type == "cooperative_card" for block in self.body)

    def get_context(self, request, *args, **kwargs):
        from marketplace.selectors import story_related_products, story_siblings

        context = super().get_context(request, *args, **kwargs)
        context["related_products"] = story_related_products(page=self)
        context["more_stories"] = story_siblings(page=self, limit=3)
        return context


class ArtisanStoryPageRelatedProduct(Orderable):
    page = ParentalKey(ArtisanStoryPage, on_delete=models.CASCADE, related_name="related_products")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("product")]


class GuideIndexPage(SeoMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """/guides/: buying guides."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["marketplace.HomePage"]
    subpage_types = ["marketplace.GuidePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = (
            GuidePage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .order_by("-first_published_at")
        )
        return context


class GuidePage(SeoMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """A buying guide whose product lists are saved searches run on each view."""

    intro = models.TextField(_("introduction"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(guide_blocks(), blank=True)
    author = models.CharField(_("written by"), max_length=120, default="Souk editors")

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    settings_panels = [FieldPanel("author"), *Page.settings_panels]
    parent_page_types = ["marketplace.GuideIndexPage"]
    subpage_types: list[str] = []

    @property
    def main_image(self):
        return self.cover_image


class StandardPage(SeoMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """About, shipping and returns, FAQ, contact: free-form pages of the site."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    body = StreamField(standard_blocks(), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["marketplace.HomePage", "marketplace.StandardPage"]

    def faq_items(self) -> list[tuple[str, str]]:
        """Every question and answer (HTML) in the page's FAQ blocks, in order."""
        items = []
        for block in self.body:
            if block.block_type == "faq":
                items.extend((item["question"], str(item["answer"])) for item in block.value["items"])
        return items
