"""StreamField blocks for the editorial pages: pictures with credits, quotes, embeds, and
blocks that pull live shop content (products, cooperatives, a saved search) into a page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from vendors.regions import Region

from .choosers import cooperative_chooser_viewset, product_chooser_viewset

ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="marketplace.blocks"
)
CooperativeChooserBlock = cooperative_chooser_viewset.get_block_class(
    name="CooperativeChooserBlock", module_path="marketplace.blocks"
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120, help_text=_("Photographer or source"))
    wide = blocks.BooleanBlock(required=False, help_text=_("Span the full width of the page"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "marketplace/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=2)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "marketplace/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)
    role = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "marketplace/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("A YouTube or Vimeo link"))
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "marketplace/blocks/video.html"


class ProductCarouselBlock(blocks.StructBlock):
    """Products chosen from the shop; pieces no longer for sale drop out when the page renders."""

    title = blocks.CharBlock(required=False, max_length=120)
    products = blocks.ListBlock(ProductChooserBlock(), min_num=1, max_num=12)

    class Meta:
        icon = "tag"
        label = _("Product carousel")
        template = "marketplace/blocks/product_carousel.html"

    def get_context(self, value, parent_context=None):
        from marketplace.selectors import products_public

        context = super().get_context(value, parent_context)
        context["products"] = products_public(products=value["products"])
        return context


class CooperativeCardBlock(blocks.StructBlock):
    cooperative = CooperativeChooserBlock()
    note = blocks.TextBlock(required=False, help_text=_("Why this cooperative matters to the story"))

    class Meta:
        icon = "group"
        label = _("Cooperative card")
        template = "marketplace/blocks/cooperative_card.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        cooperative = value["cooperative"]
        # A cooperative suspended since the story was written is no longer shown as a maker to buy from.
        context["cooperative"] = (
            cooperative if cooperative and cooperative.status == cooperative.Status.VERIFIED else None
        )
        return context


def _category_choices():
    from oscar.core.loading import get_model

    Category = get_model("catalogue", "Category")
    return [
        ("", _("Any category")),
        *((str(c.pk), c.full_name) for c in Category.objects.filter(is_public=True).order_by("path")),
    ]


SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest")),
    ("price-asc", _("Price, low to high")),
    ("price-desc", _("Price, high to low")),
]


class LiveSearchBlock(blocks.StructBlock):
    """A saved shop search: the product list is run again on each view, so it stays current."""

    title = blocks.CharBlock(max_length=120)
    query = blocks.CharBlock(required=False, max_length=200, help_text=_("Words buyers would type"))
    category = blocks.ChoiceBlock(
        choices=_category_choices, required=False, help_text=_("Includes its subcategories")
    )
    region = blocks.ChoiceBlock(choices=[("", _("Any region")), *Region.choices], required=False)
    women_led = blocks.BooleanBlock(required=False, label=_("Women-led cooperatives only"))
    price_max = blocks.DecimalBlock(
        required=False, min_value=0, decimal_places=2, label=_("Price at most (MAD)")
    )
    sort = blocks.ChoiceBlock(choices=SORT_CHOICES, default="relevance")
    limit = blocks.IntegerBlock(default=8, min_value=1, max_value=24)

    class Meta:
        icon = "search"
        label = _("Live product search")
        template = "marketplace/blocks/live_search.html"

    def get_context(self, value, parent_context=None):
        from django.utils.translation import get_language

        from marketplace.selectors import live_search_filters, live_search_results

        context = super().get_context(value, parent_context)
        context["results"] = live_search_results(
            query=value["query"],
            filters=live_search_filters(value),
            sort=value["sort"],
            limit=value["limit"],
            language=get_language() or "en",
        )
        return context


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(FaqItemBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "marketplace/blocks/faq.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "marketplace/blocks/callout.html"


def story_blocks():
    return [
        (
            "heading",
            blocks.CharBlock(
                max_length=120, form_classname="title", template="marketplace/blocks/heading.html"
            ),
        ),
        (
            "paragraph",
            blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="marketplace/blocks/paragraph.html"),
        ),
        ("image", CaptionedImageBlock()),
        ("gallery", GalleryBlock()),
        ("quote", QuoteBlock()),
        ("video", VideoBlock()),
        ("product_carousel", ProductCarouselBlock()),
        ("cooperative_card", CooperativeCardBlock()),
    ]


def guide_blocks():
    return [*story_blocks(), ("live_search", LiveSearchBlock()), ("callout", CalloutBlock())]


def standard_blocks():
    return [
        (
            "heading",
            blocks.CharBlock(
                max_length=120, form_classname="title", template="marketplace/blocks/heading.html"
            ),
        ),
        (
            "paragraph",
            blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="marketplace/blocks/paragraph.html"),
        ),
        ("image", CaptionedImageBlock()),
        ("quote", QuoteBlock()),
        ("faq", FaqBlock()),
        ("callout", CalloutBlock()),
    ]


class MenuLinkBlock(blocks.StructBlock):
    """A page of the site (its translation is used on each language) or any other address."""

    label = blocks.CharBlock(required=False, max_length=60, help_text=_("Defaults to the page title"))
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False, max_length=300, help_text=_("When no page is chosen, e.g. /shop/catalogue/")
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address."))}
            )
        if not value.get("page") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("A link to an address needs a label."))}
            )
        return value


class MenuGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=60)
    links = blocks.ListBlock(MenuLinkBlock())

    class Meta:
        icon = "list-ul"
        label = _("Group of links")
