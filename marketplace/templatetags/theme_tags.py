"""Template tags of the storefront theme: recently viewed pieces and buyer reviews.

Simple tags rather than Oscar's inclusion tags, so the cards they feed render in the page's own
context (buyer currency, exchange rates, language) instead of a bare one.
"""

from django import template
from oscar.core.loading import get_class

from catalogue.reviews.selectors import product_review_permitted, product_reviews_approved

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

register = template.Library()


@register.simple_tag(takes_context=True)
def recently_viewed(context, exclude=None, limit: int = 4):
    """The pieces this browser viewed last (Oscar's history cookie), newest first."""
    request = context.get("request")
    if request is None:
        return []
    # `exclude` is the page's product, or "" where the page has none (the basket).
    exclude_pk = getattr(exclude, "pk", None)
    products = [p for p in CustomerHistoryManager.get(request) if p.pk != exclude_pk]
    return products[:limit]


@register.simple_tag
def review_permitted(product, user) -> bool:
    return product_review_permitted(product=product, user=user)


@register.simple_tag
def approved_reviews(product):
    return product_reviews_approved(product=product)
