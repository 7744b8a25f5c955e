"""Template tags of the storefront theme: recently viewed pieces and buyer reviews.

Simple tags rather than Oscar's inclusion tags, so the cards they feed render in the page's own
context (buyer currency, exchange rates, language) instead of a bare one.
"""

from django import template

from catalogue.reviews.selectors import product_review_permitted, product_reviews_approved
from catalogue.selectors import cards_in_order, history_product_ids, product_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def recently_viewed(context, exclude=None, limit: int = 4):
    """The pieces this browser viewed last (Oscar's history cookie), newest first.

    A view that already loaded them (the product page, with its other cards) passes
    `recently_viewed_products`; otherwise they are loaded here with their card data, in a
    fixed number of queries.
    """
    request = context.get("request")
    if request is None:
        return []
    if "recently_viewed_products" in context:
        return context["recently_viewed_products"][:limit]
    # `exclude` is the page's product, or "" where the page has none (the basket).
    exclude_pk = getattr(exclude, "pk", None)
    ids = [pk for pk in history_product_ids(request=request) if pk != exclude_pk]
    return cards_in_order(ids, product_cards(ids=ids), limit=limit)


@register.simple_tag
def review_permitted(product, user) -> bool:
    return product_review_permitted(product=product, user=user)


@register.simple_tag
def approved_reviews(product):
    return product_reviews_approved(product=product)
