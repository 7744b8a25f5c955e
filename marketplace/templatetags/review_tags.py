"""Buyer reviews of cooperatives on the storefront: the cooperative page's section and
JSON-LD, and the "Review this cooperative" links of a buyer's order page.

The cooperative's rating is read once per request and shared by the section and the JSON-LD.
"""

from django import template
from django.utils.safestring import mark_safe

from catalogue.reviews.selectors import (
    cooperative_rating,
    cooperative_review_permitted,
    cooperative_reviews_approved,
    order_cooperatives_to_review,
)
from marketplace import seo

register = template.Library()

SHOWN_ON_THE_PAGE = 3


def _reviews_of(cooperative) -> dict:
    cached = getattr(cooperative, "_souk_reviews", None)
    if cached is None:
        rating = cooperative_rating(cooperative=cooperative)
        reviews = (
            list(cooperative_reviews_approved(cooperative=cooperative)[:SHOWN_ON_THE_PAGE])
            if rating.count
            else []
        )
        cached = cooperative._souk_reviews = {"rating": rating, "reviews": reviews}
    return cached


@register.simple_tag
def cooperative_reviews(cooperative) -> dict:
    """{"rating": Rating, "reviews": the latest approved reviews} of `cooperative`."""
    return _reviews_of(cooperative)


@register.simple_tag(name="cooperative_review_permitted")
def cooperative_review_permitted_tag(cooperative, user) -> bool:
    return cooperative_review_permitted(cooperative=cooperative, user=user)


@register.simple_tag(takes_context=True, name="order_cooperatives_to_review")
def order_cooperatives_to_review_tag(context, order) -> set[int]:
    """Ids of the cooperatives of `order` its buyer (the visitor) may review now."""
    user = context.get("user")
    return order_cooperatives_to_review(order=order, user=user) if user is not None else set()


@register.simple_tag(takes_context=True)
def cooperative_jsonld(context, cooperative):
    """The cooperative as a schema.org Organization, with its AggregateRating and latest
    reviews when it has approved ones."""
    request = context["request"]
    reviews = _reviews_of(cooperative)
    data = seo.cooperative_jsonld(
        request=request, cooperative=cooperative, rating=reviews["rating"], reviews=reviews["reviews"]
    )
    return mark_safe(seo.json_script(data))
