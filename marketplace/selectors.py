"""Read-side queries for the Wagtail pages."""

from oscar.core.loading import get_model

from catalogue.selectors import product_card_queryset

Cooperative = get_model("partner", "Cooperative")


def home_featured_products(*, page) -> list:
    """The products editors picked for the home page, in their order, public ones only."""
    ids = list(page.featured_products.order_by("sort_order").values_list("product_id", flat=True))
    by_id = {p.pk: p for p in product_card_queryset().filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def home_featured_cooperatives(*, page) -> list:
    """The verified cooperatives editors picked for the home page, in their order."""
    ids = list(page.featured_cooperatives.order_by("sort_order").values_list("cooperative_id", flat=True))
    by_id = {c.pk: c for c in Cooperative.objects.verified().filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]
