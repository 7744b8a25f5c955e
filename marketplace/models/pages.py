"""Wagtail page types that front the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page


class HomePage(Page):
    """The site's front page: a hero, products and cooperatives picked by editors."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.CharField(_("hero text"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_cta_label = models.CharField(_("button label"), max_length=40, default="Explore the crafts")
    hero_cta_url = models.CharField(_("button link"), max_length=200, default="/shop/catalogue/")
    featured_products_title = models.CharField(max_length=120, default="Chosen this week")
    featured_cooperatives_title = models.CharField(max_length=120, default="Meet the cooperatives")

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
        FieldPanel("featured_products_title"),
        InlinePanel("featured_products", label=_("Featured products"), max_num=12),
        FieldPanel("featured_cooperatives_title"),
        InlinePanel("featured_cooperatives", label=_("Featured cooperatives"), max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors look models up with get_model, which needs the app
        # registry that is still loading when this models module is imported.
        from marketplace.selectors import home_featured_cooperatives, home_featured_products

        context = super().get_context(request, *args, **kwargs)
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
